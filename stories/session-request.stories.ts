import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { action } from 'storybook/actions';
import { expect, userEvent, waitFor } from 'storybook/test';
import {
  type FixtureAnswer,
  fixtureClient,
  problem,
} from '../packages/widgets/src/test-helpers/fixture-api.js';
import {
  CREATED,
  FILLED,
  formApi,
  rateLimited,
  storeDraft,
  TOPICS,
} from '../packages/widgets/src/test-helpers/session-request-fixtures.js';
// The tags, as a page's script tag defines them.
import '../packages/widgets/src/define/carezone.js';
import { finderApi } from './finder-fixtures.js';
import { commonArgTypes, failingOnce, languageOf, partOf, widgetIn } from './helpers.js';

interface SessionRequestArgs {
  zone?: string;
  zoneSource?: string;
  layer?: string;
  lang?: string;
}

/**
 * What the fixture API answers in a story, made afresh for each render: `create` answers the n-th
 * POST (default 201), `topics` the topic list (default: four topics of the server's defaults).
 * Places, lookups and zones are the finder stories' (the reference pack's answers).
 */
type SessionRequestParameters = {
  create?: () => (index: number) => FixtureAnswer | Promise<FixtureAnswer>;
  topics?: () => () => FixtureAnswer;
  /** A filled-in draft restored by the form: the story starts where a visitor would send. */
  filled?: boolean;
};

/** Each story's form keeps its draft apart (its id), and starts from none unless `filled`. */
const FORM_ID = 'story-form';

function clearDrafts(): void {
  for (const key of Object.keys(sessionStorage))
    if (key.startsWith('carezone-session-request:')) sessionStorage.removeItem(key);
}

const onSuccess = action('carezone-submit-success');
const onError = action('carezone-submit-error');

function apiFor(parameters: SessionRequestParameters) {
  const create = parameters.create?.();
  const topics = parameters.topics?.();
  return formApi({
    ...(create ? { create: (_sent, index) => create(index) } : {}),
    ...(topics ? { topics } : {}),
    others: finderApi,
  }).handler;
}

const meta = {
  title: 'Widgets/Session request',
  component: 'carezone-session-request',
  tags: ['session-request'],
  args: { zone: 'bxl-sud' },
  argTypes: {
    zone: {
      description: 'Id of the zone whose team receives the request (`bxl-sud`): no zone to choose then.',
      control: 'text',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    zoneSource: {
      name: 'zone-source',
      description:
        'CSS selector of a `<carezone-finder>` on the page (`#finder`) whose chosen zone the form takes.',
      control: 'text',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    layer: {
      description: 'Zone layer of the embedded finder (`bxl-care-zones`, `elz`). Default: all.',
      control: { type: 'select' },
      options: [undefined, 'bxl-care-zones', 'elz'],
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    ...commonArgTypes,
  },
  parameters: {
    docs: {
      description: {
        component:
          'A form with which an organisation asks its zone team for an information session. The stories talk to a fixture API through the `client` property: no server needed. Sending logs `carezone-submit-success` or `carezone-submit-error` in the Actions panel.',
      },
    },
  },
  beforeEach: (context) => {
    // A draft left by another story (or another language of this one) must not leak in.
    clearDrafts();
    const { filled } = context.parameters as SessionRequestParameters;
    if (filled) storeDraft(FORM_ID, { ...FILLED, language: languageOf(context.args, context) });
    return clearDrafts;
  },
  render: (args, context) => {
    const client = fixtureClient(apiFor(context.parameters as SessionRequestParameters));
    return html`<carezone-session-request
      id=${FORM_ID}
      zone=${ifDefined(args.zone)}
      zone-source=${ifDefined(args.zoneSource)}
      layer=${ifDefined(args.layer)}
      lang=${languageOf(args, context)}
      .client=${client}
      @carezone-submit-success=${onSuccess}
      @carezone-submit-error=${onError}
    ></carezone-session-request>`;
  },
} satisfies Meta<SessionRequestArgs>;

export default meta;
type Story = StoryObj<SessionRequestArgs>;

/** Sends the restored draft and waits for `part` to show. */
async function send(canvasElement: HTMLElement, part: string): Promise<HTMLElement> {
  const form = await widgetIn(canvasElement, 'carezone-session-request');
  await userEvent.click(await partOf(form, '[part~="submit-button"]'));
  return partOf(form, `[part~="${part}"]`);
}

/** A fresh form for the zone of the page (`zone="bxl-sud"`): the topics loaded, nothing filled in. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const form = await widgetIn(canvasElement, 'carezone-session-request');
    await expect(await partOf(form, '[name="topics"][value="diabetes"]')).toBeTruthy();
  },
};

/** The topics have not arrived yet: placeholder lines in their place. */
export const LoadingTopics: Story = {
  name: 'Loading topics',
  parameters: { topics: () => () => ({ network: 'never' }) } satisfies SessionRequestParameters,
  play: async ({ canvasElement }) => {
    const form = await widgetIn(canvasElement, 'carezone-session-request');
    await expect(await partOf(form, '[part~="loading"]')).toBeTruthy();
  },
};

/** The topics failed (500): a translated message and a retry that works the second time; "other" stays. */
export const TopicsFailed: Story = {
  name: 'Topics failed',
  parameters: {
    topics: () => failingOnce(() => ({ body: { data: TOPICS } })),
  } satisfies SessionRequestParameters,
  play: async ({ canvasElement }) => {
    const form = await widgetIn(canvasElement, 'carezone-session-request');
    await expect(await partOf(form, '#topics [part~="retry-button"]')).toBeTruthy();
  },
};

/** Sent empty: every problem at its field and in the summary, which takes the focus. */
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const summary = await send(canvasElement, 'error-summary');
    const form = await widgetIn(canvasElement, 'carezone-session-request');
    await waitFor(() => expect(form.shadowRoot?.activeElement).toBe(summary));
  },
};

/** Filled in and sent; the server has not answered yet: busy, and said so. */
export const Submitting: Story = {
  parameters: {
    filled: true,
    create: () => () => new Promise<FixtureAnswer>(() => {}),
  } satisfies SessionRequestParameters,
  play: async ({ canvasElement }) => {
    const form = await widgetIn(canvasElement, 'carezone-session-request');
    await userEvent.click(await partOf(form, '[part~="submit-button"]'));
    await waitFor(() =>
      expect(form.shadowRoot?.querySelector('form')?.getAttribute('aria-busy')).toBe('true'),
    );
  },
};

/** Stored: the confirmation with the reference number, which takes the focus. */
export const Sent: Story = {
  parameters: { filled: true } satisfies SessionRequestParameters,
  play: async ({ canvasElement }) => {
    const reference = await send(canvasElement, 'reference');
    await expect(reference.textContent).toContain(CREATED.reference);
  },
};

/** The server fails (500): every field stays filled, a message and a retry with the same key. */
export const ServerError: Story = {
  name: 'Server error',
  parameters: {
    filled: true,
    create: () => () => problem(500, 'INTERNAL'),
  } satisfies SessionRequestParameters,
  play: async ({ canvasElement }) => {
    await send(canvasElement, 'retry-button');
  },
};

/** Too many requests (429, `Retry-After: 120`): says when to try again. */
export const RateLimited: Story = {
  name: 'Rate limited',
  parameters: { filled: true, create: () => () => rateLimited(120) } satisfies SessionRequestParameters,
  play: async ({ canvasElement }) => {
    const error = await send(canvasElement, 'error');
    await expect(error.textContent).toMatch(/2/);
  },
};

/** No network at all (and the browser knows it): the offline message and a retry. */
export const Offline: Story = {
  parameters: {
    filled: true,
    create: () => () => ({ network: 'offline' }),
  } satisfies SessionRequestParameters,
  beforeEach: () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    return () => {
      Reflect.deleteProperty(navigator, 'onLine');
    };
  },
  play: async ({ canvasElement }) => {
    await send(canvasElement, 'error');
  },
};

