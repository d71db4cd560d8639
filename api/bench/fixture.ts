/**
 * The benchmark fixture: N tenants, each with an admin, agents, customers, T tickets of M
 * messages, plus one long ticket of 50 messages with attachments (the ticket page). The
 * schema comes from the app's own migrations; the rows are written with multi-row INSERTs
 * in a few large transactions. Raw SQL on purpose (this is the fixture's own bulk loader,
 * not application code): every row carries its tenant_id explicitly.
 */
import { rmSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from '../src/platform/auth/password.js';
import { loadConfig } from '../src/platform/config.js';
import { initOrm, releaseDatabaseLock } from '../src/platform/db/orm.js';
import { createLogger } from '../src/platform/logger.js';
import { entities } from '../src/modules/index.js';
import { MetricsWriter } from '../src/modules/reports/metrics.writer.js';
import { SlaService } from '../src/modules/sla/sla.service.js';

export const BENCH_PASSWORD = 'bench-password-1';

export interface FixtureSize {
  tenants: number;
  ticketsPerTenant: number;
  messagesPerTicket: number;
}

export interface FixtureTenant {
  id: string;
  slug: string;
  adminEmail: string;
  customerIds: string[];
  /** The ticket with 50 messages and attachments. */
  longTicketId: string;
}

export type Target = { kind: 'sqlite'; path: string } | { kind: 'mariadb'; url: string };

/** Rows of one table: column names and value tuples. */
interface Batch {
  table: string;
  columns: string[];
  rows: unknown[][];
}

/** Deterministic pseudo-random numbers, so every run benchmarks the same data. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TAGS = ['billing', 'login', 'refund', 'bug', 'urgent', 'mobile', 'vip', 'invoice'];
const PRIORITIES: Array<[string, number]> = [['LOW', 1], ['MEDIUM', 2], ['HIGH', 3]];
const CATEGORIES = ['TECHNICAL', 'BILLING', 'ACCOUNT', 'OTHER'];
const STATUSES = ['OPEN', 'OPEN', 'IN_PROGRESS', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'];
const SLA_NEVER = new Date('9999-12-31T00:00:00.000Z');
const AGENTS = 10;
const CUSTOMERS = 200;
const LONG_MESSAGES = 50;

/** Builds every row in memory (about 1.1 M rows at full size), tenant by tenant. */
function* tenantBatches(size: FixtureSize, t: number, passwordHash: string, out: FixtureTenant[]): Generator<Batch> {
  const rnd = prng(1000 + t);
  const tenantId = uuidv7();
  const slug = `bench${t + 1}`;
  const base = Date.UTC(2026, 0, 1) + t * 1000;
  const at = (ms: number) => new Date(base + ms);
  yield { table: 'tenants', columns: ['id', 'created_at', 'updated_at', 'slug', 'name'], rows: [[tenantId, at(0), at(0), slug, `Bench Tenant ${t + 1}`]] };

  const users: unknown[][] = [];
  const members: unknown[][] = [];
  const addUser = (local: string, name: string, role: string) => {
    const id = uuidv7();
    users.push([id, at(0), at(0), `${local}@${slug}.example`, name, passwordHash, 1, 0]);
    members.push([uuidv7(), at(0), at(0), tenantId, id, role, 1]);
    return id;
  };
  const adminId = addUser('admin', `Admin ${t + 1}`, 'ADMIN');
  const agents = Array.from({ length: AGENTS }, (_, i) => addUser(`agent${i + 1}`, `Agent ${i + 1}`, 'AGENT'));
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => addUser(`customer${i + 1}`, `Customer ${i + 1} of ${slug}`, 'CUSTOMER'));
  yield { table: 'users', columns: ['id', 'created_at', 'updated_at', 'email', 'name', 'password_hash', 'active', 'must_change_password'], rows: users };
  yield { table: 'memberships', columns: ['id', 'created_at', 'updated_at', 'tenant_id', 'user_id', 'role', 'active'], rows: members };

  const ticketCols = [
    'id', 'created_at', 'updated_at', 'tenant_id', 'number', 'title', 'description', 'status', 'priority', 'priority_rank', 'category',
    'channel', 'customer_id', 'assignee_id', 'escalation_level', 'tags', 'version', 'first_response_at', 'resolved_at', 'closed_at',
    'sla_business_hours', 'sla_paused_minutes', 'sla_notified', 'sla_due_at', 'sla_at_risk_at', 'sla_next_check_at',
  ];
  const messageCols = ['id', 'created_at', 'updated_at', 'tenant_id', 'ticket_id', 'author_id', 'body', 'internal', 'kind'];
  const tagCols = ['id', 'created_at', 'updated_at', 'tenant_id', 'ticket_id', 'tag'];
  const attachmentCols = ['id', 'created_at', 'updated_at', 'tenant_id', 'message_id', 'ticket_id', 'uploader_id', 'filename', 'content_type', 'size', 'storage_key'];
  let longTicketId = '';
  const CHUNK = 2000;
  for (let start = 0; start < size.ticketsPerTenant; start += CHUNK) {
    const tickets: unknown[][] = [];
    const messages: unknown[][] = [];
    const tags: unknown[][] = [];
    const attachments: unknown[][] = [];
    for (let i = start; i < Math.min(size.ticketsPerTenant, start + CHUNK); i++) {
      const id = uuidv7();
      const created = i * 60_000;
      const isLong = i === size.ticketsPerTenant - 1; // the newest ticket: first on the board
      if (isLong) longTicketId = id;
      const customer = customers[Math.floor(rnd() * customers.length)];
      const assignee = rnd() < 0.8 ? agents[Math.floor(rnd() * agents.length)] : null;
      const [priority, rank] = PRIORITIES[Math.floor(rnd() * PRIORITIES.length)];
      const ticketTags = TAGS.filter(() => rnd() < 0.2);
      const count = isLong ? LONG_MESSAGES : size.messagesPerTicket;
      const status = STATUSES[Math.floor(rnd() * STATUSES.length)];
      for (let m = 0; m < count; m++) {
        const messageId = uuidv7();
        const fromCustomer = m % 2 === 0;
        const internal = !fromCustomer && rnd() < 0.1 ? 1 : 0;
        const author = fromCustomer ? customer : (assignee ?? agents[0]);
        messages.push([messageId, at(created + (m + 1) * 1000), at(created + (m + 1) * 1000), tenantId, id, author, `Message ${m + 1} on ticket ${i + 1}: ${'lorem ipsum dolor sit amet '.repeat(1 + (m % 3))}`.trim(), internal, 'TEXT']);
        if (isLong && m % 5 === 0) {
          attachments.push([uuidv7(), at(created + m * 1000), at(created + m * 1000), tenantId, messageId, id, author, `file-${m}.pdf`, 'application/pdf', 1000 + m, `${tenantId}/${messageId}`]);
        }
      }
      const updated = created + count * 1000;
      tickets.push([
        id, at(created), at(updated), tenantId, 1001 + i, `Ticket ${i + 1}: cannot sign in on ${slug}`, `Description of ticket ${i + 1}`, status,
        priority, rank, CATEGORIES[i % CATEGORIES.length], 'WEB', customer, assignee, 0, JSON.stringify(ticketTags), 1,
        assignee ? at(created + 2000) : null, status === 'RESOLVED' || status === 'CLOSED' ? at(updated) : null, status === 'CLOSED' ? at(updated) : null,
        0, 0, 0, SLA_NEVER, SLA_NEVER, SLA_NEVER,
      ]);
      for (const tag of ticketTags) tags.push([uuidv7(), at(created), at(created), tenantId, id, tag]);
    }
    yield { table: 'tickets', columns: ticketCols, rows: tickets };
    yield { table: 'messages', columns: messageCols, rows: messages };
    if (tags.length) yield { table: 'ticket_tags', columns: tagCols, rows: tags };
    if (attachments.length) yield { table: 'attachments', columns: attachmentCols, rows: attachments };
  }
  yield { table: 'tenant_counters', columns: ['tenant_id', 'name', 'value'], rows: [[tenantId, 'ticket_number', 1000 + size.ticketsPerTenant]] };
  out.push({ id: tenantId, slug, adminEmail: `admin@${slug}.example`, customerIds: customers, longTicketId });
  void adminId;
}

