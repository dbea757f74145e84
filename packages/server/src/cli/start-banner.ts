import { VERSION } from '../version.js';

export interface StartBannerInput {
  /** The address the server listens on, with the port it got (`http://127.0.0.1:41234`). */
  listening: string;
  /** `CAREZONE_PUBLIC_URL`, when set: the origin people reach the server at. */
  publicUrl?: string | undefined;
  examples: boolean;
  widgets: boolean;
}

/** Listening on every interface: a person on this machine reaches it at `localhost`. */
const EVERY_INTERFACE = new Set(['0.0.0.0', '[::]']);

/**
 * A few lines for a person who just ran `carezone serve`: where the API, its reference, the
 * examples, the embed configurator, the zone team's inbox (and how to get a token to sign in to it)
 * and the widgets are, at the port the server really got.
 * Links use the public URL when there is one, as the pages themselves do.
 */
export function startBanner({ listening, publicUrl, examples, widgets }: StartBannerInput): string[] {
  const address = new URL(listening);
  const local = EVERY_INTERFACE.has(address.hostname)
    ? `${address.protocol}//localhost:${address.port}`
    : address.origin;
  const origin = publicUrl ?? local;
  const where = EVERY_INTERFACE.has(address.hostname)
    ? `on every interface, port ${address.port}`
    : `at ${address.origin}`;
  const links: [string, string][] = [
    ['API', `${origin}/v1/  (try ${origin}/v1/lookup?postcode=1050)`],
    ['API reference', `${origin}/docs`],
    ...(examples ? [['Examples', `${origin}/examples/`] as [string, string]] : []),
    ['Embed configurator', `${origin}/embed/`],
    // The zone team's page: a token first (its label names the changes made with it), then the URL.
    ['Inbox', `${origin}/inbox/`],
    ['Inbox sign-in', 'npx carezone token create --zone <id> --label "…" (--all-zones for the network)'],
    ...(widgets ? [['Widgets', `${origin}/widgets/carezone.js`] as [string, string]] : []),
  ];
  const width = Math.max(...links.map(([label]) => label.length));
  return [
    `Carezone ${VERSION} is listening ${where}${publicUrl ? `, public at ${publicUrl}` : ''}.`,
    ...links.map(([label, url]) => `  ${label.padEnd(width)}  ${url}`),
    'Stop it with Ctrl+C.',
  ];
}

/**
 * Where the lines go: with a person at the terminal, among the log on stdout; otherwise on stderr,
 * so that stdout stays pure JSON lines for whatever collects the log.
 */
export function bannerStream(stdout: { isTTY?: boolean }): 'stdout' | 'stderr' {
  return stdout.isTTY === true ? 'stdout' : 'stderr';
}
