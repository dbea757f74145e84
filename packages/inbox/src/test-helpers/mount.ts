import type { Language } from '@carezone/sdk';
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { InboxApi, StaffSession } from '../internal/api.js';
import type { InboxView } from '../internal/inbox-view.js';
import { ZONE_SESSION, ZONES } from './fake-server.js';
import '../define.js';

export interface MountOptions {
  api: InboxApi;
  language?: Language;
  session?: StaffSession | undefined;
  props?: Record<string, unknown>;
}

/** A view on the page with the API, session and zones the inbox would give it, once rendered. */
export async function mountView<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  { api, language = 'en', session = ZONE_SESSION, props = {} }: MountOptions,
): Promise<HTMLElementTagNameMap[K] & InboxView> {
  const el = document.createElement(tag) as HTMLElementTagNameMap[K] & InboxView;
  Object.assign(el, { api, language, session, zones: ZONES, ...props });
  const wrapper = await fixture(html`<main lang=${language}></main>`);
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

/** The text of an element, its whitespace collapsed. */
export const textOf = (element: Node | null | undefined): string =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until `selector` matches in the view's shadow root. */
export async function shown(el: InboxView, selector: string): Promise<HTMLElement> {
  await waitUntil(() => el.shadowRoot?.querySelector(selector), `${selector} shows`, { timeout: 3000 });
  await el.updateComplete;
  return el.shadowRoot?.querySelector(selector) as HTMLElement;
}
