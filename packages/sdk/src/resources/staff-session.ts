import { CSRF_HEADER, StaffSession } from '@carezone/contract';
import type { Http } from '../internal/http.js';
import type { SchemaIssue } from '../internal/schema.js';
import type { RequestOptions } from '../request-options.js';

export interface SignOutOptions extends RequestOptions {
  /** The session's `csrfToken`. Default: the one of this client's last `signIn` or `current`. */
  csrfToken?: string;
}

/**
 * The staff inbox's sign-in session, for a page served by the Carezone server itself: the browser
 * keeps the session cookie (`HttpOnly`: no script reads it), so the calls work only from the
 * server's own origin. Every other change made with the cookie (a status change, a news item) must
 * send the session's `csrfToken` in the `X-CSRF-Token` header (`CSRF_HEADER`).
 */
export interface StaffSessionResource {
  /**
   * Exchanges a staff token for a session cookie; resolves to the session, whose `csrfToken` this
   * client remembers for `signOut`. A wrong or revoked token: ApiError UNAUTHORIZED; too many
   * attempts: ApiError RATE_LIMITED (see `retryAfter`).
   */
  signIn(token: string, options?: RequestOptions): Promise<StaffSession>;
  /** The session of the cookie, renewed. Signed out, expired or revoked: ApiError UNAUTHORIZED. */
  current(options?: RequestOptions): Promise<StaffSession>;
  /** Ends the session and clears the cookie. */
  signOut(options?: SignOutOptions): Promise<void>;
}

/** A `204 No Content` answer. */
const NoContent = {
  safeParse: (input: unknown) =>
    input === undefined
      ? ({ success: true, data: undefined } as const)
      : ({
          success: false,
          error: {
            issues: [
              { code: 'custom', path: [], message: 'Expected no content', input } as unknown as SchemaIssue,
            ],
          },
        } as const),
};

export function staffSessionResource(http: Http): StaffSessionResource {
  let csrfToken: string | undefined;
  const remember = (session: StaffSession) => {
    csrfToken = session.csrfToken;
    return session;
  };
  return {
    async signIn(token, options) {
      return remember(
        await http.send('post', 'staff/session', StaffSession, { body: { token }, ...options }),
      );
    },
    async current(options) {
      return remember(await http.get('staff/session', StaffSession, undefined, options));
    },
    async signOut({ csrfToken: given = csrfToken, ...options } = {}) {
      await http.send('delete', 'staff/session', NoContent, {
        ...(given === undefined ? {} : { headers: { [CSRF_HEADER]: given } }),
        ...options,
      });
      // Only once the server ended it: a refused sign-out leaves the session as it was.
      csrfToken = undefined;
    },
  };
}
