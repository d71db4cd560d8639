/** The one table `npm run bench` prints: medians, floors, ratios and the targets. */
import type { FanoutResult } from './fanout.js';
import type { FixtureSize } from './fixture.js';
import { median, type LoadResult } from './lib.js';
import type { RecomputeResult } from './recompute.js';
import type { Plan, Ratio, s1, s3, s3UnderLoad, s5 } from './scenarios.js';

export interface Results {
  quick: boolean;
  size: FixtureSize;
  plan: Plan;
  node: string;
  cores: number;
  cpu: string;
  startMs?: number;
  firstLoginMs?: number;
  s1?: Awaited<ReturnType<typeof s1>>;
  s2?: { authenticated: Ratio; anonymous: Ratio; framework?: Ratio };
  s3?: Awaited<ReturnType<typeof s3>>;
  s3UnderLoad?: Awaited<ReturnType<typeof s3UnderLoad>>;
  s4?: FanoutResult;
  s4plan?: { subscribers: number; eventsPerRound: number; rounds: number };
  s5?: Awaited<ReturnType<typeof s5>>;
  s6?: RecomputeResult;
  mariadbS1?: Awaited<ReturnType<typeof s1>>;
  mariadbS3?: Awaited<ReturnType<typeof s3>>;
  totalSeconds?: number;
}

