import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, graphql, Kind, parse, print, type GraphQLSchema, type ObjectTypeDefinitionNode } from 'graphql';
import { Arg, Mutation, Query, Resolver } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { allowedWithTemporaryPassword, resolvers } from '../../../modules/index.js';
import { AppError } from '../../errors.js';
import { buildAppSchema } from '../../graphql/schema.js';
import { Auth, checkAccess, enforceAuthDirectives, Public, rootAccessRules, type AccessRule } from '../auth.directive.js';
import { Role, type Principal } from '../principal.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../../../../schema.graphql', import.meta.url));
const options = { allowedWithTemporaryPassword };

function describeRule(rule: AccessRule | null): string {
  if (!rule) return 'MISSING';
  if (rule.public) return 'public';
  if (rule.operator) return 'OPERATOR';
  return rule.scopes.length ? `${rule.roles.join(', ')} [${rule.scopes.join(' ')}]` : rule.roles.join(', ');
}

function accessList(schema: GraphQLSchema): string[] {
  return rootAccessRules(schema)
    .map((r) => `${r.root}.${r.field}: ${describeRule(r.rule)}`)
    .sort();
}

// Defined here only: never part of the application's resolver list.
@Resolver()
class UnguardedResolver {
  @Auth(Role.ADMIN)
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
  @Auth(Role.ADMIN)
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
  @Auth(Role.AGENT)
  @Query(() => Role)
  agentProbe(): Role {
    return Role.AGENT;
  }
}

@Resolver()
class ScopedProbeResolver {
  @Auth(Role.AGENT, Role.PARTNER, { scopes: ['tickets:read', 'events:read'] })
  @Query(() => Role)
  scopedProbe(): Role {
    return Role.PARTNER;
  }
}

