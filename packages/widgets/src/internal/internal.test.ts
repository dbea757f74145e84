import {
  createClient,
  placesResource,
  zonesGetResource,
  zonesListResource,
  zonesResource,
} from '@carezone/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SESSION_REQUEST_TRANSLATIONS } from '../localization/session-request/translations.js';
import { TRANSLATIONS } from '../localization/translations.js';
import { fixtureClient, problem } from '../test-helpers/fixture-api.js';
import { clientFor, scriptOrigin } from './api-client.js';
import { CarezoneElement } from './carezone-element.js';
import { errorMessage } from './data-states.js';
import { defineElement } from './define.js';
import { formatNumber, type LocalizeController } from './localize.js';

describe('clientFor', () => {
  const zones = { zones: zonesResource };
  const places = { places: placesResource };

  it('shares one client per API base URL, whatever its spelling', () => {
    expect(clientFor('https://api.example.be/', zones)).to.equal(clientFor('https://api.example.be', zones));
    expect(clientFor('https://api.example.be', zones)).to.not.equal(
      clientFor('https://other.example.be', zones),
    );
  });

  it('composes the client of the resources asked for, adding to it and reusing what is there', () => {
    const first = clientFor('https://compose.example.be', zones);
    expect(Object.keys(first)).to.deep.equal(['zones']);
    const zonesResourceMade = first.zones;
    const second = clientFor('https://compose.example.be', places);
    expect(second).to.equal(first);
    expect(Object.keys(second)).to.deep.equal(['zones', 'places']);
    expect(second.zones).to.equal(zonesResourceMade);
  });

  it('adds the methods of a resource that comes in parts to the one object every widget holds', () => {
    const client = clientFor('https://parts.example.be', { zones: zonesGetResource });
    const zonesMade = client.zones;
    expect(Object.keys(zonesMade)).to.deep.equal(['get']);
    expect(clientFor('https://parts.example.be', { zones: zonesListResource }).zones).to.equal(zonesMade);
    expect(Object.keys(zonesMade)).to.deep.equal(['get', 'list']);
    const get = zonesMade.get;
    clientFor('https://parts.example.be', { zones: zonesGetResource });
    expect(zonesMade.get, 'a factory runs once per page and API').to.equal(get);
  });

  it('defaults to the origin the widget script came from', () => {
    expect(scriptOrigin('https://cdn.example.be/widgets/1.0.0/carezone.js')).to.equal(
      'https://cdn.example.be',
    );
    expect(clientFor(null, zones)).to.equal(clientFor(location.origin, zones));
  });

  it('resolves a relative api attribute against the page', () => {
    expect(clientFor('/', zones)).to.equal(clientFor(location.origin, zones));
  });
});

describe('defineElement', () => {
  it('defines a free tag once and warns, without throwing, when it is taken', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      expect(defineElement('carezone-test-define', First)).to.equal(true);
      expect(defineElement('carezone-test-define', Second)).to.equal(false);
      expect(defineElement('carezone-test-define', First)).to.equal(false);
    } finally {
      console.warn = original;
    }
    expect(customElements.get('carezone-test-define')).to.equal(First);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0])).to.contain('<carezone-test-define> is defined already');
  });
});

describe('errorMessage', () => {
  const t = TRANSLATIONS.en;
  const lookup = (handler: Parameters<typeof fixtureClient>[0]) =>
    fixtureClient(handler)
      .lookup({ postcode: '1050' })
      .then(
        () => expect.fail('the lookup should fail'),
        (error: unknown) => error,
      );

  it('translates the API’s code, not its English title', async () => {
    const error = await lookup(() => problem(503, 'NOT_READY'));
    expect(errorMessage(t, error)).to.equal(t.errors.NOT_READY);
    expect(errorMessage(TRANSLATIONS.nl, error)).to.equal(TRANSLATIONS.nl.errors.NOT_READY);
  });

  it('takes the texts of the codes only a send answers from the widget that sends', async () => {
    const error = await lookup(() => problem(429, 'RATE_LIMITED'));
    expect(errorMessage(t, error), 'a widget that only reads').to.equal(t.unexpectedError);
    const form = SESSION_REQUEST_TRANSLATIONS.fr;
    expect(errorMessage(TRANSLATIONS.fr, error, form.errors)).to.equal(form.errors.RATE_LIMITED);
  });

  it('tells an unreachable service, a timeout and anything else apart', async () => {
    expect(errorMessage(t, await lookup(() => ({ network: 'offline' })))).to.equal(t.networkError);
    const slow = createClient({
      baseUrl: 'https://api.carezone.test',
      timeout: 20,
      retry: 0,
      fetch: () => new Promise<Response>(() => {}),
    });
    const timeout = await slow.lookup({ postcode: '1050' }).catch((error: unknown) => error);
    expect(errorMessage(t, timeout)).to.equal(t.timeout);
    expect(errorMessage(t, new Error('boom'))).to.equal(t.unexpectedError);
  });
});