const n0 = (v: number) => Math.round(v).toLocaleString('en-US');
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)} %`;
const rate = (r: LoadResult) => `${n0(r.rps)} req/s, p50 ${ms(r.p50)}`;
const mark = (ok: boolean) => (ok ? 'met' : 'not met');

function readRows(label: string, s: NonNullable<Results['s1']>): string[][] {
  const rows: string[][] = [];
  for (const [name, r, statements] of [
    ['board page (50)', s.board, s.boardStatements],
    ['ticket page (50 messages)', s.ticket, s.ticketStatements],
  ] as const) {
    const ratio = r.api.rps / r.floor!.rps;
    rows.push([`S1 ${label}: ${name}, ${statements} SQL`, rate(r.api), rate(r.floor!), pct(r.api.rps, r.floor!.rps), `>= 25 %: ${mark(ratio >= 0.25)}`]);
  }
  return rows;
}

function writeRows(label: string, s: NonNullable<Results['s3']>): string[][] {
  return Object.entries(s).map(([name, w]) => [
    `S3 ${label}: ${name}`,
    `${w.statements} SQL; 1 writer p50 ${ms(w.single.p50)}; 8 writers ${n0(w.concurrent.rps)} writes/s (p99 ${ms(w.concurrent.p99)})` +
      (w.concurrent.failures ? `, ${w.concurrent.failures} failed: ${w.concurrent.sample?.slice(0, 160)}` : ''),
    '',
    '',
    `<= 8 SQL: ${mark(w.statements <= 8)}` + (name === 'createTicket' ? `; p50 < 10 ms: ${mark(w.single.p50 < 10)}` : '') +
      (label === 'MariaDB' ? `; >= 100/s: ${mark(w.concurrent.rps >= 100)}` : ''),
  ]);
}

export function report(r: Results): string {
  const rows: string[][] = [['scenario', 'Sociodesk', 'floor', 'ratio', 'target']];
  if (r.s1) rows.push(...readRows('SQLite', r.s1));
  if (r.mariadbS1) rows.push(...readRows('MariaDB', r.mariadbS1));
  if (r.s2) {
    const a = r.s2.authenticated;
    const b = r.s2.anonymous;
    rows.push(['S2: authenticated { __typename }', rate(a.api), rate(a.floor!), pct(a.api.rps, a.floor!.rps), `>= 40 %: ${mark(a.api.rps / a.floor!.rps >= 0.4)}`]);
    rows.push(['S2: { __typename } without a token', rate(b.api), rate(b.floor!), pct(b.api.rps, b.floor!.rps), '']);
    const f = r.s2.framework;
    if (f) {
      rows.push([
        'S2: bare Apollo Server 5 + Express 5, same trivial schema (framework alone)',
        rate(f.api),
        rate(f.floor!),
        pct(f.api.rps, f.floor!.rps),
        `Sociodesk authenticated = ${pct(a.api.rps, f.api.rps)} of it`,
      ]);
    }
  }
  if (r.s3) rows.push(...writeRows('SQLite', r.s3));
  if (r.s3UnderLoad) {
    const u = r.s3UnderLoad;
    rows.push([
      `S3 SQLite: createTicket at ${u.rate}/s during the S1 board load`,
      `${n0(u.writes.rps)} writes/s, p50 ${ms(u.writes.p50)}, p99 ${ms(u.writes.p99)}; board ${rate(u.board)} meanwhile`,
      '',
      '',
      `p99 < 50 ms: ${mark(u.writes.p99 < 50)}`,
    ]);
  }
  if (r.mariadbS3) rows.push(...writeRows('MariaDB', r.mariadbS3));
  if (r.s4 && r.s4plan) {
    const apiP99 = median(r.s4.api.map((x) => x.p99));
    const floorP99 = median(r.s4.floor.map((x) => x.p99));
    rows.push([
      `S4: ${n0(r.s4plan.subscribers)} ticketEvents subscribers, ${r.s4plan.rounds} rounds of ${r.s4plan.eventsPerRound}`,
      `p99 ${ms(apiP99)}, ${r.s4.apiKbPerConnection.toFixed(1)} KB/conn`,
      `p99 ${ms(floorP99)}, ${r.s4.floorKbPerConnection.toFixed(1)} KB/conn`,
      `${(apiP99 / floorP99).toFixed(2)}x`,
      `<= 1.5x: ${mark(apiP99 / floorP99 <= 1.5)}; <= 20 KB: ${mark(r.s4.apiKbPerConnection <= 20)}`,
    ]);
  }
  if (r.s5) {
    rows.push([
      'S5: query refused by cost',
      `server ${ms(r.s5.serverP50)} (p50 of ${r.s5.samples}), round trip ${ms(r.s5.clientP50)}, ${r.s5.statements} SQL, ${r.s5.code}`,
      '',
      '',
      `< 2 ms, 0 SQL: ${mark(r.s5.serverP50 < 2 && r.s5.statements === 0)}`,
    ]);
  }
  if (r.s6) {
    const s = r.s6;
    const d = s.done;
    rows.push([
      `S6: SLA recompute of ${n0(s.activeTickets)} active tickets`,
      d
        ? `${n0(d.tickets)} tickets (${n0(d.changed)} events) in ${d.batches} transactions, longest ${ms(d.maxBatchMs)}, all ${(d.totalMs / 1000).toFixed(1)} s; the write: ${s.writeStatements} SQL, ${ms(s.writeMs)}`
        : 'did not finish in time',
      '',
      '',
      d ? `no transaction > 1 s: ${mark(d.maxBatchMs <= 1000)}` : 'not met',
    ]);
    rows.push([
      'S6: board page without / during the recompute',
      `${rate(s.without)} / ${rate(s.during)}${s.overlapped ? '' : ' (the recompute ended inside the window)'}`,
      '',
      pct(s.during.rps, s.without.rps),
      `>= 80 %: ${mark(s.during.rps >= 0.8 * s.without.rps)}`,
    ]);
  }
  if (r.startMs !== undefined) rows.push(['Start: compiled API ready (/readyz)', `${(r.startMs / 1000).toFixed(1)} s`, '', '', `< 10 s: ${mark(r.startMs < 10_000)}`]);

  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const out = [
    '',
    `Sociodesk benchmark${r.quick ? ' (--quick: small fixture, one short round; figures are not comparable)' : ''}`,
    `fixture ${r.size.tenants} tenants x ${n0(r.size.ticketsPerTenant)} tickets x ${r.size.messagesPerTicket} messages; ${r.plan.connections} connections, ` +
      `${r.plan.rounds} alternating round(s) of ${r.plan.seconds} s, medians; node ${r.node}, ${r.cores} cores (${r.cpu})`,
    '',
    line(rows[0]),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
    '',
    `total ${r.totalSeconds?.toFixed(0)} s`,
  ];
  return out.join('\n');
}
