import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runInNewContext } from 'node:vm';
import {
  ApiError,
  CarezoneError,
  isAbortError,
  isApiError,
  isCarezoneError,
  isNetworkError,
  isResponseValidationError,
  isTimeoutError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
} from './errors.js';

const url = 'http://api.test/v1/layers';
const apiError = new ApiError({ type: 'x', title: 'Not found', status: 404, code: 'NOT_FOUND' }, 404, url);
const networkError = new NetworkError(url, new TypeError('fetch failed'));
const timeoutError = new TimeoutError(url, 100);
const validationError = new ResponseValidationError(url, 200, []);

describe('error classes', () => {
  test('each has its literal name and is a CarezoneError and an Error', () => {
    const errors = [apiError, networkError, timeoutError, validationError];
    assert.deepEqual(
      errors.map((error) => error.name),
      ['ApiError', 'NetworkError', 'TimeoutError', 'ResponseValidationError'],
    );
    for (const error of errors) {
      assert.ok(error instanceof CarezoneError && error instanceof Error);
      assert.ok(isCarezoneError(error));
      assert.equal(error.url, url);
    }
  });

  test('each guard accepts its own class only', () => {
    const guards = [isApiError, isNetworkError, isTimeoutError, isResponseValidationError];
    const errors = [apiError, networkError, timeoutError, validationError];
    const matrix = guards.map((guard) => errors.map((error) => guard(error)));
    assert.deepEqual(matrix, [
      [true, false, false, false],
      [false, true, false, false],
      [false, false, true, false],
      [false, false, false, true],
    ]);
  });

  test('guards recognise an error of another realm or copy of the SDK by brand and name', () => {
    const foreign = runInNewContext(
      `const error = new Error('x'); error.name = 'ApiError'; error[Symbol.for('@carezone/sdk.error')] = true; error`,
    );
    assert.ok(!(foreign instanceof ApiError));
    assert.ok(isApiError(foreign));
    assert.ok(!isTimeoutError(foreign));
  });

  test('look-alikes that are not SDK errors are refused', () => {
    assert.ok(!isTimeoutError(new DOMException('late', 'TimeoutError')));
    assert.ok(!isApiError(Object.assign(new Error('x'), { name: 'ApiError' })));
    assert.ok(!isCarezoneError(null));
    assert.ok(!isCarezoneError('ApiError'));
  });

  test('isAbortError matches the standard AbortError only', () => {
    assert.ok(isAbortError(new DOMException('stop', 'AbortError')));
    assert.ok(isAbortError(AbortSignal.abort().reason));
    assert.ok(!isAbortError(networkError));
    assert.ok(!isAbortError(undefined));
  });

  test('ApiError exposes empty errors and places when the problem has none', () => {
    assert.deepEqual(apiError.errors, []);
    assert.deepEqual(apiError.places, []);
    assert.equal(apiError.code, 'NOT_FOUND');
  });
});
