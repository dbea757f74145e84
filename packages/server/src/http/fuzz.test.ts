import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LookupResult, PlaceList, Problem, ZoneList } from '@carezone/contract';
import { testAppAround } from '../test-helpers/app.js';

const app = testAppAround();

/** Raw (already percent-encoded where needed) values that have broken servers before. */
const NASTY = [
  '',
  ' ',
  'a'.repeat(10_000),
  '1'.repeat(5000),
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('1000; DROP TABLE session_requests;'),
  encodeURIComponent('<script>alert(1)</script>'),
  encodeURIComponent('"><img src=x onerror=alert(1)>'),
  encodeURIComponent('😀🇧🇪'),
  encodeURIComponent('\u202Eelsene'),
  encodeURIComponent('e\u0301lsene'),
  '%00',
  '%ED%A0%80', // a lone surrogate: invalid UTF-8
  '%E0%A4%A',
  '%ZZ',
  '%',
  '-1',
  '1e308',
  'NaN',
  'Infinity',
  '-0',
  '0x10',
  '1050.0',
  '[]',
  '{"$gt":""}',
  '..%2F..%2Fetc%2Fpasswd',
];

const ENDPOINTS: ((value: string) => string)[] = [
  (v) => `/v1/layers?x=${v}`,
  (v) => `/v1/zones?layer=${v}`,
  (v) => `/v1/zones?q=${v}`,
  (v) => `/v1/zones/${v}`,
  (v) => `/v1/zones/${v}/geometry`,
  (v) => `/v1/places?q=${v}`,
  (v) => `/v1/places?q=brussel&limit=${v}`,
  (v) => `/v1/places?q[]=${v}&q=${v}`,
  (v) => `/v1/lookup?postcode=${v}`,
  (v) => `/v1/lookup?nis=${v}`,
  (v) => `/v1/lookup?lat=${v}&lon=4.35`,
  (v) => `/v1/lookup?lat=50.85&lon=${v}`,
  (v) => `/v1/lookup?postcode=1000&layer=${v}`,
  (v) => `/v1/lookup?postcode=${v}&nis=${v}&lat=${v}`,
];

const SUCCESS_SCHEMAS: [RegExp, { safeParse(data: unknown): { success: boolean } }][] = [
  [/^\/v1\/places/, PlaceList],
  [/^\/v1\/lookup/, LookupResult],
  [/^\/v1\/zones\?/, ZoneList],
];

async function check(url: string) {
  const response = await app.request(url);
  assert.ok(response.status < 500, `${url.slice(0, 120)} answered ${response.status}`);
  const text = await response.text();
  if (response.status >= 400) {
    assert.equal(response.headers.get('content-type'), 'application/problem+json', url.slice(0, 120));
    const problem = Problem.safeParse(JSON.parse(text));
    assert.ok(problem.success, `${url.slice(0, 120)}: problem body`);
  } else {
    const schema = SUCCESS_SCHEMAS.find(([pattern]) => pattern.test(url))?.[1];
    if (schema) assert.ok(schema.safeParse(JSON.parse(text)).success, `${url.slice(0, 120)}: contract body`);
  }
  return response.status;
}

test('every endpoint answers nasty input with a 4xx problem or a valid body, never a 5xx', async () => {
  const statuses = new Map<number, number>();
  for (const endpoint of ENDPOINTS) {
    for (const value of NASTY) {
      const status = await check(endpoint(value));
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }
  // The corpus must reach the error paths, or this test would prove nothing.
  assert.ok((statuses.get(400) ?? 0) > 50, `400s: ${statuses.get(400)}`);
  assert.ok((statuses.get(404) ?? 0) > 10, `404s: ${statuses.get(404)}`);
});

test('random byte strings in every parameter never cause a 5xx', async () => {
  let seed = 20251;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed;
  };
  for (let i = 0; i < 300; i++) {
    const length = next() % 40;
    const bytes = Array.from({ length }, () => `%${(next() % 256).toString(16).padStart(2, '0')}`).join('');
    const endpoint = ENDPOINTS[next() % ENDPOINTS.length];
    assert.ok(endpoint);
    await check(endpoint(bytes));
  }
});

test('wrong methods and bodies on read-only endpoints are 4xx problems', async () => {
  for (const path of ['/v1/layers', '/v1/zones', '/v1/lookup?postcode=1000', '/v1/places?q=a']) {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await app.request(path, {
        method,
        body: '{"not":"json',
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(response.status, 405, `${method} ${path}`);
      assert.ok(Problem.safeParse(await response.json()).success);
    }
  }
});
