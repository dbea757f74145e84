import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rateLimitKey, UNKNOWN_ADDRESS } from './client-address.js';

test('an IPv4 address is counted by itself', () => {
  assert.equal(rateLimitKey('203.0.113.7'), '203.0.113.7');
  assert.notEqual(rateLimitKey('203.0.113.7'), rateLimitKey('203.0.113.8'));
});

test('an IPv6 address is counted by its /64, however it is written', () => {
  const key = rateLimitKey('2001:db8:1:2::10');
  assert.equal(key, '2001:db8:1:2::/64');
  for (const same of [
    '2001:db8:1:2:ffff:ffff:ffff:ffff',
    '2001:0DB8:0001:0002:0000:0000:0000:0001',
    '2001:db8:1:2::1%eth0',
    '2001:db8:1:2:0:0:203.0.113.7',
  ]) {
    assert.equal(rateLimitKey(same), key, same);
  }
  assert.equal(rateLimitKey('2001:db8:1:3::10'), '2001:db8:1:3::/64', 'the next /64 is another client');
  assert.equal(rateLimitKey('2001:db8::'), '2001:db8:0:0::/64');
  assert.equal(rateLimitKey('::1'), '0:0:0:0::/64');
});

test('an IPv4 address as a dual-stack socket reports it is the IPv4 address, not the /64 of all of them', () => {
  assert.equal(rateLimitKey('::ffff:203.0.113.7'), '203.0.113.7');
  assert.equal(rateLimitKey('::FFFF:cb00:7107'), '203.0.113.7');
  assert.notEqual(rateLimitKey('::ffff:203.0.113.7'), rateLimitKey('::ffff:198.51.100.7'));
});

test('what is not an IP address is counted as it is', () => {
  assert.equal(rateLimitKey(UNKNOWN_ADDRESS), UNKNOWN_ADDRESS);
  assert.equal(rateLimitKey('203.0.113.7:443'), '203.0.113.7:443');
  assert.equal(rateLimitKey('not:an::address::'), 'not:an::address::');
});
