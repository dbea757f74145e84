import { fixture, html } from '@open-wc/testing';
import type { CarezoneElement } from '../internal/carezone-element.js';
import type { FixtureClient } from './fixture-api.js';

/**
 * Puts a widget on the page as a script tag's page would (created, given its attributes, then
 * inserted), talking to `client` (a fixture API), and waits for its first render. An undefined attribute is
 * left out.
 */
export async function mountWidget<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  client: FixtureClient,
  attrs: Record<string, string | undefined>,
): Promise<HTMLElementTagNameMap[K] & CarezoneElement> {
  const el = document.createElement(tag) as HTMLElementTagNameMap[K] & CarezoneElement;
  el.client = client;
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  const wrapper = await fixture(html`<div></div>`);
  wrapper.append(el);
  await el.updateComplete;
  return el;
}