@Resolver()
class UnscopedPartnerResolver {
  @Auth(Role.ADMIN, Role.PARTNER)
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

const principal = (role: Role, mustChangePassword = false): Principal => ({
  kind: 'user',
  tenantId: 't',
  userId: 'u',
  role,
  scopes: [],
  tokenId: 'j',
  mustChangePassword,
  expiresAt: new Date(Date.now() + 60_000),
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

  it('keeps the permission table unchanged (a diff here is a permission change)', () => {
    expect(accessList(schema)).toMatchInlineSnapshot(`
      [
        "Mutation.acceptChat: ADMIN, AGENT",
        "Mutation.applyMacro: ADMIN, AGENT",
        "Mutation.assignTicket: ADMIN, AGENT",
        "Mutation.bulkUpdateTickets: ADMIN, AGENT",
        "Mutation.changePassword: ADMIN, AGENT, CUSTOMER",
        "Mutation.changeTicketStatus: ADMIN, AGENT, CUSTOMER, PARTNER [tickets:write]",
        "Mutation.claimTicket: ADMIN, AGENT",
        "Mutation.closeChat: ADMIN, AGENT",
        "Mutation.createApiKey: ADMIN",
        "Mutation.createCannedResponse: ADMIN, AGENT",
        "Mutation.createDepartment: ADMIN",
        "Mutation.createMacro: ADMIN, AGENT",
        "Mutation.createSavedView: ADMIN, AGENT",
        "Mutation.createTenant: OPERATOR",
        "Mutation.createTicket: ADMIN, AGENT, CUSTOMER, PARTNER [tickets:write]",
        "Mutation.createTicketStatus: ADMIN",
        "Mutation.createUser: ADMIN",
        "Mutation.createWebhookEndpoint: ADMIN",
        "Mutation.createWidgetKey: ADMIN",
        "Mutation.deactivateUser: ADMIN",
        "Mutation.deleteCannedResponse: ADMIN, AGENT",
        "Mutation.deleteDepartment: ADMIN",
        "Mutation.deleteMacro: ADMIN, AGENT",
        "Mutation.deleteSavedView: ADMIN, AGENT",
        "Mutation.deleteSlaPolicy: ADMIN",
        "Mutation.deleteTicket: ADMIN",
        "Mutation.deleteTicketStatus: ADMIN",
        "Mutation.deleteWebhookEndpoint: ADMIN",
        "Mutation.emailChatTranscript: VISITOR",
        "Mutation.enableWebhookEndpoint: ADMIN",
        "Mutation.endChat: VISITOR",
        "Mutation.login: public",
        "Mutation.logout: ADMIN, AGENT, CUSTOMER",
        "Mutation.markChatRead: VISITOR",
        "Mutation.markChatSeen: ADMIN, AGENT",
        "Mutation.markNotificationsRead: ADMIN, AGENT, CUSTOMER",
        "Mutation.postMessage: ADMIN, AGENT, CUSTOMER, PARTNER [messages:write]",
        "Mutation.rateChat: VISITOR",
        "Mutation.reactivateUser: ADMIN",
        "Mutation.redeliverWebhook: ADMIN",
        "Mutation.refreshSession: public",
        "Mutation.renameTenant: OPERATOR",
        "Mutation.requestPasswordReset: public",
        "Mutation.resetPassword: public",
        "Mutation.resumeTenant: OPERATOR",
        "Mutation.revokeApiKey: ADMIN",
        "Mutation.revokeWidgetKey: ADMIN",
        "Mutation.sendChatMessage: VISITOR",
        "Mutation.setBusinessCalendar: ADMIN",
        "Mutation.setChatCapacity: ADMIN",
        "Mutation.setChatTyping: VISITOR",
        "Mutation.setPresence: ADMIN, AGENT",
        "Mutation.setSlaPolicy: ADMIN",
        "Mutation.setTyping: ADMIN, AGENT, CUSTOMER",
        "Mutation.signUp: public",
        "Mutation.startChat: public",
        "Mutation.suspendTenant: OPERATOR",
        "Mutation.switchTenant: ADMIN, AGENT, CUSTOMER",
        "Mutation.transferChat: ADMIN, AGENT",
        "Mutation.updateCannedResponse: ADMIN, AGENT",
        "Mutation.updateDepartment: ADMIN",
        "Mutation.updateMacro: ADMIN, AGENT",
        "Mutation.updateMyLocale: ADMIN, AGENT, CUSTOMER",
        "Mutation.updateTicket: ADMIN, AGENT, PARTNER [tickets:write]",
        "Mutation.updateTicketStatus: ADMIN",
        "Mutation.updateUserRole: ADMIN",
        "Mutation.updateWorkspaceSettings: ADMIN",
        "Mutation.verifyEmail: public",
        "Query.agentStats: ADMIN, AGENT, PARTNER [reports:read]",
        "Query.agents: ADMIN, AGENT",
        "Query.apiKeys: ADMIN",
        "Query.boardColumnsPerStatus: ADMIN, AGENT",
        "Query.businessCalendar: ADMIN, AGENT",
        "Query.cannedResponses: ADMIN, AGENT",
        "Query.chat: ADMIN, AGENT",
        "Query.chatAgents: ADMIN, AGENT",
        "Query.chats: ADMIN, AGENT",
        "Query.customers: ADMIN, AGENT",
        "Query.departments: ADMIN, AGENT",
        "Query.macros: ADMIN, AGENT",
        "Query.me: ADMIN, AGENT, CUSTOMER",
        "Query.notifications: ADMIN, AGENT, CUSTOMER",
        "Query.presetTags: ADMIN, AGENT",
        "Query.renderCannedResponse: ADMIN, AGENT",
        "Query.savedViews: ADMIN, AGENT",
        "Query.slaBreaches: ADMIN, AGENT, PARTNER [reports:read]",
        "Query.slaPolicies: ADMIN, AGENT",
        "Query.tenants: OPERATOR",
        "Query.ticket: ADMIN, AGENT, CUSTOMER, PARTNER [tickets:read]",
        "Query.ticketByNumber: ADMIN, AGENT, CUSTOMER, PARTNER [tickets:read]",
        "Query.ticketEventFeed: ADMIN, AGENT, CUSTOMER, PARTNER [events:read]",
        "Query.ticketMetrics: ADMIN, PARTNER [reports:read]",
        "Query.ticketStats: ADMIN, AGENT, PARTNER [reports:read]",
        "Query.ticketStatuses: ADMIN, AGENT, CUSTOMER, PARTNER [tickets:read]",
        "Query.tickets: ADMIN, AGENT, CUSTOMER, PARTNER [tickets:read]",
        "Query.trafficHeatmap: ADMIN, AGENT, PARTNER [reports:read]",
        "Query.unreadNotificationCount: ADMIN, AGENT, CUSTOMER",
        "Query.users: ADMIN",
        "Query.visitorChat: VISITOR",
        "Query.webhookDeliveries: ADMIN",
        "Query.webhookEndpoints: ADMIN",
        "Query.widgetKeys: ADMIN",
        "Query.widgetSettings: public",
        "Query.workspaceSettings: ADMIN",
        "Subscription.chatMessageAdded: VISITOR",
        "Subscription.chatTyping: VISITOR",
        "Subscription.messageAdded: ADMIN, AGENT, CUSTOMER",
        "Subscription.notificationAdded: ADMIN, AGENT, CUSTOMER",
        "Subscription.presenceChanged: ADMIN, AGENT",
        "Subscription.ticketEvents: ADMIN, AGENT, CUSTOMER, PARTNER [events:read]",
        "Subscription.typing: ADMIN, AGENT, CUSTOMER",
      ]
    `);
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
    expect(accessList(rogue)).toEqual(expect.arrayContaining(['Query.forgottenQuery: MISSING', 'Query.guardedProbe: ADMIN']));
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
          expect(printed, name).toMatch(/^@auth\(requires: \[[A-Z, ]+\](, scopes: \["[a-z:]+"(, "[a-z:]+")*\])?\)$/);
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
