// The finder's answer states on the example pages, in nl, fr, en and de, with the widget's own texts:
// with the reference pack, "Did you mean …?", probable, choose (narrowed with the keyboard) and the
// municipal page's preset; with the built-in Brussels pack, a place outside its zones (Antwerpen,
// Kortessem) and an unknown postcode. Expected names come from the API, as the finder shows them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type Ambiguity,
  type Language,
  type Layer,
  type LookupResult,
  type Place,
  type ProblemPlace,
  pickText,
} from '@carezone/sdk';
import type { Browser, Page } from 'playwright-core';
import { TRANSLATIONS } from '../../packages/widgets/src/localization/translations.js';
import {
  assertBuilt,
  chooseWithKeyboard,
  type E2EServer,
  type FinderParts,
  finderParts,
  LANGUAGES,
  launchBrowser,
  type OpenedPage,
  openPage,
  seriousAxeViolations,
  startServer,
  typeInto,
  VISIBLE_TIMEOUT_MS,
  waitForText,
  waitUntil,
} from './harness.js';

let browser: Browser;
/** The reference pack (`../shared/zonepacks/belgium-2025`): Brussels care zones and the Flemish ELZ. */
let reference: E2EServer;
/** No `--zonepack`: the server's built-in Brussels pack, with the gazetteer of every Belgian place. */
let builtIn: E2EServer;

interface Problem {
  code: string;
  places: ProblemPlace[];
}

async function getJson<T>(server: E2EServer, path: string, status = 200): Promise<T> {
  const response = await fetch(`${server.url}${path}`);
  assert.equal(response.status, status, `GET ${path}`);
  return (await response.json()) as T;
}

const places = async (server: E2EServer, q: string, lang: Language) =>
  (await getJson<{ data: Place[] }>(server, `/v1/places?q=${encodeURIComponent(q)}&lang=${lang}&limit=8`))
    .data;
const lookup = (server: E2EServer, query: string) => getJson<LookupResult>(server, `/v1/lookup?${query}`);

