import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { keepPreparedStatements } from './sqlite-statements.js';

/**
 * Read connections to an embedded SQLite database, each in its own worker thread. The driver
 * runs statements synchronously, so on one connection a long read (a board page over 20,000
 * tickets, a report) holds the event loop, and every write, socket frame and short request
 * waits behind it. Reads outside a transaction go to these workers instead: write-ahead
 * logging lets them read the last committed state while the main connection writes, and the
 * event loop stays free. Statements in a transaction stay on the main connection (they must
 * see the transaction's own writes).
 */

/** The worker: one read-only connection, its prepared statements kept by SQL text. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: workerData.busyTimeoutMs / 1000 });
db.exec('pragma busy_timeout = ' + workerData.busyTimeoutMs);
db.exec('pragma query_only = 1');
(${keepPreparedStatements.toString()})(db, workerData.statementCache);
parentPort.on('message', (m) => {
  if (m.close) { db.close(); parentPort.close(); return; }
  try {
    parentPort.postMessage({ id: m.id, rows: db.prepare(m.sql).all(m.bindings) });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: { message: String(e && e.message), code: e && e.code, rawCode: e && e.rawCode } });
  }
});
`;

/** A value bound to a statement parameter (bound-libsql.ts converts them). */
export type Binding = string | number | bigint | Buffer | null;

interface Call {
  resolve(rows: Array<Record<string, unknown>>): void;
  reject(error: Error): void;
}

interface Reader {
  worker: Worker;
  calls: Map<number, Call>;
}

export interface SqliteReadersOptions {
  path: string;
  count: number;
  busyTimeoutMs: number;
  statementCache: number;
}

const tracer = trace.getTracer('sociodesk-sqlite-readers');
/** How long closing waits for in-flight reads, then for a worker to exit. */
const CLOSE_GRACE_MS = 5000;

/** Blobs come back from the worker as Uint8Array (structured clone); the ORM expects Buffers. */
function restoreBuffers(rows: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  for (const row of rows) {
    for (const key in row) {
      const v = row[key];
      if (v instanceof Uint8Array && !Buffer.isBuffer(v)) row[key] = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    }
  }
  return rows;
}

export class SqliteReaders {
  private readonly readers: Reader[] = [];
  private nextId = 1;
  private closed = false;
  /** Statements the workers answered (for tests and the profile). */
  served = 0;

  constructor(options: SqliteReadersOptions) {
    const driver = createRequire(import.meta.url).resolve('libsql');
    for (let i = 0; i < options.count; i++) {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        // A CommonJS script whatever flags started this process (--input-type=module, loader hooks).
        execArgv: [],
        workerData: { driver, path: options.path, busyTimeoutMs: options.busyTimeoutMs, statementCache: options.statementCache },
      });
      const reader: Reader = { worker, calls: new Map() };
      worker.on('message', (m: { id: number; rows?: Array<Record<string, unknown>>; error?: { message: string; code?: string; rawCode?: number } }) => {
        const call = reader.calls.get(m.id);
        if (!call) return;
        reader.calls.delete(m.id);
        if (!reader.calls.size) worker.unref();
        if (m.error) call.reject(Object.assign(new Error(m.error.message), { code: m.error.code, rawCode: m.error.rawCode }));
        else call.resolve(restoreBuffers(m.rows!));
      });
      const fail = (error: Error) => {
        for (const call of reader.calls.values()) call.reject(error);
        reader.calls.clear();
        const at = this.readers.indexOf(reader);
        if (at >= 0) this.readers.splice(at, 1);
      };
      worker.on('error', fail);
      worker.on('exit', () => fail(new Error('The SQLite read worker stopped')));
      worker.unref();
      this.readers.push(reader);
    }
  }

  /** Whether a worker is there to take a read (none after close, or when every worker died). */
  get available(): boolean {
    return !this.closed && this.readers.length > 0;
  }

  /** Runs one read on the least busy worker and resolves with its rows. */
  all(sql: string, bindings: Binding[]): Promise<Array<Record<string, unknown>>> {
    let reader = this.readers[0]!;
    for (const r of this.readers) if (r.calls.size < reader.calls.size) reader = r;
    const id = this.nextId++;
    return tracer.startActiveSpan('sqlite.select', { kind: SpanKind.CLIENT, attributes: { 'db.system': 'sqlite', 'db.statement': sql } }, (span) =>
      new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        // Referenced while a read is in flight, so a script awaiting it is not ended under it.
        if (!reader.calls.size) reader.worker.ref();
        reader.calls.set(id, { resolve, reject });
        reader.worker.postMessage({ id, sql, bindings });
      }).then(
        (rows) => {
          this.served++;
          span.end();
          return rows;
        },
        (error: Error) => {
          span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
          span.end();
          throw error;
        },
      ),
    );
  }

  /** Lets in-flight reads finish, then closes every worker's connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(
      this.readers.map(async (r) => {
        const deadline = Date.now() + CLOSE_GRACE_MS;
        while (r.calls.size && Date.now() < deadline) await sleep(5);
        const exited = new Promise((resolve) => r.worker.once('exit', resolve));
        r.worker.postMessage({ close: true });
        const timer = setTimeout(() => void r.worker.terminate(), CLOSE_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}
