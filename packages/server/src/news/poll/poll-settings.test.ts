import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { referenceZoneIds } from '../test-helpers/news-storage.js';
import {
  checkNewsSourceZones,
  DEFAULT_NEWS_POLL_MINUTES,
  newsPollSettingsFromEnv,
  parseNewsSources,
} from './poll-settings.js';

describe('news polling settings', () => {
  test('nothing configured: no sources, every 30 minutes', () => {
    assert.deepEqual(newsPollSettingsFromEnv({}), { sources: [], intervalMs: 30 * 60_000 });
    assert.equal(DEFAULT_NEWS_POLL_MINUTES, 30);
  });

  test('reads zone=URL entries and the interval', () => {
    const settings = newsPollSettingsFromEnv({
      CAREZONE_NEWS_SOURCES:
        ' bxl-sud=https://example.org/feed.xml , elz-x=http://b.example/rss?format=rss&x=1,',
      CAREZONE_NEWS_POLL_MINUTES: '5',
    });
    assert.deepEqual(settings, {
      sources: [
        { url: 'https://example.org/feed.xml', zones: ['bxl-sud'] },
        { url: 'http://b.example/rss?format=rss&x=1', zones: ['elz-x'] },
      ],
      intervalMs: 5 * 60_000,
    });
  });

  test('a URL listed for several zones is one source with all of them, however it is spelled', () => {
    assert.deepEqual(
      parseNewsSources(
        'bxl-sud=https://Example.org/feed.xml,bxl-nord=https://example.org:443/feed.xml,bxl-sud=https://example.org/feed.xml',
      ),
      [{ url: 'https://example.org/feed.xml', zones: ['bxl-sud', 'bxl-nord'] }],
    );
  });

  test('refuses entries that are not zone=URL, naming them', () => {
    const refused: [string, RegExp][] = [
      ['https://example.org/feed.xml', /"https:\/\/example.org\/feed.xml" is not zone=URL/],
      ['=https://example.org/feed.xml', /is not zone=URL/],
      ['BXL Sud=https://example.org/feed.xml', /"BXL Sud=https:\/\/example.org\/feed.xml" is not zone=URL/],
      ['bxl-sud=', /"bxl-sud=" is not zone=URL/],
      ['bxl-sud=https://example.org/my feed.xml', /is not zone=URL/],
      ['bxl-sud=example.org/feed.xml', /"bxl-sud=example.org\/feed.xml" does not hold a URL/],
      ['bxl-sud=ftp://example.org/feed.xml', /starts with https:\/\/ or http:\/\//],
      ['bxl-sud=file:///etc/passwd', /starts with https:\/\/ or http:\/\//],
    ];
    for (const [text, message] of refused) {
      assert.throws(() => parseNewsSources(text), message, text);
      assert.throws(() => parseNewsSources(text), /^Error: CAREZONE_NEWS_SOURCES: /, text);
    }
  });

  test('refuses credentials in a feed URL without repeating them', () => {
    assert.throws(
      () => parseNewsSources('bxl-sud=https://editor:s3cret@example.org/feed.xml'),
      (error: Error) => {
        assert.match(error.message, /URL of example.org holds a user name or password/);
        assert.doesNotMatch(error.message, /s3cret/);
        return true;
      },
    );
  });

  test('refuses an interval that is not a whole number of minutes from 1 to a week', () => {
    for (const minutes of ['0', '1.5', '-5', 'half an hour', '10081']) {
      assert.throws(
        () => newsPollSettingsFromEnv({ CAREZONE_NEWS_POLL_MINUTES: minutes }),
        /CAREZONE_NEWS_POLL_MINUTES must be a whole number of minutes from 1 to 10080/,
        minutes,
      );
    }
    assert.equal(newsPollSettingsFromEnv({ CAREZONE_NEWS_POLL_MINUTES: '10080' }).intervalMs, 10080 * 60_000);
  });

  test('a zone the loaded packs do not have stops the start, naming zone and feed', async () => {
    const known = await referenceZoneIds();
    const valid = newsPollSettingsFromEnv({
      CAREZONE_NEWS_SOURCES: 'bxl-sud=https://example.org/a.xml,elz-noorderkempen=https://example.org/b.xml',
    });
    assert.doesNotThrow(() => checkNewsSourceZones(valid, known));
    const unknown = newsPollSettingsFromEnv({
      CAREZONE_NEWS_SOURCES: 'bxl-sud=https://example.org/a.xml,bxl-zuid=https://example.org/a.xml',
    });
    assert.throws(
      () => checkNewsSourceZones(unknown, known),
      /CAREZONE_NEWS_SOURCES: unknown zone bxl-zuid for https:\/\/example.org\/a.xml/,
    );
  });
});
