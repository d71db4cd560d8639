import type { GraphQLSchema } from 'graphql';
import { rootAccessRules, type AccessRule } from '../auth.directive.js';

function describeRule(rule: AccessRule | null): string {
  if (!rule) return 'MISSING';
  if (rule.public) return 'public';
  if (rule.operator) return 'OPERATOR';
  const scopes = rule.scopes.length ? ` [${rule.scopes.join(' ')}]` : '';
  const permission = rule.permission ? ` (${rule.permission})` : '';
  return `${rule.roles.join(', ')}${scopes}${permission}`;
}

/** Every root field with the rule its directive declares, one line each, sorted. */
export function accessList(schema: GraphQLSchema): string[] {
  return rootAccessRules(schema)
    .map((r) => `${r.root}.${r.field}: ${describeRule(r.rule)}`)
    .sort();
}
