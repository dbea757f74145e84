import { answerFromPage } from './answers.js';
import { enhance } from './enhance.js';
import { HELLO, RESIZE, type ResizeMessage } from './messages.js';

/**
 * Runs in every embed page (a deferred classic script, so before the widget's module): hands the
 * server's reads to the widget, swaps the widget in once it has rendered, and keeps the iframe as
 * tall as the page. Browsers with responsive iframes
 * (`frame-sizing: content-height` on the host's iframe) are asked to resize with `requestResize()`;
 * every other host hears the height through `postMessage`, sent only to the parent's own origin.
 */
declare global {
  interface Window {
    requestResize?: () => void;
  }
}

const parentOrigin = (): string | undefined => {
  const ancestor = location.ancestorOrigins?.[0];
  if (ancestor && ancestor !== 'null') return ancestor;
  try {
    return document.referrer ? new URL(document.referrer).origin : undefined;
  } catch {
    return undefined;
  }
};

answerFromPage();
enhance();

if (window.parent !== window) {
  let target = parentOrigin();
  let sent = -1;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    try {
      window.requestResize?.();
    } catch {
      // Not opted in or not in an iframe (an <object>): the message below still says it.
    }
    if (target && height !== sent) {
      sent = height;
      window.parent.postMessage({ type: RESIZE, height } satisfies ResizeMessage, target);
    }
  };
  addEventListener('message', (event) => {
    if (event.source === window.parent && event.data?.type === HELLO) {
      target = event.origin;
      sent = -1;
      send();
    }
  });
  new ResizeObserver(send).observe(document.documentElement);
}
