import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGUAGES } from '@carezone/contract';
import { MAIL_TEXTS } from './index.js';

/** Every leaf of a texts object as `path → value`, functions called with recognisable arguments. */
function leaves(value: unknown, path = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value === 'string') found.set(path, value);
  else if (typeof value === 'function') {
    const args = Array.from({ length: value.length }, (_, index) => `«ARG${index}»`);
    found.set(`${path}(${value.length})`, String((value as (...a: string[]) => unknown)(...args)));
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [leaf, text] of leaves(child, path ? `${path}.${key}` : key)) found.set(leaf, text);
    }
  } else found.set(path, `not a text: ${String(value)}`);
  return found;
}

describe('mail texts', () => {
  const reference = leaves(MAIL_TEXTS.en);

  test('every language Carezone speaks has e-mail texts', () => {
    assert.deepEqual(Object.keys(MAIL_TEXTS).sort(), [...LANGUAGES].sort());
  });

  for (const language of LANGUAGES) {
    test(`${language} has every text, none empty, each using its arguments`, () => {
      const texts = leaves(MAIL_TEXTS[language]);
      assert.deepEqual([...texts.keys()].sort(), [...reference.keys()].sort(), 'the same texts as English');
      for (const [path, text] of texts) {
        assert.ok(text.trim() !== '', `${language} ${path} is empty`);
        assert.ok(!/undefined|\[object/.test(text), `${language} ${path}: ${text}`);
        const arity = Number(/\((\d+)\)$/.exec(path)?.[1] ?? 0);
        for (let index = 0; index < arity; index++) {
          assert.ok(text.includes(`«ARG${index}»`), `${language} ${path} leaves out argument ${index}`);
        }
      }
    });
  }

  test('languages are not copies of each other', () => {
    for (const language of LANGUAGES.filter((other) => other !== 'en')) {
      const texts = leaves(MAIL_TEXTS[language]);
      const same = [...reference].filter(([path, text]) => texts.get(path) === text && text.length > 12);
      assert.deepEqual(
        same,
        [],
        `${language} repeats the English of ${same.map(([path]) => path).join(', ')}`,
      );
    }
  });
});
