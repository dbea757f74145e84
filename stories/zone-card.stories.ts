import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import {
  type FixtureAnswer,
  type FixtureHandler,
  fixtureClient,
  problem,
} from '../packages/widgets/src/test-helpers/fixture-api.js';
import { zonesApi } from '../packages/widgets/src/test-helpers/fixtures.js';
// The tags, as a page's script tag defines them.
import '../packages/widgets/src/define/carezone.js';
import { commonArgTypes, failingOnce, languageOf, partOf, widgetIn } from './helpers.js';

interface ZoneCardArgs {
  zone?: string;
  headingLevel?: number;
  lang?: string;
}

/**
 * What the fixture API answers in a story: `parameters.api` makes a handler for each render (so a
 * stateful one starts afresh); default: the zones of the widgets' test fixtures.
 */
type ZoneCardParameters = { api?: () => FixtureHandler };

const fixtures = (url: URL): FixtureAnswer => zonesApi(url) ?? problem(404, 'NOT_FOUND');

const meta = {
  title: 'Widgets/Zone card',
  component: 'carezone-zone-card',
  tags: ['zone-card'],
  args: { zone: 'test-zone' },
  argTypes: {
    zone: {
      description: 'Id of the zone to show (`bxl-sud`, `elz-gent`).',
      control: 'text',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    headingLevel: {
      name: 'heading-level',
      description: '`aria-level` of the zone’s name, to fit the page’s headings. Default 3.',
      control: { type: 'number', min: 1, max: 6 },
      table: { category: 'attributes', type: { summary: 'number' }, defaultValue: { summary: '3' } },
    },
    ...commonArgTypes,
  },
  parameters: {
    docs: {
      description: {
        component:
          'One zone’s contact card, for a page that already knows its zone (a municipal page). The stories talk to a fixture API through the `client` property: no server needed.',
      },
    },
  },
  render: (args, context) => {
    const api = (context.parameters as ZoneCardParameters).api?.() ?? fixtures;
    return html`<carezone-zone-card
      zone=${ifDefined(args.zone)}
      heading-level=${ifDefined(args.headingLevel)}
      lang=${languageOf(args, context)}
      .client=${fixtureClient(api)}
    ></carezone-zone-card>`;
  },
} satisfies Meta<ZoneCardArgs>;

export default meta;
type Story = StoryObj<ZoneCardArgs>;

/** A zone whose team published a website, an e-mail address and a phone number. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const card = await widgetIn(canvasElement, 'carezone-zone-card');
    await expect(await partOf(card, '[part~="contact"]')).toBeTruthy();
  },
};

/** A zone whose team contact is not known: a plain sentence says so, nothing is invented. */
export const UnknownContact: Story = {
  args: { zone: 'test-zone-unknown' },
  play: async ({ canvasElement }) => {
    const card = await widgetIn(canvasElement, 'carezone-zone-card');
    await expect(await partOf(card, '[part~="contact-unknown"]')).toBeTruthy();
  },
};

/** While the zone loads: placeholder lines in the space the card will take. */
export const Loading: Story = {
  parameters: { api: () => () => ({ network: 'never' }) } satisfies ZoneCardParameters,
  play: async ({ canvasElement }) => {
    const card = await widgetIn(canvasElement, 'carezone-zone-card');
    await expect(await partOf(card, '[part~="loading"]')).toBeTruthy();
  },
};

/** A zone id the API does not know. */
export const NotFound: Story = {
  args: { zone: 'bxl-atlantis' },
  play: async ({ canvasElement }) => {
    const card = await widgetIn(canvasElement, 'carezone-zone-card');
    await expect(await partOf(card, '[part~="message"]')).toBeTruthy();
  },
};

/** The API fails (500 INTERNAL): a translated message and a retry button, which works the second time. */
export const ServerError: Story = {
  name: 'Error',
  parameters: {
    api: () => {
      const zone = failingOnce(fixtures);
      return (url) => (url.pathname.startsWith('/v1/zones/') ? zone(url) : fixtures(url));
    },
  } satisfies ZoneCardParameters,
  play: async ({ canvasElement }) => {
    const card = await widgetIn(canvasElement, 'carezone-zone-card');
    await expect(await partOf(card, '[part~="retry-button"]')).toBeTruthy();
  },
};

/** The network is down: the offline message and a retry button. */
export const Offline: Story = {
  parameters: { api: () => () => ({ network: 'offline' }) } satisfies ZoneCardParameters,
  play: async ({ canvasElement }) => {
    const card = await widgetIn(canvasElement, 'carezone-zone-card');
    await expect(await partOf(card, '[part~="error"]')).toBeTruthy();
  },
};

/** No `zone` attribute: the card says that no zone is given rather than staying empty. */
export const NoZoneAttribute: Story = {
  args: { zone: undefined },
  play: async ({ canvasElement }) => {
    const card = await widgetIn(canvasElement, 'carezone-zone-card');
    await expect(await partOf(card, '[part~="message"]')).toBeTruthy();
  },
};

/** A municipal site's colours, font and corners through `--carezone-*` and `::part()`. */
export const Themed: Story = {
  render: (args, context) => html`<style>
      .municipal-theme {
        --carezone-color-text: #14213d;
        --carezone-color-muted: #3d4a63;
        --carezone-color-surface: #fffdf5;
        --carezone-color-border: #7a6a3a;
        --carezone-color-accent: #7a1f3d;
        --carezone-color-focus: #7a1f3d;
        --carezone-font-family: Georgia, 'Times New Roman', serif;
        --carezone-radius: 0;
        --carezone-spacing: 1.25rem;
      }
      .municipal-theme carezone-zone-card::part(zone) {
        border-inline-start: 0.5rem solid #7a1f3d;
      }
      .municipal-theme carezone-zone-card::part(zone-name) {
        text-transform: uppercase;
        letter-spacing: 0.05em;
      }
    </style>
    <div class="municipal-theme">${meta.render(args, context)}</div>`,
  play: Default.play,
};
