import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';
import type { Viewer } from '../viewer';

interface NavItem {
  to: string;
  label: MessageKey;
  /** Also active on these path prefixes. */
  match: (pathname: string) => boolean;
}

/** The menu entries a role may use. */
export function navItemsFor(viewer: Pick<Viewer, 'isStaff' | 'isAdmin' | 'isCustomer'> & { me?: { platformOperator?: boolean } }): NavItem[] {
  const items: NavItem[] = [];
  if (viewer.isStaff) items.push({ to: '/board', label: 'nav.board', match: (p) => p.startsWith('/board') });
  items.push({
    to: '/tickets',
    label: viewer.isCustomer ? 'nav.myTickets' : 'nav.list',
    match: (p) => p === '/tickets' || (p.startsWith('/tickets/') && p !== '/tickets/new'),
  });
  if (viewer.isAdmin || viewer.isCustomer) items.push({ to: '/tickets/new', label: 'nav.newTicket', match: (p) => p === '/tickets/new' });
  if (viewer.isStaff) items.push({ to: '/graphiql', label: 'nav.graphiql', match: (p) => p.startsWith('/graphiql') });
  if (viewer.isAdmin) items.push({ to: '/settings/sla', label: 'nav.settings', match: (p) => p.startsWith('/settings') });
  if (viewer.me?.platformOperator) items.push({ to: '/operator/tenants', label: 'nav.tenants', match: (p) => p.startsWith('/operator') });
  return items;
}

export function NavLinks({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  return (
    <Group component="nav" gap={4} wrap="nowrap" aria-label={t('nav.menu')}>
      {navItemsFor(viewer).map((item) => {
        const active = item.match(pathname);
        return (
          <Button
            key={item.to}
            component={Link}
            to={item.to}
            size="compact-sm"
            variant={active ? 'light' : 'subtle'}
            color={active ? 'indigo' : 'gray'}
            aria-current={active ? 'page' : undefined}
          >
            {t(item.label)}
          </Button>
        );
      })}
    </Group>
  );
}
