import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * When the form was first shown, carried in a hidden field so that the POST can send the API the
 * `fillTimeMs` the widget sends. Signed with a secret of this process: a script that fills the
 * honeypot cannot claim a long fill time by writing an old time (the API would store its request
 * as possible spam instead of dropping it), it must load the form and wait. A time that does not
 * verify (forged, or signed by another process behind the same balancer, or before a restart) is
 * no fill time at all: the API judges the request without that signal, as it does any client that
 * sends none. It is a signal, not a lock: a patient bot still gets a valid time.
 */
const SECRET = randomBytes(32);

const mac = (time: string) => createHmac('sha256', SECRET).update(time).digest('base64url');

/** `1733170000000.<signature>`: the hidden field's value for a form shown at `shownAt` (ms). */
export function signShownAt(shownAt: number): string {
  const time = String(Math.trunc(shownAt));
  return `${time}.${mac(time)}`;
}

/** Milliseconds since the signed time, or `undefined` when the value is not one this process signed. */
export function fillTimeOf(signed: string, now = Date.now()): number | undefined {
  const [time = '', signature = '', ...rest] = signed.split('.');
  if (rest.length > 0 || !/^\d{1,15}$/.test(time)) return undefined;
  const expected = Buffer.from(mac(time));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const elapsed = now - Number(time);
  return elapsed >= 0 ? elapsed : undefined;
}
