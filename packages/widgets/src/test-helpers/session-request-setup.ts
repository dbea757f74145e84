import { waitUntil } from '@open-wc/testing';
import type { FormValues } from '../session-request/form-values.js';
import { CarezoneSessionRequest } from '../session-request/session-request.js';
import { fixtureClient } from './fixture-api.js';
import { mountWidget } from './mount.js';
import { formApi } from './session-request-fixtures.js';

/**
 * A session request form on a fixture API (`formApi`), with the handles a test needs. Attributes
 * default to `lang="en"` and `zone="bxl-sud"` (undefined leaves one out); resolves once the form
 * and its topics are there, unless `waitForTopics` is false.
 */
export async function setupForm(
  options: {
    attrs?: Record<string, string | undefined>;
    api?: ReturnType<typeof formApi>;
    waitForTopics?: boolean;
  } = {},
) {
  const api = options.api ?? formApi();
  const client = fixtureClient(api.handler);
  const el = await mountWidget('carezone-session-request', client, {
    lang: 'en',
    zone: 'bxl-sud',
    ...options.attrs,
  });
  const root = el.shadowRoot as ShadowRoot;
  const part = (name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`);
  const field = (name: string) =>
    root.querySelector<HTMLInputElement>(`[name="${name}"]`) as HTMLInputElement;
  const text = (name: string) => (part(name)?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();
  const option = (name: string, value: string) =>
    root.querySelector<HTMLInputElement>(`[name="${name}"][value="${value}"]`) as HTMLInputElement;
  const errorOf = (name: string) => {
    const target = name === 'zone' ? root.getElementById('zone') : field(name).closest('fieldset, .field');
    return target?.querySelector('[part~="field-error"]')?.textContent?.trim();
  };
  if (options.waitForTopics !== false)
    await waitUntil(() => root.querySelector('[name="topics"][value="diabetes"]'), 'the topics loaded');

  /** Fills the form through its inputs, as the events of a visitor's typing and clicking would. */
  const fill = async (values: Partial<FormValues>) => {
    for (const [name, value] of Object.entries(values)) {
      if (name === 'topics') {
        for (const topic of value as string[])
          if (!option('topics', topic).checked) option('topics', topic).click();
      } else if (name === 'consent') {
        if (field('consent').checked !== value) field('consent').click();
      } else if (['organisation.kind', 'format', 'language'].includes(name)) {
        if (value) option(name, value as string).click();
      } else {
        await el.updateComplete;
        const input = field(name);
        // A field that is not there (the other topic's name, "other" not ticked) stays empty.
        if (!input && value === '') continue;
        input.value = value as string;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      }
      await el.updateComplete;
    }
  };
  const submit = async () => {
    (part('submit-button') as HTMLButtonElement).click();
    await el.updateComplete;
  };
  return { el, api, client, root, part, field, option, text, errorOf, fill, submit };
}

export type FormHandles = Awaited<ReturnType<typeof setupForm>>;

if (!customElements.get('carezone-session-request'))
  customElements.define('carezone-session-request', CarezoneSessionRequest);
