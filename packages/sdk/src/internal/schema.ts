import type { Problem } from '@carezone/contract';

/**
 * One finding of a failed schema check. Derived from the contract's own schemas so that the SDK
 * needs no direct import of zod (its types come through the contract).
 */
export type SchemaIssue = NonNullable<ReturnType<typeof Problem.safeParse>['error']>['issues'][number];

/** The part of a zod/mini schema the SDK relies on. */
export interface Schema<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } };
}
