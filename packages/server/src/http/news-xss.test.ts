import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { NewsItem, NewsPage } from '@carezone/contract';
import { parseFeed } from 'feedsmith';
import type { Hono } from 'hono';
import { importFeed } from '../news/import/import-feed.js';
import { referenceZoneIds } from '../news/test-helpers/news-storage.js';
import { unsafeParts, XSS_BODY, XSS_PAYLOADS } from '../news/test-helpers/xss-corpus.js';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { createStaffToken } from '../staff/tokens.js';
import type { Storage } from '../storage/storage.js';
import { createTestApp } from '../test-helpers/app.js';
import { staffRequest } from '../test-helpers/http.js';

/*
 * The XSS corpus through every way in (feed files in three formats, POST, PATCH), then every way
 * out (one item, the list, the three feeds): nothing that could run may come out.
 */

let app: Hono;
let storage: Storage;
let close: () => Promise<void>;
let dir = '';
let token = '';
const BASE = 'http://carezone.test';
const PAYLOAD_TITLE = '<script>alert(1)</script>Titel <img src=x onerror=alert(1)>';
const PAYLOAD_SUMMARY = '&lt;img src=x onerror=alert(1)&gt; <svg onload=alert(1)> samenvatting';
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Items whose body held the whole corpus: each must still show its harmless text. */
const CORPUS_MARKERS = ['payload 0', 'payload 3'];

function jsonFeedFile(): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'xss',
    items: [
      {
        id: 'https://xss.example/json-html',
        url: 'javascript:alert(1)',
        title: PAYLOAD_TITLE,
        summary: PAYLOAD_SUMMARY,
        content_html: XSS_BODY,
        image: 'javascript:alert(1)',
        authors: [{ name: '<img src=x onerror=alert(1)>Auteur' }],
        tags: ['<script>alert(1)</script>'],
      },
      { id: 'https://xss.example/json-text', title: 'text', content_text: XSS_BODY },
    ],
  });
}

const atomFeedFile = () => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>xss</title><id>urn:xss</id><updated>2025-01-01T00:00:00Z</updated>
<entry><id>https://xss.example/atom</id><title type="html">${escapeXml(PAYLOAD_TITLE)}</title>
<updated>2025-01-01T00:00:00Z</updated><link href="vbscript:msgbox(1)"/>
<summary type="html">${escapeXml(PAYLOAD_SUMMARY)}</summary>
<content type="html">${escapeXml(XSS_BODY)}</content></entry></feed>`;

const rssFeedFile = () => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>xss</title><link>https://xss.example/</link><description>x</description>
<item><guid>https://xss.example/rss</guid><title><![CDATA[${PAYLOAD_TITLE}]]></title><link>data:text/html,x</link>
<description><![CDATA[${XSS_BODY.replaceAll(']]>', '')}]]></description></item>
<item><guid>https://xss.example/rss-encoded</guid><title>encoded</title><description><![CDATA[${PAYLOAD_SUMMARY}]]></description>
<content:encoded><![CDATA[${XSS_BODY}]]></content:encoded></item></channel></rss>`;

const request = (method: string, path: string, body?: unknown) =>
  staffRequest(app, method, `${BASE}${path}`, token, body);

