import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  DirectiveLocation,
  GraphQLDirective,
  GraphQLEnumType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLSchema,
  GraphQLString,
  defaultFieldResolver,
  getOperationAST,
  Kind,
  type DocumentNode,
  type GraphQLError,
  type GraphQLFieldConfig,
} from 'graphql';
import { Directive, registerEnumType } from 'type-graphql';
import { forbidden, unauthenticated } from '../errors.js';
import { isPermission, permissionsOf, type Permission } from './permissions.js';
import { Role, type Principal } from './principal.js';

registerEnumType(Role, { name: 'Role', description: 'What a member may do in a tenant.' });

/**
 * Role directives. `@Auth(...)` and `@Public()` write the SDL directive; enforcement is
 * derived from that same directive (see `enforceAuthDirectives`), so what schema.graphql
 * shows is exactly what the server enforces. A root field without either is refused at
 * startup and, should one slip through, denied at runtime.
 *
 * API keys (role PARTNER) reach a field only when it lists PARTNER and names the scopes a
 * key must all hold: `@Auth(ADMIN, AGENT, PARTNER, { scopes: ['tickets:read'] })`.
 */
export interface AuthOptions {
  scopes?: [string, ...string[]];
  /** The permission a member (ADMIN, AGENT, CUSTOMER or a custom role) must hold, besides a listed role. */
  permission?: Permission;
}

export function Auth(...spec: [Role, ...Role[]] | [Role, ...Role[], AuthOptions]): MethodDecorator & PropertyDecorator {
  const last = spec[spec.length - 1];
  const options = typeof last === 'object' ? (last as AuthOptions) : null;
  const roles = (options ? spec.slice(0, -1) : spec) as Role[];
  const scopes = options?.scopes ? `, scopes: [${options.scopes.map((s) => JSON.stringify(s)).join(', ')}]` : '';
  const permission = options?.permission ? `, permission: ${JSON.stringify(options.permission)}` : '';
  return Directive(`@auth(requires: [${roles.join(', ')}]${scopes}${permission})`) as MethodDecorator & PropertyDecorator;
}

export function Public(): MethodDecorator & PropertyDecorator {
  return Directive('@public') as MethodDecorator & PropertyDecorator;
}

/** Only platform operators (a user flag, not a tenant role) may use the field. */
export function Operator(): MethodDecorator & PropertyDecorator {
  return Directive('@operator') as MethodDecorator & PropertyDecorator;
}

export interface AccessRule {
  public: boolean;
  roles: Role[];
  /** Scopes an API key (PARTNER) must all hold. */
  scopes: string[];
  /** `@operator`: platform operators only, whatever their role in their current tenant. */
  operator?: boolean;
  /** The permission a signed-in member must hold (API keys: scopes decide). */
  permission?: string | null;
}

/** Tenant members: a field open to any of them names the permission it needs. */
const MEMBER_ROLES: readonly Role[] = [Role.ADMIN, Role.AGENT, Role.CUSTOMER];

export type RootKind = 'Query' | 'Mutation' | 'Subscription';

/** Adds the directive definitions to a built schema, reusing the schema's own Role enum. */
export function withAuthDirectiveDefinitions(schema: GraphQLSchema): GraphQLSchema {
  const roleEnum = schema.getType('Role');
  if (!(roleEnum instanceof GraphQLEnumType)) throw new Error('The schema must define the Role enum');
  const auth = new GraphQLDirective({
    name: 'auth',
    description:
      'Only principals with one of these roles may use this field; a member must also hold the named permission, an API key (PARTNER) every listed scope.',
    locations: [DirectiveLocation.FIELD_DEFINITION],
    args: {
      requires: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(roleEnum))) },
      scopes: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) },
      permission: { type: GraphQLString },
    },
  });
  const pub = new GraphQLDirective({
    name: 'public',
    description: 'Anyone may use this field, signed in or not.',
    locations: [DirectiveLocation.FIELD_DEFINITION],
  });
  const operator = new GraphQLDirective({
    name: 'operator',
    description: 'Only platform operators may use this field (a platform flag, not a tenant role).',
    locations: [DirectiveLocation.FIELD_DEFINITION],
  });
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, directives: [...config.directives, auth, pub, operator] });
}

export function accessRuleOf(schema: GraphQLSchema, field: GraphQLFieldConfig<unknown, unknown>): AccessRule | null {
  const isPublic = !!getDirective(schema, field, 'public')?.length;
  const auth = getDirective(schema, field, 'auth')?.[0] as { requires: Role[]; scopes?: string[] | null; permission?: string | null } | undefined;
  if (isPublic && auth) throw new Error('A field cannot be both @public and @auth');
  if (getDirective(schema, field, 'operator')?.length) {
    if (isPublic || auth) throw new Error('An @operator field cannot also be @public or @auth');
    return { public: false, roles: [], scopes: [], operator: true };
  }
  if (isPublic) return { public: true, roles: [], scopes: [] };
  if (auth) return { public: false, roles: auth.requires, scopes: auth.scopes ?? [], permission: auth.permission ?? null };
  return null;
}

