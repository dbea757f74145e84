// The embed pages without a browser: what each renders for what it is asked, in the catalogues' own
// words, and the rules a page framed by any site must keep (framing, theme, no cookie). The same
// pages are driven in Chromium, with and without JavaScript, in tests/e2e/embed-pages.test.ts.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { SESSION_REQUEST_TRANSLATIONS, TRANSLATIONS } from '@carezone/widgets/texts';
import type { Hono } from 'hono';
import { resolveAllowedOrigins } from '../http/allowed-origins.js';
import { BUILTIN_PACK_DIR } from '../packs/builtin.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { createTestApp, type TestApp, testAppAround, withTestApp } from '../test-helpers/app.js';
import { staffRequest } from '../test-helpers/http.js';
import { createTestStaffTokens } from '../test-helpers/staff-tokens.js';

const app = testAppAround();

async function page(path: string, init?: RequestInit, on: Pick<Hono, 'request'> = app) {
  const response = await on.request(path, init);
  return { response, html: await response.text() };
}

/** The text of an HTML fragment as read: tags gone, entities of the escaper undone, spaces folded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

describe('/embed/finder', () => {
  test('answers a postcode with the zone of each layer, in the language asked, with the catalogue’s words', async () => {
    for (const lang of ['nl', 'fr', 'en', 'de'] as const) {
      const { response, html } = await page(`/embed/finder?lang=${lang}&q=1050`);
      assert.equal(response.status, 200);
      assert.match(html, new RegExp(`<html lang="${lang}">`));
      const texts = TRANSLATIONS[lang];
      assert.ok(html.includes(`<label for="q">${texts.finder.label}</label>`), lang);
      assert.ok(textOf(html).includes(texts.zone.team), lang);
      // 1050 is documented only probably for the Brussels layer: the note says so.
      assert.ok(textOf(html).includes(textOf(texts.finder.probable('1050'))), lang);
    }
  });

  test('a name goes through its first suggestion; a split place offers its parts as links that answer', async () => {
    const { html } = await page('/embed/finder?lang=nl&q=Antwerpen');
    assert.ok(textOf(html).includes(TRANSLATIONS.nl.finder.choose('Antwerpen')), textOf(html));
    const links = [...html.matchAll(/<a class="button secondary choice" href="([^"]+)">([^<]+)/g)];
    assert.ok(links.length > 5, 'one link per part of Antwerpen');
    const deurne = links.find(([, , label]) => label?.includes('Deurne'));
    assert.ok(deurne?.[1], 'Deurne (2100) is a part to choose');
    const next = await page(deurne[1].replace(/&amp;/g, '&').replace(/#.*/, ''));
    assert.match(next.html, /<h2 class="zone-name">Antwerpen Oost<\/h2>/);
    assert.match(next.html, /value="Antwerpen"/, 'the field keeps what was typed');
  });

  test('candidates the data cannot tell apart each get a link to say "this is my zone"', async () => {
    const { html } = await page('/embed/finder?lang=en&postcode=2000&nis=11002&q=Antwerpen');
    const picks = [
      ...html.matchAll(/<a class="button secondary" href="([^"]+)">This is my zone: (.+?)<\/a>/g),
    ];
    assert.ok(picks.length >= 2);
    const [href, , zone] = picks[0] ?? [];
    const picked = await page(
      (href ?? '')
        .replace(/.*href="/, '')
        .replace(/&amp;/g, '&')
        .replace(/#.*/, ''),
    );
    assert.ok(picked.html.includes(TRANSLATIONS.en.finder.picked));
    assert.equal((picked.html.match(/class="card zone"/g) ?? []).length, 1, `only ${zone} is shown`);
  });

  test('an unknown postcode and a text that is no place, each in words and escaped', async () => {
    const unknown = await page('/embed/finder?lang=fr&q=9999');
    assert.ok(
      textOf(unknown.html).includes(
        TRANSLATIONS.fr.finder.unknown(`${TRANSLATIONS.fr.finder.postcode} 9999`).replace(/\s+/g, ' '),
      ),
    );
    const invalid = await page('/embed/finder?lang=de&q=%3Cscript%3Exyz');
    assert.ok(!invalid.html.includes('<script>xyz'), 'what was typed is escaped');
    assert.ok(invalid.html.includes('&lt;script&gt;xyz'));
    assert.equal(invalid.response.status, 200);
  });

  test('without a question, the form alone; the page keeps its language and layer in the form', async () => {
    const { html } = await page('/embed/finder?lang=fr&layer=elz&theme-accent=%23123456');
    assert.doesNotMatch(html, /class="card zone"/);
    assert.match(html, /<input type="hidden" name="layer" value="elz">/);
    assert.match(html, /<input type="hidden" name="theme-accent" value="#123456">/);
  });

  test('the language follows Accept-Language when the page names none, else Dutch', async () => {
    const german = await page('/embed/finder', {
      headers: { 'accept-language': 'es;q=1, de-BE;q=0.8, fr;q=0.5' },
    });
    assert.match(german.html, /<html lang="de">/);
    assert.match(german.response.headers.get('vary') ?? '', /\bAccept-Language\b/);
    assert.match((await page('/embed/finder')).html, /<html lang="nl">/);
    assert.match((await page('/embed/finder?lang=es')).html, /<html lang="nl">/);
  });
});

