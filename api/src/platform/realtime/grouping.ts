import { Kind, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { Principal } from '../auth/principal.js';

/**
 * Which subscribers may share one execution of a subscription (see grouped-subscribe.ts).
 * Staff of one role share a group only when every root field's result depends on tenant and
 * role alone, and the document selects no field whose value depends on the viewer themself.
 */
export interface GroupingRules {
  /** Subscription root fields whose results are the same for every staff member of one role. */
  sharedByRole: ReadonlySet<string>;
  /** Object fields whose values differ between two users of one role (e.g. `viewerCanAssign`). */
  perViewerFields: ReadonlySet<string>;
}

function operation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  return document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
}

/** Whether a root field takes a resume cursor (`after`): such operations replay history of their own. */
export function resumes(document: DocumentNode, operationName?: string | null): boolean {
  return (operation(document, operationName)?.selectionSet.selections ?? []).some(
    (s) => s.kind !== Kind.FIELD || !!s.arguments?.some((a) => a.name.value === 'after'),
  );
}

/** Root field names of the operation that will run. */
export function rootFields(document: DocumentNode, operationName?: string | null): string[] {
  return (operation(document, operationName)?.selectionSet.selections ?? []).map((s) => (s.kind === Kind.FIELD ? s.name.value : '*'));
}

/** Whether the document (fragments included) selects any of `fields` anywhere. */
export function selectsAny(document: DocumentNode, fields: ReadonlySet<string>): boolean {
  if (!fields.size) return false;
  let found = false;
  visit(document, {
    Field(node) {
      if (fields.has(node.name.value)) found = true;
    },
  });
  return found;
}

/** Whether staff of one role may share results of this operation. */
export function sharableByRole(rules: GroupingRules, document: DocumentNode, operationName?: string | null): boolean {
  return rootFields(document, operationName).every((f) => rules.sharedByRole.has(f)) && !selectsAny(document, rules.perViewerFields);
}

/** Who may see the same results: staff by role (when sharable), customers and API keys each on their own. */
export function visibilityKey(p: Principal | null, sharedByRole: boolean): string {
  if (!p) return 'anonymous';
  if (p.role === 'CUSTOMER' || p.kind === 'apiKey' || !sharedByRole) return `${p.tenantId}:${p.role}:${p.userId}`;
  // Members of a custom role share results with those holding the same permission set.
  return p.permissions ? `${p.tenantId}:${p.role}:${[...p.permissions].sort().join(',')}` : `${p.tenantId}:${p.role}`;
}