/** Lists every root field with its access rule (null = missing). */
export function rootAccessRules(schema: GraphQLSchema): Array<{ root: RootKind; field: string; rule: AccessRule | null }> {
  const out: Array<{ root: RootKind; field: string; rule: AccessRule | null }> = [];
  const roots: Array<[RootKind, ReturnType<GraphQLSchema['getQueryType']>]> = [
    ['Query', schema.getQueryType()],
    ['Mutation', schema.getMutationType()],
    ['Subscription', schema.getSubscriptionType()],
  ];
  for (const [root, type] of roots) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      out.push({ root, field: field.name, rule: accessRuleOf(schema, field as unknown as GraphQLFieldConfig<unknown, unknown>) });
    }
  }
  return out;
}

export interface AuthContext {
  principal: Principal | null;
}

export interface EnforceOptions {
  /** Root fields a principal with a temporary password may still use. */
  allowedWithTemporaryPassword: ReadonlySet<string>;
}

export function checkAccess(rule: AccessRule | null, principal: Principal | null, fieldName: string, options: EnforceOptions): void {
  if (!rule) throw forbidden(`${fieldName} is not available`);
  if (rule.public) {
    // A chat session token is confined to its chat: it uses no other field, public or not.
    if (principal?.kind === 'chat') throw forbidden(`A chat session may not use ${fieldName}`);
    return;
  }
  if (!principal) throw unauthenticated();
  if (rule.operator) {
    if (principal.kind !== 'user' || !principal.operator) throw forbidden(`Only platform operators may use ${fieldName}`);
  } else if (!rule.roles.includes(principal.role)) {
    throw forbidden(principal.kind === 'apiKey' ? `API keys may not use ${fieldName}` : `Your role (${principal.role}) may not use ${fieldName}`);
  }
  if (principal.role === Role.PARTNER) {
    const missing = rule.scopes.filter((s) => !principal.scopes.includes(s));
    // Deny by default: a field open to PARTNER must name at least one scope.
    if (missing.length || !rule.scopes.length) {
      throw forbidden(`This API key lacks the scope ${missing.join(', ') || '(none declared)'} for ${fieldName}`, { missingScopes: missing });
    }
  }
  if (principal.kind === 'user' && rule.permission && !permissionsOf(principal).includes(rule.permission)) {
    throw forbidden(`Your role lacks the permission ${rule.permission} for ${fieldName}`, { reason: 'MISSING_PERMISSION', permission: rule.permission });
  }
  if (principal.mustChangePassword && !options.allowedWithTemporaryPassword.has(fieldName)) {
    throw forbidden('Change your temporary password first', { reason: 'PASSWORD_CHANGE_REQUIRED' });
  }
}

/** Wraps every root resolver (and subscription source) with the check its directive declares. */
export function enforceAuthDirectives(schema: GraphQLSchema, options: EnforceOptions): GraphQLSchema {
  const missing = rootAccessRules(schema).filter((r) => !r.rule);
  if (missing.length) {
    throw new Error(`Root fields without @auth or @public: ${missing.map((m) => `${m.root}.${m.field}`).join(', ')}`);
  }
  for (const { root, field, rule } of rootAccessRules(schema)) {
    const partner = rule!.roles.includes(Role.PARTNER);
    if (partner && !rule!.scopes.length) throw new Error(`${root}.${field} is open to PARTNER but names no scope`);
    if (!partner && rule!.scopes.length) throw new Error(`${root}.${field} names scopes but is not open to PARTNER`);
    const member = rule!.roles.some((r) => MEMBER_ROLES.includes(r));
    if (member && !rule!.permission) throw new Error(`${root}.${field} is open to members but names no permission`);
    if (rule!.permission && !isPermission(rule!.permission)) throw new Error(`${root}.${field} names an unknown permission ${rule!.permission}`);
  }
  return mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (fieldConfig, fieldName) => {
      const rule = accessRuleOf(schema, fieldConfig as GraphQLFieldConfig<unknown, unknown>);
      const resolve = fieldConfig.resolve ?? defaultFieldResolver;
      const guarded = { ...fieldConfig };
      guarded.resolve = (source, args, context: AuthContext, info) => {
        checkAccess(rule, context.principal, fieldName, options);
        return resolve(source, args, context, info);
      };
      if (fieldConfig.subscribe) {
        const subscribe = fieldConfig.subscribe;
        guarded.subscribe = (source, args, context: AuthContext, info) => {
          checkAccess(rule, context.principal, fieldName, options);
          return subscribe(source, args, context, info);
        };
      }
      return guarded;
    },
  });
}

/**
 * The same checks as the wrapped root resolvers, for one principal and the root fields of
 * an operation: used where one execution serves several subscribers (grouped
 * subscriptions), so each member is checked before it joins.
 */
export function operationAccessChecker(schema: GraphQLSchema, options: EnforceOptions) {
  const rules = new Map<string, AccessRule | null>();
  for (const r of rootAccessRules(schema)) rules.set(`${r.root}.${r.field}`, r.rule);
  const roots: Record<string, RootKind> = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };
  return (args: { document: DocumentNode; operationName?: string | null; contextValue?: unknown }): GraphQLError[] => {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return [];
    const principal = (args.contextValue as AuthContext | undefined)?.principal ?? null;
    const errors: GraphQLError[] = [];
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || selection.name.value.startsWith('__')) continue;
      const field = selection.name.value;
      try {
        checkAccess(rules.get(`${roots[operation.operation]}.${field}`) ?? null, principal, field, options);
      } catch (error) {
        errors.push(error as GraphQLError);
      }
    }
    return errors;
  };
}
