import { visit, type DocumentNode } from 'graphql';
import { AppError } from '../errors.js';

/**
 * Text no column should hold: NUL (C drivers cut strings at it) and unpaired UTF-16
 * surrogates (not valid Unicode, so not valid UTF-8 either). Refused at the edge, in string
 * literals of the document and anywhere in the variables, before anything runs.
 */
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function unsafeTextReason(value: string): string | null {
  if (NUL.test(value)) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(value)) return 'must not contain unpaired surrogates (invalid Unicode)';
  return null;
}

function scan(value: unknown, path: string, depth: number): [string, string] | null {
  if (depth > 64) return [path, 'is nested too deeply'];
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value);
    return reason ? [path, reason] : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = scan(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = unsafeTextReason(k) ? ([`${path}`, 'has a field name with invalid characters'] as [string, string]) : scan(v, `${path}.${k}`, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** BAD_USER_INPUT (HTTP 400) naming the first offending variable or literal, or null when the input is clean. */
export function unsafeInputError(document: DocumentNode, variables: Record<string, unknown> | null | undefined): AppError | null {
  let found: [string, string] | null = null;
  visit(document, {
    StringValue(node) {
      if (found) return;
      const reason = unsafeTextReason(node.value);
      if (reason) found = [`line ${node.loc?.startToken.line ?? '?'}`, reason];
    },
  });
  if (!found && variables) {
    for (const [name, value] of Object.entries(variables)) {
      found = scan(value, `$${name}`, 0);
      if (found) break;
    }
  }
  if (!found) return null;
  const [where, reason] = found as [string, string];
  return new AppError('BAD_USER_INPUT', `Invalid text in ${where}: ${reason}`, { fields: { [where]: [reason] }, http: { status: 400, headers: new Map() } });
}
