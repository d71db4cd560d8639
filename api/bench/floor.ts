/**
 * The floors of the benchmark, behind plain node:http (no framework, no GraphQL server):
 * - POST /board and POST /ticket run the same SQL statements the API sends for the board
 *   page and the ticket page, on the same database, with prepared statements kept, and
 *   build the same JSON (`{ data: ... }`). The tenant comes from the X-Tenant header:
 *   a floor has no authentication. Raw SQL with explicit tenant predicates.
 * - POST /typename: graphql-js executing a cached, validated `{ __typename }` document.
 * - POST /apollo: the same schema in a bare Apollo Server 5 behind Express 5 (default
 *   plugins, nothing of Sociodesk's): what the GraphQL server framework alone costs.
 * Started by run.ts: `BENCH_DB=sqlite:<file>` or `BENCH_DB=mysql://…`; prints its port.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { buildSchema, execute, parse, validate, type DocumentNode } from 'graphql';

type Row = Record<string, unknown>;
type Query = (sql: string, params: unknown[]) => Promise<Row[]>;

async function connect(db: string): Promise<{ query: Query; toDate: (v: unknown) => string }> {
  if (db.startsWith('sqlite:')) {
    const { default: Database } = await import('libsql');
    const conn = new Database(db.slice('sqlite:'.length));
    const prepared = new Map<string, { all(...args: unknown[]): unknown[] }>();
    return {
      async query(sql, params) {
        let statement = prepared.get(sql);
        if (!statement) {
          statement = conn.prepare(sql) as unknown as { all(...args: unknown[]): unknown[] };
          prepared.set(sql, statement);
        }
        return statement.all(...params) as Row[];
      },
      toDate: (v) => new Date(Number(v)).toISOString(),
    };
  }
  const mysql = await import('mysql2/promise');
  const pool = mysql.createPool({ uri: db.replace(/^mariadb:/, 'mysql:'), timezone: 'Z', connectionLimit: 10 });
  return {
    async query(sql, params) {
      const [rows] = await pool.execute(sql, params as never[]);
      return rows as Row[];
    },
    toDate: (v) => (v as Date).toISOString(),
  };
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

async function main() {
  const { query, toDate } = await connect(process.env.BENCH_DB!);

  const members = async (tenantId: string, ids: string[]) => {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map<string, { id: string; name: string }>();
    const rows = await query(
      `select m.user_id, u.name from memberships m join users u on u.id = m.user_id where m.tenant_id = ? and m.user_id in (${marks(unique.length)})`,
      [tenantId, ...unique],
    );
    return new Map(rows.map((r) => [String(r.user_id), { id: String(r.user_id), name: String(r.name) }]));
  };

  async function board(tenantId: string, first: number) {
    const [tickets, [count]] = await Promise.all([
      query('select * from tickets where tenant_id = ? and deleted_at is null order by created_at desc, id desc limit ?', [tenantId, first + 1]),
      query('select count(*) as total from tickets where tenant_id = ? and deleted_at is null', [tenantId]),
    ]);
    const page = tickets.slice(0, first);
    const ids = page.map((t) => String(t.id));
    const people = ids.length ? members(tenantId, page.flatMap((t) => [String(t.customer_id), ...(t.assignee_id ? [String(t.assignee_id)] : [])])) : Promise.resolve(new Map());
    const [last, counts, byUser] = await Promise.all([
      ids.length
        ? query(
            `select m.* from messages m
              where m.tenant_id = ? and m.ticket_id in (${marks(ids.length)})
                and not exists (
                  select 1 from messages n
                   where n.tenant_id = m.tenant_id and n.ticket_id = m.ticket_id
                     and (n.created_at > m.created_at or (n.created_at = m.created_at and n.id > m.id)))`,
            [tenantId, ...ids],
          )
        : [],
      ids.length ? query(`select ticket_id, count(*) as total from messages where tenant_id = ? and ticket_id in (${marks(ids.length)}) group by ticket_id`, [tenantId, ...ids]) : [],
      people,
    ]);
    const authors = await members(tenantId, last.map((m) => String(m.author_id)).filter((a) => a !== 'null'));
    const lastBy = new Map(last.map((m) => [String(m.ticket_id), m]));
    const countBy = new Map(counts.map((c) => [String(c.ticket_id), Number(c.total)]));
    return {
      tickets: {
        totalCount: Number(count.total),
        edges: page.map((t) => {
          const m = lastBy.get(String(t.id));
          return {
            node: {
              id: t.id,
              number: Number(t.number),
              title: t.title,
              status: t.status,
              priority: t.priority,
              tags: typeof t.tags === 'string' ? JSON.parse(t.tags) : t.tags,
              assignee: t.assignee_id ? (byUser.get(String(t.assignee_id)) ?? null) : null,
              customer: byUser.get(String(t.customer_id)) ?? null,
              lastMessage: m ? { id: m.id, body: m.body, createdAt: toDate(m.created_at), author: m.author_id ? (authors.get(String(m.author_id)) ?? null) : null } : null,
              messageCount: countBy.get(String(t.id)) ?? 0,
            },
          };
        }),
      },
    };
  }

  async function ticket(tenantId: string, id: string) {
    const [t] = await query('select * from tickets where tenant_id = ? and id = ? and deleted_at is null limit 1', [tenantId, id]);
    if (!t) return { ticket: null };
    const [messages, [count]] = await Promise.all([
      query('select * from messages where tenant_id = ? and ticket_id = ? order by created_at asc, id asc limit ?', [tenantId, id, 51]),
      query('select count(*) as total from messages where tenant_id = ? and ticket_id = ?', [tenantId, id]),
    ]);
    const page = messages.slice(0, 50);
    const messageIds = page.map((m) => String(m.id));
    const [authors, files] = await Promise.all([
      members(tenantId, page.map((m) => String(m.author_id)).filter((a) => a !== 'null')),
      messageIds.length ? query(`select * from attachments where tenant_id = ? and message_id in (${marks(messageIds.length)}) order by created_at asc`, [tenantId, ...messageIds]) : [],
    ]);
    return {
      ticket: {
        id: t.id,
        number: Number(t.number),
        title: t.title,
        status: t.status,
        messages: {
          totalCount: Number(count.total),
          edges: page.map((m) => ({
            node: {
              id: m.id,
              body: m.body,
              createdAt: toDate(m.created_at),
              author: m.author_id ? (authors.get(String(m.author_id)) ?? null) : null,
              attachments: files.filter((a) => a.message_id === m.id).map((a) => ({ id: a.id, filename: a.filename, size: Number(a.size) })),
            },
          })),
        },
      },
    };
  }

  const schema = buildSchema('type Query { ok: Boolean }');
  const documents = new Map<string, DocumentNode>();
  function typename(text: string) {
    let document = documents.get(text);
    if (!document) {
      document = parse(text);
      if (validate(schema, document).length) throw new Error('invalid document');
      documents.set(text, document);
    }
    return execute({ schema, document });
  }

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => resolve(body));
      req.on('error', reject);
    });

  const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }' });
  await apollo.start();
  const framework = express();
  framework.use('/apollo', express.json(), expressMiddleware(apollo));

  const server = createServer(async (req, res) => {
    if (req.url === '/apollo') {
      framework(req, res);
      return;
    }
    try {
      const body = JSON.parse((await readBody(req)) || '{}') as { query?: string; variables?: Record<string, unknown> };
      const tenantId = String(req.headers['x-tenant'] ?? '');
      let result: unknown;
      if (req.url === '/board') result = { data: await board(tenantId, Number(body.variables?.first ?? 50)) };
      else if (req.url === '/ticket') result = { data: await ticket(tenantId, String(body.variables?.id)) };
      else if (req.url === '/typename') result = await typename(body.query ?? '');
      else {
        res.writeHead(404).end();
        return;
      }
      const json = JSON.stringify(result);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`floor listening on ${address && typeof address === 'object' ? address.port : address}`);
  });
  // Exit at once: open keep-alive connections from the load generator would hold server.close().
  process.on('SIGTERM', () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
