import type { ErrorCode } from '@carezone/contract';

/**
 * Every text a widget shows. One object per language (`nl.ts`, `fr.ts`, `en.ts`, `de.ts`); the
 * type makes a missing key a compile error and the catalogue test a failing test.
 */
export interface Translation {
  loading: string;
  retry: string;
  offline: string;
  /** Shown for an error code the widget does not know (a newer server). */
  unexpectedError: string;
  errors: Record<ErrorCode, string>;
  networkError: string;
  timeout: string;
}
