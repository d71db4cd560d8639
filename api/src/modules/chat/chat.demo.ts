import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { Role } from '../../platform/auth/principal.js';
import { SlaPolicy } from '../sla/sla.entity.js';
import { TicketCategory, TicketPriority } from '../ticket/ticket.enums.js';
import { Membership } from '../user/membership.entity.js';
import { ChatAgent, Department, DepartmentMember, WidgetKey } from './chat.entity.js';

/** The demo tenant's widget key: /widget-demo embeds it. */
export const DEMO_WIDGET_KEY = 'wk_demo_acme_website';

const DEPARTMENTS = ['Perizinan Usaha', 'Investasi', 'Perpajakan', 'Teknis'];

/**
 * Live-chat demo data for one tenant (the transaction's EntityManager scoped to it): the four
 * departments with the agents in them, a widget key for the local demo page, and SLA targets
 * for URGENT tickets.
 */
export async function seedChatDemo(tx: EntityManager, slug: string): Promise<void> {
  const staff = await tx.find(Membership, { role: { $in: [Role.ADMIN, Role.AGENT] }, active: true }, { populate: ['user'], orderBy: { user: { email: 'asc' } } });
  const agents = staff.filter((m) => m.role === Role.AGENT).map((m) => m.user.id);
  DEPARTMENTS.forEach((name, i) => {
    const dept = tx.create(Department, { name });
    // Every agent answers the first two; the others alternate, so routing has a choice everywhere.
    const members = i < 2 ? agents : agents.filter((_, j) => j % 2 === i % 2);
    for (const userId of members.length ? members : agents) tx.create(DepartmentMember, { departmentId: dept.id, userId });
  });
  for (const m of staff) tx.create(ChatAgent, { userId: m.user.id, capacity: m.role === Role.ADMIN ? 1 : 3 });
  tx.create(WidgetKey, {
    name: 'Demo website',
    key: slug === 'acme' ? DEMO_WIDGET_KEY : `wk_demo_${slug}_website`,
    allowedOrigins: ['http://localhost:4000', 'http://127.0.0.1:4000', 'http://localhost:5173'],
    color: slug === 'acme' ? '#1c7ed6' : '#2f9e44',
    // No greeting of its own: the widget shows the workspace's, in the visitor's language.
    greeting: null,
    identitySecret: null,
  });
  // A key for a signed-in app: its server signs each visitor's id with the identity secret.
  tx.create(WidgetKey, {
    name: 'Customer app (signed-in visitors)',
    key: `wk_demo_${slug}_app`,
    allowedOrigins: [`https://app.${slug}.example`],
    greeting: null,
    identitySecret: randomBytes(32).toString('hex'),
    requireIdentity: true,
  });
  for (const category of Object.values(TicketCategory)) {
    tx.create(SlaPolicy, { category, priorityKey: TicketPriority.URGENT, firstResponseMinutes: 15, resolutionMinutes: 240, businessHours: false });
  }
}