/** Applies the app's migrations to an empty database. */
async function migrate(target: Target): Promise<void> {
  const env: Record<string, string> = { NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent' };
  env.DATABASE_URL = target.kind === 'sqlite' ? `sqlite:${target.path}` : target.url;
  const orm = await initOrm(loadConfig(env), entities, createLogger('silent'));
  await orm.close(true);
  releaseDatabaseLock(orm);
}

/**
 * The ticket metrics rows and their roll-ups, written by the API's own metrics writer, so the
 * API starts on a complete database: without them its start-up sweep would spend the
 * benchmark recomputing every ticket in the background.
 */
async function fillMetrics(target: Target): Promise<void> {
  const env: Record<string, string> = { NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent' };
  env.DATABASE_URL = target.kind === 'sqlite' ? `sqlite:${target.path}` : target.url;
  const logger = createLogger('silent');
  const orm = await initOrm(loadConfig(env), entities, logger);
  try {
    await new MetricsWriter(orm, new SlaService(target.kind !== 'sqlite'), logger).sweep({ paced: false });
    // Into the database file itself: the file is copied, its write-ahead log is not.
    if (target.kind === 'sqlite') await orm.em.getConnection().execute('pragma wal_checkpoint(TRUNCATE)');
  } finally {
    await orm.close(true);
    releaseDatabaseLock(orm);
  }
}

async function loadSqlite(path: string, batches: Iterable<Batch>): Promise<void> {
  const { default: Database } = await import('libsql');
  const db = new Database(path);
  // The file stays in WAL mode (set when the API migrated it): changing the journal mode needs
  // the only connection, and libsql lets go of a closed connection's file only once its
  // prepared statements are garbage-collected (the migrating ORM's, here).
  db.exec('pragma busy_timeout = 15000');
  db.exec('pragma synchronous = off');
  db.exec('pragma cache_size = -262144');
  db.exec('begin');
  const statements = new Map<string, { run(...args: unknown[]): unknown }>();
  const ROWS = 400;
  for (const batch of batches) {
    for (let i = 0; i < batch.rows.length; i += ROWS) {
      const rows = batch.rows.slice(i, i + ROWS);
      const tuple = `(${batch.columns.map(() => '?').join(', ')})`;
      const sql = `insert into ${batch.table} (${batch.columns.join(', ')}) values ${rows.map(() => tuple).join(', ')}`;
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = db.prepare(sql)));
      statement.run(...rows.flat().map((v) => (v instanceof Date ? v.getTime() : v)));
    }
  }
  db.exec('commit');
  db.exec('analyze');
  // Everything into the main file, which is what gets copied.
  db.exec('pragma wal_checkpoint(TRUNCATE)');
  db.close();
}

