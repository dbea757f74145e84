/**
 * What an embed page (`/embed/…`, in an iframe) and `carezone-embed.js` (on the host page) say to
 * each other with `postMessage`. Documented in examples/README.md; keep both in step.
 *
 * - The frame → its parent: `{ type: 'carezone:resize', height }`, the document's height in CSS
 *   pixels, at load and whenever it changes; sent only to the parent's origin.
 * - The host → each of its frames: `{ type: 'carezone:hello' }`, at load, so that a frame that
 *   could not tell its parent's origin (no `ancestorOrigins`, no referrer) learns it from the reply.
 */
export const RESIZE = 'carezone:resize';
export const HELLO = 'carezone:hello';

export interface ResizeMessage {
  type: typeof RESIZE;
  height: number;
}
