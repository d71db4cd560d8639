import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, graphql, Kind, parse, print, type GraphQLSchema, type ObjectTypeDefinitionNode } from 'graphql';
import { Arg, Mutation, Query, Resolver } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { allowedWithTemporaryPassword, resolvers } from '../../../modules/index.js';
import { AppError } from '../../errors.js';
import { buildAppSchema } from '../../graphql/schema.js';
import { Auth, checkAccess, enforceAuthDirectives, Public, rootAccessRules } from '../auth.directive.js';
import { accessList } from './access-list.js';
import { BUILT_IN_PERMISSIONS, Permission } from '../permissions.js';
import { Role, type Principal } from '../principal.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../../../../schema.graphql', import.meta.url));
const options = { allowedWithTemporaryPassword };

// Defined here only: never part of the application's resolver list.
@Resolver()
class UnguardedResolver {
  @Auth(Role.ADMIN, { permission: Permission.USERS_MANAGE })
  @Query(() => String)
  guardedProbe(): string {
    return 'ok';
  }

  @Query(() => String)
  forgottenQuery(): string {
    return 'leak';
  }

  @Mutation(() => Boolean)
  forgottenMutation(@Arg('value', () => String) _value: string): boolean {
    return true;
  }
}

@Resolver()
class ContradictoryResolver {
  @Public()
  @Auth(Role.ADMIN, { permission: Permission.USERS_MANAGE })
  @Query(() => String)
  bothProbe(): string {
    return 'x';
  }
}

@Resolver()
class ProbeResolver {
  @Public()
  @Query(() => String)
  openProbe(): string {
    return 'open';
  }

  // Returns the enum so the probe schema defines Role, as the directive definitions require.
  @Auth(Role.AGENT, { permission: Permission.TICKETS_READ })
  @Query(() => Role)
  agentProbe(): Role {
    return Role.AGENT;
  }

  @Auth(Role.ADMIN, Role.AGENT, Role.CUSTOMER, { permission: Permission.TICKETS_ASSIGN })
  @Query(() => String)
  assignProbe(): string {
    return 'assign';
  }
}

@Resolver()
class NoPermissionResolver {
  @Auth(Role.ADMIN, Role.AGENT)
  @Query(() => String)
  noPermissionProbe(): string {
    return 'x';
  }
}

@Resolver()
class ScopedProbeResolver {
  @Auth(Role.AGENT, Role.PARTNER, { scopes: ['tickets:read', 'events:read'], permission: Permission.TICKETS_READ })
  @Query(() => Role)
  scopedProbe(): Role {
    return Role.PARTNER;
  }
}

@Resolver()
class UnscopedPartnerResolver {
  @Auth(Role.ADMIN, Role.PARTNER, { permission: Permission.REPORTS_VIEW })
  @Query(() => Role)
  unscopedPartnerProbe(): Role {
    return Role.PARTNER;
  }
}

const apiKey = (scopes: string[]): Principal => ({
  kind: 'apiKey',
  tenantId: 't',
  userId: 'k',
  role: Role.PARTNER,
  scopes,
  tokenId: 'k',
  mustChangePassword: false,
  expiresAt: new Date(Date.now() + 60_000),
});

const principal = (role: Role, mustChangePassword = false, permissions?: string[]): Principal => ({
  kind: 'user',
  tenantId: 't',
  userId: 'u',
  role,
  scopes: [],
  tokenId: 'j',
  mustChangePassword,
  expiresAt: new Date(Date.now() + 60_000),
  ...(permissions ? { permissions } : {}),
});

