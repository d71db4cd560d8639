import { describe, expect, it } from 'vitest';
import { Permission, Role } from '../generated/graphql';
import { me } from '../test/render';
import { navItemsFor } from './layout/NavLinks';
import { settingsStartPath, settingsTabsFor, startPath } from './navigation';
import { canFrom, permissionValue, viewerFromMe } from './viewer';

describe('viewer.can', () => {
  it('reads the permissions of me, by dotted name or enum value', () => {
    const can = canFrom([Permission.TicketsRead, Permission.ReportsView]);
    expect(permissionValue('tickets.assign')).toBe('TICKETS_ASSIGN');
    expect(can('tickets.read')).toBe(true);
    expect(can('REPORTS_VIEW')).toBe(true);
    expect(can('tickets.assign')).toBe(false);
    expect(canFrom(undefined)('tickets.read')).toBe(false);
  });

  it('keeps the built-in roles\' menus and start pages', () => {
    const admin = viewerFromMe(me(Role.Admin));
    const agent = viewerFromMe(me(Role.Agent));
    expect(settingsStartPath(admin)).toBe('/settings/sla');
    expect(settingsTabsFor(admin).map((t) => t.path)).toContain('/settings/roles');
    expect(settingsStartPath(agent)).toBeNull();
    expect(startPath(agent)).toBe('/board');
    expect(navItemsFor(agent).map((i) => i.to)).toEqual(expect.arrayContaining(['/board', '/reports', '/tickets/new']));
    expect(navItemsFor(viewerFromMe(me(Role.Customer))).map((i) => i.to)).toEqual(['/tickets', '/tickets/new']);
  });

  it('follows a custom role\'s permissions', () => {
    const observer = viewerFromMe(me(Role.Agent, 'o-1', [Permission.AccountUse, Permission.TicketsRead, Permission.StatsView, Permission.ReportsView]));
    const items = navItemsFor(observer).map((i) => i.to);
    expect(items).toEqual(expect.arrayContaining(['/board', '/tickets', '/reports']));
    expect(items).not.toContain('/tickets/new');
    expect(items).not.toContain('/chats');
    expect(items.some((p) => p.startsWith('/settings'))).toBe(false);
    const managers = viewerFromMe(me(Role.Agent, 'm-1', [Permission.AccountUse, Permission.UsersManage]));
    expect(settingsTabsFor(managers).map((t) => t.path)).toEqual(['/settings/members']);
    expect(settingsStartPath(managers)).toBe('/settings/members');
    expect(startPath(managers)).toBe('/settings/members');
  });
});
