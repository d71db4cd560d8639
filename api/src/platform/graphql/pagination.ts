import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from '../errors.js';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function ConnectionType<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class EdgeClass {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeClass])
    edges: EdgeClass[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, across all pages.' })
    totalCount: number;
  }
  return ConnectionClass;
}

/** Opaque cursors: base64url of a JSON tuple (sort key values + id). */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The parts of a cursor this API wrote: a short JSON array of strings and finite numbers.
 * Anything else (odd JSON, objects, huge or NUL-bearing strings) is BAD_USER_INPUT, so a
 * forged cursor never reaches a query. Use the typed readers below for each part.
 */
export function decodeCursor(cursor: string, field = 'after', parts?: number): unknown[] {
  try {
    if (cursor.length <= 512 && /^[A-Za-z0-9_-]*={0,2}$/.test(cursor)) {
      const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (Array.isArray(parsed) && parsed.length > 0 && parsed.length <= 4 && (!parts || parsed.length === parts) && parsed.every(isCursorPart)) return parsed;
    }
  } catch {
    // fall through
  }
  throw invalidCursor(field);
}

const isCursorPart = (v: unknown) =>
  // eslint-disable-next-line no-control-regex -- control characters are what a forged cursor must not hold
  (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 200 && !/[\u0000-\u001f]/.test(v));

export const invalidCursor = (field = 'after') => badInput({ [field]: ['is not a valid cursor'] });

/** A cursor part that must be a string (an id). */
export function cursorString(value: unknown, field = 'after'): string {
  if (typeof value !== 'string' || !value) throw invalidCursor(field);
  return value;
}

/** A cursor part that must be a non-negative safe integer (a seq, a number). */
export function cursorInteger(value: unknown, field = 'after'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw invalidCursor(field);
  return value;
}

/** A cursor part that must be an ISO timestamp. */
export function cursorDate(value: unknown, field = 'after'): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw invalidCursor(field);
  return date;
}

export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined, fallback = 20, field = 'first'): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput({ [field]: [`must be between 0 and ${MAX_PAGE_SIZE}`] });
  }
  return size;
}

/**
 * A forward page from rows fetched with `limit + 1`: the extra row only tells that there is
 * a next page. `edge` gives each kept row its cursor and node.
 */
export function forwardPage<R, N>(rows: R[], limit: number, hasPreviousPage: boolean, edge: (row: R) => Edge<N>): Omit<Connection<N>, 'totalCount'> {
  const edges = rows.slice(0, limit).map(edge);
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
