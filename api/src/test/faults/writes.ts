import { attempt, CREATE_TICKET, POST_MESSAGE, ticketInput, type Outcome, type Sql } from './harness.js';

/** Concurrent writers that remember every write the API acknowledged, and what was in flight. */

export interface AckedTicket {
  key: string;
  id: string;
  number: number;
}

export interface AckedMessage {
  key: string;
  id: string;
  ticketId: string;
}

export interface PendingWrite {
  kind: 'ticket' | 'message';
  key: string;
  ticketId?: string;
  outcome: Outcome;
}

export interface WriteLog {
  tickets: AckedTicket[];
  messages: AckedMessage[];
  /** Writes without an acknowledgement (in flight when the server died, or refused): retried with their key later. */
  pending: PendingWrite[];
  /** Every non-acknowledged outcome, for assertions on codes. */
  failures: Outcome[];
  /** Every outcome, acknowledged or not. */
  outcomes: Outcome[];
}

export interface WriterOptions {
  url: () => string;
  customerToken: string;
  agentToken: string;
  writers: number;
  /** Writers stop when this returns true. */
  stop: () => boolean;
  /** Stop a writer at its first failure (a killed API); otherwise keep writing. */
  stopOnFailure: boolean;
  prefix: string;
}

/** Each writer creates a ticket, then replies to tickets it created; every write carries an idempotency key. */
export const newWriteLog = (): WriteLog => ({ tickets: [], messages: [], pending: [], failures: [], outcomes: [] });

export async function runWriters(options: WriterOptions, log: WriteLog = newWriteLog()): Promise<WriteLog> {
  await Promise.all(
    Array.from({ length: options.writers }, async (_, w) => {
      const mine: AckedTicket[] = [];
      for (let i = 0; !options.stop(); i++) {
        const key = `${options.prefix}-w${w}-${i}`;
        const target = mine.length && i % 3 !== 0 ? mine[i % mine.length] : undefined;
        const outcome = target
          ? await attempt(options.url(), POST_MESSAGE, { input: { ticketId: target.id, body: `Reply ${key}`, idempotencyKey: key } }, options.agentToken)
          : await attempt(options.url(), CREATE_TICKET, { input: ticketInput(key) }, options.customerToken);
        log.outcomes.push(outcome);
        if (outcome.ok) {
          if (target) log.messages.push({ key, id: outcome.data!.postMessage.id, ticketId: target.id });
          else {
            const t = { key, id: outcome.data!.createTicket.id, number: outcome.data!.createTicket.number };
            log.tickets.push(t);
            mine.push(t);
          }
          continue;
        }
        log.failures.push(outcome);
        log.pending.push({ kind: target ? 'message' : 'ticket', key, ticketId: target?.id, outcome });
        if (options.stopOnFailure) return;
      }
    }),
  );
  return log;
}

/** Repeats each pending write with its idempotency key until it is acknowledged: it must run at most once. */
export async function retryPending(url: string, log: WriteLog, customerToken: string, agentToken: string): Promise<void> {
  for (const p of log.pending.splice(0)) {
    for (let tries = 0; ; tries++) {
      const outcome =
        p.kind === 'ticket'
          ? await attempt(url, CREATE_TICKET, { input: ticketInput(p.key) }, customerToken)
          : await attempt(url, POST_MESSAGE, { input: { ticketId: p.ticketId, body: `Reply ${p.key}`, idempotencyKey: p.key } }, agentToken);
      if (outcome.ok) {
        if (p.kind === 'ticket') log.tickets.push({ key: p.key, id: outcome.data!.createTicket.id, number: outcome.data!.createTicket.number });
        else log.messages.push({ key: p.key, id: outcome.data!.postMessage.id, ticketId: p.ticketId! });
        break;
      }
      if (tries >= 20) throw new Error(`retry of ${p.key} keeps failing: ${JSON.stringify(outcome)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

/**
 * What a crash must never leave behind, read straight from the tables of one tenant:
 * gaps in ticket numbers or event seq, counters out of step, a ticket without its
 * creation event or tag rows, a message without its event, an event of no ticket.
 * Returns the problems found (empty when consistent).
 */
export async function consistencyProblems(sql: Sql, tenantId: string): Promise<string[]> {
  const problems: string[] = [];
  const tickets = await sql.all<{ id: string; number: number; tags: unknown }>('select id, number, tags from tickets where tenant_id = ? order by number', [tenantId]);
  const events = await sql.all<{ seq: number | string; type: string; ticket_id: string; payload: unknown }>(
    'select seq, type, ticket_id, payload from ticket_events where tenant_id = ? order by seq',
    [tenantId],
  );
  const messages = await sql.all<{ id: string; ticket_id: string }>('select id, ticket_id from messages where tenant_id = ?', [tenantId]);
  const tags = await sql.all<{ ticket_id: string; tag: string }>('select ticket_id, tag from ticket_tags where tenant_id = ?', [tenantId]);
  const counters = await sql.all<{ name: string; value: number | string }>('select name, value from tenant_counters where tenant_id = ?', [tenantId]);

  tickets.forEach((t, i) => {
    if (Number(t.number) !== 1001 + i) problems.push(`ticket numbers have a gap: position ${i} holds #${t.number}`);
  });
  events.forEach((e, i) => {
    if (Number(e.seq) !== i + 1) problems.push(`event seq has a gap: position ${i} holds seq ${e.seq}`);
  });
  const counter = (name: string) => Number(counters.find((c) => c.name === name)?.value ?? 0);
  if (tickets.length && counter('ticket_number') !== 1000 + tickets.length) problems.push(`ticket_number counter ${counter('ticket_number')} for ${tickets.length} tickets`);
  if (counter('event_seq') !== events.length) problems.push(`event_seq counter ${counter('event_seq')} for ${events.length} events`);

  const ticketIds = new Set(tickets.map((t) => t.id));
  const created = new Map<string, number>();
  const posted = new Map<string, number>();
  for (const e of events) {
    if (!ticketIds.has(e.ticket_id)) problems.push(`event ${e.seq} (${e.type}) belongs to no ticket`);
    if (e.type === 'TICKET_CREATED') created.set(e.ticket_id, (created.get(e.ticket_id) ?? 0) + 1);
    if (e.type === 'MESSAGE_POSTED') {
      const id = (parse(e.payload) as { messageId?: string; message?: { id: string } }).messageId ?? parse(e.payload).message?.id;
      posted.set(id, (posted.get(id) ?? 0) + 1);
    }
  }
  for (const t of tickets) {
    if (created.get(t.id) !== 1) problems.push(`ticket #${t.number} has ${created.get(t.id) ?? 0} TICKET_CREATED events`);
    const expected = [...(parse(t.tags) as string[])].sort().join(',');
    const rows = tags.filter((r) => r.ticket_id === t.id).map((r) => r.tag).sort().join(',');
    if (expected !== rows) problems.push(`ticket #${t.number} tags [${expected}] but tag rows [${rows}]`);
  }
  for (const m of messages) {
    if (!ticketIds.has(m.ticket_id)) problems.push(`message ${m.id} belongs to no ticket`);
    if (posted.get(m.id) !== 1) problems.push(`message ${m.id} has ${posted.get(m.id) ?? 0} MESSAGE_POSTED events`);
  }
  return problems;
}
