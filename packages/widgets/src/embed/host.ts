import { HELLO, RESIZE } from './messages.js';

/**
 * `carezone-embed.js`, for the host page: every `<iframe data-carezone-embed>` takes the height its
 * embed page reports, for browsers without responsive iframes. A message counts only when it comes
 * from that iframe's window and from the origin of its `src`; anything else is ignored.
 */
const frames = (): HTMLIFrameElement[] => [
  ...document.querySelectorAll<HTMLIFrameElement>('iframe[data-carezone-embed]'),
];

const originOf = (frame: HTMLIFrameElement): string | undefined => {
  try {
    return new URL(frame.src, location.href).origin;
  } catch {
    return undefined;
  }
};

addEventListener('message', (event) => {
  const { data } = event;
  if (data?.type !== RESIZE || typeof data.height !== 'number' || !(data.height >= 0)) return;
  const frame = frames().find((candidate) => candidate.contentWindow === event.source);
  if (frame && originOf(frame) === event.origin) frame.style.height = `${Math.ceil(data.height)}px`;
});

/**
 * Greets a frame (at once, and whenever it loads a page), so that it knows where to send its height.
 * To any origin: the greeting says nothing, and the frame may still be on `about:blank`, whose origin
 * a named target would not match (an error in the console).
 */
const greet = (frame: HTMLIFrameElement) => frame.contentWindow?.postMessage({ type: HELLO }, '*');

const watched = new WeakSet<HTMLIFrameElement>();
const watch = (frame: HTMLIFrameElement) => {
  if (watched.has(frame)) return;
  watched.add(frame);
  // Through the CSSOM, which a host's strict policy allows where a style attribute would be refused.
  frame.style.border = '0';
  frame.addEventListener('load', () => greet(frame));
  greet(frame);
};

frames().forEach(watch);
// Frames a CMS or framework adds later are watched too.
new MutationObserver(() => frames().forEach(watch)).observe(document.documentElement, {
  childList: true,
  subtree: true,
});
