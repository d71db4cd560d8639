import {
  getNamedType,
  isLeafType,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type GraphQLError,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { AppError } from '../errors.js';
import { MAX_PAGE_SIZE } from './pagination.js';

/**
 * What an operation costs, in rate-limit points, computed from the document before it runs:
 * leaf fields 0, each object 1 plus its children, a list paginated with `first`/`last`
 * that many times its item's cost (LIST_SIZE_ASSUMED when neither is given, at most
 * MAX_PAGE_SIZE), and each root
 * mutation field 10 more. Introspection is free.
 */
export const MUTATION_COST = 10;
export const LIST_SIZE_ASSUMED = 50;

export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  const own = isLeafType(getNamedType(field.type)) ? 0 : 1;
  const paginated = field.args.some((a) => a.name === 'first' || a.name === 'last');
  const requested = Number(args.first ?? args.last ?? LIST_SIZE_ASSUMED);
  // Pages hold at most MAX_PAGE_SIZE items: larger requests are refused by the field itself.
  const size = paginated ? Math.min(MAX_PAGE_SIZE, Math.max(1, Number.isFinite(requested) ? requested : LIST_SIZE_ASSUMED)) : 1;
  return (type.name === 'Mutation' ? MUTATION_COST : 0) + size * (own + childComplexity);
};

export function selectedOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  return document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
}

/** Nesting depth (in fields) and number of aliases of the operation that will run, fragments included. */
export function operationShape(document: DocumentNode, operationName?: string | null): { depth: number; aliases: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let depth = 0;
  let aliases = 0;
  const walk = (set: SelectionSetNode, level: number, inFragments: ReadonlySet<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value.startsWith('__')) continue;
        if (s.alias) aliases++;
        depth = Math.max(depth, level + 1);
        if (s.selectionSet) walk(s.selectionSet, level + 1, inFragments);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(s.selectionSet, level, inFragments);
      } else {
        const fragment = fragments.get(s.name.value);
        if (fragment && !inFragments.has(s.name.value)) walk(fragment.selectionSet, level, new Set([...inFragments, s.name.value]));
      }
    }
  };
  const op = selectedOperation(document, operationName);
  if (op) walk(op.selectionSet, 0, new Set());
  return { depth, aliases };
}

/** Depth and alias limits for every operation of a document (WebSocket subscriptions). */
export function documentLimitErrors(document: DocumentNode, limits: { maxDepth: number; maxAliases: number }): GraphQLError[] {
  const errors: GraphQLError[] = [];
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const shape = operationShape(document, d.name?.value);
    if (shape.depth > limits.maxDepth) errors.push(new AppError('BAD_USER_INPUT', `Query depth ${shape.depth} exceeds the maximum of ${limits.maxDepth}`));
    if (shape.aliases > limits.maxAliases) errors.push(new AppError('BAD_USER_INPUT', `Query uses ${shape.aliases} aliases; the maximum is ${limits.maxAliases}`));
  }
  return errors;
}

/**
 * The cost of what was actually returned, by the same weights: lists count the items they
 * hold rather than the page size asked for. Never more than the requested cost.
 */
export function actualCost(data: unknown, operation: OperationDefinitionNode | undefined): number {
  const weigh = (value: unknown): number => {
    if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + weigh(item), 0);
    if (value === null || typeof value !== 'object') return 0;
    return 1 + Object.values(value).reduce((sum: number, child) => sum + weigh(child), 0);
  };
  if (!data || typeof data !== 'object') return 0;
  const mutation = operation?.operation === OperationTypeNode.MUTATION;
  return Object.values(data).reduce((sum: number, root) => sum + (mutation ? MUTATION_COST : 0) + weigh(root), 0);
}