before(async () => {
  assertBuilt();
  [reference, builtIn, browser] = await Promise.all([
    startServer(),
    startServer(0, { zonepack: null }),
    launchBrowser(),
  ]);
  const ready = await getJson<{ packs: { id: string }[] }>(builtIn, '/readyz');
  assert.deepEqual(
    ready.packs.map((pack) => pack.id),
    ['brussels'],
    'the built-in pack alone is loaded',
  );
});
after(async () => {
  await browser?.close();
  await Promise.all([reference?.stop(), builtIn?.stop()]);
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The whole visible text is `text` (any run of spaces, no-break ones included, as one). */
const textIs = (text: string) => new RegExp(`^\\s*${escapeRegExp(text.trim()).replace(/\s+/g, '\\s+')}\\s*$`);
/** The visible text contains `text`. */
const textHas = (text: string) => new RegExp(escapeRegExp(text.trim()).replace(/\s+/g, '\\s+'));

/**
 * The finder of the network page that speaks `lang`: its French finder for French, its Dutch one
 * (switched with `lang`, as a page in that language would set it) for the others.
 */
async function networkFinder(opened: OpenedPage, server: E2EServer, lang: Language): Promise<FinderParts> {
  const { page } = opened;
  await page.goto(`${server.url}/examples/network-page/`);
  const parts = finderParts(page.locator(lang === 'fr' ? '#finder-fr' : '#finder-nl'));
  await parts.input.waitFor();
  if (lang !== 'fr') await parts.host.evaluate((host, value) => host.setAttribute('lang', value), lang);
  await waitForText(parts.host.locator('[part~="label"]'), textIs(TRANSLATIONS[lang].finder.label));
  return parts;
}

async function zoneNames(parts: FinderParts): Promise<string[]> {
  return (await parts.zoneNames.allInnerTexts()).map((name) => name.trim());
}

/** Tab from the input until the focus is on the button that reads `label`; fails when Tab never gets there. */
async function tabToButton(page: Page, parts: FinderParts, label: string): Promise<void> {
  await parts.input.focus();
  for (let presses = 0; presses < 30; presses++) {
    await page.keyboard.press('Tab');
    const focused = await parts.host.evaluate((host) => {
      const active = host.shadowRoot?.activeElement;
      return active?.localName === 'button' ? (active.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
    });
    if (focused === label) return;
  }
  throw new Error(`the button “${label}” cannot be reached with Tab from the input`);
}

describe('with the reference pack', () => {
  let layers: Layer[];
  let schaarbeek: LookupResult;
  let etterbeekPostcode: LookupResult;
  let narrowed: LookupResult;
  let preset: LookupResult;
  const layerTitle = (id: string, lang: Language) => {
    const layer = layers.find((candidate) => candidate.id === id);
    assert.ok(layer, `the server has the layer ${id}`);
    return pickText(layer.title, lang);
  };

  before(async () => {
    [layers, schaarbeek, etterbeekPostcode, narrowed, preset] = await Promise.all([
      getJson<{ data: Layer[] }>(reference, '/v1/layers').then((body) => body.data),
      lookup(reference, 'nis=21015'),
      lookup(reference, 'postcode=1040'),
      lookup(reference, 'postcode=1040&nis=21005'),
      lookup(reference, 'postcode=1082'),
    ]);
    // What this file relies on, as the reference pack answers it.
    assert.deepEqual(
      schaarbeek.ambiguities.map((a) => [a.layer, a.certainty]),
      [['bxl-care-zones', 'probable']],
    );
    assert.equal(schaarbeek.matches.find((m) => m.layer === 'bxl-care-zones')?.zone.id, 'bxl-nord-est');
    assert.equal(etterbeekPostcode.ambiguities.find((a) => a.layer === 'bxl-care-zones')?.narrowable, true);
    assert.deepEqual(
      narrowed.matches.filter((m) => m.layer === 'bxl-care-zones').map((m) => m.zone.id),
      ['bxl-sud-est'],
    );
    assert.deepEqual(
      preset.matches.filter((m) => m.layer === 'bxl-care-zones').map((m) => m.zone.id),
      ['bxl-nord'],
    );
  });

  for (const lang of LANGUAGES) {
    describe(`lang="${lang}"`, () => {
      const f = TRANSLATIONS[lang].finder;
      let opened: OpenedPage;
      /** The suggestion for `schaerbek` in this language: its label (Schaarbeek in Dutch). */
      let suggestion: Place;
      before(async () => {
        // axe is injected inline, which the pages' strict CSP rightly blocks: these contexts bypass it.
        opened = await openPage(browser, { bypassCSP: true });
        const found = await places(reference, 'schaerbek', lang);
        assert.equal(found[0]?.match, 'fuzzy', 'nothing is called “schaerbek”: a close name matched');
        assert.equal(found[0]?.municipality.nis, '21015');
        suggestion = found[0] as Place;
      });
      after(async () => {
        await opened?.close();
      });

      test('"schaerbek": the status asks "Did you mean …?", and choosing the suggestion with the keyboard shows the zone', async () => {
        const parts = await networkFinder(opened, reference, lang);
        await typeInto(parts, 'schaerbek');
        await waitForText(parts.status, textIs(f.didYouMean(suggestion.label)));
        await chooseWithKeyboard(parts, textHas(suggestion.label));
        const northEast = schaarbeek.matches.find((m) => m.layer === 'bxl-care-zones');
        assert.ok(northEast);
        await waitForText(parts.zoneNames, textHas(pickText(northEast.zone.name, lang)));
        assert.equal(await parts.input.inputValue(), suggestion.label, 'the field shows the chosen place');
        assert.deepEqual(opened.recording.pageErrors, []);
      });

      test(`"Schaarbeek" in the visitor's language: probable, one card per layer, the Brussels one with the note, and axe finds nothing serious`, async () => {
        const parts = await networkFinder(opened, reference, lang);
        const place = pickText(suggestion.municipality.name, lang, suggestion.municipality.region);
        await typeInto(parts, suggestion.label);
        await chooseWithKeyboard(parts, textHas(suggestion.label));
        const note = parts.host.locator('[part~="note"]');
        await waitForText(note, textIs(f.probable(place)));
        assert.equal(await note.count(), 1, 'one note');
        assert.equal(await parts.host.locator('[part~="choices"], [part~="pick-button"]').count(), 0);

        // The network page's finder shows every layer: one card each, the probable one with the note.
        const expected = schaarbeek.matches.map((match) => pickText(match.zone.name, lang));
        assert.deepEqual(await zoneNames(parts), expected, 'one card per layer, each zone once');
        const bxlCards = parts.zones.filter({ hasText: textHas(layerTitle('bxl-care-zones', lang)) });
        assert.equal(await bxlCards.count(), 1, 'exactly one Brussels care zone card');
        assert.match(
          await bxlCards.locator('[part~="zone-name"]').innerText(),
          textIs(pickText((schaarbeek.matches[0] as LookupResult['matches'][number]).zone.name, lang)),
        );
        assert.equal(await bxlCards.locator('[part~="note"]').count(), 1, 'the note is inside that card');
        assert.match(await parts.result.innerText(), textHas(place));

        assert.deepEqual(await seriousAxeViolations(opened.page, `probable, ${lang}`), []);
      });

      test('"1040" + Enter: a choice between the parts of the place; choosing one with the keyboard shows its zone alone and fires carezone-zone-change', async () => {
        const parts = await networkFinder(opened, reference, lang);
        await typeInto(parts, '1040');
        await waitForText(parts.status, /\S/);
        await parts.input.press('Enter');
        const choices = parts.host.locator('[part~="choices"]');
        await waitForText(choices, textHas(f.choose('1040')));
        assert.equal(await choices.count(), 1, 'one layer is split');

        // Each part of 1040, labelled as the finder labels it: "Etterbeek (1040)", "Brussel (1040) · Etterbeek".
        const ambiguity = etterbeekPostcode.ambiguities.find(
          (a) => a.layer === 'bxl-care-zones',
        ) as Ambiguity;
        const label = (choice: Ambiguity['choices'][number]) => {
          const name = pickText(choice.municipality.name, lang, choice.municipality.region);
          const own = new Set(Object.values(choice.municipality.name));
          const districts = choice.localities.filter((locality) => !own.has(locality));
          const part = choice.postcode ? `${name} (${choice.postcode})` : name;
          return districts.length > 0 ? `${part} · ${districts.join(', ')}` : part;
        };
        const buttons = parts.host.locator('[part~="choice"]');
        assert.deepEqual(
          (await buttons.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim()).sort(),
          ambiguity.choices.map(label).sort(),
        );
        assert.equal(
          await parts.zones.filter({ hasText: textHas(layerTitle('bxl-care-zones', lang)) }).count(),
          0,
          'no Brussels care zone card while the visitor has to choose',
        );
        assert.deepEqual(await seriousAxeViolations(opened.page, `choose, ${lang}`), []);

        const etterbeek = ambiguity.choices.find((choice) => choice.zones.length === 1);
        assert.ok(etterbeek, 'a part of 1040 with one zone');
        const seen = (await opened.records()).zoneChanges.length;
        await tabToButton(opened.page, parts, label(etterbeek));
        // A button answers to both keys: Enter in two languages, Space in the two others.
        await opened.page.keyboard.press(lang === 'nl' || lang === 'en' ? 'Enter' : 'Space');

        const zone = narrowed.matches.find((m) => m.layer === 'bxl-care-zones');
        assert.ok(zone);
        assert.equal(zone.zone.id, etterbeek.zones[0]);
        await waitUntil(
          'the choices to give way to the chosen zone',
          async () => ({ choices: await choices.count(), names: await zoneNames(parts) }),
          (state) => state.choices === 0 && state.names.includes(pickText(zone.zone.name, lang)),
        );
        const bxlCards = parts.zones.filter({ hasText: textHas(layerTitle('bxl-care-zones', lang)) });
        assert.equal(await bxlCards.count(), 1, 'a single Brussels care zone');
        assert.equal(await parts.host.locator('[part~="note"], [part~="pick-button"]').count(), 0, 'certain');

        const changes = await waitUntil(
          'a carezone-zone-change naming the chosen zone',
          async () => (await opened.records()).zoneChanges.slice(seen),
          (list) => list.some((change) => change.detail?.zone.id === zone.zone.id),
        );
        const last = changes.at(-1);
        assert.equal(last?.target, lang === 'fr' ? 'finder-fr' : 'finder-nl');
        assert.equal(last?.detail?.zone.id, 'bxl-sud-est');
        assert.equal(last?.detail?.layer, 'bxl-care-zones');
        assert.deepEqual(opened.recording.pageErrors, []);
      });

      test('the municipal page: the preset postcode 1082 is in the field and its zone card is shown', async () => {
        const { page } = opened;
        await page.goto(`${reference.url}/examples/municipal-page/`);
        const parts = finderParts(page.locator('carezone-finder#finder'));
        await parts.input.waitFor();
        await parts.host.evaluate((host, value) => host.setAttribute('lang', value), lang);
        await waitForText(parts.host.locator('[part~="label"]'), textIs(f.label));
        const match = preset.matches.find((m) => m.layer === 'bxl-care-zones');
        assert.ok(match);
        await waitForText(parts.zoneNames, textIs(pickText(match.zone.name, lang)));
        assert.equal(await parts.input.inputValue(), '1082');
        assert.equal(await parts.zones.count(), 1, 'one card: the page shows one layer');
        const municipality = match.places[0]?.municipality;
        assert.ok(municipality);
        const card = await parts.zones.innerText();
        assert.match(card, textHas(pickText(municipality.name, lang, municipality.region)));
        assert.match(card, textHas(layerTitle('bxl-care-zones', lang)));
        assert.equal(await parts.host.locator('[part~="note"], [part~="choices"]').count(), 0, 'certain');
        assert.deepEqual((await opened.records()).zoneChanges, [], 'a preset fires no event');
      });
    });
  }
});

describe('with the built-in Brussels pack', () => {
  let antwerpen: Problem;

  before(async () => {
    antwerpen = await getJson<Problem>(builtIn, '/v1/lookup?postcode=2000', 404);
    assert.equal(antwerpen.code, 'OUT_OF_COVERAGE');
    assert.deepEqual(antwerpen.places[0]?.name, {
      nl: 'Antwerpen',
      fr: 'Anvers',
      de: 'Antwerpen',
      en: 'Antwerp',
    });
    const unknown = await getJson<Problem>(builtIn, '/v1/lookup?postcode=9999', 404);
    assert.equal(unknown.code, 'UNKNOWN_PLACE');
  });

  for (const lang of LANGUAGES) {
    describe(`lang="${lang}"`, () => {
      const f = TRANSLATIONS[lang].finder;
      let opened: OpenedPage;
      before(async () => {
        opened = await openPage(browser);
      });
      after(async () => {
        await opened?.close();
      });

      async function assertNoZone(parts: FinderParts): Promise<void> {
        assert.equal(await parts.zones.count(), 0, 'no zone is shown');
        assert.equal(await parts.alert.count(), 0, 'not an error: an answer');
        assert.deepEqual((await opened.records()).zoneChanges, [], 'no zone, no event');
        assert.deepEqual(opened.recording.pageErrors, []);
      }

      test('"2000" + Enter: Antwerpen is named, in the language, and said to lie outside the zones', async () => {
        const parts = await networkFinder(opened, builtIn, lang);
        await typeInto(parts, '2000');
        await waitForText(parts.status, /\S/);
        await parts.input.press('Enter');
        const place = antwerpen.places[0];
        assert.ok(place);
        const name = pickText(place.name, lang, place.region);
        await waitForText(parts.host.locator('[part~="message"]'), textIs(f.outside(`${name} (2000)`)));
        assert.equal(name, { nl: 'Antwerpen', fr: 'Anvers', en: 'Antwerp', de: 'Antwerpen' }[lang]);
        await assertNoZone(parts);
      });

      test('"Kortessem" (a suggestion): found, and said to lie outside the zones', async () => {
        const [kortessem] = await places(builtIn, 'Kortessem', lang);
        assert.ok(kortessem, 'the gazetteer knows Kortessem');
        const outside = await getJson<Problem>(builtIn, `/v1/lookup?nis=${kortessem.municipality.nis}`, 404);
        assert.equal(outside.code, 'OUT_OF_COVERAGE');
        const place = outside.places[0];
        assert.ok(place);

        const parts = await networkFinder(opened, builtIn, lang);
        await typeInto(parts, 'Kortessem');
        await chooseWithKeyboard(parts, /Kortessem/);
        const name = `${pickText(place.name, lang, place.region)}${place.postcode ? ` (${place.postcode})` : ''}`;
        await waitForText(parts.host.locator('[part~="message"]'), textIs(f.outside(name)));
        await assertNoZone(parts);
      });

      test('"9999" + Enter: no place is known for that postcode', async () => {
        const parts = await networkFinder(opened, builtIn, lang);
        await typeInto(parts, '9999');
        await waitForText(parts.status, /\S/);
        assert.equal(await parts.options.count(), 0, 'no suggestion');
        await parts.input.press('Enter');
        await waitForText(
          parts.host.locator('[part~="message"]'),
          textIs(f.unknown(`${f.postcode} 9999`)),
          VISIBLE_TIMEOUT_MS,
        );
        await assertNoZone(parts);
      });
    });
  }
});
