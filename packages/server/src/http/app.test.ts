import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LookupResult, PlaceList } from '@carezone/contract';
import { testAppAround } from '../test-helpers/app.js';
import { getProblem, problemOf } from '../test-helpers/http.js';

const app = testAppAround();

describe('HTTP API over the reference pack', () => {
  test('lookup by postcode answers the contract shape with ETag and Cache-Control', async () => {
    const response = await app.request('/v1/lookup?postcode=1082');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('etag') ?? '', /^W\/".+"$/);
    assert.match(response.headers.get('cache-control') ?? '', /public, max-age=\d+/);
    const result = LookupResult.parse(await response.json());
    assert.equal(result.ambiguous, false);
    assert.ok(result.matches.some((match) => match.zone.id === 'bxl-nord'));
  });

  test('a repeated GET with If-None-Match answers 304 without a body', async () => {
    const first = await app.request('/v1/zones/bxl-sud');
    const tag = first.headers.get('etag');
    assert.ok(tag);
    const second = await app.request('/v1/zones/bxl-sud', { headers: { 'if-none-match': tag } });
    assert.equal(second.status, 304);
    assert.equal(await second.text(), '');
    const strongForm = tag.replace(/^W\//, '');
    for (const header of [`"other", ${tag}`, strongForm, '*']) {
      const again = await app.request('/v1/zones/bxl-sud', { headers: { 'if-none-match': header } });
      assert.equal(again.status, 304, header);
    }
    const changed = await app.request('/v1/zones/bxl-sud', { headers: { 'if-none-match': 'W/"stale"' } });
    assert.equal(changed.status, 200);
    assert.equal(changed.headers.get('etag'), tag);
  });

  test('ambiguous postcodes return every candidate', async () => {
    for (const postcode of ['1000', '2000']) {
      const result = LookupResult.parse(await (await app.request(`/v1/lookup?postcode=${postcode}`)).json());
      assert.equal(result.ambiguous, true, postcode);
    }
    const result = LookupResult.parse(
      await (await app.request('/v1/lookup?postcode=1000&layer=bxl-care-zones')).json(),
    );
    assert.deepEqual(result.matches.map((match) => match.zone.id).sort(), ['bxl-centre-ouest', 'bxl-sud']);
  });

  test('a Walloon postcode is out of coverage and names the place found', async () => {
    const problem = await getProblem(app, '/v1/lookup?postcode=5000', 404);
    assert.equal(problem.code, 'OUT_OF_COVERAGE');
    assert.ok(problem.places?.some((place) => place.name.fr === 'Namur'));
    // Asked again, the answer comes from the cache of answers and must be the same.
    const again = await getProblem(app, '/v1/lookup?postcode=5000', 404);
    assert.deepEqual(again, problem);
    const first = await (await app.request('/v1/lookup?postcode=1000')).text();
    assert.equal(await (await app.request('/v1/lookup?postcode=1000')).text(), first);
    assert.notEqual(await (await app.request('/v1/lookup?postcode=1000&layer=elz')).text(), first);
  });

  test('unknown and malformed lookups are 404 UNKNOWN_PLACE and 400 INVALID_QUERY', async () => {
    assert.equal((await getProblem(app, '/v1/lookup?postcode=9999', 404)).code, 'UNKNOWN_PLACE');
    const problem = await getProblem(app, '/v1/lookup?postcode=abc', 400);
    assert.equal(problem.code, 'INVALID_QUERY');
    assert.equal(problem.errors?.[0]?.path, 'postcode');
    assert.equal(problem.errors?.[0]?.message, 'must be a postcode of 4 digits');
    assert.equal(problem.detail, 'postcode: must be a postcode of 4 digits');
    for (const query of [
      '',
      '?postcode=1000&lat=50.8&lon=4.3',
      '?lat=50.8',
      '?lat=91&lon=4',
      '?lat=50&lon=181',
      '?postcode=1000&layer=nope',
    ]) {
      assert.equal((await getProblem(app, `/v1/lookup${query}`, 400)).code, 'INVALID_QUERY', query);
    }
  });

  test('places search finds Dutch and French names', async () => {
    for (const q of ['Elsene', 'Ixelles']) {
      const list = PlaceList.parse(await (await app.request(`/v1/places?q=${q}`)).json());
      assert.equal(list.data[0]?.municipality.nis, '21009', q);
    }
  });

  test('a zone without polygon answers NO_GEOMETRY, an unknown zone NOT_FOUND', async () => {
    const geometry = await app.request('/v1/zones/elz-gent/geometry');
    assert.equal(geometry.status, 200);
    assert.equal(geometry.headers.get('content-type'), 'application/geo+json');
    assert.equal((await getProblem(app, '/v1/zones/nope/geometry', 404)).code, 'NOT_FOUND');
    assert.equal((await getProblem(app, '/v1/zones/nope', 404)).code, 'NOT_FOUND');
  });

  test('CORS lets any origin read, and preflight is answered', async () => {
    const response = await app.request('/v1/layers', { headers: { origin: 'https://www.example.be' } });
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const preflight = await app.request('/v1/lookup', {
      method: 'OPTIONS',
      headers: { origin: 'https://www.example.be', 'access-control-request-method': 'GET' },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /GET/);
    assert.equal(preflight.headers.get('access-control-max-age'), '86400');
    const withHeaders = await app.request('/v1/places', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://a.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'accept-language',
      },
    });
    assert.equal(withHeaders.headers.get('access-control-allow-headers'), 'accept-language');
    // Errors must be readable cross-origin too, or a widget could not show what went wrong.
    const problem = await app.request('/v1/lookup?postcode=abc', {
      headers: { origin: 'https://a.example' },
    });
    assert.equal(problem.status, 400);
    assert.equal(problem.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('access-control-expose-headers'), 'ETag');
  });

  test('unknown paths are 404 and wrong methods 405, both as problems that are not stored', async () => {
    const missing = await app.request('/v2/nothing');
    assert.equal(missing.headers.get('cache-control'), 'no-store');
    assert.equal((await problemOf(missing, 404)).code, 'NOT_FOUND');
    const wrongMethod = await app.request('/v1/zones', { method: 'DELETE' });
    assert.equal((await problemOf(wrongMethod, 405)).code, 'METHOD_NOT_ALLOWED');
  });

  test('health and readiness', async () => {
    assert.deepEqual(await (await app.request('/healthz')).json(), { status: 'ok' });
    const ready = await app.request('/readyz');
    assert.equal(ready.status, 200);
    const body = (await ready.json()) as { status: string; packs: { id: string }[]; storage: string };
    assert.equal(body.status, 'ready');
    assert.deepEqual(
      body.packs.map((pack) => pack.id),
      ['be-2025'],
    );
    assert.equal(body.storage, 'sqlite');
  });

  test('/docs renders the reference under a strict CSP, with every operation', async () => {
    const response = await app.request('/docs');
    assert.equal(response.status, 200);
    assert.match(
      response.headers.get('content-security-policy') ?? '',
      /default-src 'none'; script-src 'self';/,
    );
    const page = await response.text();
    // Listed for readers without JavaScript too; the renderer shows them from /openapi.json.
    for (const path of ['/v1/layers', '/v1/zones/{id}/geometry', '/v1/places', '/v1/lookup', '/healthz']) {
      assert.ok(page.includes(`<code>${path}</code>`), path);
    }
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    assert.ok(scripts.length > 0);
    for (const tag of scripts) {
      assert.match(
        tag,
        /^<script (?:src="\/docs\/assets\/[\w.-]+\.js" defer|id="[\w-]+" type="application\/json")>$/,
      );
    }
  });
});