describe('LocalizeController', () => {
  class Probe extends CarezoneElement {
    get l(): LocalizeController {
      return this.localize;
    }
    protected override render() {
      return html`${this.localize.t.retry}`;
    }
  }
  customElements.define('carezone-test-localize', Probe);
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('formats dates, numbers and lists the Belgian way of each language', async () => {
    const probe = await fixture<Probe>(html`<carezone-test-localize lang="fr"></carezone-test-localize>`);
    expect(probe.l.date('2025-01-01')).to.equal('1 janvier 2025');
    expect(formatNumber(probe.l, 1234.5)).to.match(/^1\s234,5$/);
    expect(probe.l.list(['1000', '1050']).join('')).to.equal('1000 et 1050');
    // A name marked with its language stays a part of its own, between the language's words.
    const marked = probe.l.named({ nl: 'Noord' });
    expect(probe.l.list(['Sud', marked])).to.deep.equal(['Sud', ' et ', marked]);
    probe.setAttribute('lang', 'nl');
    await probe.updateComplete;
    expect(probe.l.date('2025-01-01')).to.equal('1 januari 2025');
    expect(probe.l.date('not a date')).to.equal('not a date');
  });

  it('picks names in its language, else in the one its readers know next', async () => {
    const german = await fixture<Probe>(html`<carezone-test-localize lang="de"></carezone-test-localize>`);
    expect(german.l.name({ fr: 'Ixelles', de: 'Ixelles-DE' })).to.equal('Ixelles-DE');
    // German readers in Belgium read French before Dutch ("Zone Nord", not "Zone Noord").
    expect(german.l.name({ nl: 'Noord', fr: 'Nord' })).to.equal('Nord');
    const english = await fixture<Probe>(html`<carezone-test-localize lang="en"></carezone-test-localize>`);
    // English readers get a place's own language: French in Brussels, Dutch in Flanders.
    expect(english.l.name({ nl: 'Elsene', fr: 'Ixelles' }, 'brussels')).to.equal('Ixelles');
    expect(english.l.name({ nl: 'Mechelen', fr: 'Malines' }, 'flanders')).to.equal('Mechelen');
    expect(english.l.name({ nl: 'Noord', fr: 'Nord', en: 'North' })).to.equal('North');
    const dutch = await fixture<Probe>(html`<carezone-test-localize lang="nl"></carezone-test-localize>`);
    expect(dutch.l.name({ fr: 'Nord', de: 'Nord-DE' })).to.equal('Nord');
  });

  it('loads only the catalogue of its language, before its first render', async () => {
    const probe = await fixture<Probe>(html`<carezone-test-localize lang="en"></carezone-test-localize>`);
    expect(probe.shadowRoot?.textContent).to.equal(TRANSLATIONS.en.retry);
    expect(probe.l.t).to.deep.equal(TRANSLATIONS.en);
  });

  it('re-renders when the document’s language changes', async () => {
    const probe = await fixture<Probe>(html`<carezone-test-localize></carezone-test-localize>`);
    expect(probe.shadowRoot?.textContent).to.contain(TRANSLATIONS.nl.retry);
    document.documentElement.lang = 'de';
    await waitUntil(() => probe.shadowRoot?.textContent?.includes(TRANSLATIONS.de.retry), 'German text');
  });
});
