import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forTenant } from '../../../platform/db/scope.js';
import { testDatabases } from '../../../test/databases.js';
import { gql, gqlOk, type GraphQLResult } from '../../../test/graphql.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor, type TestTenant } from '../../../test/tenants.js';
import { connectedWs, disposeAllWs } from '../../../test/ws.js';
import { TicketEvent } from '../../activity/ticket-event.entity.js';
import { Ticket } from '../../ticket/ticket.entity.js';
import { TicketEventType } from '../../ticket/ticket.events.js';
import { TicketChannel, TicketPriority, TicketCategory } from '../../ticket/ticket.enums.js';
import { SlaRecomputeJob } from '../sla.entity.js';

const SET = `mutation S($i: SlaPolicyInput!) { setSlaPolicy(input: $i) { id } }`;
const EVENTS = `subscription { ticketEvents { type ticketId changes { field from to } ticket { id firstResponseDueAt } } }`;
const N = 450;
const BATCH = 200;
const minutes = (t: Ticket) => (t.firstResponseDueAt!.getTime() - t.createdAt.getTime()) / 60_000;

/** The tickets of a policy change are recomputed after the write, in batches of SLA_RECOMPUTE_BATCH, each its own transaction. */
describe.each(await testDatabases())('bulk SLA recompute on %s', (db) => {
  let server: TestServer;
  let t: TestTenant;
  let other: TestTenant;
  let admin: string;
  let agent: string;
  /** Ticket rows updated and events recorded per flush while counting (a batch flushes once, at its commit). */
  const flushes: Array<{ tickets: number; events: number; inTransaction: boolean }> = [];
  /** The recompute's batches: the flushes that recorded ticket events. */
  const batches = () => flushes.filter((f) => f.events > 0);
  const settle = async () => {
    await server.app.workers.slaRecompute.idle();
    await server.app.workers.metrics.idle();
  };
  let counting = false;

  const tickets = async (tenantId: string) => forTenant(server.app.orm.em, tenantId).find(Ticket, {}, { orderBy: { id: 'asc' } });
  const insertTickets = async (tenant: TestTenant, count: number, from: number) => {
    const em = forTenant(server.app.orm.em, tenant.id);
    for (let i = 0; i < count; i++) {
      em.create(Ticket, {
        number: from + i,
        title: `Bulk ${i}`,
        description: 'd',
        priority: TicketPriority.MEDIUM,
        priorityRank: 2,
        category: TicketCategory.TECHNICAL,
        channel: TicketChannel.WEB,
        customerId: tenant.customer1.id,
      });
    }
    await em.flush();
  };

  beforeAll(async () => {
    server = await startTestServer(db, { SLA_RECOMPUTE_BATCH: String(BATCH), SLA_RECOMPUTE_PAUSE_MS: '0' });
    t = await createTestTenant(server.app, 'bulk');
    other = await createTestTenant(server.app, 'bulk-other');
    admin = await tokenFor(server.url, t.admin);
    agent = await tokenFor(server.url, t.agent1);
    await insertTickets(t, N, 5000);
    await insertTickets(other, 5, 5000);
    const subscriber: EventSubscriber = {
      afterFlush: (args: FlushEventArgs) => {
        if (!counting) return;
        const sets = args.uow.getChangeSets();
        const tickets = sets.filter((c) => c.name === 'Ticket').length;
        const events = sets.filter((c) => c.name === 'TicketEvent').length;
        if (tickets || events) flushes.push({ tickets, events, inTransaction: args.em.isInTransaction() });
      },
    };
    server.app.orm.em.getEventManager().registerSubscriber(subscriber);
  });
  afterAll(async () => {
    await disposeAllWs();
    await server?.stop();
  });

  it('returns from the policy write at once, then recomputes every ticket in ceil(N/batch) transactions with an event each', async () => {
    const ws = await connectedWs(server.url, agent);
    const sub = ws.subscribe(EVENTS);
    const otherWs = await connectedWs(server.url, await tokenFor(server.url, other.agent1));
    const otherSub = otherWs.subscribe(EVENTS);
    await new Promise((r) => setTimeout(r, 300)); // subscriptions registered before the change
    counting = true;
    const write = await gql(server.url, SET, { i: { category: 'TECHNICAL', firstResponseMinutes: 10, resolutionMinutes: 60, businessHours: false } }, { token: admin });
    expect(write.errors).toBeUndefined();
    // The write itself touched no ticket: a handful of statements for 450 tickets.
    expect(write.extensions!.sqlStatements as number).toBeLessThan(15);
    await settle();
    counting = false;

    expect(batches()).toEqual([BATCH, BATCH, N - 2 * BATCH].map((n) => ({ tickets: n, events: n, inTransaction: true })));
    const mine = await tickets(t.id);
    expect(mine).toHaveLength(N);
    for (const ticket of mine) expect(minutes(ticket)).toBeCloseTo(10, 3);
    expect(await forTenant(server.app.orm.em, t.id).count(SlaRecomputeJob, {})).toBe(0);

    const events = await sub.take(N, 30_000);
    expect(new Set(events.map((e) => e.ticketId)).size).toBe(N);
    for (const e of events) {
      expect(e.type).toBe('TICKET_UPDATED');
      expect(e.changes.map((c: { field: string }) => c.field)).toEqual(['firstResponseDueAt', 'resolutionDueAt']);
      expect(e.ticket.firstResponseDueAt).not.toBeNull();
    }
    const recorded = await forTenant(server.app.orm.em, t.id).count(TicketEvent, { type: TicketEventType.TICKET_UPDATED });
    expect(recorded).toBe(N);

    // The other tenant: no policy, no change, no event.
    for (const ticket of await tickets(other.id)) expect(ticket.firstResponseDueAt).toBeNull();
    await otherSub.expectNothing(300);
  });

  it('changes nothing and records no event when the same policy is written again', async () => {
    counting = true;
    flushes.length = 0;
    await gqlOk(server.url, SET, { i: { category: 'TECHNICAL', firstResponseMinutes: 10, resolutionMinutes: 60, businessHours: false } }, { token: admin });
    await settle();
    counting = false;
    expect(batches()).toEqual([]);
    // SQLite's date columns read back dirty, so its unit of work rewrites unchanged rows; MariaDB writes nothing.
    if (db === 'mariadb') expect(flushes).toEqual([]);
    expect((await tickets(t.id)).every((x) => x.version === 1)).toBe(true);
    expect(await forTenant(server.app.orm.em, t.id).count(TicketEvent, { type: TicketEventType.TICKET_UPDATED })).toBe(N);
  });

  it('resumes a job another runner left mid-way at its cursor, and leaves a job that is still claimed alone', async () => {
    const em = forTenant(server.app.orm.em, t.id);
    const all = await tickets(t.id);
    // A runner that applied a 20-minute policy to the first batch, then died.
    const policy = (await gqlOk(server.url, `{ slaPolicies { id category } }`, {}, { token: admin })).slaPolicies[0];
    await em.nativeUpdate('SlaPolicy', { id: policy.id }, { firstResponseMinutes: 20, resolutionMinutes: 90 });
    const claimedUntil = new Date(Date.now() + 60_000);
    em.create(SlaRecomputeJob, { policyScope: 'TECHNICAL', policyCursor: all[BATCH - 1]!.id, lockedBy: 'gone:1', lockedUntil: claimedUntil });
    await em.flush();

    flushes.length = 0;
    counting = true;
    server.app.workers.slaRecompute.kick();
    await settle();
    expect(flushes).toEqual([]); // still claimed by the other runner: not touched

    await em.nativeUpdate(SlaRecomputeJob, {}, { lockedUntil: new Date(Date.now() - 1000) });
    server.app.workers.slaRecompute.kick();
    await settle();
    counting = false;
    expect(batches()).toEqual([BATCH, N - 2 * BATCH].map((n) => ({ tickets: n, events: n, inTransaction: true })));
    const after = await tickets(t.id);
    expect(after.slice(0, BATCH).every((x) => Math.abs(minutes(x) - 10) < 0.001)).toBe(true);
    expect(after.slice(BATCH).every((x) => Math.abs(minutes(x) - 20) < 0.001)).toBe(true);
    expect(await em.count(SlaRecomputeJob, {})).toBe(0);
  });

  it('serves policy writes made at once by several admins, and while a recompute runs, without a failed write', async () => {
    const categories = ['BILLING', 'TECHNICAL', 'ACCOUNT', 'SERVICE'];
    const write = (category: string, minutes: number) =>
      gql(server.url, SET, { i: { category, firstResponseMinutes: minutes, resolutionMinutes: 600, businessHours: false } }, { token: admin });
    const expectAllOk = (results: GraphQLResult[]) => {
      for (const r of results) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    };
    // No job row yet: four writers race to create it (MariaDB: gap locks on its tenant index).
    for (let round = 0; round < 8; round++) {
      await settle();
      expectAllOk(await Promise.all(categories.map((c) => write(c, 30 + round))));
    }
    // While the 450 tickets' batches lock, advance and delete the job row.
    for (let round = 0; round < 6; round++) {
      expectAllOk(await Promise.all(categories.map((c) => write(c, 40 + round))));
      await new Promise((r) => setTimeout(r, 5 * round));
    }
    await settle();
    for (const ticket of await tickets(t.id)) expect(minutes(ticket)).toBeCloseTo(45, 3);
    expect(await forTenant(server.app.orm.em, t.id).count(SlaRecomputeJob, {})).toBe(0);
  });
});
