import type { Socket } from 'node:net';
import type { Context } from 'hono';

/**
 * The origin absolute links of a request are built from (the feeds' self, home and item links, the
 * docs' curl commands). Never from `Host` or `X-Forwarded-Host`: a client chooses those, and what it
 * chose would be reflected into answers that shared caches keep for everyone.
 */
export type LinkOrigin = (c: Context) => string;

/**
 * `CAREZONE_PUBLIC_URL` (or `--public-url`, named by `name`) as a bare origin:
 * `https://zorgzones.example.be/` → `https://zorgzones.example.be`. Anything that is not an
 * absolute http(s) URL without user, path, query or fragment throws an error naming the setting.
 */
export function parsePublicUrl(text: string, name = 'CAREZONE_PUBLIC_URL'): string {
  // A value with a user name may hold a password too: it is not repeated in the message.
  const refuse = () =>
    new Error(
      `${name} must be the server's public origin, like https://zorgzones.example.be ` +
        `(no path, query or user name)${text.includes('@') ? '' : `, not ${JSON.stringify(text)}`}`,
    );
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw refuse();
  }
  const bare =
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '' &&
    url.username === '' &&
    url.password === '';
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !bare || /[?#]/.test(text)) throw refuse();
  return url.origin;
}

/** `::ffff:127.0.0.1` (an IPv4 client of a dual-stack socket) → `127.0.0.1`; other IPv6 in brackets. */
function hostOf(address: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (v4) return v4;
  return address.includes(':') ? `[${address}]` : address;
}

/**
 * Links from `publicUrl` when it is set; else from the address and port the connection came in on
 * (`http://127.0.0.1:3000` as started: right for a server reached directly, never a name a client
 * made up); else, in-process (`app.request()`, no socket), `http://localhost`. Behind a reverse proxy
 * only `publicUrl` gives links that work: the proxy's `X-Forwarded-Host` is the client's `Host`
 * passed on, so it is no better than `Host` itself, and the server warns at start when it is missing.
 */
export function linkOrigin(publicUrl: string | undefined): LinkOrigin {
  if (publicUrl !== undefined) {
    const origin = parsePublicUrl(publicUrl);
    return () => origin;
  }
  return (c) => {
    const socket = (c.env as { incoming?: { socket?: Socket } } | undefined)?.incoming?.socket;
    if (socket?.localAddress === undefined || socket.localPort === undefined) return 'http://localhost';
    const scheme = 'encrypted' in socket && socket.encrypted ? 'https' : 'http';
    return new URL(`${scheme}://${hostOf(socket.localAddress)}:${socket.localPort}`).origin;
  };
}

/**
 * Whether links made from the address a request came in on would be wrong for the public: behind a
 * reverse proxy that address is the proxy's way in, and on every interface (`0.0.0.0`, a container)
 * it is whichever one the request used. The server warns at start when this holds and no public URL
 * is set.
 */
export function publicUrlNeeded(host: string, trustedProxies: number): boolean {
  return trustedProxies > 0 || host === '0.0.0.0' || host === '::' || host === '';
}
