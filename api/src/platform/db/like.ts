import { raw } from '@mikro-orm/core';

/**
 * A "contains" condition on a column that matches `%`, `_`, `!` and `\` literally, with an
 * explicit ESCAPE character: SQLite has no default escape, and MySQL's (backslash) differs.
 * The pattern is a bound parameter. Use as `{ $or: [containsText('title', s), ...] }`.
 */
export const LIKE_ESCAPE = '!';

export function likeContainsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `${LIKE_ESCAPE}${c}`)}%`;
}

export function containsText(column: string, text: string): Record<string, unknown> {
  const pattern = likeContainsPattern(text);
  return { [raw((alias: string) => `${alias}.${column} like ? escape '${LIKE_ESCAPE}'`, [pattern])]: [] };
}
