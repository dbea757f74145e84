import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { readChoice } from './embed-choice.js';
import { embedPath, snippetsOf } from './snippets.js';

const SOURCE = {
  origin: 'https://zones.example.be',
  version: '1.2.3',
  integrity: {
    'carezone-finder.js': 'sha384-FINDER',
    'carezone-news.js': 'sha384-NEWS',
    'carezone-embed.js': 'sha384-EMBED',
  },
};

test('the script form: the versioned bundle pinned by its hash, then the element with its settings', () => {
  const choice = readChoice(
    new URLSearchParams('widget=finder&language=fr&postcode=1050&layer=bxl-care-zones'),
    'nl',
  );
  const { script } = snippetsOf(choice, SOURCE, 'Trouver votre zone');
  assert.equal(
    script,
    '<script type="module" src="https://zones.example.be/widgets/1.2.3/carezone-finder.js" integrity="sha384-FINDER" crossorigin="anonymous"></script>\n' +
      '<carezone-finder lang="fr" layer="bxl-care-zones" postcode="1050"></carezone-finder>',
  );
});

test('a theme is one <style>, allowed by its hash in the policy lines', () => {
  const choice = readChoice(
    new URLSearchParams('widget=news&zone=bxl-sud&layout=cards&accent=%231D6B34&radius=square&font=serif'),
    'en',
  );
  const { script, csp } = snippetsOf(choice, SOURCE, 'News');
  const style = script.match(/<style>(.*)<\/style>/)?.[1] ?? '';
  assert.equal(
    style,
    'carezone-news { --carezone-color-accent: #1d6b34; --carezone-radius: 0; --carezone-font-family: Georgia, serif; }',
  );
  assert.match(script, /<carezone-news lang="en" zone="bxl-sud" layout="cards"><\/carezone-news>$/);
  const hash = createHash('sha256').update(style).digest('base64');
  assert.deepEqual(csp.split('\n'), [
    'script-src https://zones.example.be',
    'connect-src https://zones.example.be',
    `style-src 'sha256-${hash}'`,
    'frame-src https://zones.example.be',
  ]);
});

test('the iframe form: the embed page with the theme as parameters, and carezone-embed.js pinned', () => {
  const choice = readChoice(
    new URLSearchParams('widget=zone-card&zone=bxl-sud&language=de&accent=%23aa0000'),
    'nl',
  );
  const { iframe, link } = snippetsOf(choice, SOURCE, 'Zone "Süd" <x>');
  assert.equal(link, 'https://zones.example.be/embed/zone-card?lang=de&zone=bxl-sud&theme-accent=%23aa0000');
  assert.equal(
    iframe,
    `<iframe data-carezone-embed src="${link.replace(/&/g, '&amp;')}" title="Zone &quot;Süd&quot; &lt;x>" width="100%" height="380" loading="lazy"></iframe>\n` +
      '<script src="https://zones.example.be/widgets/1.2.3/carezone-embed.js" integrity="sha384-EMBED" crossorigin="anonymous" defer></script>',
  );
});

test('what a hand-edited link gets wrong falls back to the defaults; nothing of it reaches the code', () => {
  const choice = readChoice(
    new URLSearchParams(
      'widget=map&language=es&postcode=10500&zone=%22%3E%3Cscript%3E&accent=red;x&radius=huge',
    ),
    'fr',
  );
  assert.deepEqual(choice, {
    widget: 'finder',
    language: 'fr',
    postcode: undefined,
    zone: undefined,
    layer: undefined,
    layout: 'list',
    accent: '#0b5cad',
    radius: 'default',
    font: 'page',
  });
  assert.equal(embedPath(choice), '/embed/finder?lang=fr');
});

test('without a version (a folder of bundles outside the package) the code names no hash', () => {
  const choice = readChoice(new URLSearchParams('widget=finder'), 'nl');
  const { script } = snippetsOf(choice, { ...SOURCE, version: undefined }, 'x');
  assert.match(
    script,
    /^<script type="module" src="https:\/\/zones\.example\.be\/widgets\/carezone-finder\.js"><\/script>/,
  );
});
