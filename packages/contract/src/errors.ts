import * as z from 'zod/mini';
import { LangMap } from './common.js';

/**
 * Stable machine codes of every problem the API answers. Clients switch on these, never on
 * `title` or `detail`, which are for people and may change.
 */
export const ERROR_CODES = [
  'INVALID_QUERY',
  'VALIDATION_FAILED',
  'UNKNOWN_PLACE',
  'OUT_OF_COVERAGE',
  'NOT_FOUND',
  'NO_GEOMETRY',
  'METHOD_NOT_ALLOWED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'NOT_READY',
  'STORAGE_UNAVAILABLE',
  'INTERNAL',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One field-level finding of a validation problem. `path` is dotted (`contact.email`). */
export const FieldError = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** A reference to a place that a problem is about (e.g. the place found outside coverage). */
export const ProblemPlace = z.object({
  nis: z.string(),
  name: LangMap,
  postcode: z.nullable(z.string()),
  region: z.string(),
});
export type ProblemPlace = z.infer<typeof ProblemPlace>;

/** RFC 9457 problem details, extended with Carezone's stable `code`. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: ErrorCode,
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
  /** For OUT_OF_COVERAGE: the places that were understood but lie outside every layer. */
  places: z.optional(z.array(ProblemPlace)),
});
export type Problem = z.infer<typeof Problem>;

/** The `type` URI of a problem code, relative to the API so it resolves to the docs. */
export function problemType(code: ErrorCode): string {
  return `/docs#problem-${code.toLowerCase().replaceAll('_', '-')}`;
}