/** 409: an earlier version of this form already arrived; sending again sends it as a new request. */
export const Conflict: Story = {
  parameters: {
    filled: true,
    create: () => (index) => (index === 0 ? problem(409, 'CONFLICT') : { status: 201, body: CREATED }),
  } satisfies SessionRequestParameters,
  play: async ({ canvasElement }) => {
    await send(canvasElement, 'error');
  },
};

/** No `zone` attribute: the visitor finds their zone with a finder inside the form. */
export const EmbeddedFinder: Story = {
  name: 'Embedded finder',
  args: { zone: undefined, layer: 'bxl-care-zones' },
  play: async ({ canvasElement }) => {
    const form = await widgetIn(canvasElement, 'carezone-session-request');
    await expect(await partOf(form, '[part~="finder"]')).toBeTruthy();
  },
};

/** A finder on the page and the form following it (`zone-source="#finder"`): the zone chosen above. */
export const FollowingAFinder: Story = {
  name: 'Following a finder',
  args: { zone: undefined, zoneSource: '#finder' },
  render: (args, context): TemplateResult => html`<carezone-finder
      id="finder"
      lang=${languageOf(args, context)}
      .client=${fixtureClient(finderApi)}
    ></carezone-finder>
    ${meta.render(args, context)}`,
  play: async ({ canvasElement }) => {
    const finder = await widgetIn(canvasElement, 'carezone-finder');
    const form = await widgetIn(canvasElement, 'carezone-session-request');
    const zoneName = await partOf(form, '[part~="zone-name"]');
    const before = zoneName.textContent;
    await userEvent.type(await partOf(finder, '[part~="input"]'), 'Else');
    await userEvent.click(await partOf(finder, '[role="option"]'));
    await waitFor(() => expect(zoneName.textContent).not.toBe(before), { timeout: 3000 });
  },
};

/** A network site's colours, font and corners through `--carezone-*` and `::part()`. */
export const Themed: Story = {
  render: (args, context) => html`<style>
      .network-theme {
        --carezone-color-text: #14213d;
        --carezone-color-muted: #3d4a63;
        --carezone-color-border: #5b6b7f;
        --carezone-color-accent: #1d5c3a;
        --carezone-color-focus: #1d5c3a;
        --carezone-font-family: Georgia, 'Times New Roman', serif;
        --carezone-radius: 0;
        --carezone-spacing: 1.5rem;
      }
      .network-theme carezone-session-request::part(submit-button) {
        text-transform: uppercase;
        letter-spacing: 0.05em;
      }
      .network-theme carezone-session-request::part(privacy) {
        border-inline-start: 0.25rem solid #1d5c3a;
        padding-inline-start: 0.75rem;
      }
    </style>
    <div class="network-theme">${meta.render(args, context)}</div>`,
  play: Empty.play,
};
