// The custom elements manifest that `npm run build` generates from the widgets' JSDoc
// (`cem analyze --litelement`, packages/widgets/custom-elements-manifest.config.mjs): editors,
// Storybook and documentation read the widgets' public surface from it.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { REPO_ROOT } from '../helpers.js';
import { CDN_DIR } from './built-bundles.js';

const WIDGETS_DIR = join(REPO_ROOT, 'packages', 'widgets');

interface Named {
  name: string;
  fieldName?: string;
  description?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Named[];
  members?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
interface Manifest {
  schemaVersion: string;
  modules: {
    path: string;
    declarations?: Declaration[];
    exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
  }[];
}

let manifest: Manifest;
before(async () => {
  const text = await readFile(join(WIDGETS_DIR, 'custom-elements.json'), 'utf8').catch(() => {
    throw new Error('packages/widgets/custom-elements.json is missing: run `npm run build` first');
  });
  manifest = JSON.parse(text) as Manifest;
});

function element(tagName: string): Declaration {
  const found = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((declaration) => declaration.tagName === tagName);
  assert.ok(found, `<${tagName}> is in the manifest`);
  return found;
}

const names = (items: Named[] | undefined) => (items ?? []).map((item) => item.name);

function assertIncludes(actual: string[], expected: string[], what: string): void {
  const missing = expected.filter((name) => !actual.includes(name));
  assert.deepEqual(missing, [], `${what}: missing ${missing.join(', ')} (has ${actual.join(', ')})`);
}

describe('custom-elements.json', () => {
  test('the package points to it and the bundles folder carries a copy for /widgets/', async () => {
    const pkg = JSON.parse(await readFile(join(WIDGETS_DIR, 'package.json'), 'utf8')) as {
      customElements?: string;
    };
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.equal(manifest.schemaVersion.split('.')[0], '1');
    assert.deepEqual(JSON.parse(await readFile(join(CDN_DIR, 'custom-elements.json'), 'utf8')), manifest);
  });

  test('<carezone-finder>: attributes, parts, custom properties and its event', () => {
    const finder = element('carezone-finder');
    assert.equal(finder.name, 'CarezoneFinder');
    assert.equal(finder.customElement, true);
    assertIncludes(
      names(finder.attributes),
      ['api', 'lang', 'layer', 'postcode', 'nis', 'placeholder', 'remember', 'heading-level'],
      'finder attributes',
    );
    assert.deepEqual(
      names(finder.events),
      ['carezone-zone-change'],
      'finder events: exactly the documented one',
    );
    assertIncludes(
      names(finder.cssParts),
      ['base', 'input', 'listbox', 'option', 'zone', 'zone-name', 'error', 'retry-button'],
      'finder parts',
    );
    assertIncludes(
      names(finder.cssProperties),
      ['--carezone-color-accent', '--carezone-font-family', '--carezone-radius', '--carezone-spacing'],
      'finder custom properties',
    );
  });

  test('<carezone-zone-card>: attributes, parts and custom properties', () => {
    const card = element('carezone-zone-card');
    assert.equal(card.name, 'CarezoneZoneCard');
    assertIncludes(names(card.attributes), ['api', 'lang', 'zone', 'heading-level'], 'zone card attributes');
    assertIncludes(
      names(card.cssParts),
      ['base', 'zone', 'zone-name', 'contact', 'contact-unknown', 'loading', 'error', 'retry-button'],
      'zone card parts',
    );
    assertIncludes(names(card.cssProperties), ['--carezone-color-accent'], 'zone card custom properties');
  });

  test('<carezone-session-request>: attributes, events, parts and custom properties', () => {
    const form = element('carezone-session-request');
    assert.equal(form.name, 'CarezoneSessionRequest');
    assert.equal(form.customElement, true);
    assertIncludes(
      names(form.attributes),
      ['api', 'lang', 'zone', 'zone-source', 'layer'],
      'form attributes',
    );
    assert.deepEqual(
      names(form.events).sort(),
      ['carezone-submit-error', 'carezone-submit-success'],
      'form events: exactly the two documented ones',
    );
    assertIncludes(
      names(form.cssParts),
      [
        'base',
        'form',
        'error-summary',
        'field',
        'field-error',
        'finder',
        'submit-button',
        'error',
        'reference',
      ],
      'form parts',
    );
    assertIncludes(
      names(form.cssProperties),
      ['--carezone-color-accent', '--carezone-color-danger', '--carezone-spacing'],
      'form custom properties',
    );
  });

  test('<carezone-news>: attributes, parts, custom properties and no events', () => {
    const news = element('carezone-news');
    assert.equal(news.name, 'CarezoneNews');
    assert.equal(news.customElement, true);
    assertIncludes(
      names(news.attributes),
      [
        'api',
        'lang',
        'zone',
        'zone-source',
        'layer',
        'topic',
        'news-lang',
        'limit',
        'layout',
        'heading-level',
      ],
      'news attributes',
    );
    assert.deepEqual(names(news.events), [], 'news events: none');
    assertIncludes(
      names(news.cssParts),
      [
        'base',
        'list',
        'item',
        'title',
        'date',
        'zone-badge',
        'summary',
        'read-more',
        'body',
        'source-link',
        'load-more',
        'feeds',
        'loading',
        'error',
        'retry-button',
        'message',
      ],
      'news parts',
    );
    assertIncludes(
      names(news.cssProperties),
      ['--carezone-color-accent', '--carezone-color-muted', '--carezone-spacing'],
      'news custom properties',
    );
  });

  test('every element documents exactly the custom properties its theme reads', async () => {
    const theme = await readFile(join(WIDGETS_DIR, 'src', 'internal', 'theme.styles.ts'), 'utf8');
    const read = [...new Set(theme.match(/--carezone-[a-z-]+/g))].sort();
    assert.ok(read.length >= 10, `the theme reads ${read.length} custom properties`);
    for (const tag of [
      'carezone-finder',
      'carezone-zone-card',
      'carezone-session-request',
      'carezone-news',
    ]) {
      const documented = names(element(tag).cssProperties);
      assert.deepEqual([...documented].sort(), read, `<${tag}> custom properties`);
      assert.ok(
        element(tag).cssProperties?.every((property) => property.description),
        `<${tag}>: each custom property is described`,
      );
    }
  });

  test('every element is a file a newcomer reads in one go: at most 300 lines', async () => {
    const files = manifest.modules
      .filter((module) => module.declarations?.some((declaration) => declaration.tagName))
      .map((module) => module.path);
    assert.equal(files.length, 4, `one file per element: ${files.join(', ')}`);
    for (const path of files) {
      const lines = (await readFile(join(WIDGETS_DIR, path), 'utf8')).split('\n').length - 1;
      assert.ok(lines <= 300, `${path}: ${lines} lines; move logic to a controller beside it`);
    }
  });

  test('internal reactive state is not public surface', () => {
    for (const tag of [
      'carezone-finder',
      'carezone-zone-card',
      'carezone-session-request',
      'carezone-news',
    ]) {
      const declaration = element(tag);
      for (const attribute of names(declaration.attributes)) {
        assert.doesNotMatch(attribute, /^_/, `<${tag}> attribute ${attribute}`);
      }
    }
  });

  test('each define entry lists the tags it registers, and nothing else defines a tag', () => {
    const definitions = manifest.modules.flatMap((module) =>
      (module.exports ?? [])
        .filter((entry) => entry.kind === 'custom-element-definition')
        .map((entry) => `${module.path}: ${entry.name} → ${entry.declaration.name}`),
    );
    assert.deepEqual(definitions.sort(), [
      'src/define/carezone-finder.ts: carezone-finder → CarezoneFinder',
      'src/define/carezone-finder.ts: carezone-zone-card → CarezoneZoneCard',
      'src/define/carezone-news.ts: carezone-news → CarezoneNews',
      'src/define/carezone-session-request.ts: carezone-finder → CarezoneFinder',
      'src/define/carezone-session-request.ts: carezone-session-request → CarezoneSessionRequest',
      'src/define/carezone.ts: carezone-finder → CarezoneFinder',
      'src/define/carezone.ts: carezone-news → CarezoneNews',
      'src/define/carezone.ts: carezone-session-request → CarezoneSessionRequest',
      'src/define/carezone.ts: carezone-zone-card → CarezoneZoneCard',
    ]);
    const paths = manifest.modules.map((module) => module.path);
    assert.ok(
      paths.every((path) => !/\.test\.ts$|test-helpers|\.stories\.ts$/.test(path)),
      'tests, test helpers and stories are left out',
    );
  });
});
