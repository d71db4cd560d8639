import {
  getNamedType,
  isLeafType,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from './pagination.js';

/**
 * What an operation costs, in rate-limit points, computed from the document before it runs:
 * leaf fields 0, each object 1 plus its children, a list paginated with `first`/`last`
 * that many times its item's cost (LIST_SIZE_ASSUMED when neither is given, at most
 * MAX_PAGE_SIZE), and each root
 * mutation field 10 more. Introspection fields (`__schema`, `__type`, …) are priced like any other.
 */
export const MUTATION_COST = 10;
export const LIST_SIZE_ASSUMED = 50;

export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
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