before(async () => {
  ({ app, storage, close } = await createTestApp([REFERENCE_PACK_DIR]));
  token = (await createStaffToken(storage.db, { zone: 'bxl-sud', label: 'Sud' })).token;
  dir = await mkdtemp(join(tmpdir(), 'carezone-xss-'));
  const knownZones = await referenceZoneIds();
  for (const [name, text] of [
    ['xss.json', jsonFeedFile()],
    ['xss.atom', atomFeedFile()],
    ['xss.rss', rssFeedFile()],
  ] as const) {
    await writeFile(join(dir, name), text);
    await importFeed(storage, join(dir, name), { zones: ['bxl-sud'], knownZones });
  }
  const posted = await request('POST', '/v1/news', {
    title: PAYLOAD_TITLE,
    summary: PAYLOAD_SUMMARY,
    bodyHtml: XSS_BODY,
    language: 'nl',
    zones: ['bxl-sud'],
    author: '<script>alert(1)</script>',
    topics: ['<img src=x onerror=alert(1)>'],
  });
  assert.equal(posted.status, 201);
  const clean = await request('POST', '/v1/news', {
    title: 'schoon',
    bodyHtml: '<p>ok</p>',
    language: 'nl',
    zones: ['bxl-sud'],
  });
  const { id } = NewsItem.parse(await clean.json());
  const patched = await request('PATCH', `/v1/news/${id}`, { bodyHtml: XSS_BODY, summary: PAYLOAD_SUMMARY });
  assert.equal(patched.status, 200);
});
after(async () => {
  await close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * No tag of a whole answer (JSON text, or XML with its HTML in CDATA) may be a dangerous element
 * or carry an event handler or a script URL. Escaped text ("&lt;script&gt;" shown as text) has
 * no tags and is harmless.
 */
function assertNoRunnableText(where: string, text: string) {
  assert.deepEqual(unsafeParts(text), [], where);
}

function assertSafeItem(where: string, item: NewsItem) {
  assert.deepEqual(unsafeParts(item.bodyHtml ?? ''), [], `${where}: body`);
  for (const [field, value] of Object.entries({
    title: item.title,
    summary: item.summary,
    author: item.author ?? '',
  })) {
    assert.ok(!value.includes('<'), `${where}: ${field} is plain text: ${value}`);
  }
  for (const topic of item.topics) assert.ok(!topic.includes('<'), `${where}: topic ${topic}`);
  assert.ok(item.image === null || item.image.startsWith('https://'), `${where}: image`);
  assert.ok(item.sourceUrl === null || /^https?:\/\//.test(item.sourceUrl), `${where}: source URL`);
}

test('every path stored the corpus items, which still show their harmless text', async () => {
  const { data } = NewsPage.parse(await (await app.request(`${BASE}/v1/news?limit=100`)).json());
  assert.equal(data.length, 7);
  // JSON html, JSON text, Atom, RSS description, RSS content:encoded, POST, PATCH.
  for (const item of data) {
    for (const marker of CORPUS_MARKERS)
      assert.ok(item.bodyHtml?.includes(marker), `${item.title}: ${marker}`);
  }
  // content_text is text: the corpus shows as escaped text, not as markup.
  const asText = data.find((item) => item.title === 'text');
  assert.ok(asText?.bodyHtml?.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
});

test('GET /v1/news and GET /v1/news/{id} carry no runnable payload', async () => {
  const response = await app.request(`${BASE}/v1/news?limit=100`);
  const text = await response.text();
  assertNoRunnableText('list', text);
  const { data } = NewsPage.parse(JSON.parse(text));
  for (const item of data) {
    assertSafeItem(`list ${item.title}`, item);
    const one = await (await app.request(`${BASE}/v1/news/${item.id}`)).text();
    assertNoRunnableText(`item ${item.title}`, one);
    assertSafeItem(`item ${item.title}`, NewsItem.parse(JSON.parse(one)));
  }
});

test('the three outgoing feeds carry no runnable payload', async () => {
  for (const format of ['json', 'atom', 'rss'] as const) {
    const text = await (await app.request(`${BASE}/v1/news/feed.${format}`)).text();
    assertNoRunnableText(`feed.${format}`, text);
    const parsed = parseFeed(format === 'json' ? JSON.parse(text) : text);
    const feed = parsed.feed as { items?: Record<string, unknown>[]; entries?: Record<string, unknown>[] };
    const entries = feed.items ?? feed.entries ?? [];
    assert.equal(entries.length, 7, `feed.${format}`);
    for (const entry of entries) {
      const html = [
        entry.content_html,
        entry.description,
        (entry.content as { value?: string } | undefined)?.value,
      ].filter((value): value is string => typeof value === 'string');
      for (const value of html) assert.deepEqual(unsafeParts(value), [], `feed.${format}`);
    }
  }
});

/** One item per payload and way in, each way in its own zone, so an unclosed tag hides no other payload. */
test('each payload alone, through every way in, comes out of every way out harmless', async () => {
  const knownZones = await referenceZoneIds();
  const single = (i: number) => `<p>before ${i}</p>${XSS_PAYLOADS[i]}`;
  const ids = XSS_PAYLOADS.map((_, i) => i);
  const files = {
    'single.json': JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'x',
      items: ids.map((i) => ({
        id: `https://single.example/json/${i}`,
        title: `json ${i}`,
        content_html: single(i),
      })),
    }),
    'single.atom': `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><id>urn:x</id><updated>2025-01-01T00:00:00Z</updated>${ids
      .map(
        (i) =>
          `<entry><id>https://single.example/atom/${i}</id><title>atom ${i}</title><updated>2025-01-01T00:00:00Z</updated><content type="html">${escapeXml(single(i))}</content></entry>`,
      )
      .join('')}</feed>`,
    'single.rss': `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><link>https://single.example/</link><description>x</description>${ids
      .map(
        (i) =>
          `<item><guid>https://single.example/rss/${i}</guid><title>rss ${i}</title><description><![CDATA[${single(i).replaceAll(']]>', '')}]]></description></item>`,
      )
      .join('')}</channel></rss>`,
  };
  const zones = {
    'single.json': 'bxl-nord',
    'single.atom': 'bxl-nord-est',
    'single.rss': 'bxl-sud-est',
  } as const;
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(dir, name), text);
    await importFeed(storage, join(dir, name), { zones: [zones[name as keyof typeof zones]], knownZones });
  }
  const network = (await createStaffToken(storage.db, { zone: null, label: 'Network' })).token;
  const asNetwork = (method: string, path: string, body: unknown) =>
    staffRequest(app, method, `${BASE}${path}`, network, body);
  for (const i of ids) {
    const base = { title: `post ${i}`, language: 'nl' };
    assert.equal(
      (await asNetwork('POST', '/v1/news', { ...base, bodyHtml: single(i), zones: ['bxl-centre-ouest'] }))
        .status,
      201,
    );
    const clean = await asNetwork('POST', '/v1/news', {
      ...base,
      bodyHtml: '<p>ok</p>',
      zones: ['elz-noord-limburg'],
    });
    const { id } = NewsItem.parse(await clean.json());
    assert.equal((await asNetwork('PATCH', `/v1/news/${id}`, { bodyHtml: single(i) })).status, 200);
  }
  for (const zone of ['bxl-nord', 'bxl-nord-est', 'bxl-sud-est', 'bxl-centre-ouest', 'elz-noord-limburg']) {
    const text = await (await app.request(`${BASE}/v1/news?zone=${zone}&limit=100`)).text();
    assertNoRunnableText(`list of ${zone}`, text);
    const { data } = NewsPage.parse(JSON.parse(text));
    assert.equal(data.length, XSS_PAYLOADS.length, zone);
    for (const item of data) {
      assertSafeItem(`${zone} ${item.title}`, item);
      assert.ok(item.bodyHtml?.includes('before '), `${zone} ${item.title}: its harmless text stays`);
      assertNoRunnableText(`${zone} item`, await (await app.request(`${BASE}/v1/news/${item.id}`)).text());
    }
    for (const format of ['json', 'atom', 'rss'] as const) {
      const feed = await (await app.request(`${BASE}/v1/news/feed.${format}?zone=${zone}`)).text();
      assertNoRunnableText(`feed.${format} of ${zone}`, feed);
      assert.ok(
        feed.includes('before 0') && feed.includes(`before ${XSS_PAYLOADS.length - 1}`),
        `feed.${format} of ${zone}`,
      );
    }
  }
});
