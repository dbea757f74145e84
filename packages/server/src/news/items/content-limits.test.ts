import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { feedItems } from '../import/entries-to-items.js';
import type { ParsedFeed } from '../import/parsed-feed.js';
import { MAX_HTML_DEPTH, MAX_ITEM_CHARS, NewsContentError } from './content-limits.js';
import { htmlToText } from './plain-text.js';
import { prepareNewsItem } from './prepare-item.js';
import { sanitizeBody } from './sanitize-body.js';
import { summaryFromBody } from './summary.js';

const draft = (fields: Record<string, unknown>) =>
  prepareNewsItem({ sourceId: null, title: 'Bericht', zones: ['bxl-sud'], ...fields });

const refusal = (code: string, field: string | undefined) => (error: unknown) => {
  assert.ok(error instanceof NewsContentError, String(error));
  assert.equal(error.code, code);
  assert.equal(error.field, field);
  return true;
};

describe('news content limits', () => {
  test('HTML nested deeper than the limit is refused, naming the field', () => {
    // 199,998 characters: within the API's body limit, nested 66,666 elements deep.
    assert.throws(() => draft({ bodyHtml: '<p><b><i>'.repeat(22_222) }), refusal('too_deep', 'bodyHtml'));
    assert.throws(() => draft({ title: `${'<b>'.repeat(300)}Titel` }), refusal('too_deep', 'title'));
    assert.throws(() => draft({ summary: '<i>'.repeat(MAX_HTML_DEPTH + 1) }), refusal('too_deep', 'summary'));
    assert.throws(() => draft({ topics: ['ok', '<b>'.repeat(1_000)] }), refusal('too_deep', 'topics.1'));
    assert.throws(() => sanitizeBody('<div>'.repeat(80_000)), /nests elements more than 256 deep/);
    assert.throws(() => htmlToText('<p><b><i>'.repeat(80_000)), /nests elements more than 256 deep/);
  });

  test('nesting up to the limit stays, and unclosed paragraphs and list items do not count as nesting', () => {
    const deepest = `${'<blockquote>'.repeat(MAX_HTML_DEPTH)}Diep${'</blockquote>'.repeat(MAX_HTML_DEPTH)}`;
    assert.equal(draft({ bodyHtml: deepest }).bodyHtml, deepest);
    const paragraphs = draft({ bodyHtml: '<p>Alinea'.repeat(5_000) }).bodyHtml ?? '';
    assert.equal(paragraphs.match(/<p>/g)?.length, 5_000);
    const list = draft({ bodyHtml: `<ul>${'<li>Punt'.repeat(5_000)}</ul><p>Daarna</p>` }).bodyHtml ?? '';
    assert.equal(list.match(/<li>/g)?.length, 5_000);
    assert.match(list, /<\/ul><p>Daarna<\/p>$/);
    // Void elements never nest, however many.
    assert.ok(draft({ bodyHtml: `<p>${'regel<br>'.repeat(5_000)}</p>` }).bodyHtml);
  });

  test('an item longer than the limit in all is refused; one at the API’s field limits is not', () => {
    assert.throws(
      () => draft({ bodyHtml: 'x'.repeat(MAX_ITEM_CHARS), summary: 'Samenvatting' }),
      refusal('too_long', undefined),
    );
    assert.throws(() => draft({ bodyText: 'x'.repeat(MAX_ITEM_CHARS + 1) }), /over the limit of 250,000/);
    const atLimits = draft({
      title: 't'.repeat(300),
      summary: 's'.repeat(1_000),
      bodyHtml: `<p>${'woord '.repeat(33_332)}</p>`,
      author: 'a'.repeat(200),
    });
    assert.ok(atLimits.bodyHtml);
  });

  // These shapes once took time in the square of their size; tests/faults/hostile-feed.test.ts bounds
  // the time of a feed made of them. Here: what comes out.
  test('text and summaries of long, unclosed or furniture-like input', () => {
    const word = 'a'.repeat(200_000);
    assert.equal(summaryFromBody(`<p>${word}</p>`), `${'a'.repeat(299)}…`);
    assert.equal(summaryFromBody(`<p>${'0.'.repeat(100_000)}</p>`).length, 300);
    assert.equal(summaryFromBody(`<p>Info: ${'x@y.be '.repeat(30_000)}</p><p>Tekst.</p>`), 'Tekst.');
    assert.equal(htmlToText('<p '.repeat(60_000)), '');
    assert.equal(htmlToText(`a${'<br '.repeat(60_000)}`), 'a');
    assert.equal(draft({ bodyHtml: `<p>${'één twee drie. '.repeat(13_000)}</p>` }).summary.length, 299);
  });

  test('a feed’s item over the limits is skipped with its reason; the others are kept', () => {
    const feed: ParsedFeed = {
      format: 'rss',
      entries: [
        {
          id: 'urn:ok',
          title: 'Gewoon',
          contentHtml: '<p>Gewoon bericht.</p>',
          categories: [],
          suggestedZones: [],
        },
        {
          id: 'urn:deep',
          title: 'Diep',
          contentHtml: '<b>'.repeat(1_000),
          categories: [],
          suggestedZones: [],
        },
        {
          id: 'urn:long',
          title: 'Lang',
          contentText: 'x'.repeat(300_000),
          categories: [],
          suggestedZones: [],
        },
      ],
    };
    const { items, skipped } = feedItems(feed, 'https://feed.example/', {
      zones: ['bxl-sud'],
      knownZones: new Set(['bxl-sud']),
    });
    assert.deepEqual(
      items.map((item) => item.sourceId),
      ['urn:ok'],
    );
    assert.deepEqual(skipped, [
      { sourceId: 'urn:deep', reason: 'bodyHtml: its HTML nests elements more than 256 deep' },
      {
        sourceId: 'urn:long',
        reason:
          'the item has 300,004 characters (title, summary, body and the rest together), over the limit of 250,000',
      },
    ]);
  });
});
