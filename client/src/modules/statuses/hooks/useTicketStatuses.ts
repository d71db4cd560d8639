import { useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { useI18n, type Language } from '../../../app/i18n';
import { TicketStatusesDocument, type TicketStatusFieldsFragment } from '../../../generated/graphql';

type Translate = ReturnType<typeof useI18n>['t'];
export type StatusNameSource = Pick<TicketStatusFieldsFragment, 'key' | 'builtIn' | 'name' | 'nameIndonesian'>;

/** A status's name in the UI language: built-in ones from the dictionary, the workspace's own as the admin named them. */
export function statusName(s: StatusNameSource, t: Translate, language: Language): string {
  if (s.builtIn) return t(`status.${s.key}` as Parameters<Translate>[0]);
  return language === 'id' && s.nameIndonesian ? s.nameIndonesian : s.name;
}

/** The workspace's statuses (built-in and its own, per category, in order), and how to name one. */
export function useTicketStatuses(options: { skip?: boolean } = {}) {
  const { t, language } = useI18n();
  const { data, loading, error, refetch } = useQuery(TicketStatusesDocument, { skip: options.skip });
  const nameOf = useCallback((s: StatusNameSource) => statusName(s, t, language), [t, language]);
  return { statuses: data?.ticketStatuses ?? null, loading, error, refetch, nameOf };
}
