import type { EntityManager } from '@mikro-orm/core';
import { Role } from '../../platform/auth/principal.js';
import { hashPassword } from '../../platform/auth/password.js';
import { TENANT_FILTER } from '../../platform/db/base.entity.js';
import type { Logger } from '../../platform/logger.js';
import { seedCannedResponses } from '../canned/canned.demo.js';
import { seedMacros } from '../macro/macro.demo.js';
import { seedSavedViews } from '../views/saved-view.demo.js';
import { seedTicketStatuses } from '../ticket/ticket-status.demo.js';
import { Tenant } from '../tenant/tenant.entity.js';
import { normalisePresetTags } from '../tenant/tenant.service.js';
import { Membership } from '../user/membership.entity.js';
import { seedDemoHistory } from '../reports/reports.service.js';
import { User } from '../user/user.entity.js';
import { seedChatDemo } from '../chat/chat.demo.js';
import { seedDemoRoles } from '../role/role.demo.js';
import { seedDemoIntegrations } from './demo-integrations.js';

export const DEMO_PASSWORD = 'sociodesk-demo';

const DEMO_TENANTS = [
  { slug: 'acme', name: 'Acme Corporation', domain: 'acme.example' },
  { slug: 'globex', name: 'Globex Inc.', domain: 'globex.example' },
];

const DEMO_MEMBERS: Array<{ local: string; name: string; role: Role; active?: boolean }> = [
  { local: 'admin', name: 'Admin', role: Role.ADMIN },
  { local: 'agent1', name: 'Agent One', role: Role.AGENT },
  { local: 'agent2', name: 'Agent Two', role: Role.AGENT },
  { local: 'customer1', name: 'Customer One', role: Role.CUSTOMER },
  { local: 'customer2', name: 'Customer Two', role: Role.CUSTOMER },
  // A deactivated member: shown on the members screen, and told so when signing in.
  { local: 'former', name: 'Former Customer', role: Role.CUSTOMER, active: false },
];

/**
 * Loads the demo tenants and users when the database has no tenant yet; with `history`, also
 * 90 days of tickets per tenant (reports) with notifications, webhooks and API keys, left out
 * with SEED_DEMO_DATA=minimal.
 */
/** The tags staff pick from in the demo workspaces (shown normalised, e.g. `investasi-pma-pmdn`). */
const DEMO_PRESET_TAGS = ['Perizinan Baru', 'Perpanjangan Izin', 'Investasi PMA/PMDN', 'Pajak Daerah', 'Masalah Teknis'];

export async function seedDemoData(em: EntityManager, logger: Logger, history = false): Promise<boolean> {
  if ((await em.count(Tenant, {})) > 0) return false;
  // One hash for every demo account (they share the password): hashing is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await em.transactional(async (tx) => {
    for (const t of DEMO_TENANTS) {
      const tenant = tx.create(Tenant, {
        slug: t.slug,
        name: t.name,
        presetTags: normalisePresetTags(DEMO_PRESET_TAGS),
        widgetColor: t.slug === 'acme' ? '#1c7ed6' : '#2f9e44',
        widgetGreeting: `Hi! ${t.name} support here. How can we help?`,
        widgetGreetingIndonesian: `Halo! Tim dukungan ${t.name} di sini. Ada yang bisa kami bantu?`,
      });
      await tx.flush();
      // Seeding has no principal: scope this transaction's EntityManager to each tenant in turn.
      tx.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
      const ids: Record<string, string> = {};
      const roles = seedDemoRoles(tx);
      for (const m of DEMO_MEMBERS) {
        const company = t.name.split(' ')[0];
        // Globex's admin is also the demo platform operator (the Tenants screen).
        const platformOperator = t.slug === 'globex' && m.local === 'admin';
        const user = tx.create(User, { email: `${m.local}@${t.domain}`, name: `${company} ${m.name}`, passwordHash, platformOperator });
        tx.create(Membership, { user, role: m.role, active: m.active ?? true });
        ids[m.local] = user.id;
      }
      // A team lead: an agent with the reports (a custom role).
      const lead = tx.create(User, { email: `lead@${t.domain}`, name: `${t.name.split(' ')[0]} Team Lead`, passwordHash });
      tx.create(Membership, { user: lead, role: Role.AGENT, customRoleId: roles.teamLead.id });
      seedMacros(tx, ids, seedCannedResponses(tx, ids));
      seedSavedViews(tx, ids);
      seedTicketStatuses(tx);
      await tx.flush();
      await seedChatDemo(tx, t.slug);
      await tx.flush();
      if (history) {
        const people = { adminId: ids.admin, agentIds: [ids.agent1, ids.agent2], customerIds: [ids.customer1, ids.customer2] };
        await seedDemoHistory(tx, tenant.id, DEMO_TENANTS.indexOf(t) + 1, people, passwordHash);
        await seedDemoIntegrations(tx, t.slug, people, Date.now());
        await tx.flush();
      }
    }
  });
  logger.info({ tenants: DEMO_TENANTS.map((t) => t.slug) }, 'loaded demo data');
  return true;
}