describe('framing, theme and cookies', () => {
  const policyOf = (response: Response) => response.headers.get('content-security-policy') ?? '';

  test('frame-ancestors: every origin in development, the listed ones in production, else only the server; the same hosts learn the height', async () => {
    const cases = [
      [resolveAllowedOrigins(undefined, 'development'), 'frame-ancestors *'],
      [
        resolveAllowedOrigins('https://www.gemeente.be', 'production'),
        "frame-ancestors 'self' https://www.gemeente.be",
      ],
      [resolveAllowedOrigins(undefined, 'production'), "frame-ancestors 'self'"],
    ] as const;
    for (const [allowedOrigins, expected] of cases) {
      await withTestApp({ allowedOrigins }, async (own) => {
        for (const path of ['/embed/finder', '/embed/zone-card?zone=bxl-sud', '/embed/news']) {
          const { response, html } = await page(path, undefined, own);
          assert.ok(policyOf(response).split('; ').includes(expected), `${path}: ${policyOf(response)}`);
          assert.equal(response.headers.get('x-frame-options'), null);
          // Responsive iframes: a bare meta opts in nobody; allow-origins names who may size the frame.
          const sizing = html.match(/<meta name="responsive-embedded-sizing" content="([^"]*)">/)?.[1];
          assert.equal(
            sizing && textOf(sizing),
            `allow-origins=${expected.slice('frame-ancestors '.length)}`,
            `${path}: responsive sizing`,
          );
        }
      });
    }
  });

  test('a valid theme is one style allowed by its hash; anything that could break out is left out', async () => {
    const { response, html } = await page(
      '/embed/finder?theme-accent=%231d6b34&theme-radius=0.125rem&theme-font-family=Georgia%2C%20serif' +
        '&theme-surface=red%3B%7Dbody%7Bdisplay%3Anone&theme-border=url(https%3A%2F%2Fevil.example%2Fx)',
    );
    const style = html.match(/<style>([^<]*)<\/style>/)?.[1];
    assert.equal(
      style,
      ':root{--carezone-color-accent: #1d6b34;--carezone-radius: 0.125rem;--carezone-font-family: Georgia, serif;}',
    );
    const hash = createHash('sha256').update(style).digest('base64');
    assert.match(
      policyOf(response),
      new RegExp(`style-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}'`),
    );
    assert.doesNotMatch(policyOf(response), /unsafe-inline/);
    const plain = await page('/embed/finder');
    assert.doesNotMatch(plain.html, /<style>/);
  });

  test('no page sets a cookie, and none loads anything from another origin', async () => {
    for (const path of ['/embed/finder?q=1050', '/embed/zone-card?zone=bxl-sud', '/embed/news']) {
      const { response, html } = await page(path);
      assert.equal(response.headers.get('set-cookie'), null, path);
      const sources = [...html.matchAll(/<(?:script|link|img)\b[^>]*(?:src|href)="([^"]+)"/g)].map(
        ([, url]) => url,
      );
      assert.ok(sources.length > 0);
      for (const url of sources)
        assert.match(url ?? '', /^\/(?!\/)/, `${path} loads ${url} from its own origin`);
    }
  });
});

