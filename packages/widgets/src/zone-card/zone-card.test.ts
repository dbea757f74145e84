import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defineElement } from '../internal/define.js';
import { type FixtureHandler, fixtureClient, problem } from '../test-helpers/fixture-api.js';
import { zonesApi } from '../test-helpers/fixtures.js';
import { CarezoneZoneCard } from './zone-card.js';

defineElement('carezone-zone-card', CarezoneZoneCard);

const api: FixtureHandler = (url) => zonesApi(url) ?? problem(404, 'NOT_FOUND');

/** A zone card on the fixture API, rendered until its data state settles. */
async function setup(zone: string | undefined, options: { lang?: string; handler?: FixtureHandler } = {}) {
  const client = fixtureClient(options.handler ?? api);
  const card = await fixture<CarezoneZoneCard>(
    html`<carezone-zone-card zone=${zone ?? ''} lang=${options.lang ?? 'nl'} .client=${client}></carezone-zone-card>`,
  );
  if (zone === undefined) card.removeAttribute('zone');
  const root = card.shadowRoot as ShadowRoot;
  const settled = () => !root.querySelector('[part=loading]');
  await waitUntil(settled, 'the card left its loading state');
  const text = () => (root.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();
  return { card, client, root, text, part: (name: string) => root.querySelector(`[part~="${name}"]`) };
}

describe('<carezone-zone-card>', () => {
  it('is accessible with a full contact, with an unknown contact, and in its messages', async () => {
    for (const zone of ['test-zone', 'test-zone-unknown', 'no-such-zone']) {
      const { card } = await setup(zone);
      await expect(card).to.be.accessible();
    }
  });

  it('shows the zone’s name, layer, team contact, valid-from date and municipalities', async () => {
    const { text, part } = await setup('test-zone');
    expect(part('zone-name')?.textContent?.trim()).to.equal('Testzone');
    expect(part('zone-name')?.getAttribute('role')).to.equal('heading');
    expect(part('zone-name')?.getAttribute('aria-level')).to.equal('3');
    expect(text()).to.contain('Zorgzones Brussel');
    expect(text()).to.contain('1 januari 2024');
    expect(text()).to.contain('Elsene');
    // Exactly the text of each item: the comma the styles add after it must follow it directly.
    const municipalities = [...(part('municipalities')?.querySelectorAll('li') ?? [])];
    expect(municipalities.map((li) => li.textContent)).to.deep.equal([
      'Elsene',
      'Brussel (deels: 1000 en 1050)',
    ]);
    const links = [...(part('contact')?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['https://www.zone.example', 'mailto:team@zone.example', 'tel:+3220000000']);
    expect(part('contact')?.textContent).to.contain('zone.example');
  });

  it('says plainly that a team’s contact is unknown, rather than leaving it out', async () => {
    const { part } = await setup('test-zone-unknown');
    expect(part('contact')).to.equal(null);
    expect(part('contact-unknown')?.textContent).to.contain('nog niet bekend');
  });

  it('speaks the language of its lang attribute, with the packs’ name fallback', async () => {
    const french = await setup('bxl-sud', { lang: 'fr' });
    expect(french.part('zone-name')?.textContent?.trim()).to.equal('Sud');
    expect(french.text()).to.contain('1 janvier 2024');
    expect(french.text()).to.contain('Bassins d’aide et de soins bruxellois');
    const german = await setup('bxl-sud', { lang: 'de' });
    // No German name in the pack: French, which German readers in Belgium read before Dutch.
    expect(german.part('zone-name')?.textContent?.trim()).to.equal('Sud');
    expect(german.text()).to.contain('Gültig ab');
    expect(german.text()).to.contain('1. Januar 2024');
    const english = await setup('bxl-sud', { lang: 'en' });
    expect(english.part('zone-name')?.textContent?.trim()).to.equal('South');
  });

  it('marks a name it shows in another language than its own with that language (WCAG 3.1.2)', async () => {
    const marked = async (lang: string) => {
      const card = await setup('bxl-sud', { lang });
      return [...(card.part('zone')?.querySelectorAll('[lang]') ?? [])].map((element) => [
        element.textContent,
        element.getAttribute('lang'),
      ]);
    };
    // The fixture has no German names: French stands in for the zone, its layer and its municipalities.
    expect(await marked('de')).to.deep.equal([
      ['Sud', 'fr'],
      ['Bassins d’aide et de soins bruxellois', 'fr'],
      ['Ixelles', 'fr'],
      ['Bruxelles', 'fr'],
    ]);
    // English names for the zone and the layer; for Brussels municipalities the French ones stand
    // in, as in the finder (English speakers there use them: Ixelles, not Elsene).
    expect(await marked('en')).to.deep.equal([
      ['Ixelles', 'fr'],
      ['Bruxelles', 'fr'],
    ]);
    expect(await marked('nl'), 'all in Dutch').to.deep.equal([]);
  });

  it('takes its heading level from heading-level', async () => {
    const { card, part } = await setup('bxl-sud');
    card.headingLevel = 2;
    await card.updateComplete;
    expect(part('zone-name')?.getAttribute('aria-level')).to.equal('2');
  });

  it('says which zone does not exist', async () => {
    const { text, part } = await setup('no-such-zone', { lang: 'en' });
    expect(part('message')?.textContent).to.contain('“no-such-zone” does not exist');
    expect(text()).to.not.contain('Try again');
    // An id the API refuses as malformed (INVALID_QUERY) names no zone either.
    const malformed = await setup('Not A Zone!', {
      lang: 'en',
      handler: () => problem(400, 'INVALID_QUERY'),
    });
    expect(malformed.part('message')?.textContent).to.contain('“Not A Zone!” does not exist');
  });

  it('says when no zone is given, and loads one when the attribute is set', async () => {
    const { card, part, root } = await setup(undefined);
    expect(part('message')?.textContent).to.contain('geen zone');
    card.zone = 'bxl-sud';
    await waitUntil(() => root.querySelector('[part~="zone-name"]'), 'the zone appeared');
    expect(part('zone-name')?.textContent?.trim()).to.equal('Zuid');
  });

  it('shows a translated error with a retry that works once the API answers again', async () => {
    let failing = true;
    const { card, part, root, client } = await setup('bxl-sud', {
      lang: 'fr',
      handler: (url, request) => (failing ? problem(500, 'INTERNAL') : api(url, request)),
    });
    expect(part('error')?.getAttribute('role')).to.equal('alert');
    expect(part('error')?.textContent).to.contain('Un problème est survenu chez nous');
    await expect(card).to.be.accessible();
    failing = false;
    (part('retry-button') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    expect(document.activeElement === card, 'the focus stays in the card, never the body').to.equal(true);
    await waitUntil(() => root.querySelector('[part~="zone-name"]'), 'the zone appeared after the retry');
    expect(part('zone-name')?.textContent?.trim()).to.equal('Sud');
    expect(root.activeElement === part('base'), 'the card holds it').to.equal(true);
    expect(client.requests.filter((url) => url.pathname === '/v1/zones/bxl-sud')).to.have.length(2);
  });

  it('says the service cannot be reached when the network fails', async () => {
    const { part, card } = await setup('bxl-sud', { lang: 'de', handler: () => ({ network: 'offline' }) });
    expect(part('error')?.textContent).to.match(/nicht erreichbar|offline/);
    await expect(card).to.be.accessible();
  });

  it('reserves its space while loading, so the page below does not move', async () => {
    const client = fixtureClient(() => ({ network: 'never' }));
    const card = await fixture<CarezoneZoneCard>(
      html`<carezone-zone-card zone="bxl-sud" .client=${client}></carezone-zone-card>`,
    );
    const root = card.shadowRoot as ShadowRoot;
    expect(root.querySelector('[part=loading]')?.getAttribute('role')).to.equal('status');
    expect(card.getBoundingClientRect().height).to.be.greaterThan(100);
    await expect(card).to.be.accessible();
  });
});
