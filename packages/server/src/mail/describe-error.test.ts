import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDeliveryError } from './describe-error.js';

test('a delivery error keeps its code and reply, but no address', () => {
  const error = Object.assign(
    new Error('Message failed: 550 5.1.1 <jan.peeters@example.org>: unknown user'),
    {
      code: 'EMESSAGE',
      responseCode: 550,
    },
  );
  assert.equal(
    describeDeliveryError(error),
    'EMESSAGE 550: Message failed: 550 5.1.1 <<address>>: unknown user',
  );
  assert.equal(describeDeliveryError('plain failure'), 'plain failure');
});
