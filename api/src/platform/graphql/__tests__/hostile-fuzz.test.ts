import { resolve } from 'node:path';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { createTestTenant, tokenFor } from '../../../test/tenants.js';

/**
 * Fuzz: every root operation of the schema, fed malformed variables and malformed
 * documents, as anonymous, customer, agent, admin or with a forged token. Asserts no 5xx,
 * no INTERNAL_SERVER_ERROR, no stack trace or absolute path in any body, and a live server
 * at the end. The seed is printed; replay a failure with FUZZ_SEED=<seed> (and
 * FUZZ_CASES=<n> for the run length).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const CASES = Number(process.env.FUZZ_CASES ?? 2000);
const CONCURRENCY = 6;
const REPO_ROOT = resolve(import.meta.dirname, '../../../../..');

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const NASTY_STRINGS = [
  '', ' ', 'a\u0000b', '\ud800', 'x\udc00y', '%', '_', '%_%', "'; drop table tickets; --", '\\', '??', '"', '\u202e', '😀'.repeat(50),
  'x'.repeat(5000), '01000000-0000-7000-8000-000000000000', 'not-a-uuid', '2026-13-45T99:99:99Z', '1e309', 'NaN',
  cursor({}), cursor([null, null]), cursor(['x']), cursor([1e308, 'x']), 'AAAA', '====', '<script>alert(1)</script>', 'javascript:alert(1)',
  'http://[::7f00:1]/x', 'http://127.0.0.1:1/x', 'ftp://x', 'Bearer x', 'ágent2@acme.example', 'a@b', '@', 'ADMIN', 'tickets:read',
];
const NASTY_VALUES: unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 31, -(2 ** 53), 1e308, {}, [], [[]], { a: { b: { c: {} } } }, [null], ['x', 1, true]];

/** A value for an input type: mostly malformed, sometimes plausible. */
function inputValue(type: GraphQLInputType, rng: Rng, depth = 0): unknown {
  if (rng.chance(0.25) || depth > 4) return rng.chance(0.5) ? rng.pick(NASTY_VALUES) : rng.pick(NASTY_STRINGS);
  if (isNonNullType(type)) return inputValue(type.ofType, rng, depth);
  if (isListType(type)) return Array.from({ length: rng.int(4) }, () => inputValue(type.ofType, rng, depth + 1));
  if (isEnumType(type)) return rng.chance(0.8) ? rng.pick(type.getValues()).value : 'NOT_A_VALUE';
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) if (rng.chance(0.7)) out[field.name] = inputValue(field.type, rng, depth + 1);
    if (rng.chance(0.2)) out.unknownField = 'x';
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return rng.pick([0, 1, 5, 100, 101, -5, 2 ** 31, 1.5]);
      case 'Boolean':
        return rng.chance(0.8) ? rng.chance(0.5) : 'yes';
      case 'DateTimeISO':
        return rng.pick(['2026-01-01T00:00:00.000Z', 'yesterday', '2026-02-30T00:00:00Z', '']);
      default:
        return rng.chance(0.5) ? rng.pick(NASTY_STRINGS) : `value-${rng.int(1000)}`;
    }
  }
  return null;
}

const typeName = (type: GraphQLInputType): string => String(type);

/** A selection for a field's type: leaves need none, objects get a couple of leaf fields. */
function selection(field: GraphQLField<unknown, unknown>, rng: Rng): string {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return '';
  if (!('getFields' in named)) return '{ __typename }';
  const leaves = Object.values(named.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)));
  const picked = leaves.filter(() => rng.chance(0.4)).map((f) => f.name);
  return `{ __typename ${picked.join(' ')} }`;
}

interface Case {
  index: number;
  token: string | null;
  body: string;
}

