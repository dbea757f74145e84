import type { FieldError } from '@carezone/contract';
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { invalidQuery } from './problem.js';

/** Turns zod issues into the contract's field errors (dotted paths, stable codes). */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: describeIssue(issue),
  }));
}

/** What zod/mini says when a schema gives no message of its own. */
const DEFAULT_MESSAGE = 'Invalid input';

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' ? `must have at least ${issue.minimum} character(s)` : 'is too small';
    case 'too_big':
      return issue.origin === 'string' ? `must have at most ${issue.maximum} characters` : 'is too large';
    case 'invalid_format':
      // The contract words its patterns itself ("must be a postcode of 4 digits").
      return issue.message !== DEFAULT_MESSAGE ? issue.message : `must be a valid ${issue.format}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** Validates the query string against a contract schema; a mismatch is a 400 INVALID_QUERY. */
export function parseQuery<T extends z.ZodMiniType>(c: Context, schema: T): z.infer<T> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw invalidQuery(toFieldErrors(result.error.issues));
  return result.data;
}
