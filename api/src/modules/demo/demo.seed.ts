import type { EntityManager } from '@mikro-orm/core';
import { Role } from '../../platform/auth/principal.js';
import { hashPassword } from '../../platform/auth/password.js';
import { TENANT_FILTER } from '../../platform/db/base.entity.js';
import type { Logger } from '../../platform/logger.js';
import { Tenant } from '../tenant/tenant.entity.js';
import { Membership } from '../user/membership.entity.js';
import { User } from '../user/user.entity.js';
import { seedChatDemo } from '../chat/chat.demo.js';

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

/** Loads the demo tenants and users when the database has no tenant yet. */
export async function seedDemoData(em: EntityManager, logger: Logger): Promise<boolean> {
  if ((await em.count(Tenant, {})) > 0) return false;
  await em.transactional(async (tx) => {
    for (const t of DEMO_TENANTS) {
      const tenant = tx.create(Tenant, { slug: t.slug, name: t.name });
      await tx.flush();
      // Seeding has no principal: scope this transaction's EntityManager to each tenant in turn.
      tx.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
      for (const m of DEMO_MEMBERS) {
        const company = t.name.split(' ')[0];
        const passwordHash = await hashPassword(DEMO_PASSWORD);
        // Globex's admin is also the demo platform operator (the Tenants screen).
        const platformOperator = t.slug === 'globex' && m.local === 'admin';
        const user = tx.create(User, { email: `${m.local}@${t.domain}`, name: `${company} ${m.name}`, passwordHash, platformOperator });
        tx.create(Membership, { user, role: m.role, active: m.active ?? true });
      }
      await tx.flush();
      await seedChatDemo(tx, t.slug);
      await tx.flush();
    }
  });
  logger.info({ tenants: DEMO_TENANTS.map((t) => t.slug) }, 'loaded demo data');
  return true;
}
