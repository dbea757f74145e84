// The example pages are what a site pastes: plain HTML that must run under a strict CSP (so no
// inline script, inline style or event-handler attribute), load only the Carezone script from the
// server, and link only files that exist. Their behaviour in Chromium is the end-to-end suite's
// (tests/e2e).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { REPO_ROOT } from '../helpers.js';

const EXAMPLES = join(REPO_ROOT, 'examples');
const PAGES = [
  'index.html',
  'municipal-page/index.html',
  'network-page/index.html',
  'request-page/index.html',
  'news-page/index.html',
  'cms-iframe-page/index.html',
];

const attributes = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((match) => match[1] ?? '');
const stylesheets = (html: string) =>
  [...html.matchAll(/<link rel="stylesheet" href="([^"]*)">/g)].map((match) => match[1] ?? '');

describe('example pages', () => {
  for (const page of PAGES) {
    test(`${page}: nothing inline, nothing from another origin, every linked file exists`, async () => {
      const html = await readFile(join(EXAMPLES, page), 'utf8');
      assert.match(html, /^<!doctype html>/i);
      assert.match(html, /<html lang="(nl|fr|en|de)">/);
      assert.doesNotMatch(html, /<style[\s>]/i, 'no <style> element');
      assert.doesNotMatch(html, /\sstyle=/i, 'no style attribute');
      assert.doesNotMatch(html, /\son[a-z]+=/i, 'no event-handler attribute');
      assert.doesNotMatch(html, /javascript:/i);
      for (const script of html.match(/<script\b[^>]*>/gi) ?? []) {
        assert.match(
          script,
          /^<script type="module" src="\/widgets\/carezone(-finder|-session-request|-news)?\.js">$/,
          script,
        );
      }
      assert.equal((html.match(/<script\b[^>]*>/gi) ?? []).length, (html.match(/<\/script>/gi) ?? []).length);
      assert.doesNotMatch(html.replace(/<script[^>]*><\/script>/gi, ''), /<script/i, 'no inline script');
      for (const url of [...attributes(html, 'href'), ...attributes(html, 'src')]) {
        assert.doesNotMatch(url, /^[a-z]+:|^\/\//i, `${page} links ${url}: only this server`);
        if (url.startsWith('#') || url.startsWith('/')) continue;
        const target = join(EXAMPLES, dirname(page), url);
        const file = url === '' || url.endsWith('/') || url === './' ? join(target, 'index.html') : target;
        assert.ok(existsSync(file), `${page} links ${url}, which does not exist`);
      }
    });
  }

  test('one shared base stylesheet, linked before each page’s own', async () => {
    const index = await readFile(join(EXAMPLES, 'index.html'), 'utf8');
    assert.deepEqual(stylesheets(index), ['examples.css']);
    for (const page of PAGES.filter((path) => path !== 'index.html')) {
      const html = await readFile(join(EXAMPLES, page), 'utf8');
      assert.deepEqual(stylesheets(html), ['../examples.css', 'site.css'], page);
    }
  });

  test('no grid column is wider than a 320 px viewport: every minmax() minimum is min(100%, …)', async () => {
    const files = [
      'examples.css',
      ...PAGES.filter((path) => path !== 'index.html').map((page) => join(dirname(page), 'site.css')),
    ];
    let checked = 0;
    for (const file of files) {
      const css = await readFile(join(EXAMPLES, file), 'utf8');
      for (const [call] of css.matchAll(/minmax\([^,]*,/g)) {
        checked++;
        assert.match(call, /^minmax\(\s*(min\(100%,|0[,\s]|auto|min-content)/, `${file}: ${call}`);
      }
    }
    assert.ok(checked >= 2, 'the layouts’ minmax() calls were found');
  });

  test('the municipal page: Dutch, clearly fictional, the finder preset and a zone card', async () => {
    const html = await readFile(join(EXAMPLES, 'municipal-page/index.html'), 'utf8');
    assert.match(html, /<html lang="nl">/);
    assert.match(html, /fictieve gemeente/);
    assert.match(
      html,
      /<carezone-finder id="finder" postcode="1082" layer="bxl-care-zones"><\/carezone-finder>/,
    );
    assert.match(html, /<carezone-zone-card id="zone-card" zone="bxl-nord"/);
    assert.match(html, /<script type="module" src="\/widgets\/carezone-finder\.js">/);
    // Theming: the shared base gives every widget the site's colour, the page sets that colour and
    // styles the widgets further (corners, a part).
    const base = await readFile(join(EXAMPLES, 'examples.css'), 'utf8');
    assert.match(base, /--carezone-color-accent: var\(--site-accent\)/, 'the base themes the widgets');
    const css = await readFile(join(EXAMPLES, 'municipal-page/site.css'), 'utf8');
    assert.match(css, /--site-accent:/, 'the page sets its colour');
    assert.match(css, /--carezone-radius:/, 'shows theming');
    assert.match(css, /carezone-zone-card::part\(zone-name\)/, 'styles a part');
  });

  test('the request page: a finder and a form that follows it, with one script tag', async () => {
    const html = await readFile(join(EXAMPLES, 'request-page/index.html'), 'utf8');
    assert.match(html, /<html lang="nl">/);
    assert.match(html, /fictief/);
    assert.match(html, /<carezone-finder id="finder" lang="nl"[^>]*><\/carezone-finder>/);
    assert.match(
      html,
      /<carezone-session-request id="request" lang="nl" zone-source="#finder"><\/carezone-session-request>/,
    );
    assert.equal((html.match(/<script\b/gi) ?? []).length, 1, 'one script tag');
    assert.match(html, /<script type="module" src="\/widgets\/carezone\.js">/);
    const index = await readFile(join(EXAMPLES, 'index.html'), 'utf8');
    assert.match(index, /href="request-page\/"/, 'linked from the examples index');
    const css = await readFile(join(EXAMPLES, 'request-page/site.css'), 'utf8');
    assert.match(css, /carezone-session-request:not\(:defined\)/, 'reserves the form’s space');
  });

  test('the news page: a finder, a feed that follows it and one zone’s compact headlines, one script tag', async () => {
    const html = await readFile(join(EXAMPLES, 'news-page/index.html'), 'utf8');
    assert.match(html, /<html lang="nl">/);
    assert.match(html, /fictief/);
    assert.match(html, /<carezone-finder id="finder" lang="nl"[^>]*><\/carezone-finder>/);
    assert.match(html, /<carezone-news id="news" lang="nl" zone-source="#finder"[^>]*><\/carezone-news>/);
    assert.match(
      html,
      /<carezone-news id="news-zuid" lang="nl" zone="bxl-sud" layout="compact"[^>]*><\/carezone-news>/,
    );
    assert.equal((html.match(/<script\b/gi) ?? []).length, 1, 'one script tag');
    assert.match(html, /<script type="module" src="\/widgets\/carezone\.js">/);
    const index = await readFile(join(EXAMPLES, 'index.html'), 'utf8');
    assert.match(index, /href="news-page\/"/, 'linked from the examples index');
    const css = await readFile(join(EXAMPLES, 'news-page/site.css'), 'utf8');
    assert.match(css, /carezone-news:not\(:defined\)/, 'reserves the feeds’ space');
  });

  test('the CMS page: no script at all, three named embed iframes that its CSS sizes', async () => {
    const html = await readFile(join(EXAMPLES, 'cms-iframe-page/index.html'), 'utf8');
    assert.match(html, /<html lang="nl">/);
    assert.match(html, /fictieve gemeente/);
    assert.doesNotMatch(html, /<script/i, 'no script element: the CMS strips them');
    const frames = html.match(/<iframe\b[^>]*>/gi) ?? [];
    const embeds = frames.map((frame) => {
      assert.match(frame, /\sdata-carezone-embed[\s>]/, frame);
      assert.match(frame, /\stitle="[^"]{10,}"/, `${frame}: an accessible name`);
      const src = attributes(frame, 'src')[0]?.replaceAll('&amp;', '&') ?? '';
      const url = new URL(src, 'http://carezone.test');
      assert.equal(url.origin, 'http://carezone.test', `${src}: on the page's own server`);
      assert.equal(url.searchParams.get('lang'), 'nl', `${src}: in the page's language`);
      return {
        path: url.pathname,
        zone: url.searchParams.get('zone'),
        className: attributes(frame, 'class')[0],
      };
    });
    assert.deepEqual(
      embeds.map(({ path, zone }) => [path, zone]),
      [
        ['/embed/finder', null],
        ['/embed/news', 'bxl-sud'],
        ['/embed/session-request', 'bxl-sud'],
      ],
    );
    const css = await readFile(join(EXAMPLES, 'cms-iframe-page/site.css'), 'utf8');
    assert.match(css, /iframe\[data-carezone-embed\] \{[^}]*frame-sizing: content-height;/);
    for (const { className } of embeds) {
      assert.ok(className, 'each frame has a class for its height');
      assert.match(
        css,
        new RegExp(`\\.${className} \\{\\s*min-height: \\d+rem;`),
        `${className}: a fallback height`,
      );
    }
    const index = await readFile(join(EXAMPLES, 'index.html'), 'utf8');
    assert.match(index, /href="cms-iframe-page\/"/, 'linked from the examples index');
  });

  test('the network page: a Dutch and a French finder with ids the end-to-end suite uses', async () => {
    const html = await readFile(join(EXAMPLES, 'network-page/index.html'), 'utf8');
    assert.match(html, /fictief/);
    // Under the page's h1: its zones' names are h2s (the French finder, under an h2, keeps 3).
    assert.match(html, /<carezone-finder id="finder-nl" lang="nl" heading-level="2"><\/carezone-finder>/);
    assert.match(html, /<carezone-finder id="finder-fr" lang="fr"><\/carezone-finder>/);
    assert.match(html, /<script type="module" src="\/widgets\/carezone\.js">/);
  });
});