describe('/embed/zone-card', () => {
  test('a zone’s details in the language asked, with its municipalities', async () => {
    const { response, html } = await page('/embed/zone-card?zone=bxl-sud&lang=en&heading-level=3');
    assert.equal(response.status, 200);
    assert.match(html, /<h3 class="zone-name">South<\/h3>/);
    assert.ok(html.includes(`<dt>${TRANSLATIONS.en.zone.municipalities}</dt>`));
    // A Brussels municipality has no English name: in French, marked as such, as the widget does.
    assert.match(html, /<li><span lang="fr">Ixelles<\/span><\/li>/);
  });

  test('no zone, or one that does not exist: the card’s message', async () => {
    const none = await page('/embed/zone-card?lang=fr');
    assert.ok(none.html.includes(TRANSLATIONS.fr.zoneCard.noZone));
    const unknown = await page('/embed/zone-card?lang=nl&zone=atlantis');
    assert.equal(unknown.response.status, 404);
    assert.ok(textOf(unknown.html).includes(TRANSLATIONS.nl.zoneCard.unknownZone('atlantis')));
  });
});

describe('/embed/news', () => {
  let opened: TestApp;
  before(async () => {
    opened = await createTestApp([BUILTIN_PACK_DIR, REFERENCE_PACK_DIR].slice(0, 1));
    const tokens = await createTestStaffTokens(opened.storage.db);
    for (let i = 1; i <= 3; i++) {
      const response = await staffRequest(opened.app, 'POST', '/v1/news', tokens.sud, {
        title: `Nieuws ${i}`,
        summary: `Samenvatting ${i}`,
        bodyHtml:
          `<p>Tekst ${i}</p><p><img src="https://images.example/${i}.png" alt="Foto ${i}"></p>` +
          '<script>alert(1)</script><p><a href="https://example.be/meer">Meer</a></p>',
        language: 'nl',
        publishedAt: `2026-0${i}-01T10:00:00Z`,
        zones: ['bxl-sud'],
      });
      assert.equal(response.status, 201);
    }
  });
  after(() => opened?.close());

  test('a page of items with "more" by cursor; the next page holds the older items', async () => {
    const first = await page('/embed/news?lang=nl&zone=bxl-sud&limit=2', undefined, opened.app);
    assert.deepEqual(
      [...first.html.matchAll(/id="i\d-t">([^<]+)/g)].map(([, title]) => title),
      ['Nieuws 3', 'Nieuws 2'],
    );
    const more = first.html.match(/<a class="button secondary more" href="([^"]+)">([^<]+)/);
    assert.equal(more?.[2], 'Meer nieuws');
    const next = await page(
      (more?.[1] ?? '').replace(/&amp;/g, '&').replace(/#.*/, ''),
      undefined,
      opened.app,
    );
    assert.deepEqual(
      [...next.html.matchAll(/id="i\d-t">([^<]+)/g)].map(([, title]) => title),
      ['Nieuws 1'],
    );
    assert.doesNotMatch(next.html, /class="button secondary more"/);
  });

  test('a body opens in a disclosure, its images become links and nothing can run', async () => {
    const { html } = await page('/embed/news?lang=fr&zone=bxl-sud&limit=1', undefined, opened.app);
    assert.match(
      html,
      /<details><summary class="button secondary" aria-describedby="i0-t">Lire la suite<\/summary>/,
    );
    assert.match(
      html,
      /<a href="https:\/\/images\.example\/3\.png" rel="noopener noreferrer" target="_blank">Foto 3<\/a>/,
    );
    assert.doesNotMatch(html, /<img|<script>alert/);
    assert.match(
      html,
      /<h2 class="title" id="i0-t" lang="nl">Nieuws 3<\/h2>/,
      'Dutch items on a French page are marked',
    );
  });
});

test('the session request form is the catalogue’s', async () => {
  // Only that it is there in the page's language: its own suite (session-request-page.test.ts) drives it.
  const { response, html } = await page('/embed/session-request?lang=de&zone=bxl-sud');
  assert.equal(response.status, 200);
  assert.ok(html.includes(SESSION_REQUEST_TRANSLATIONS.de.title));
});
