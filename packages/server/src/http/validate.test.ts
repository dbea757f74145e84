import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type FieldError, Problem } from '@carezone/contract';
import type { Hono } from 'hono';
import { REFERENCE_PACK_DIR } from '../packs/test-helpers/reference-pack.js';
import { sampleInput } from '../session-requests/test-helpers/sample-input.js';
import { createTestApp } from '../test-helpers/app.js';
import { postSessionRequest } from '../test-helpers/session-request-requests.js';

let app: Hono;
let close: () => Promise<void>;
before(async () => {
  ({ app, close } = await createTestApp([REFERENCE_PACK_DIR], {
    rateLimits: { perAddress: 'off', perZone: 'off' },
  }));
});
after(() => close());

/** The field errors of a form `POST /v1/session-requests` refuses with 422. */
async function fieldErrorsOf(body: unknown): Promise<FieldError[]> {
  const response = await postSessionRequest(app, body);
  assert.equal(response.status, 422);
  return Problem.parse(await response.json()).errors ?? [];
}

function messageAt(errors: FieldError[], path: string): string | undefined {
  return errors.find((error) => error.path === path)?.message;
}

describe('field errors of a session request body', () => {
  test('a field of the wrong type says what was expected and what came, not "is required"', async () => {
    const errors = await fieldErrorsOf({
      ...sampleInput(),
      organisation: null,
      topics: 'diabetes',
      contact: [],
      participants: '20',
      preferredPeriod: 42,
      message: true,
      otherTopic: { text: 'oral health' },
    });
    assert.deepEqual(
      Object.fromEntries(errors.map((error) => [error.path, `${error.code}: ${error.message}`])),
      {
        organisation: 'invalid_type: expected an object, got null',
        topics: 'invalid_type: expected an array, got a string',
        contact: 'invalid_type: expected an object, got an array',
        participants: 'invalid_type: expected a number, got a string',
        preferredPeriod: 'invalid_type: expected a string, got a number',
        message: 'invalid_type: expected a string, got a boolean',
        otherTopic: 'invalid_type: expected a string, got an object',
      },
    );
  });

  test('nested fields and list items too; a fraction is not a whole number', async () => {
    const errors = await fieldErrorsOf({
      ...sampleInput(),
      organisation: { name: 7, kind: 'school' },
      contact: { name: ['Anna'], email: 'anna@example.be' },
      topics: ['diabetes', 3],
      participants: 2.5,
    });
    assert.equal(messageAt(errors, 'organisation.name'), 'expected a string, got a number');
    assert.equal(messageAt(errors, 'contact.name'), 'expected a string, got an array');
    assert.equal(messageAt(errors, 'topics.1'), 'expected a string, got a number');
    assert.equal(messageAt(errors, 'participants'), 'expected a whole number, got a decimal number');
  });

  test('a field that is really missing is still "is required", whatever its kind', async () => {
    const { zone: _zone, contact: _contact, consent: _consent, ...rest } = sampleInput();
    const errors = await fieldErrorsOf({ ...rest, organisation: { name: 'OCMW Sint-Gillis' } });
    assert.deepEqual(
      errors.map(({ path, code, message }) => ({ path, code, message })),
      [
        { path: 'organisation.kind', code: 'invalid_value', message: 'is required' },
        { path: 'zone', code: 'invalid_type', message: 'is required' },
        { path: 'contact', code: 'invalid_type', message: 'is required' },
        { path: 'consent', code: 'invalid_value', message: 'is required' },
      ],
    );
  });

  test('a value outside a list still names the allowed values', async () => {
    const errors = await fieldErrorsOf({ ...sampleInput(), format: 'hybrid', consent: false });
    assert.equal(messageAt(errors, 'format'), 'must be one of "on-site", "online"');
    assert.equal(messageAt(errors, 'consent'), 'must be one of true');
  });
});