function buildCase(index: number, roots: Array<['query' | 'mutation' | 'subscription', GraphQLField<unknown, unknown>]>, tokens: string[], rng: Rng): Case {
  const [kind, field] = roots[index % roots.length];
  const defs = field.args.map((a) => `$${a.name}: ${rng.chance(0.1) ? 'String' : typeName(a.type)}`);
  const args = field.args.map((a) => `${a.name}: $${a.name}`);
  let query = `${kind} Fuzz${defs.length ? `(${defs.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection(field, rng)} }`;
  const variables: Record<string, unknown> = {};
  for (const a of field.args) if (rng.chance(0.85)) variables[a.name] = inputValue(a.type, rng);

  // Malformed documents, a third of the time.
  const mutation = rng.int(12);
  if (mutation === 0) query = query.slice(0, rng.int(query.length));
  else if (mutation === 1) query = query.replace('{', `{ ${'x: __typename '.repeat(rng.int(60))}`);
  else if (mutation === 2) query = `${'{ a: '.repeat(30)}${'}'.repeat(30)}`;
  else if (mutation === 3) query = query.replace(field.name, `${field.name}Nope`);
  else if (mutation === 4) query = `${query} ${query}`;
  else if (mutation === 5) query = query.replace('{', '{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } ');

  let body: string;
  const shape = rng.int(20);
  if (shape === 0) body = JSON.stringify({ query, variables: rng.pick(['x', 1, [], null]) });
  else if (shape === 1) body = JSON.stringify({ query: rng.pick([1, null, {}, []]) });
  else if (shape === 2) body = JSON.stringify([{ query }, { query }]);
  else if (shape === 3) body = JSON.stringify({ query, variables }).slice(0, -3);
  else if (shape === 4) body = JSON.stringify({ query, operationName: rng.pick(['Nope', '', 42]), variables });
  else body = JSON.stringify({ query, variables });
  return { index, token: rng.pick(tokens), body };
}

const STACK = /\n\s+at |\bat [\w$.<>]+ \([^)]*:\d+:\d+\)|node_modules|\.tsx?:\d+/;

describe.each(await testDatabases())('fuzzing every root operation on %s', (db) => {
  let server: TestServer;
  let tokens: string[];

  beforeAll(async () => {
    server = await startTestServer(db);
    const t = await createTestTenant(server.app, 'fuzz');
    await createTestTenant(server.app, 'fuzz-other');
    tokens = [
      '',
      await tokenFor(server.url, t.customer1),
      await tokenFor(server.url, t.agent1),
      await tokenFor(server.url, t.admin),
      'garbage.garbage.garbage',
      'sdk_live_000000000000_nope',
    ];
  });
  afterAll(() => server?.stop());

  it(`survives ${CASES} malformed requests (seed ${SEED})`, async () => {
    console.log(`[fuzz] ${db}: seed ${SEED}, ${CASES} cases (replay with FUZZ_SEED=${SEED})`);
    const schema = server.app.schema;
    const roots: Array<['query' | 'mutation' | 'subscription', GraphQLField<unknown, unknown>]> = [];
    for (const [kind, type] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()], ['subscription', schema.getSubscriptionType()]] as const) {
      for (const field of Object.values(type?.getFields() ?? {})) roots.push([kind, field as GraphQLField<unknown, unknown>]);
    }
    expect(roots.length).toBeGreaterThan(30);
    const rng = prng(SEED);
    const cases = Array.from({ length: CASES }, (_, i) => buildCase(i, roots, tokens, rng));
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const c = cases[next++];
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(c.token ? { authorization: `Bearer ${c.token}` } : {}) },
          body: c.body,
        });
        const text = await response.text();
        const problems: string[] = [];
        if (response.status >= 500) problems.push(`HTTP ${response.status}`);
        if (text.includes('INTERNAL_SERVER_ERROR')) problems.push('INTERNAL_SERVER_ERROR');
        if (STACK.test(text) || text.includes(REPO_ROOT)) problems.push('stack trace or path');
        try {
          JSON.parse(text);
        } catch {
          problems.push('not JSON');
        }
        if (problems.length) failures.push(`#${c.index} ${problems.join(', ')}: ${c.body.slice(0, 300)} -> ${text.slice(0, 300)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(failures, `seed ${SEED}: ${failures.length} failing cases\n${failures.slice(0, 10).join('\n')}`).toEqual([]);
    // Still alive and serving.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const me = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[2]}` },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(await me.json()).toEqual(expect.objectContaining({ data: { me: { role: 'AGENT' } } }));
  }, 300_000);
});
