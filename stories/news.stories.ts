import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import { fixtureClient } from '../packages/widgets/src/test-helpers/fixture-api.js';
import { type NewsApiOptions, newsApi } from '../packages/widgets/src/test-helpers/news-fixtures.js';
// The tags, as a page's script tag defines them.
import '../packages/widgets/src/define/carezone.js';
import { finderApi } from './finder-fixtures.js';
import { commonArgTypes, failingOnce, languageOf, partOf, widgetIn } from './helpers.js';

interface NewsArgs {
  zone?: string;
  zoneSource?: string;
  layer?: string;
  topic?: string;
  limit?: number;
  layout?: 'list' | 'cards' | 'compact';
  headingLevel?: number;
  lang?: string;
}

/** What the fixture API answers in a story, made afresh for each render (default: seven items). */
type NewsParameters = { api?: () => NewsApiOptions };

const meta = {
  title: 'Widgets/News',
  component: 'carezone-news',
  tags: ['news'],
  args: { layout: 'list', limit: 5 },
  argTypes: {
    zone: {
      description: 'Id of the zone whose news to show (`bxl-sud`). Default: every zone (of `layer`).',
      control: 'text',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    zoneSource: {
      name: 'zone-source',
      description:
        'CSS selector of a `<carezone-finder>` on the page (`#finder`) whose chosen zone the feed follows.',
      control: 'text',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    layer: {
      description: 'Only the news of the zones of this layer (`bxl-care-zones`).',
      control: 'text',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    topic: {
      description: 'Only the news with this topic.',
      control: 'text',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    limit: {
      description: 'Items per page. Default 5.',
      control: { type: 'number', min: 1, max: 100 },
      table: { category: 'attributes', type: { summary: 'number' } },
    },
    layout: {
      description: '`list` (default), `cards` or `compact` (titles and dates only).',
      control: { type: 'select' },
      options: ['list', 'cards', 'compact'],
      table: { category: 'attributes', type: { summary: "'list' | 'cards' | 'compact'" } },
    },
    headingLevel: {
      name: 'heading-level',
      description: '`aria-level` of the items’ titles, to fit the page’s headings. Default 3.',
      control: { type: 'number', min: 1, max: 6 },
      table: { category: 'attributes', type: { summary: 'number' } },
    },
    ...commonArgTypes,
  },
  parameters: {
    docs: {
      description: {
        component:
          'The news of a network or of one zone. The stories talk to a fixture API through the `client` property: seven items, recent and old, one in French, one without a body, one undated. The feed links point to the API the widget script came from.',
      },
    },
  },
  render: (args, context) => {
    const options = (context.parameters as NewsParameters).api?.() ?? {};
    const client = fixtureClient(newsApi(options).handler);
    return html`<carezone-news
      zone=${ifDefined(args.zone)}
      zone-source=${ifDefined(args.zoneSource)}
      layer=${ifDefined(args.layer)}
      topic=${ifDefined(args.topic)}
      limit=${ifDefined(args.limit)}
      layout=${ifDefined(args.layout)}
      heading-level=${ifDefined(args.headingLevel)}
      lang=${languageOf(args, context)}
      .client=${client}
    ></carezone-news>`;
  },
} satisfies Meta<NewsArgs>;

export default meta;
type Story = StoryObj<NewsArgs>;

const showsItems = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const news = await widgetIn(canvasElement, 'carezone-news');
  await expect(await partOf(news, '[part~="item"]')).toBeTruthy();
};

/** The default layout: one item under the other, with zone, date, summary and "read more". */
export const List: Story = { play: showsItems };

/** Cards side by side where there is room, one column on a narrow screen. */
export const Cards: Story = { args: { layout: 'cards', limit: 6 }, play: showsItems };

/** Titles and dates only: a block in a municipal page's sidebar (`zone="bxl-sud"`). */
export const Compact: Story = { args: { layout: 'compact', zone: 'bxl-sud' }, play: showsItems };

/** The first item's full text, opened in place. */
export const Expanded: Story = {
  play: async ({ canvasElement }) => {
    const news = await widgetIn(canvasElement, 'carezone-news');
    await userEvent.click(await partOf(news, '[part~="read-more"]'));
    await waitFor(() => expect(news.shadowRoot?.querySelector('[part~="body"]:not([hidden])')).toBeTruthy());
  },
};

/** "More news" pressed: the next page appended, the focus on its first item, its count announced. */
export const LoadMore: Story = {
  name: 'Load more',
  args: { limit: 3 },
  play: async ({ canvasElement }) => {
    const news = await widgetIn(canvasElement, 'carezone-news');
    await userEvent.click(await partOf(news, '[part~="load-more"]'));
    await waitFor(() => expect(news.shadowRoot?.querySelectorAll('[part~="item"]').length).toBe(6));
  },
};

/** The news has not arrived yet: placeholders as high as the items will be. */
export const Loading: Story = {
  parameters: { api: () => ({ news: () => ({ network: 'never' }) }) } satisfies NewsParameters,
  play: async ({ canvasElement }) => {
    const news = await widgetIn(canvasElement, 'carezone-news');
    await expect(await partOf(news, '[part~="loading"]')).toBeTruthy();
  },
};

/** Nothing published yet for this zone. */
export const Empty: Story = {
  parameters: { api: () => ({ items: [] }) } satisfies NewsParameters,
  play: async ({ canvasElement }) => {
    const news = await widgetIn(canvasElement, 'carezone-news');
    await expect(await partOf(news, '[part~="message"]')).toBeTruthy();
  },
};

/** The server fails (500): a translated message and a retry that works the second time. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: {
    api: () => ({ news: failingOnce(() => undefined) }),
  } satisfies NewsParameters,
  play: async ({ canvasElement }) => {
    const news = await widgetIn(canvasElement, 'carezone-news');
    await expect(await partOf(news, '[part~="retry-button"]')).toBeTruthy();
  },
};

/** No network at all (and the browser knows it): the offline message and a retry. */
export const Offline: Story = {
  parameters: { api: () => ({ news: () => ({ network: 'offline' }) }) } satisfies NewsParameters,
  beforeEach: () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    return () => {
      Reflect.deleteProperty(navigator, 'onLine');
    };
  },
  play: async ({ canvasElement }) => {
    const news = await widgetIn(canvasElement, 'carezone-news');
    await expect(await partOf(news, '[part~="error"]')).toBeTruthy();
  },
};

/** A finder on the page and the feed following it (`zone-source="#finder"`): every zone until one is chosen. */
export const FollowingAFinder: Story = {
  name: 'Following a finder',
  args: { zoneSource: '#finder' },
  render: (args, context): TemplateResult => html`<carezone-finder
      id="finder"
      lang=${languageOf(args, context)}
      .client=${fixtureClient(finderApi)}
    ></carezone-finder>
    ${meta.render(args, context)}`,
  play: async ({ canvasElement }) => {
    const finder = await widgetIn(canvasElement, 'carezone-finder');
    const news = await widgetIn(canvasElement, 'carezone-news');
    await partOf(news, '[part~="item"]');
    await userEvent.type(await partOf(finder, '[part~="input"]'), 'Else');
    await userEvent.click(await partOf(finder, '[role="option"]'));
    await waitFor(
      () =>
        expect(news.shadowRoot?.querySelector('[part~="feeds"] a')?.getAttribute('href')).toMatch(/zone=/),
      { timeout: 3000 },
    );
  },
};

/** A network site's colours, font and corners through `--carezone-*` and `::part()`. */
export const Themed: Story = {
  args: { layout: 'cards' },
  render: (args, context) => html`<style>
      .network-theme {
        --carezone-color-text: #14213d;
        --carezone-color-muted: #3d4a63;
        --carezone-color-border: #5b6b7f;
        --carezone-color-accent: #1d5c3a;
        --carezone-color-focus: #1d5c3a;
        --carezone-font-family: Georgia, 'Times New Roman', serif;
        --carezone-radius: 0;
      }
      .network-theme carezone-news::part(title) {
        color: #1d5c3a;
      }
      .network-theme carezone-news::part(zone-badge) {
        background: #e3efe8;
      }
    </style>
    <div class="network-theme">${meta.render(args, context)}</div>`,
  play: showsItems,
};
