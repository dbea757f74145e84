import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { NewsItem } from '@carezone/contract';
import { XMLParser } from 'fast-xml-parser';
import { atomFeed, type FeedMeta, jsonFeed, latestDate, rssFeed } from './outgoing-feeds.js';

// What each spec requires of a feed, checked element by element: JSON Feed 1.1 (version, title;
// per item an id and content), Atom (RFC 4287: id, title, updated and an author for the feed; id,
// title, updated and a link or content per entry), RSS 2.0 (channel title, link, description; per
// item a title or a description). Undated items stay undated where the format allows it.

const meta: FeedMeta = {
  title: 'Carezone news',
  description: 'News of every care zone',
  selfUrl: 'https://zones.example/v1/news/feed',
  homeUrl: 'https://zones.example/v1/news',
  updated: '2026-03-02T10:00:00.000Z',
};
const item = (id: string, extra: Partial<NewsItem> = {}): NewsItem => ({
  id,
  title: `Infosessie ${id} — «zorg» & welzijn`,
  summary: 'Een korte samenvatting.',
  bodyHtml: '<p>De volledige tekst.</p>',
  language: 'nl',
  publishedAt: null,
  updatedAt: null,
  author: null,
  zones: ['bxl-sud'],
  topics: ['diabetes'],
  image: null,
  sourceUrl: null,
  ...extra,
});
const items = [
  item('a', { publishedAt: '2026-03-02T10:00:00.000Z', author: 'Zoneteam Zuid' }),
  item('b', { bodyHtml: null }),
];
const itemUrl = (id: string) => `https://zones.example/v1/news/${id}`;
const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['entry', 'item', 'author', 'link'].includes(name),
});
const text = (value: unknown) => String((value as { '#text'?: unknown })?.['#text'] ?? value ?? '').trim();

describe('outgoing feeds meet their specs', () => {
  test('JSON Feed 1.1', () => {
    const feed = JSON.parse(jsonFeed(meta, items, itemUrl));
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.title, meta.title);
    assert.equal(feed.feed_url, meta.selfUrl);
    for (const entry of feed.items) {
      assert.equal(typeof entry.id, 'string');
      assert.ok(entry.content_html || entry.content_text, 'content_html or content_text');
    }
    assert.equal(feed.items[1].date_published, undefined, 'no date invented');
    assert.deepEqual(feed.items[0].authors, [{ name: 'Zoneteam Zuid' }]);
    assert.deepEqual(JSON.parse(jsonFeed(meta, [], itemUrl)).items, [], 'items, required even when empty');
  });

  test('Atom (RFC 4287)', () => {
    const { feed } = xml.parse(atomFeed(meta, items, itemUrl));
    assert.equal(feed['@_xmlns'], 'http://www.w3.org/2005/Atom');
    for (const required of ['id', 'title', 'updated']) assert.ok(text(feed[required]), `feed ${required}`);
    const everyEntryHasAuthor = feed.entry.every((entry: { author?: unknown[] }) => entry.author?.length);
    assert.ok(feed.author?.length || everyEntryHasAuthor, 'an author for the feed or for every entry');
    assert.ok(
      feed.link.some(
        (link: Record<string, string>) => link['@_rel'] === 'self' && link['@_href'] === meta.selfUrl,
      ),
    );
    for (const entry of feed.entry) {
      for (const required of ['id', 'title', 'updated'])
        assert.ok(text(entry[required]), `entry ${required}`);
      assert.ok(entry.link?.length || entry.content, 'an alternate link or content');
      assert.ok(!Number.isNaN(Date.parse(text(entry.updated))), 'updated is a date');
    }
    assert.equal(text(feed.entry[0].title), 'Infosessie a — «zorg» & welzijn');
    assert.equal(feed.entry[1].published, undefined, 'no publication date invented');
  });

  test('RSS 2.0', () => {
    const { rss } = xml.parse(rssFeed(meta, items, itemUrl));
    assert.equal(rss['@_version'], '2.0');
    for (const required of ['title', 'link', 'description'])
      assert.ok(text(rss.channel[required]), `channel ${required}`);
    for (const entry of rss.channel.item) {
      assert.ok(text(entry.title) || text(entry.description), 'a title or a description');
      assert.equal(text(entry.guid), itemUrl(entry.guid['#text'].trim().split('/').pop()));
    }
    assert.match(text(rss.channel.item[0].pubDate), /^Mon, 02 Mar 2026 10:00:00 GMT$/);
    assert.equal(rss.channel.item[1].pubDate, undefined, 'no date invented');
  });

  test('the feed is as new as its newest dated item', () => {
    assert.equal(latestDate(items), '2026-03-02T10:00:00.000Z');
    assert.equal(latestDate([item('c')]), new Date(0).toISOString());
  });
});