describe('role directives', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema({ resolvers });
  });

  it('puts @auth or @public on every root field', () => {
    const rules = rootAccessRules(schema);
    expect(rules.length).toBeGreaterThan(0);
    const missing = rules.filter((r) => !r.rule).map((r) => `${r.root}.${r.field}`);
    expect(missing, 'root fields without @auth or @public').toEqual([]);
    for (const { rule } of rules) {
      if (rule && !rule.public && !rule.operator) {
        expect(rule.roles.length).toBeGreaterThan(0);
        for (const role of rule.roles) expect(Object.values(Role)).toContain(role);
      }
    }
  });

  it('lets a temporary password reach only fields that exist and are open to every member', () => {
    const rules = new Map(rootAccessRules(schema).map((r) => [r.field, r.rule]));
    for (const field of allowedWithTemporaryPassword) {
      expect(rules.has(field), field).toBe(true);
      expect(rules.get(field)!.roles.sort(), field).toEqual([Role.ADMIN, Role.AGENT, Role.CUSTOMER].sort());
    }
  });

  it('refuses to serve a schema with an unguarded root field, naming it', async () => {
    const rogue = await buildAppSchema({ resolvers: [...resolvers, UnguardedResolver] });
    expect(accessList(rogue)).toEqual(expect.arrayContaining(['Query.forgottenQuery: MISSING', 'Query.guardedProbe: ADMIN (users.manage)']));
    let message = '';
    try {
      enforceAuthDirectives(rogue, options);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/without @auth or @public/);
    expect(message).toContain('Query.forgottenQuery');
    expect(message).toContain('Mutation.forgottenMutation');
    expect(message).not.toContain('guardedProbe');
    // The application's own schema passes.
    expect(() => enforceAuthDirectives(schema, options)).not.toThrow();
  });

  it('names a known permission on every member root field', () => {
    for (const { root, field, rule } of rootAccessRules(schema)) {
      if (!rule || rule.public || rule.operator) continue;
      const member = rule.roles.some((r) => r === Role.ADMIN || r === Role.AGENT || r === Role.CUSTOMER);
      if (member) expect(Object.values(Permission), `${root}.${field}`).toContain(rule.permission);
      else expect(rule.permission ?? null, `${root}.${field}`).toBeNull();
    }
  });

  it('keeps the built-in roles as default permission sets', () => {
    expect(BUILT_IN_PERMISSIONS.ADMIN).toEqual(Object.values(Permission));
    expect([...BUILT_IN_PERMISSIONS.CUSTOMER].sort()).toEqual(['account.use', 'conversations.reply', 'tickets.create', 'tickets.read', 'tickets.update']);
    expect(BUILT_IN_PERMISSIONS.AGENT).not.toContain(Permission.USERS_MANAGE);
    expect(BUILT_IN_PERMISSIONS.AGENT).not.toContain(Permission.REPORTS_VIEW);
    expect(BUILT_IN_PERMISSIONS.AGENT).toContain(Permission.TICKETS_ASSIGN);
  });

  it('refuses a member field that names no permission', async () => {
    const bare = await buildAppSchema({ resolvers: [...resolvers, NoPermissionResolver] });
    expect(() => enforceAuthDirectives(bare, options)).toThrow(/noPermissionProbe is open to members but names no permission/);
  });

  it('requires the listed role and the named permission', async () => {
    const guarded = enforceAuthDirectives(
      await buildAppSchema({ resolvers: [ProbeResolver], instances: new Map([[ProbeResolver, new ProbeResolver()]]) }),
      options,
    );
    const run = async (query: string, p: Principal | null) => {
      const result = await graphql({ schema: guarded, source: query, contextValue: { principal: p } });
      return { data: result.data, code: result.errors?.[0]?.extensions?.code, reason: result.errors?.[0]?.extensions?.reason };
    };
    // Built-in sets: agents assign, customers do not.
    expect((await run('{ assignProbe }', principal(Role.AGENT))).data).toEqual({ assignProbe: 'assign' });
    expect(await run('{ assignProbe }', principal(Role.CUSTOMER))).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_PERMISSION' });
    // A token's own set replaces the built-in one, both ways.
    expect(await run('{ assignProbe }', principal(Role.AGENT, false, ['tickets.read']))).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_PERMISSION' });
    expect((await run('{ assignProbe }', principal(Role.CUSTOMER, false, ['tickets.assign']))).data).toEqual({ assignProbe: 'assign' });
    // The permission never replaces the role: an admin-only probe stays closed to other roles.
    expect(await run('{ agentProbe }', principal(Role.CUSTOMER, false, ['tickets.read']))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await run('{ agentProbe }', principal(Role.AGENT, false, ['tickets.read']))).data).toEqual({ agentProbe: 'AGENT' });
  });

  it('refuses a field that is both @public and @auth', async () => {
    const both = await buildAppSchema({ resolvers: [...resolvers, ContradictoryResolver] });
    expect(() => enforceAuthDirectives(both, options)).toThrow(/both @public and @auth/);
  });

  it('enforces what the directives declare when the schema executes', async () => {
    const guarded = enforceAuthDirectives(
      await buildAppSchema({ resolvers: [ProbeResolver], instances: new Map([[ProbeResolver, new ProbeResolver()]]) }),
      options,
    );
    const run = async (query: string, p: Principal | null) => {
      const result = await graphql({ schema: guarded, source: query, contextValue: { principal: p } });
      return { data: result.data, code: result.errors?.[0]?.extensions?.code, reason: result.errors?.[0]?.extensions?.reason };
    };
    expect((await run('{ openProbe }', null)).data).toEqual({ openProbe: 'open' });
    expect(await run('{ agentProbe }', null)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await run('{ agentProbe }', principal(Role.CUSTOMER))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await run('{ agentProbe }', principal(Role.ADMIN))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await run('{ agentProbe }', principal(Role.AGENT))).data).toEqual({ agentProbe: 'AGENT' });
    expect(await run('{ agentProbe }', principal(Role.AGENT, true))).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
  });

  it('lets an API key through only where PARTNER is listed and it holds every scope', async () => {
    const guarded = enforceAuthDirectives(
      await buildAppSchema({
        resolvers: [ProbeResolver, ScopedProbeResolver],
        instances: new Map<Function, object>([
          [ProbeResolver, new ProbeResolver()],
          [ScopedProbeResolver, new ScopedProbeResolver()],
        ]),
      }),
      options,
    );
    const run = async (query: string, p: Principal | null) => {
      const result = await graphql({ schema: guarded, source: query, contextValue: { principal: p } });
      return { data: result.data, code: result.errors?.[0]?.extensions?.code, missing: result.errors?.[0]?.extensions?.missingScopes };
    };
    expect((await run('{ scopedProbe }', apiKey(['events:read', 'tickets:read']))).data).toEqual({ scopedProbe: 'PARTNER' });
    expect(await run('{ scopedProbe }', apiKey(['tickets:read']))).toMatchObject({ code: 'FORBIDDEN', missing: ['events:read'] });
    expect(await run('{ scopedProbe }', apiKey([]))).toMatchObject({ code: 'FORBIDDEN' });
    // Not listed: closed to keys whatever their scopes.
    expect(await run('{ agentProbe }', apiKey(['tickets:read', 'events:read']))).toMatchObject({ code: 'FORBIDDEN' });
    // Users are governed by their role alone.
    expect((await run('{ scopedProbe }', principal(Role.AGENT))).data).toEqual({ scopedProbe: 'PARTNER' });
  });

  it('refuses a field open to PARTNER that names no scope', async () => {
    const open = await buildAppSchema({ resolvers: [...resolvers, UnscopedPartnerResolver] });
    expect(() => enforceAuthDirectives(open, options)).toThrow(/unscopedPartnerProbe is open to PARTNER but names no scope/);
  });

  it('denies at runtime a field whose rule is missing', () => {
    const attempt = () => checkAccess(null, principal(Role.ADMIN), 'ghost', options);
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(/ghost is not available/);
    expect(() => checkAccess({ public: true, roles: [], scopes: [] }, null, 'open', options)).not.toThrow();
    expect(() => checkAccess({ public: false, roles: [Role.ADMIN], scopes: [] }, principal(Role.ADMIN, true), 'me', options)).not.toThrow();
  });

  describe('committed schema.graphql', () => {
    const sdl = readFileSync(SCHEMA_FILE, 'utf8');

    it('declares @auth(requires: ...) on every non-public root field', () => {
      const roots = new Set(['Query', 'Mutation', 'Subscription']);
      const fields = parse(sdl).definitions.filter(
        (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && roots.has(d.name.value),
      );
      const seen: string[] = [];
      for (const type of fields) {
        for (const field of type.fields ?? []) {
          const name = `${type.name.value}.${field.name.value}`;
          seen.push(name);
          const directives = field.directives ?? [];
          if (directives.some((d) => d.name.value === 'public')) continue;
          // Platform operator fields: the operator flag, not a tenant role, decides.
          if (directives.some((d) => d.name.value === 'operator')) {
            expect(directives.some((d) => d.name.value === 'auth'), name).toBe(false);
            continue;
          }
          const auth = directives.find((d) => d.name.value === 'auth');
          expect(auth, `${name} has neither @public nor @auth`).toBeDefined();
          const printed = print(auth!);
          expect(printed, name).toMatch(/^@auth\(requires: \[[A-Z, ]+\](, scopes: \["[a-z:]+"(, "[a-z:]+")*\])?(, permission: "[a-z]+\.[a-z]+")?\)$/);
          const roles = /requires: \[([A-Z, ]+)\]/.exec(printed)![1].split(', ');
          if (roles.some((r) => r === 'ADMIN' || r === 'AGENT' || r === 'CUSTOMER')) expect(printed, `${name} names its permission`).toContain('permission: "');
          expect(sdl.slice(field.loc!.start, field.loc!.end), name).toContain('@auth(requires: [');
        }
      }
      expect(seen.length).toBeGreaterThan(0);
    });

    it('matches the access rules the code declares', () => {
      const committed = buildSchema(sdl);
      expect(accessList(committed), 'schema.graphql is stale: run `npm run schema`').toEqual(accessList(schema));
    });
  });
});
