import { Button, Group, Stack } from '@mantine/core';
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
  if (viewer.isStaff) items.push({ to: '/chats', label: 'nav.chats', match: (p) => p.startsWith('/chats') });
  items.push({
    to: '/tickets',
    label: viewer.isCustomer ? 'nav.myTickets' : 'nav.list',
    match: (p) => p === '/tickets' || (p.startsWith('/tickets/') && p !== '/tickets/new'),
  });
  items.push({ to: '/tickets/new', label: 'nav.newTicket', match: (p) => p === '/tickets/new' });
  if (viewer.isStaff) items.push({ to: '/reports', label: 'nav.reports', match: (p) => p.startsWith('/reports') });
  if (viewer.isStaff) items.push({ to: '/canned-responses', label: 'nav.canned', match: (p) => p.startsWith('/canned-responses') });
  if (viewer.isStaff) items.push({ to: '/macros', label: 'nav.macros', match: (p) => p.startsWith('/macros') });
  if (viewer.isStaff) items.push({ to: '/graphiql', label: 'nav.graphiql', match: (p) => p.startsWith('/graphiql') });
  if (viewer.isAdmin) items.push({ to: '/settings/sla', label: 'nav.settings', match: (p) => p.startsWith('/settings') });
  if (viewer.me?.platformOperator) items.push({ to: '/operator/tenants', label: 'nav.tenants', match: (p) => p.startsWith('/operator') });
  return items;
}

/** The menu as a row (header), or as a column (the phone menu). */
export function NavLinks({ viewer, vertical = false }: { viewer: Viewer; vertical?: boolean }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const Container = vertical ? Stack : Group;
  return (
    <Container component="nav" gap={4} wrap="nowrap" aria-label={t('nav.menu')}>
      {navItemsFor(viewer).map((item) => {
        const active = item.match(pathname);
        return (
          <Button
            key={item.to}
            component={Link}
            to={item.to}
            size={vertical ? 'md' : 'compact-sm'}
            justify={vertical ? 'flex-start' : undefined}
            fullWidth={vertical}
            variant={active ? 'light' : 'subtle'}
            color={active ? 'indigo' : 'gray'}
            // Darker text than Mantine's default for these variants, for AA contrast.
            c={active ? 'indigo.9' : 'dark.6'}
            aria-current={active ? 'page' : undefined}
          >
            {t(item.label)}
          </Button>
        );
      })}
    </Container>
  );
}
