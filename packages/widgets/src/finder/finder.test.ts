import type { Layer } from '@carezone/sdk';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { ZoneChangeEvent } from '../events/zone-change.js';
import { defineElement } from '../internal/define.js';
import { layersOf } from '../internal/layers.js';
import { TRANSLATIONS } from '../localization/translations.js';
import { type FixtureHandler, fixtureClient, problem } from '../test-helpers/fixture-api.js';
import { brussel, brusselsLayer, elsene, elzLayer, finderApi, LOOKUPS } from '../test-helpers/fixtures.js';
import { CarezoneZoneCard } from '../zone-card/zone-card.js';
import { CarezoneFinder } from './finder.js';
import { REMEMBER_KEY } from './remember.js';

defineElement('carezone-finder', CarezoneFinder);
defineElement('carezone-zone-card', CarezoneZoneCard);

interface Options {
  attrs?: Record<string, string | true>;
  handler?: FixtureHandler;
  layers?: Layer[];
}

/** A finder on the fixture API, with the handles a test needs. */
async function setup({ attrs = {}, handler, layers }: Options = {}) {
  const client = fixtureClient(handler ?? ((url) => finderApi(url, layers)));
  const el = document.createElement('carezone-finder');
  el.client = client;
  for (const [name, value] of Object.entries<string | true>({ lang: 'nl', ...attrs }))
    el.setAttribute(name, value === true ? '' : value);
  const wrapper = await fixture(html`<div></div>`);
  wrapper.append(el);
  await el.updateComplete;
  const root = el.shadowRoot as ShadowRoot;
  const part = (name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`);
  const input = part('input') as HTMLInputElement;
  const options = () => [...root.querySelectorAll<HTMLElement>('[role=option]')];
  const text = (name: string) => (part(name)?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();
  const requests = (path: string) =>
    client.requests.filter((url) => url.pathname === path).map((url) => url.search.slice(1));
  /** Types like a visitor and waits until the debounced search has answered. */
  const type = async (value: string) => {
    input.focus();
    await sendKeys({ type: value });
    await waitUntil(() => text('status') !== '', `the search for ${value} answered`, { timeout: 3000 });
    await el.updateComplete;
  };
  const press = async (key: string) => {
    await sendKeys({ press: key });
    await el.updateComplete;
  };
  /** Waits until the result region has left its loading state and shows `part`. */
  const settled = (name: string) =>
    waitUntil(() => part(name), `the result shows ${name}`, { timeout: 3000 });
  return { el, client, root, part, input, options, text, requests, type, press, settled };
}

type Finder = Awaited<ReturnType<typeof setup>>;

interface AXNode {
  role: string;
  name: string;
  level?: number;
  children?: AXNode[];
}

function axNodes(node: AXNode): AXNode[] {
  return [node, ...(node.children ?? []).flatMap(axNodes)];
}

/**
 * Two layers answer 1000: the Brussels one is ambiguous (two zones), the primary care one is sure
 * (one zone). Filtered by `layer` like the server.
 */
const twoLayers: FixtureHandler = (url) => {
  if (url.pathname !== '/v1/lookup' || url.searchParams.get('postcode') !== '1000')
    return finderApi(url, [brusselsLayer, elzLayer]);
  const layer = url.searchParams.get('layer');
  const brussels = LOOKUPS['postcode=1000'] as (typeof LOOKUPS)[string];
  const elz = { ...(LOOKUPS['postcode=3720']?.matches[0] as (typeof brussels.matches)[number]) };
  elz.places = (brussels.matches[0]?.places ?? []).map((p) => ({
    ...p,
    coverage: elz.coverage,
    confidence: elz.confidence,
  }));
  const ambiguities = brussels.ambiguities.filter((a) => !layer || a.layer === layer);
  return {
    body: {
      ...brussels,
      query: { postcode: '1000', ...(layer ? { layer } : {}) },
      matches: [...brussels.matches, elz].filter((m) => !layer || m.layer === layer),
      ambiguities,
      ambiguous: ambiguities.length > 0,
    },
  };
};

/** The label of an option, without its description. */
function labelOf(option: Element | null | undefined): string | undefined {
  if (!option) return undefined;
  const texts = [...option.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE);
  return texts
    .map((node) => node.textContent)
    .join('')
    .trim();
}

function activeOption(finder: Finder): string | undefined {
  const id = finder.input.getAttribute('aria-activedescendant');
  return id ? labelOf(finder.root.getElementById(id)) : undefined;
}

/** Counts `carezone-zone-change` events anywhere in the document until `stop()`. */
function countEvents() {
  const counter = { count: 0, stop: () => document.removeEventListener('carezone-zone-change', listener) };
  const listener = () => counter.count++;
  document.addEventListener('carezone-zone-change', listener);
  return counter;
}

/** `navigator.geolocation` replaced for one test; the returned function restores the browser's. */
function stubGeolocation(getCurrentPosition: Geolocation['getCurrentPosition'] | undefined): () => void {
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: getCurrentPosition && { getCurrentPosition },
  });
  return () => delete (navigator as { geolocation?: unknown }).geolocation;
}

const geoError = (code: number) => ({
  code,
  message: '',
  PERMISSION_DENIED: 1,
  POSITION_UNAVAILABLE: 2,
  TIMEOUT: 3,
});

describe('<carezone-finder>', () => {
  afterEach(() => localStorage.removeItem(REMEMBER_KEY));

  describe('accessibility', () => {
    it('is accessible idle, with the list open, and with an option active', async () => {
      const finder = await setup({ layers: [elzLayer] });
      await waitUntil(() => finder.part('location-button'));
      await expect(finder.el).to.be.accessible();
      await finder.type('10');
      expect(finder.input.getAttribute('aria-expanded')).to.equal('true');
      await expect(finder.el).to.be.accessible();
      await finder.press('ArrowDown');
      expect(activeOption(finder)).to.equal('1000');
      await expect(finder.el).to.be.accessible();
    });

    it('is accessible while loading, in each state of an answer, and in every message', async () => {
      const slow: FixtureHandler = (url) =>
        url.pathname === '/v1/lookup' ? { network: 'never' } : finderApi(url);
      const loading = await setup({ attrs: { postcode: '1020' }, handler: slow });
      expect(loading.part('loading')).to.not.equal(null);
      await expect(loading.el).to.be.accessible();
      const states: [Record<string, string>, string][] = [
        [{ nis: '21009' }, 'zone'],
        [{ nis: '21015' }, 'note'],
        [{ nis: '21004' }, 'choices'],
        [{ postcode: '1000' }, 'pick-button'],
        [{ postcode: '5000' }, 'message'],
        [{ postcode: '9999' }, 'message'],
        [{ postcode: 'xyz' }, 'message'],
      ];
      for (const [attrs, part] of states) {
        const finder = await setup({ attrs });
        await finder.settled(part);
        await expect(finder.el, JSON.stringify(attrs)).to.be.accessible();
      }
    });

    it('is accessible with an error, offline, and with the location refused', async () => {
      const failing = await setup({ attrs: { postcode: '1020' }, handler: () => problem(500, 'INTERNAL') });
      await failing.settled('error');
      await expect(failing.el).to.be.accessible();
      const offline = await setup({ attrs: { postcode: '1020' }, handler: () => ({ network: 'offline' }) });
      await offline.settled('error');
      await expect(offline.el).to.be.accessible();
      const restore = stubGeolocation((_ok, fail) => fail?.(geoError(1) as GeolocationPositionError));
      try {
        const finder = await setup({ layers: [elzLayer] });
        await waitUntil(() => finder.part('location-button'));
        finder.part('location-button')?.click();
        await finder.settled('message');
        await expect(finder.el).to.be.accessible();
      } finally {
        restore();
      }
    });

    it('names its search landmark after the label, so that two finders are told apart', async () => {
      const { root } = await setup({ attrs: { lang: 'fr' } });
      const search = root.querySelector('[role=search]');
      const label = root.getElementById(search?.getAttribute('aria-labelledby') ?? '');
      expect(label?.textContent?.trim()).to.equal(TRANSLATIONS.fr.finder.label);
    });

    it('labels the combobox and ties it to its listbox (ARIA 1.2)', async () => {
      const { input, part, root } = await setup();
      expect(input.getAttribute('role')).to.equal('combobox');
      expect(input.getAttribute('aria-autocomplete')).to.equal('list');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.getAttribute('aria-controls')).to.equal(part('listbox')?.id);
      expect(part('listbox')?.getAttribute('role')).to.equal('listbox');
      const label = root.querySelector(`label[for="${input.id}"]`);
      expect(label?.textContent?.trim()).to.equal('Postcode of gemeente');
      expect(part('status')?.getAttribute('role')).to.equal('status');
    });
  });

  describe('defaults', () => {
    it('starts empty: no list, no result, no request but the layers', async () => {
      const { input, part, client } = await setup();
      await aTimeout(300);
      expect(input.value).to.equal('');
      expect(input.hasAttribute('placeholder')).to.equal(false);
      expect(part('listbox')?.hidden).to.equal(true);
      expect(part('result')?.children.length).to.equal(0);
      expect(client.requests.map((url) => url.pathname)).to.deep.equal(['/v1/layers']);
    });

    it('offers the location button only when a layer has polygons and the browser can locate', async () => {
      const without = await setup({ layers: [brusselsLayer] });
      await aTimeout(50);
      expect(without.part('location-button')).to.equal(null);
      const withGeometry = await setup({ layers: [brusselsLayer, elzLayer] });
      await waitUntil(() => withGeometry.part('location-button'));
      expect(withGeometry.text('location-button')).to.equal('Gebruik mijn locatie');
      const restore = stubGeolocation(undefined);
      try {
        const noBrowserSupport = await setup({ layers: [elzLayer] });
        await aTimeout(50);
        expect(noBrowserSupport.part('location-button')).to.equal(null);
      } finally {
        restore();
      }
    });
  });

  describe('attributes', () => {
    it('postcode: shows that result at once, with no event', async () => {
      const events = countEvents();
      const finder = await setup({ attrs: { postcode: '1020' } });
      await finder.settled('zone');
      expect(finder.text('zone-name')).to.equal('Noord');
      expect(finder.requests('/v1/lookup')).to.deep.equal(['postcode=1020']);
      await aTimeout(20);
      events.stop();
      expect(events.count).to.equal(0);
    });

    it('postcode: re-runs when the property changes', async () => {
      const finder = await setup({ attrs: { postcode: '1020' } });
      await finder.settled('zone');
      finder.el.postcode = '3720';
      await waitUntil(() => finder.text('zone-name') === 'Herkenrode');
      expect(finder.requests('/v1/lookup')).to.deep.equal(['postcode=1020', 'postcode=3720']);
    });

    it('nis: shows the municipality’s zone, naming the municipality', async () => {
      const finder = await setup({ attrs: { nis: '21009' } });
      await finder.settled('zone');
      expect(finder.requests('/v1/lookup')).to.deep.equal(['nis=21009']);
      expect(finder.text('zone-name')).to.equal('Zuid');
      expect(finder.text('zone-details')).to.contain('Elsene');
      await waitUntil(() => finder.text('zone-details').includes('Zorgzones Brussel'), 'the layer title');
    });

    it('layer: asks for that layer only and shows only its zones', async () => {
      const layers = [brusselsLayer, elzLayer];
      const finder = await setup({ attrs: { postcode: '3720', layer: 'elz' }, layers });
      await finder.settled('zone');
      expect(finder.requests('/v1/lookup')).to.deep.equal(['postcode=3720&layer=elz']);
      await waitUntil(() => finder.text('zone-details').includes('Eerstelijnszones'), 'the layer title');
      // The Brussels layer has no polygons: restricted to it, the finder cannot offer a point lookup.
      const brussels = await setup({ attrs: { layer: 'bxl-care-zones' }, layers });
      await aTimeout(50);
      expect(brussels.part('location-button')).to.equal(null);
    });

    it('placeholder: on the input, with the label kept', async () => {
      const { input, root } = await setup({ attrs: { placeholder: 'bv. 1050 of Elsene' } });
      expect(input.placeholder).to.equal('bv. 1050 of Elsene');
      expect(root.querySelector('label')?.textContent?.trim()).to.equal('Postcode of gemeente');
    });

    for (const lang of ['nl', 'fr', 'en', 'de'] as const) {
      it(`lang=${lang}: every text in that language`, async () => {
        const t = TRANSLATIONS[lang];
        const finder = await setup({ attrs: { lang } });
        expect(finder.root.querySelector('label')?.textContent?.trim()).to.equal(t.finder.label);
        expect(finder.text('submit-button')).to.equal(t.finder.submit);
        await finder.type('10');
        expect(finder.text('status')).to.equal(t.finder.found(3));
        await finder.press('ArrowDown');
        await finder.press('Enter');
        await finder.settled('zone');
        // English has no name of its own for Brussels in the fixture: the French one of Brussels stands in.
        const brussels = { nl: 'Brussel', fr: 'Bruxelles', en: 'Bruxelles', de: 'Brüssel' };
        expect(finder.text('message')).to.equal(t.finder.cannotTell(`1000 ${brussels[lang]}`));
        const names = { nl: 'Centrum-West', fr: 'Centre-Ouest', en: 'Centre-West', de: 'Centre-Ouest' };
        expect(finder.text('zone-name')).to.equal(names[lang]);
        expect(finder.text('pick-button')).to.equal(t.finder.pick(names[lang]));
      });
    }

    it('lang: the places’ names follow the language too', async () => {
      const french = await setup({ attrs: { lang: 'fr' } });
      await french.type('1050');
      expect(
        french.options().map((option) => option.textContent?.replace(/[ \t\n\r]+/g, ' ').trim()),
      ).to.deep.equal(['1050 Bruxelles', '1050 Ixelles']);
      const dutch = await setup();
      await dutch.type('ixel');
      expect(dutch.options().map((option) => option.querySelector('span')?.textContent)).to.deep.equal([
        'Elsene · gemeente',
        'Brussel · 1050 · deelgemeente',
      ]);
    });

    it('client: every request goes through it; api: read from the attribute', async () => {
      const finder = await setup({ attrs: { api: 'https://elsewhere.example', postcode: '1020' } });
      await finder.settled('zone');
      expect(finder.el.api).to.equal('https://elsewhere.example');
      expect(finder.client.requests.map((url) => url.origin)).to.include('https://api.carezone.test');
      expect(finder.client.requests.every((url) => url.origin === 'https://api.carezone.test')).to.equal(
        true,
      );
    });

    it('api: without a client, the finder asks the API of its api attribute', async () => {
      const seen: string[] = [];
      const original = window.fetch;
      window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = new URL(new Request(input, init).url);
        seen.push(url.href);
        return finderApiResponse(url);
      };
      try {
        const el = await fixture<CarezoneFinder>(
          html`<carezone-finder lang="en" api="https://api-attr.carezone.test" postcode="1020"></carezone-finder>`,
        );
        const root = el.shadowRoot as ShadowRoot;
        await waitUntil(() => root.querySelector('[part~=zone-name]'), 'the preset result', {
          timeout: 3000,
        });
        expect(seen).to.include('https://api-attr.carezone.test/v1/lookup?postcode=1020');
      } finally {
        window.fetch = original;
      }
    });

    describe('remember', () => {
      it('without it, nothing is written to any storage', async () => {
        const before = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
        const writes: string[] = [];
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key: string, value: string) {
          writes.push(key);
          setItem.call(this, key, value);
        };
        try {
          const finder = await setup();
          await finder.type('elsene');
          await finder.press('ArrowDown');
          await finder.press('Enter');
          await finder.settled('zone');
          expect(writes).to.deep.equal([]);
          expect(JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })).to.equal(
            before,
          );
          expect(document.cookie).to.equal('');
        } finally {
          Storage.prototype.setItem = setItem;
        }
      });

      it('with it, keeps the last chosen place and shows it again next time, with no event', async () => {
        const first = await setup({ attrs: { remember: true } });
        await first.type('elsene');
        await first.press('Enter');
        await first.settled('zone');
        expect(JSON.parse(localStorage.getItem(REMEMBER_KEY) ?? 'null')).to.deep.equal({
          p: { nis: '21009' },
          text: 'Elsene',
        });
        const events = countEvents();
        const next = await setup({ attrs: { remember: true } });
        expect(next.input.value).to.equal('Elsene');
        await next.settled('zone');
        expect(next.text('zone-name')).to.equal('Zuid');
        events.stop();
        expect(events.count).to.equal(0);
        // Without the attribute the stored place is not even read.
        const other = await setup();
        expect(other.input.value).to.equal('');
        await aTimeout(50);
        expect(other.requests('/v1/lookup')).to.deep.equal([]);
      });
    });
  });

  describe('events', () => {
    it('fires carezone-zone-change on a selection, with the match and every match', async () => {
      const finder = await setup({ layers: [brusselsLayer, elzLayer] });
      await finder.type('kortessem');
      await finder.press('ArrowDown');
      const event = oneEvent(finder.el, 'carezone-zone-change') as Promise<ZoneChangeEvent>;
      await finder.press('Enter');
      const { detail, matches, certainty, bubbles, composed } = await event;
      expect(detail?.zone.id).to.equal('elz-herkenrode');
      expect(detail?.places[0]?.postcode).to.equal('3720');
      expect(certainty).to.equal('certain');
      expect(matches).to.have.length(1);
      expect(bubbles && composed).to.equal(true);
      expect(finder.requests('/v1/lookup')).to.deep.equal(['postcode=3720&nis=71072']);
    });

    it('gives the match of its layer as detail', async () => {
      const finder = await setup({ attrs: { layer: 'elz' }, handler: twoLayers });
      await finder.type('1000');
      const event = oneEvent(finder.el, 'carezone-zone-change') as Promise<ZoneChangeEvent>;
      await finder.press('Enter');
      const { detail, matches } = await event;
      expect(detail?.layer).to.equal('elz');
      expect(detail?.zone.id).to.equal('elz-herkenrode');
      expect(matches).to.have.length(1);
    });

    it('never guesses: an ambiguous layer gives no detail, the first sure layer does', async () => {
      const finder = await setup({ handler: twoLayers });
      await finder.type('1000');
      const event = oneEvent(finder.el, 'carezone-zone-change') as Promise<ZoneChangeEvent>;
      await finder.press('Enter');
      const { detail, matches } = await event;
      expect(detail?.zone.id).to.equal('elz-herkenrode');
      expect(matches.map((match) => match.zone.id)).to.deep.equal([
        'bxl-centre-ouest',
        'bxl-sud',
        'elz-herkenrode',
      ]);
    });

    it('announces one zone whose boundary is not fully documented as probable: an answer all the same', async () => {
      const finder = await setup();
      await finder.type('1050');
      const event = oneEvent(finder.el, 'carezone-zone-change') as Promise<ZoneChangeEvent>;
      await finder.press('Enter');
      const { detail, certainty } = await event;
      expect(detail?.zone.id).to.equal('bxl-sud');
      expect(certainty).to.equal('probable');
    });

    it('takes its zone back as soon as another place is chosen, before that answer comes', async () => {
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const finder = await setup({
        handler: async (url) => {
          if (url.searchParams.get('postcode') === '1000') await held;
          return finderApi(url);
        },
      });
      const seen: (string | null)[] = [];
      finder.el.addEventListener('carezone-zone-change', (event) => seen.push(event.detail?.zone.id ?? null));
      await finder.type('elsene');
      await finder.press('Enter');
      await waitUntil(() => seen.length === 1, 'Elsene announced');
      finder.input.select();
      await finder.type('10');
      await finder.press('ArrowDown');
      await finder.press('Enter');
      expect(seen).to.deep.equal(['bxl-sud', null], 'no zone while 1000 is looked up');
      release();
      await finder.settled('pick-button');
      await aTimeout(20);
      expect(seen).to.deep.equal(['bxl-sud', null], '1000 is split over two zones: still none');
    });

    it('does not fire when every layer shown is ambiguous', async () => {
      const events = countEvents();
      try {
        const finder = await setup();
        await finder.type('10');
        await finder.press('ArrowDown');
        await finder.press('Enter');
        await finder.settled('pick-button');
        const restricted = await setup({ attrs: { layer: 'bxl-care-zones' }, handler: twoLayers });
        await restricted.type('1000');
        await restricted.press('Enter');
        await restricted.settled('pick-button');
        await aTimeout(20);
        expect(events.count).to.equal(0);
      } finally {
        events.stop();
      }
    });

    it('does not fire for a preset, a property set by code, or a failed lookup', async () => {
      const events = countEvents();
      try {
        const finder = await setup({ attrs: { postcode: '1020' } });
        await finder.settled('zone');
        finder.el.postcode = '3720';
        await waitUntil(() => finder.text('zone-name') === 'Herkenrode');
        const failing = await setup();
        await failing.type('9999');
        await failing.press('Enter');
        await failing.settled('message');
        await aTimeout(20);
        expect(events.count).to.equal(0);
      } finally {
        events.stop();
      }
    });
  });

  describe('keyboard', () => {
    it('ArrowDown/ArrowUp move through the suggestions and wrap', async () => {
      const finder = await setup();
      await finder.type('10');
      expect(activeOption(finder)).to.equal(undefined);
      await finder.press('ArrowDown');
      expect(activeOption(finder)).to.equal('1000');
      await finder.press('ArrowDown');
      await finder.press('ArrowDown');
      expect(activeOption(finder)).to.equal('1050');
      await finder.press('ArrowDown');
      expect(activeOption(finder)).to.equal('1000');
      await finder.press('ArrowUp');
      expect(activeOption(finder)).to.equal('1050');
      const selected = finder.options().filter((option) => option.getAttribute('aria-selected') === 'true');
      expect(selected.map((option) => option.id)).to.deep.equal([
        finder.input.getAttribute('aria-activedescendant'),
      ]);
      expect(finder.root.activeElement).to.equal(finder.input);
    });

    it('Home/End jump in the open list; closed, they are left to the caret', async () => {
      const finder = await setup();
      await finder.type('10');
      await finder.press('ArrowDown');
      await finder.press('End');
      expect(activeOption(finder)).to.equal('1050');
      await finder.press('Home');
      expect(activeOption(finder)).to.equal('1000');
      await finder.press('Escape');
      expect(finder.input.getAttribute('aria-expanded')).to.equal('false');
      await finder.press('Home');
      expect(finder.input.selectionStart).to.equal(0);
      expect(finder.input.getAttribute('aria-expanded')).to.equal('false');
      await finder.press('End');
      expect(finder.input.selectionStart).to.equal(2);
    });

    it('keeps the active suggestion in sight: after End, a wrap, and a long ArrowDown', async () => {
      // Eight postcodes of Brussels, in a list that shows about five at a time.
      const many = ['1000', '1020', '1030', '1040', '1050', '1060', '1070', '1080'].map((postcode) => ({
        kind: 'postcode' as const,
        label: postcode,
        postcode,
        municipality: brussel,
      }));
      const handler: FixtureHandler = (url) =>
        url.pathname === '/v1/places' ? { body: { query: 'brus', data: many } } : finderApi(url);
      await setViewport({ width: 800, height: 400 });
      try {
        const finder = await setup({ handler });
        await finder.type('brus');
        const listbox = finder.part('listbox') as HTMLElement;
        expect(listbox.scrollHeight, 'the list scrolls').to.be.greaterThan(listbox.clientHeight);
        const inSight = () => {
          const id = finder.input.getAttribute('aria-activedescendant');
          const option = id ? finder.root.getElementById(id)?.getBoundingClientRect() : undefined;
          const list = listbox.getBoundingClientRect();
          return option !== undefined && option.top >= list.top - 1 && option.bottom <= list.bottom + 1;
        };
        await finder.press('ArrowDown');
        await finder.press('End');
        expect(activeOption(finder)).to.equal('1080');
        expect(inSight(), 'after End').to.equal(true);
        await finder.press('ArrowDown');
        expect(activeOption(finder)).to.equal('1000');
        expect(inSight(), 'after wrapping down').to.equal(true);
        await finder.press('ArrowUp');
        expect(activeOption(finder)).to.equal('1080');
        expect(inSight(), 'after wrapping up').to.equal(true);
        await finder.press('Home');
        for (let i = 0; i < 7; i++) await finder.press('ArrowDown');
        expect(activeOption(finder)).to.equal('1080');
        expect(inSight(), 'after a long ArrowDown').to.equal(true);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('Enter chooses the active suggestion and shows its zone', async () => {
      const finder = await setup();
      await finder.type('10');
      await finder.press('ArrowDown');
      await finder.press('ArrowDown');
      await finder.press('Enter');
      expect(finder.input.value).to.equal('1020');
      expect(finder.input.getAttribute('aria-expanded')).to.equal('false');
      await finder.settled('zone');
      expect(finder.text('zone-name')).to.equal('Noord');
      expect(finder.root.activeElement).to.equal(finder.input);
    });

    it('Enter with no active suggestion submits a typed postcode or NIS code', async () => {
      const finder = await setup();
      finder.input.focus();
      await sendKeys({ type: '1020' });
      await finder.press('Enter');
      await finder.settled('zone');
      expect(finder.requests('/v1/lookup')).to.deep.equal(['postcode=1020']);
      await finder.press('Escape');
      await finder.press('Escape');
      expect(finder.input.value).to.equal('');
      await sendKeys({ type: '21009' });
      await finder.press('Enter');
      await waitUntil(() => finder.requests('/v1/lookup').length === 2);
      expect(finder.requests('/v1/lookup')[1]).to.equal('nis=21009');
    });

    it('Enter on a typed name takes its first suggestion, even before the search answered', async () => {
      const finder = await setup();
      finder.input.focus();
      await sendKeys({ type: 'Kortessem' });
      await finder.press('Enter');
      await finder.settled('zone');
      expect(finder.text('zone-name')).to.equal('Herkenrode');
      expect(finder.input.value).to.equal('Kortessem');
    });

    it('Escape closes the list, a second Escape clears the input', async () => {
      const finder = await setup();
      await finder.type('10');
      await finder.press('ArrowDown');
      await finder.press('Escape');
      expect(finder.part('listbox')?.hidden).to.equal(true);
      expect(finder.input.getAttribute('aria-activedescendant')).to.equal(null);
      expect(finder.input.value).to.equal('10');
      await finder.press('Escape');
      expect(finder.input.value).to.equal('');
    });

    it('ArrowDown reopens a closed list', async () => {
      const finder = await setup();
      await finder.type('10');
      await finder.press('Escape');
      await finder.press('ArrowDown');
      expect(finder.input.getAttribute('aria-expanded')).to.equal('true');
      expect(activeOption(finder)).to.equal('1000');
    });
  });

  describe('searching', () => {
    it('waits for a pause in typing: one request for a word typed with short hesitations', async () => {
      const finder = await setup();
      finder.input.focus();
      await sendKeys({ type: 'el' });
      await aTimeout(120);
      await sendKeys({ type: 'se' });
      await aTimeout(120);
      await finder.type('ne');
      expect(finder.requests('/v1/places')).to.deep.equal(['q=elsene&limit=8&lang=nl']);
      expect(finder.options()).to.have.length(1);
    });

    it('takes no more than the API searches (100 characters), so a search is never refused', async () => {
      const finder = await setup();
      finder.input.focus();
      await sendKeys({ type: 'a'.repeat(120) });
      expect(finder.input.value).to.have.length(100);
      await waitUntil(() => finder.requests('/v1/places').length === 1);
      expect(finder.requests('/v1/places')[0]).to.equal(`q=${'a'.repeat(100)}&limit=8&lang=nl`);
    });

    it('does not search one letter, but does search one digit', async () => {
      const finder = await setup();
      finder.input.focus();
      await sendKeys({ type: 'e' });
      await aTimeout(400);
      expect(finder.requests('/v1/places')).to.deep.equal([]);
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: '1' });
      await waitUntil(() => finder.requests('/v1/places').length === 1);
      expect(finder.requests('/v1/places')).to.deep.equal(['q=1&limit=8&lang=nl']);
    });

    it('aborts a stale search: its answer never shows', async () => {
      const aborted: string[] = [];
      const handler: FixtureHandler = (url, request) => {
        const q = url.searchParams.get('q');
        if (q === '10') {
          request.signal.addEventListener('abort', () => aborted.push(q));
          return { ...finderApi(url), delay: 500 };
        }
        return finderApi(url);
      };
      const finder = await setup({ handler });
      const seen = new Set<string>();
      const observer = new MutationObserver(() => {
        for (const option of finder.options()) seen.add(labelOf(option) ?? '');
      });
      observer.observe(finder.root, { subtree: true, childList: true, characterData: true });
      finder.input.focus();
      await sendKeys({ type: '10' });
      await waitUntil(() => finder.requests('/v1/places').length === 1, 'the first search started');
      await sendKeys({ type: '50' });
      await waitUntil(() => finder.options().length === 2, 'the second search answered');
      await aTimeout(600);
      observer.disconnect();
      expect(finder.requests('/v1/places')).to.deep.equal(['q=10&limit=8&lang=nl', 'q=1050&limit=8&lang=nl']);
      expect(aborted).to.deep.equal(['10']);
      expect([...seen]).to.deep.equal(['1050']);
      expect(finder.text('status')).to.equal('2 plaatsen gevonden');
    });

    it('announces the count politely, and when nothing is found', async () => {
      const finder = await setup({ attrs: { lang: 'en' } });
      await finder.type('10');
      expect(finder.text('status')).to.equal('3 places found');
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: 'elsene' });
      await waitUntil(() => finder.text('status') === '1 place found');
      await sendKeys({ type: 'xx' });
      await waitUntil(() => finder.text('status') === 'No places found');
      expect(finder.input.getAttribute('aria-expanded')).to.equal('false');
    });

    it('says why the search failed', async () => {
      const finder = await setup({
        attrs: { lang: 'en' },
        handler: (url) => (url.pathname === '/v1/places' ? { network: 'offline' } : finderApi(url)),
      });
      await finder.type('elsene');
      expect(finder.text('status')).to.equal(TRANSLATIONS.en.networkError);
    });

    it('selects with the mouse too', async () => {
      const finder = await setup();
      await finder.type('ixel');
      finder.options()[0]?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
      finder.options()[0]?.click();
      await finder.settled('zone');
      expect(finder.requests('/v1/lookup')).to.deep.equal(['nis=21009']);
      expect(finder.input.value).to.equal('Ixelles');
    });
  });

  describe('results', () => {
    it('shows one card per zone and layer: name, layer, municipality, team, valid from', async () => {
      const finder = await setup({ attrs: { postcode: '1020' } });
      await finder.settled('zone');
      await waitUntil(() => finder.text('zone-details').includes('Zorgzones Brussel'), 'the layer title');
      expect(finder.root.querySelectorAll('[part~=zone]')).to.have.length(1);
      const details = finder.text('zone-details');
      for (const text of ['Zorgzones Brussel', 'Brussel', 'bassin-nord.brussels', '1 januari 2024']) {
        expect(details).to.contain(text);
      }
      expect(finder.part('ambiguous')).to.equal(null);
    });

    it('shows a preset in its field: the postcode at once, a NIS code as its name once known', async () => {
      const postcode = await setup({ attrs: { postcode: '1020' } });
      expect(postcode.input.value).to.equal('1020');
      const nis = await setup({ attrs: { nis: '21009', lang: 'fr' } });
      await nis.settled('zone');
      await waitUntil(() => nis.input.value === 'Ixelles', 'the municipality named in the field');
    });

    it('"Did you mean …?" when only a name within typing errors matches, and Enter takes it', async () => {
      const finder = await setup({ attrs: { lang: 'en' } });
      await finder.type('schaerbek');
      expect(finder.text('status')).to.equal(TRANSLATIONS.en.finder.didYouMean('Schaarbeek'));
      await expect(finder.el).to.be.accessible();
      await finder.press('Enter');
      await finder.settled('note');
      expect(finder.requests('/v1/lookup')).to.deep.equal(['nis=21015']);
    });

    it('a suggestion in the visitor’s language names the name typed beside it', async () => {
      const finder = await setup({
        attrs: { lang: 'fr' },
        handler: (url) =>
          url.pathname === '/v1/places'
            ? {
                body: {
                  query: 'elsene',
                  data: [
                    {
                      kind: 'municipality',
                      label: 'Ixelles',
                      matched: 'Elsene',
                      match: 'exact',
                      postcode: null,
                      municipality: elsene,
                    },
                  ],
                },
              }
            : finderApi(url),
      });
      await finder.type('elsene');
      expect(finder.requests('/v1/places')).to.deep.equal(['q=elsene&limit=8&lang=fr']);
      expect(
        finder.options().map((option) => option.textContent?.replace(/[ \t\n\r]+/g, ' ').trim()),
      ).to.deep.equal(['Ixelles Elsene · commune']);
    });

    const zoneNames = (finder: Finder) =>
      [...finder.root.querySelectorAll('[part~=zone-name]')].map((n) => n.textContent?.trim());

    it('certain: one card, with no note and nothing to choose', async () => {
      const finder = await setup({ attrs: { nis: '21009', lang: 'en' } });
      await finder.settled('zone');
      expect(zoneNames(finder)).to.deep.equal(['South']);
      for (const part of ['note', 'choices', 'pick-button', 'message'])
        expect(finder.part(part)).to.equal(null);
    });

    it('probable: one card, and in it a note saying what is not sure', async () => {
      const finder = await setup({ attrs: { nis: '21015', lang: 'en' } });
      await finder.settled('note');
      expect(zoneNames(finder)).to.deep.equal(['North-East']);
      expect(finder.text('note')).to.equal(TRANSLATIONS.en.finder.probable('Schaerbeek'));
      expect(finder.part('zone')?.contains(finder.part('note'))).to.equal(true, 'the note is in the card');
      expect(finder.part('choices')).to.equal(null);
    });

    it('one zone reached through two places is one card, probable', async () => {
      const finder = await setup({ attrs: { postcode: '1050' } });
      await finder.settled('note');
      expect(finder.root.querySelectorAll('[part~=zone]')).to.have.length(1);
      expect(finder.text('zone-details')).to.contain('Brussel en Elsene');
      expect(finder.text('note')).to.equal(TRANSLATIONS.nl.finder.probable('1050'));
    });

    it('choose: the parts of the place, each with its zones, and no card called certain', async () => {
      const finder = await setup({ attrs: { nis: '21004', lang: 'en' } });
      await finder.settled('choices');
      const t = TRANSLATIONS.en.finder;
      expect(finder.root.querySelector('[part~=choices] p')?.textContent?.trim()).to.equal(
        t.choose('Bruxelles'),
      );
      const rows = [...finder.root.querySelectorAll('[part~=choices] li')].map((li) =>
        li.textContent?.replace(/[ \t\n\r]+/g, ' ').trim(),
      );
      expect(rows).to.deep.equal([
        'Bruxelles (1000) Centre-West and South',
        'Bruxelles (1020) · Laeken, Laken North',
        `Bruxelles (1040) · Etterbeek ${t.unknownPart}`,
        'Bruxelles (1120) · Neder-Over-Heembeek North',
      ]);
      expect(finder.part('zone')).to.equal(null);
    });

    it('choosing a part looks it up alone, by click or keyboard, and announces its zone', async () => {
      const finder = await setup({ attrs: { lang: 'en' } });
      await finder.type('brussel');
      await finder.press('Enter');
      await finder.settled('choices');
      const event = oneEvent(finder.el, 'carezone-zone-change') as Promise<ZoneChangeEvent>;
      const laeken = [...finder.root.querySelectorAll<HTMLButtonElement>('[part~=choice]')][1];
      laeken?.focus();
      await finder.press('Enter');
      const { detail, certainty } = await event;
      expect(detail?.zone.id).to.equal('bxl-nord');
      expect(certainty).to.equal('certain');
      await finder.settled('zone');
      expect(zoneNames(finder)).to.deep.equal(['North']);
      expect(finder.requests('/v1/lookup')).to.deep.equal(['nis=21004', 'postcode=1020&nis=21004']);
      expect(finder.root.activeElement).to.equal(finder.part('result'), 'the focus stays with the answer');
    });

    it('a part with no known zone says so plainly', async () => {
      const finder = await setup({ attrs: { nis: '21004', lang: 'en' } });
      await finder.settled('choices');
      [...finder.root.querySelectorAll<HTMLButtonElement>('[part~=choice]')][2]?.click();
      await finder.settled('message');
      expect(finder.text('message')).to.equal(TRANSLATIONS.en.finder.noZone('1040 Bruxelles'));
    });

    it('when the data cannot tell: every candidate with its contact, and the visitor picks', async () => {
      const finder = await setup({
        attrs: { postcode: '1000', lang: 'en' },
        layers: [brusselsLayer, elzLayer],
      });
      await finder.settled('pick-button');
      expect(finder.text('message')).to.equal(TRANSLATIONS.en.finder.cannotTell('1000'));
      expect(zoneNames(finder)).to.deep.equal(['Centre-West', 'South']);
      expect(finder.text('zone-details')).to.contain('bassin-centre-ouest.brussels');
      const event = oneEvent(finder.el, 'carezone-zone-change') as Promise<ZoneChangeEvent>;
      finder.root.querySelectorAll<HTMLButtonElement>('[part~=pick-button]')[1]?.click();
      const { detail, certainty } = await event;
      expect([detail?.zone.id, certainty]).to.deep.equal(['bxl-sud', 'chosen']);
      await finder.settled('note');
      expect(zoneNames(finder)).to.deep.equal(['South']);
      expect(finder.text('note')).to.equal(TRANSLATIONS.en.finder.picked);
      expect(finder.part('location-button')).to.not.equal(null);
    });

    it('out of coverage: names the place that was understood', async () => {
      const finder = await setup({ attrs: { postcode: '5000', lang: 'fr' } });
      await finder.settled('message');
      expect(finder.text('message')).to.equal(TRANSLATIONS.fr.finder.outside('Namur (5000)'));
      expect(finder.part('retry-button')).to.equal(null);
    });

    it('what was said of the last place goes as soon as a new search is typed; zones stay', async () => {
      const finder = await setup({ attrs: { postcode: '5000' } });
      await finder.settled('message');
      finder.input.select();
      await finder.type('10');
      expect(finder.part('message'), 'the old "no zone" message').to.equal(null);
      await finder.press('ArrowDown');
      await finder.press('Enter');
      await finder.settled('zone');
      finder.input.select();
      await finder.type('elsene');
      expect(finder.part('zone'), 'an answer with zones stays until another place is chosen').to.not.equal(
        null,
      );
    });

    it('unknown place: names the postcode or NIS code asked', async () => {
      const finder = await setup({ attrs: { postcode: '9999', lang: 'en' } });
      await finder.settled('message');
      expect(finder.text('message')).to.equal('No place known for postcode 9999.');
      const nis = await setup({ attrs: { nis: '99999', lang: 'de' } });
      await nis.settled('message');
      expect(nis.text('message')).to.equal('Kein Ort bekannt für den NIS-Code 99999.');
    });

    it('names what was asked as each language says it (French and German with their article)', async () => {
      const unknown = await setup({ attrs: { postcode: '9999', lang: 'fr' } });
      await unknown.settled('message');
      expect(unknown.text('message')).to.equal('Aucun lieu connu pour le code postal 9999.');
      const outside = await setup({ attrs: { postcode: '9999', lang: 'de' } });
      await outside.settled('message');
      expect(outside.text('message')).to.equal('Kein Ort bekannt für die Postleitzahl 9999.');
    });

    it('garbage: the server judges it, and the message quotes it', async () => {
      const finder = await setup({ attrs: { lang: 'en' } });
      finder.input.focus();
      await sendKeys({ type: 'qqqq zzzz' });
      await finder.press('Enter');
      await finder.settled('message');
      expect(finder.text('message')).to.equal(TRANSLATIONS.en.finder.invalid('qqqq zzzz'));
    });

    it('an error offers a retry that looks the place up again', async () => {
      let fail = true;
      const handler: FixtureHandler = (url) =>
        url.pathname === '/v1/lookup' && fail ? { network: 'offline' } : finderApi(url);
      const finder = await setup({ attrs: { postcode: '1020', lang: 'en' }, handler });
      await finder.settled('error');
      expect(finder.text('error')).to.contain(TRANSLATIONS.en.networkError);
      fail = false;
      finder.part('retry-button')?.click();
      await finder.settled('zone');
      expect(finder.text('zone-name')).to.equal('North');
      expect(finder.requests('/v1/lookup')).to.deep.equal(['postcode=1020', 'postcode=1020']);
    });

    it('a retry from the keyboard keeps the focus in the finder, on the result', async () => {
      let fail = true;
      const handler: FixtureHandler = (url) =>
        url.pathname === '/v1/lookup' && fail ? { network: 'offline' } : finderApi(url);
      const finder = await setup({ handler });
      await finder.type('elsene');
      await finder.press('Enter');
      await finder.settled('error');
      fail = false;
      finder.part('retry-button')?.focus();
      await finder.press('Enter');
      expect(document.activeElement === finder.el, 'at once, while the answer loads').to.equal(true);
      await finder.settled('zone');
      expect(finder.root.activeElement === finder.part('result'), 'the result holds the focus').to.equal(
        true,
      );
      expect(document.activeElement === finder.el, 'the focus is in the widget').to.equal(true);
    });

    it('a failed search for a typed name is said once, and a retry keeps the focus', async () => {
      let fail = true;
      const handler: FixtureHandler = (url) =>
        url.pathname === '/v1/places' && fail ? { network: 'offline' } : finderApi(url);
      const finder = await setup({ handler });
      finder.input.focus();
      await sendKeys({ type: 'elsene' });
      await finder.press('Enter');
      await finder.settled('error');
      const said = [...finder.root.querySelectorAll('[role=status], [role=alert]')]
        .map((region) => region.textContent?.replace(/[ \t\n\r]+/g, ' ').trim() ?? '')
        .filter((text) => text.includes(TRANSLATIONS.nl.networkError));
      expect(said, 'one live region says it').to.have.length(1);
      fail = false;
      finder.part('retry-button')?.focus();
      await finder.press('Enter');
      await finder.settled('zone');
      expect(document.activeElement === finder.el, 'the focus is in the widget').to.equal(true);
      expect(finder.root.activeElement === finder.part('result'), 'the result holds the focus').to.equal(
        true,
      );
    });

    it('a retried user selection still fires its event once it succeeds', async () => {
      let fail = true;
      const handler: FixtureHandler = (url) =>
        url.pathname === '/v1/lookup' && fail ? problem(503, 'NOT_READY') : finderApi(url);
      const finder = await setup({ handler });
      await finder.type('elsene');
      await finder.press('Enter');
      await finder.settled('error');
      fail = false;
      const event = oneEvent(finder.el, 'carezone-zone-change') as Promise<ZoneChangeEvent>;
      finder.part('retry-button')?.click();
      expect((await event).detail?.zone.id).to.equal('bxl-sud');
    });

    it('a name typed while the search fails is not sent as a postcode: a retry searches it again', async () => {
      let fail = true;
      const handler: FixtureHandler = (url) =>
        url.pathname === '/v1/places' && fail ? { network: 'offline' } : finderApi(url);
      const finder = await setup({ handler, attrs: { lang: 'fr' } });
      finder.input.focus();
      await sendKeys({ type: 'Kortessem' });
      await finder.press('Enter');
      await finder.settled('error');
      expect(finder.text('error')).to.contain(TRANSLATIONS.fr.networkError);
      expect(finder.requests('/v1/lookup')).to.deep.equal([]);
      fail = false;
      const event = oneEvent(finder.el, 'carezone-zone-change') as Promise<ZoneChangeEvent>;
      finder.part('retry-button')?.click();
      await finder.settled('zone');
      expect(finder.text('zone-name')).to.equal('Herkenrode');
      expect(finder.part('error')).to.equal(null);
      expect(finder.requests('/v1/lookup')).to.deep.equal(['postcode=3720&nis=71072']);
      expect((await event).detail?.zone.id).to.equal('elz-herkenrode');
    });

    it('a typed postcode goes straight to the lookup, even while the search fails', async () => {
      const handler: FixtureHandler = (url) =>
        url.pathname === '/v1/places' ? { network: 'offline' } : finderApi(url);
      const finder = await setup({ handler });
      finder.input.focus();
      await sendKeys({ type: '1020' });
      await finder.press('Enter');
      await finder.settled('zone');
      expect(finder.text('zone-name')).to.equal('Noord');
    });

    it('a later choice wins over a slower earlier one', async () => {
      const handler: FixtureHandler = (url) =>
        url.search.includes('postcode=1000') ? { ...finderApi(url), delay: 400 } : finderApi(url);
      const finder = await setup({ handler });
      await finder.type('10');
      finder.options()[0]?.click();
      await waitUntil(() => finder.requests('/v1/lookup').length === 1);
      finder.input.focus();
      finder.input.select();
      await sendKeys({ type: '1020' });
      await finder.press('Enter');
      await finder.settled('zone');
      await aTimeout(500);
      expect(finder.text('zone-name')).to.equal('Noord');
      expect(finder.part('ambiguous')).to.equal(null);
    });
  });

  describe('language of parts (WCAG 3.1.2)', () => {
    /** The language a screen reader reads `node` in: its nearest `lang`, else the finder's. */
    const langOf = (finder: Finder, node: Node | null | undefined) =>
      (node instanceof Element ? node : node?.parentElement)?.closest('[lang]')?.getAttribute('lang') ??
      finder.el.getAttribute('lang');
    /** The text node that holds `text` in the result. */
    const textNode = (finder: Finder, text: string) => {
      const walker = document.createTreeWalker(finder.part('result') as Node, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) if (walker.currentNode.textContent?.includes(text)) return walker.currentNode;
      throw new Error(`no text "${text}" in the result`);
    };

    it('marks a zone’s and a layer’s name with the language they fall back to', async () => {
      const finder = await setup({ attrs: { nis: '21009', lang: 'de' } });
      await finder.settled('zone');
      // The fixture's zones and layer have no German names: French stands in, and says so.
      expect(finder.text('zone-name')).to.equal('Sud');
      expect(langOf(finder, textNode(finder, 'Sud'))).to.equal('fr');
      expect(langOf(finder, textNode(finder, 'Bassins d’aide'))).to.equal('fr');
      // Elsene has a German name (Ixelles): in the finder's own language, nothing to mark.
      expect(langOf(finder, textNode(finder, 'Ixelles'))).to.equal('de');
      expect(langOf(finder, textNode(finder, TRANSLATIONS.de.zone.team))).to.equal('de');
    });

    it('marks names inside sentences, in choices and in lists, and only those', async () => {
      const english = await setup({ attrs: { nis: '21004', lang: 'en' } });
      await english.settled('choices');
      const question = english.root.querySelector('[part~=choices] p') as HTMLElement;
      // "Bruxelles spans more than one zone…": the name in French, the sentence in English.
      expect(langOf(english, textNode(english, 'Bruxelles'))).to.equal('fr');
      expect(langOf(english, question.lastChild)).to.equal('en');
      const firstChoice = english.part('choice') as HTMLElement;
      expect(langOf(english, firstChoice.querySelector('[lang]')?.firstChild)).to.equal('fr');
      expect(langOf(english, firstChoice.lastChild), '" (1000)"').to.equal('en');
      // The zones have English names: the list "Centre-West and South" is all English.
      expect(langOf(english, textNode(english, 'Centre-West'))).to.equal('en');

      const outside = await setup({ attrs: { postcode: '5000', lang: 'en' } });
      await outside.settled('message');
      expect(outside.text('message')).to.equal(TRANSLATIONS.en.finder.outside('Namur (5000)'));
      expect(langOf(outside, textNode(outside, 'Namur'))).to.equal('fr');
      expect(langOf(outside, textNode(outside, 'No zone for'))).to.equal('en');

      const dutch = await setup({ attrs: { nis: '21004' } });
      await dutch.settled('choices');
      expect(dutch.part('result')?.querySelector('[lang]'), 'every name in Dutch').to.equal(null);
    });
  });

  describe('headings', () => {
    it('gives the zones’ names heading level 3, or the one of heading-level', async () => {
      const finder = await setup({
        attrs: { postcode: '1000', lang: 'en' },
        layers: [brusselsLayer, elzLayer],
      });
      await finder.settled('pick-button');
      const levels = () =>
        [...finder.root.querySelectorAll('[part~=zone-name]')].map((name) => [
          name.getAttribute('role'),
          name.getAttribute('aria-level'),
        ]);
      expect(levels()).to.deep.equal([
        ['heading', '3'],
        ['heading', '3'],
      ]);
      finder.el.setAttribute('heading-level', '2');
      await finder.el.updateComplete;
      expect(levels()).to.deep.equal([
        ['heading', '2'],
        ['heading', '2'],
      ]);
      const tree = (await executeServerCommand('a11y-tree', { selector: 'carezone-finder' })) as AXNode;
      expect(
        axNodes(tree)
          .filter((node) => node.role === 'heading')
          .map((node) => [node.name, node.level]),
      ).to.deep.equal([
        ['Centre-West', 2],
        ['South', 2],
      ]);
    });
  });

  describe('location', () => {
    it('asks only on click, then shows the zone of the point', async () => {
      const calls: (PositionOptions | undefined)[] = [];
      const restore = stubGeolocation((ok, _fail, options) => {
        calls.push(options);
        setTimeout(() => ok({ coords: { latitude: 50.83, longitude: 4.37 } } as GeolocationPosition), 100);
      });
      try {
        const finder = await setup({ layers: [elzLayer] });
        await waitUntil(() => finder.part('location-button'));
        expect(calls).to.have.length(0);
        const event = oneEvent(finder.el, 'carezone-zone-change') as Promise<ZoneChangeEvent>;
        finder.part('location-button')?.focus();
        await finder.press('Enter');
        await finder.el.updateComplete;
        expect(finder.part('loading'), 'locating').to.not.equal(null);
        expect(document.activeElement === finder.el, 'the focus stays in the finder meanwhile').to.equal(
          true,
        );
        expect((await event).detail?.matchedBy).to.equal('point');
        await finder.settled('zone');
        await waitUntil(
          () => finder.root.activeElement === finder.part('result'),
          'the answer took the focus',
        );
        expect(finder.requests('/v1/lookup')).to.deep.equal(['lat=50.83&lon=4.37']);
        expect(calls).to.have.length(1);
        expect(calls[0]?.timeout).to.be.within(5000, 15000);
        expect(calls[0]?.maximumAge).to.be.greaterThan(0);
      } finally {
        restore();
      }
    });

    it('refused: says so and gives the focus back to the input', async () => {
      const restore = stubGeolocation((_ok, fail) => fail?.(geoError(1) as GeolocationPositionError));
      try {
        const finder = await setup({ layers: [elzLayer] });
        await waitUntil(() => finder.part('location-button'));
        finder.part('location-button')?.focus();
        finder.part('location-button')?.click();
        await finder.settled('message');
        expect(finder.text('message')).to.equal(TRANSLATIONS.nl.finder.geoDenied);
        expect(finder.root.activeElement).to.equal(finder.input);
        expect(finder.requests('/v1/lookup')).to.deep.equal([]);
      } finally {
        restore();
      }
    });

    it('timed out: says so, and typing still works after', async () => {
      const restore = stubGeolocation((_ok, fail) =>
        setTimeout(() => fail?.(geoError(3) as GeolocationPositionError), 50),
      );
      try {
        const finder = await setup({ layers: [elzLayer], attrs: { lang: 'fr' } });
        await waitUntil(() => finder.part('location-button'));
        finder.part('location-button')?.click();
        await finder.el.updateComplete;
        expect(finder.part('loading')).to.not.equal(null);
        await finder.settled('message');
        expect(finder.text('message')).to.equal(TRANSLATIONS.fr.finder.geoFailed);
        await finder.type('1020');
        await finder.press('Enter');
        await finder.settled('zone');
        expect(finder.part('message')).to.equal(null);
      } finally {
        restore();
      }
    });
  });

  describe('layout', () => {
    /**
     * The layout shift score of the page since `since`. Chromium attributes a shift to some ancestor
     * (often `body`) rather than to the moved paragraph, so the score of the whole page is taken:
     * the page holds nothing but the fixture.
     */
    function shiftSince(entries: PerformanceEntry[], since: number): number {
      return entries
        .filter((entry) => entry.startTime >= since)
        .reduce((sum, entry) => sum + (entry as PerformanceEntry & { value: number }).value, 0);
    }

    async function observeShifts(run: () => Promise<void>): Promise<PerformanceEntry[]> {
      const entries: PerformanceEntry[] = [];
      const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
      observer.observe({ type: 'layout-shift', buffered: true });
      await run();
      // Layout shifts are reported after the frame that caused them.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await aTimeout(100);
      entries.push(...observer.takeRecords());
      observer.disconnect();
      return entries;
    }

    it('the measure works: content that grows above a paragraph shifts it', async () => {
      const since = performance.now();
      const entries = await observeShifts(async () => {
        const wrapper = await fixture(html`<div><div id="grow"></div><p>Below</p></div>`);
        await aTimeout(100);
        (wrapper.querySelector('#grow') as HTMLElement).style.height = '200px';
      });
      expect(shiftSince(entries, since)).to.be.greaterThan(0);
    });

    for (const width of [800, 360]) {
      it(`no layout shift below the finder while a preset result loads (${width} px wide)`, async () => {
        await setViewport({ width, height: 800 });
        const since = performance.now();
        // 1020 answers in both layers, as the reference pack does: two placeholders, two cards.
        const client = fixtureClient((url) => {
          const answer = finderApi(url, [brusselsLayer, elzLayer]);
          if (url.pathname !== '/v1/lookup' || !('body' in answer)) return answer;
          const body = answer.body as (typeof LOOKUPS)[string];
          const elz = { ...(LOOKUPS['postcode=3720']?.matches[0] as (typeof body.matches)[number]) };
          return { body: { ...body, matches: [...body.matches, elz] }, delay: 300 };
        });
        // The layers are known (as when another widget of the page asked first): what is measured is
        // the answer's arrival. A page that cannot know them reserves the height (examples/README.md).
        await layersOf(client);
        const entries = await observeShifts(async () => {
          const wrapper = await fixture(
            html`<div><carezone-finder lang="nl" postcode="1020" .client=${client}></carezone-finder><p>Below</p></div>`,
          );
          const root = (wrapper.querySelector('carezone-finder') as CarezoneFinder).shadowRoot as ShadowRoot;
          expect(root.querySelector('[part~=loading]')).to.not.equal(null);
          await waitUntil(
            () => root.querySelector('[part~=zone-name]') && root.querySelector('[part~=location-button]'),
          );
        });
        await setViewport({ width: 800, height: 600 });
        expect(shiftSince(entries, since)).to.equal(0);
      });

      for (const layers of [[brusselsLayer], [brusselsLayer, elzLayer]]) {
        it(`a preset of ${layers.length} layer(s) loads in a placeholder of as many cards, as tall as the result (${width} px wide)`, async () => {
          await setViewport({ width, height: 900 });
          // 1020 in each layer, sure: a card per layer (the second of a team whose contact is not known).
          const client = fixtureClient((url) => {
            const answer = finderApi(url, layers);
            if (url.pathname !== '/v1/lookup' || !('body' in answer)) return answer;
            const body = answer.body as (typeof LOOKUPS)[string];
            const elz = { ...(LOOKUPS['postcode=3720']?.matches[0] as (typeof body.matches)[number]) };
            const matches = layers.length > 1 ? [...body.matches, elz] : body.matches;
            return { body: { ...body, matches }, delay: 400 };
          });
          const wrapper = await fixture(
            html`<div><carezone-finder lang="nl" postcode="1020" .client=${client}></carezone-finder><p>Below</p></div>`,
          );
          const root = (wrapper.querySelector('carezone-finder') as CarezoneFinder).shadowRoot as ShadowRoot;
          const result = root.querySelector('[part~=result]') as HTMLElement;
          await waitUntil(
            () => result.children.length === layers.length && root.querySelector('[part~=loading]'),
            'a placeholder per layer',
          );
          const loading = result.getBoundingClientRect().height;
          const since = performance.now();
          const entries = await observeShifts(async () => {
            await waitUntil(
              () => root.querySelectorAll('[part~=zone-name]').length === layers.length,
              'a card per layer',
              { timeout: 3000 },
            );
          });
          const loaded = result.getBoundingClientRect().height;
          await setViewport({ width: 800, height: 600 });
          expect(loaded).to.equal(loading);
          expect(shiftSince(entries, since)).to.equal(0);
        });
      }

      it(`the zone card beside it holds the height of a loaded card from the start (${width} px wide)`, async () => {
        await setViewport({ width, height: 900 });
        const client = fixtureClient((url) => ({ ...finderApi(url), delay: 200 }));
        const wrapper = await fixture(html`<div><p>Below</p></div>`);
        const card = document.createElement('carezone-zone-card');
        card.lang = 'nl';
        card.client = client;
        card.zone = 'bxl-sud';
        wrapper.prepend(card);
        const before = card.getBoundingClientRect().height;
        const since = performance.now();
        const entries = await observeShifts(async () => {
          await waitUntil(() => card.shadowRoot?.querySelector('[part~=municipalities]'), 'the zone');
        });
        const loaded = card.getBoundingClientRect().height;
        await setViewport({ width: 800, height: 600 });
        expect(loaded).to.equal(before);
        expect(shiftSince(entries, since)).to.equal(0);
      });

      it(`holds its search bar from the start, the location button included (${width} px wide)`, async () => {
        await setViewport({ width, height: 900 });
        const client = fixtureClient((url) => ({ ...finderApi(url, [elzLayer]), delay: 200 }));
        const wrapper = await fixture(html`<div><p>Below</p></div>`);
        const el = document.createElement('carezone-finder');
        el.lang = 'fr';
        el.client = client;
        wrapper.prepend(el);
        // Before the first render (which waits for the language): the host alone.
        const before = el.getBoundingClientRect().height;
        const since = performance.now();
        const entries = await observeShifts(async () => {
          await waitUntil(
            () => el.shadowRoot?.querySelector('[part~=location-button]'),
            'the location button',
          );
        });
        const ready = el.getBoundingClientRect().height;
        await setViewport({ width: 800, height: 600 });
        expect(ready).to.equal(before);
        expect(shiftSince(entries, since)).to.equal(0);
      });
    }
  });
});

/** A real `Response` of the fixture API, for tests that replace `window.fetch`. */
async function finderApiResponse(url: URL): Promise<Response> {
  const answer = finderApi(url);
  if (!('body' in answer)) throw new TypeError('Failed to fetch');
  const status = answer.status ?? 200;
  return new Response(JSON.stringify(answer.body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}
