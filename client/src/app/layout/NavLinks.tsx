import { Button, Group, Menu, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';
import { seesReports, settingsStartPath } from '../navigation';
import type { Viewer } from '../viewer';

interface NavItem {
  to: string;
  label: MessageKey;
  /** Also active on these path prefixes. */
  match: (pathname: string) => boolean;
  /** Tools used now and then: in the header they sit in the "More" menu (the phone menu lists them all). */
  secondary?: boolean;
}

/** The menu entries a role may use. */
export function navItemsFor(viewer: Pick<Viewer, 'isStaff' | 'isAdmin' | 'isCustomer' | 'can'> & { me?: { platformOperator?: boolean } }): NavItem[] {
  const items: NavItem[] = [];
  const staff = (permission: string) => viewer.isStaff && viewer.can(permission);
  if (staff('tickets.read')) items.push({ to: '/board', label: 'nav.board', match: (p) => p.startsWith('/board') });
  if (staff('chat.accept')) items.push({ to: '/chats', label: 'nav.chats', match: (p) => p.startsWith('/chats') });
  if (viewer.can('tickets.read')) {
    items.push({
      to: '/tickets',
      label: viewer.isCustomer ? 'nav.myTickets' : 'nav.list',
      match: (p) => p === '/tickets' || (p.startsWith('/tickets/') && p !== '/tickets/new'),
    });
  }
  if (viewer.can('tickets.create')) items.push({ to: '/tickets/new', label: 'nav.newTicket', match: (p) => p === '/tickets/new' });
  if (seesReports(viewer)) items.push({ to: '/reports', label: 'nav.reports', match: (p) => p.startsWith('/reports') });
  if (staff('canned.manage')) items.push({ to: '/canned-responses', label: 'nav.canned', match: (p) => p.startsWith('/canned-responses'), secondary: true });
  if (staff('macros.manage')) items.push({ to: '/macros', label: 'nav.macros', match: (p) => p.startsWith('/macros'), secondary: true });
  if (viewer.isStaff) items.push({ to: '/graphiql', label: 'nav.graphiql', match: (p) => p.startsWith('/graphiql'), secondary: true });
  const settings = settingsStartPath(viewer);
  if (settings) items.push({ to: settings, label: 'nav.settings', match: (p) => p.startsWith('/settings') });
  if (viewer.me?.platformOperator) items.push({ to: '/operator/tenants', label: 'nav.tenants', match: (p) => p.startsWith('/operator'), secondary: true });
  return items;
}

/** The menu as a row (header), or as a column (the phone menu). */
export function NavLinks({ viewer, vertical = false }: { viewer: Viewer; vertical?: boolean }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const Container = vertical ? Stack : Group;
  const items = navItemsFor(viewer);
  const primary = vertical ? items : items.filter((item) => !item.secondary);
  const more = vertical ? [] : items.filter((item) => item.secondary);
  const moreActive = more.some((item) => item.match(pathname));
  return (
    <Container component="nav" gap={4} wrap="nowrap" aria-label={t('nav.menu')}>
      {primary.map((item) => {
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
      {more.length > 0 && (
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="compact-sm" variant={moreActive ? 'light' : 'subtle'} color={moreActive ? 'indigo' : 'gray'} c={moreActive ? 'indigo.9' : 'dark.6'} data-testid="nav-more">
              {t('nav.more')}
              <span aria-hidden="true">&nbsp;▾</span>
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {more.map((item) => (
              <Menu.Item key={item.to} component={Link} to={item.to} aria-current={item.match(pathname) ? 'page' : undefined}>
                {t(item.label)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Container>
  );
}
