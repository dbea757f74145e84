import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { action } from 'storybook/actions';
import { expect, userEvent, waitFor } from 'storybook/test';
import {
  type FixtureAnswer,
  type FixtureHandler,
  fixtureClient,
} from '../packages/widgets/src/test-helpers/fixture-api.js';
// The tags, as a page's script tag defines them.
import '../packages/widgets/src/define/carezone.js';
import { finderApi } from './finder-fixtures.js';
import { commonArgTypes, failingOnce, languageOf, partOf, widgetIn } from './helpers.js';

interface FinderArgs {
  layer?: string;
  postcode?: string;
  nis?: string;
  placeholder?: string;
  remember?: boolean;
  lang?: string;
}

/**
 * What the fixture API answers in a story: `parameters.api` makes a handler for each render (so a
 * stateful one starts afresh); default: the reference pack's answers of `finder-fixtures.ts`.
 */
type FinderParameters = { api?: () => FixtureHandler };

/** The finder's API, except that lookups get `answer` (every other request as usual). */
function lookupAnswers(answer: () => FixtureAnswer): () => FixtureHandler {
  return () => (url) => (url.pathname === '/v1/lookup' ? answer() : finderApi(url));
}

const onZoneChange = action('carezone-zone-change');

const meta = {
  title: 'Widgets/Finder',
  component: 'carezone-finder',
  tags: ['finder'],
  args: { remember: false },
  argTypes: {
    layer: {
      description: 'Id of the one zone layer to look in and show (`bxl-care-zones`, `elz`). Default: all.',
      control: { type: 'select' },
      options: [undefined, 'bxl-care-zones', 'elz'],
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    postcode: {
      description: 'Preset: show the zone of this postcode at once (a municipal page).',
      control: 'text',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    nis: {
      description: 'Preset: show the zone of this municipality (NIS code) at once.',
      control: 'text',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    placeholder: {
      description: 'Placeholder of the input (an example, never a substitute for the label).',
      control: 'text',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    remember: {
      description:
        'Keep the last chosen place in localStorage (this origin only) and show it again on the next visit. Default false.',
      control: 'boolean',
      table: { category: 'attributes', type: { summary: 'boolean' }, defaultValue: { summary: 'false' } },
    },
    ...commonArgTypes,
  },
  parameters: {
    docs: {
      description: {
        component:
          'Finds the care zone of a place: a combobox of places (postcodes, municipalities, localities, former municipalities) and the zone of each layer for the choice. The stories talk to a fixture API (the reference pack’s answers) through the `client` property: no server needed. Choosing a place logs `carezone-zone-change` in the Actions panel.',
      },
    },
  },
  render: (args, context) => {
    const api = (context.parameters as FinderParameters).api?.() ?? finderApi;
    return html`<carezone-finder
      layer=${ifDefined(args.layer)}
      postcode=${ifDefined(args.postcode)}
      nis=${ifDefined(args.nis)}
      placeholder=${ifDefined(args.placeholder)}
      ?remember=${args.remember}
      lang=${languageOf(args, context)}
      .client=${fixtureClient(api)}
      @carezone-zone-change=${onZoneChange}
    ></carezone-finder>`;
  },
} satisfies Meta<FinderArgs>;

export default meta;
type Story = StoryObj<FinderArgs>;

/** Nothing typed yet: the labelled input, the search button and "use my location". */
export const Idle: Story = {
  args: { placeholder: '1050, Elsene, Ixelles…' },
  play: async ({ canvasElement }) => {
    const finder = await widgetIn(canvasElement, 'carezone-finder');
    await expect(await partOf(finder, '[part~="input"][role="combobox"]')).toBeTruthy();
    await expect(await partOf(finder, '[part~="location-button"]')).toBeTruthy();
  },
};

/** "Else" typed: the list of suggestions opens (after the debounce) and the count is announced. */
export const Typing: Story = {
  play: async ({ canvasElement }) => {
    const finder = await widgetIn(canvasElement, 'carezone-finder');
    const input = await partOf(finder, '[part~="input"]');
    await userEvent.type(input, 'Else');
    await waitFor(
      () => {
        const options = finder.shadowRoot?.querySelectorAll('[role="option"]') ?? [];
        expect(options.length).toBeGreaterThan(0);
        expect(input.getAttribute('aria-expanded')).toBe('true');
      },
      { timeout: 3000 },
    );
  },
};

/** "schaerbek" typed: no name is spelled so, a close one is: the status asks "Did you mean Schaarbeek?". */
export const DidYouMean: Story = {
  play: async ({ canvasElement }) => {
    const finder = await widgetIn(canvasElement, 'carezone-finder');
    const input = await partOf(finder, '[part~="input"]');
    await userEvent.type(input, 'schaerbek');
    await waitFor(
      () => {
        expect(finder.shadowRoot?.querySelectorAll('[role="option"]').length).toBe(1);
        expect(finder.shadowRoot?.querySelector('[part~="status"]')?.textContent).toMatch(/Schaa?e?rbeek/);
      },
      { timeout: 3000 },
    );
  },
};

/** A place with one zone in each layer (Sint-Gillis / Saint-Gilles, 1060): a card per layer. */
export const Results: Story = {
  args: { postcode: '1060' },
  play: async ({ canvasElement }) => {
    const finder = await widgetIn(canvasElement, 'carezone-finder');
    await waitFor(() => expect(finder.shadowRoot?.querySelectorAll('[part~="zone"]').length).toBe(2), {
      timeout: 3000,
    });
  },
};

/** One zone whose boundary is not fully documented (Schaarbeek): the card, with a note in it. */
export const Probable: Story = {
  args: { nis: '21015' },
  play: async ({ canvasElement }) => {
    const finder = await widgetIn(canvasElement, 'carezone-finder');
    await expect(await partOf(finder, '[part~="zone"] [part~="note"]')).toBeTruthy();
  },
};

/** A place split between zones (Brussels-City): its parts to choose from; choosing Laken answers Noord. */
export const Choose: Story = {
  args: { nis: '21004' },
  play: async ({ canvasElement }) => {
    const finder = await widgetIn(canvasElement, 'carezone-finder');
    await expect(await partOf(finder, '[part~="choices"]')).toBeTruthy();
    const [, laken] = finder.shadowRoot?.querySelectorAll<HTMLElement>('[part~="choice"]') ?? [];
    if (laken) await userEvent.click(laken);
    await waitFor(() => expect(finder.shadowRoot?.querySelector('[part~="choices"]')).toBeNull(), {
      timeout: 3000,
    });
    await expect(await partOf(finder, '[part~="zone"]')).toBeTruthy();
  },
};

/** Two zones the data cannot tell apart (1000): every candidate with its team, and a button to pick it. */
export const CannotTell: Story = {
  name: 'Cannot tell',
  args: { postcode: '1000' },
  play: async ({ canvasElement }) => {
    const finder = await widgetIn(canvasElement, 'carezone-finder');
    await expect(await partOf(finder, '[part~="pick-button"]')).toBeTruthy();
  },
};

/** A place that exists but lies outside every layer (5000, Namen / Namur): named in the message. */
export const OutOfCoverage: Story = {
  name: 'Out of coverage',
  args: { postcode: '5000' },
  play: async ({ canvasElement }) => {
    const finder = await widgetIn(canvasElement, 'carezone-finder');
    const message = await partOf(finder, '[part~="result"] [part~="message"]');
    await expect(message.textContent).toMatch(/Nam(en|ur)/);
  },
};

/** A postcode no pack knows (9999). */
export const UnknownPlace: Story = {
  name: 'Unknown place',
  args: { postcode: '9999' },
  play: async ({ canvasElement }) => {
    const finder = await widgetIn(canvasElement, 'carezone-finder');
    const message = await partOf(finder, '[part~="result"] [part~="message"]');
    await expect(message.textContent).toContain('9999');
  },
};

/** The API fails (500 INTERNAL): a translated message and a retry button, which works the second time. */
export const ServerError: Story = {
  name: 'Error',
  args: { postcode: '1060' },
  parameters: {
    api: () => {
      const lookup = failingOnce(finderApi);
      return (url) => (url.pathname === '/v1/lookup' ? lookup(url) : finderApi(url));
    },
  } satisfies FinderParameters,
  play: async ({ canvasElement }) => {
    const finder = await widgetIn(canvasElement, 'carezone-finder');
    await expect(await partOf(finder, '[part~="retry-button"]')).toBeTruthy();
  },
};

/** No network at all (and the browser knows it): the offline message and a retry button. */
export const Offline: Story = {
  args: { postcode: '1060' },
  parameters: { api: () => () => ({ network: 'offline' }) } satisfies FinderParameters,
  beforeEach: () => {
    // The widget tells "offline" from "unreachable" by navigator.onLine; the story's page is online.
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    return () => {
      Reflect.deleteProperty(navigator, 'onLine');
    };
  },
  play: async ({ canvasElement }) => {
    const finder = await widgetIn(canvasElement, 'carezone-finder');
    await expect(await partOf(finder, '[part~="error"]')).toBeTruthy();
  },
};

/** The visitor refuses to share their location: a message, and the focus back in the input. */
export const LocationDenied: Story = {
  name: 'Location denied',
  play: async ({ canvasElement }) => {
    const finder = await widgetIn(canvasElement, 'carezone-finder');
    const button = await partOf(finder, '[part~="location-button"]');
    const geolocation = navigator.geolocation;
    const original = Object.getOwnPropertyDescriptor(geolocation, 'getCurrentPosition');
    // What a browser answers when the visitor clicks "Block": PERMISSION_DENIED, asynchronously.
    const denied: Geolocation['getCurrentPosition'] = (_success, error) => {
      setTimeout(() =>
        error?.({
          code: 1,
          message: 'User denied Geolocation',
          PERMISSION_DENIED: 1,
          POSITION_UNAVAILABLE: 2,
          TIMEOUT: 3,
        } as GeolocationPositionError),
      );
    };
    Object.defineProperty(geolocation, 'getCurrentPosition', { configurable: true, value: denied });
    try {
      await userEvent.click(button);
      await partOf(finder, '[part~="result"] [part~="message"]');
      await waitFor(() =>
        expect(finder.shadowRoot?.activeElement).toBe(finder.shadowRoot?.querySelector('input')),
      );
    } finally {
      if (original) Object.defineProperty(geolocation, 'getCurrentPosition', original);
      else Reflect.deleteProperty(geolocation, 'getCurrentPosition');
    }
  },
};

/** The lookup has not answered yet: placeholder lines where the result will be, so nothing moves. */
export const Loading: Story = {
  args: { postcode: '1060' },
  parameters: { api: lookupAnswers(() => ({ network: 'never' })) } satisfies FinderParameters,
  play: async ({ canvasElement }) => {
    const finder = await widgetIn(canvasElement, 'carezone-finder');
    await expect(await partOf(finder, '[part~="result"] [part~="loading"]')).toBeTruthy();
  },
};

/** A municipal site's colours, font and corners through `--carezone-*` and `::part()`. */
export const Themed: Story = {
  args: { postcode: '1060' },
  render: (args, context) => html`<style>
      .municipal-theme {
        --carezone-color-text: #14213d;
        --carezone-color-muted: #3d4a63;
        --carezone-color-surface: #fffdf5;
        --carezone-color-surface-alt: #f4efe0;
        --carezone-color-border: #7a6a3a;
        --carezone-color-accent: #7a1f3d;
        --carezone-color-on-accent: #ffffff;
        --carezone-color-focus: #7a1f3d;
        --carezone-font-family: Georgia, 'Times New Roman', serif;
        --carezone-radius: 0;
        --carezone-spacing: 1.25rem;
      }
      .municipal-theme carezone-finder::part(input) {
        border-width: 2px;
      }
      .municipal-theme carezone-finder::part(zone) {
        border-inline-start: 0.5rem solid #7a1f3d;
      }
      .municipal-theme carezone-finder::part(zone-name) {
        text-transform: uppercase;
        letter-spacing: 0.05em;
      }
    </style>
    <div class="municipal-theme">${meta.render(args, context)}</div>`,
  play: Results.play,
};