async function loadMariadb(url: string, batches: Iterable<Batch>): Promise<void> {
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection({ uri: url.replace(/^mariadb:/, 'mysql:'), timezone: 'Z' });
  await conn.query('set foreign_key_checks = 0, unique_checks = 0');
  await conn.beginTransaction();
  const ROWS = 2000;
  let pending = 0;
  for (const batch of batches) {
    for (let i = 0; i < batch.rows.length; i += ROWS) {
      await conn.query(`insert into ${batch.table} (${batch.columns.join(', ')}) values ?`, [batch.rows.slice(i, i + ROWS)]);
      pending += Math.min(ROWS, batch.rows.length - i);
      if (pending > 100_000) {
        await conn.commit();
        await conn.beginTransaction();
        pending = 0;
      }
    }
  }
  await conn.commit();
  await conn.query('analyze table tickets, messages, memberships, users, attachments');
  await conn.end();
}

/** Creates the database from scratch (dropping an earlier one) and fills it. */
export async function generateFixture(target: Target, size: FixtureSize): Promise<FixtureTenant[]> {
  if (target.kind === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(target.path + suffix, { force: true });
  } else {
    const mysql = await import('mysql2/promise');
    const url = new URL(target.url.replace(/^mariadb:/, 'mysql:'));
    const name = url.pathname.slice(1);
    if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected database name "${name}" in BENCH_MARIADB_URL`);
    url.pathname = '/';
    const admin = await mysql.createConnection({ uri: url.toString() });
    await admin.query(`drop database if exists \`${name}\``);
    await admin.query(`create database \`${name}\``);
    await admin.end();
  }
  await migrate(target);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const tenants: FixtureTenant[] = [];
  function* all() {
    for (let t = 0; t < size.tenants; t++) yield* tenantBatches(size, t, passwordHash, tenants);
  }
  if (target.kind === 'sqlite') await loadSqlite(target.path, all());
  else await loadMariadb(target.url, all());
  await fillMetrics(target);
  return tenants;
}
