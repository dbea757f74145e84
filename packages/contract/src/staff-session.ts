import * as z from 'zod/mini';
import { IsoDateTime } from './common.js';

/**
 * Signing in to the staff inbox: a staff token (`carezone token create`) is exchanged once for a
 * session cookie (`HttpOnly`, `SameSite=Strict`), so the page never keeps the token itself.
 */

/** The header that carries a session's `csrfToken` on every state-changing request made with the cookie. */
export const CSRF_HEADER = 'X-CSRF-Token';

/** `POST /v1/staff/session`: the staff token to sign in with. */
export const StaffSignIn = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type StaffSignIn = z.infer<typeof StaffSignIn>;

/** A signed-in session, as sign-in and `GET /v1/staff/session` answer it. */
export const StaffSession = z.object({
  /** The zone of the token signed in with; `null`: a network token that sees every zone. */
  zone: z.nullable(z.string()),
  /** The token's label (`carezone token create --label`), shown in the history of the changes made. */
  label: z.string(),
  /** Sent back in the `X-CSRF-Token` header of every POST, PATCH and DELETE made with the cookie. */
  csrfToken: z.string(),
  /** When the session ends unless it is used before: renewed while in use, up to a fixed cap. */
  expiresAt: IsoDateTime,
});
export type StaffSession = z.infer<typeof StaffSession>;
