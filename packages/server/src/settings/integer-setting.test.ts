import assert from 'node:assert/strict';
import { test } from 'node:test';
import { integerSettingFromEnv, parseIntegerSetting } from './integer-setting.js';

const PORT = { name: 'PORT', min: 0, max: 65535 };

test('digits within the range are read, spaces around them aside', () => {
  assert.equal(parseIntegerSetting('0', PORT), 0);
  assert.equal(parseIntegerSetting(' 8080 ', PORT), 8080);
  assert.equal(parseIntegerSetting('65535', PORT), 65535);
  assert.equal(parseIntegerSetting('007', PORT), 7);
});

test('anything else names the setting, its range and the value as written', () => {
  for (const text of [
    '',
    ' ',
    '-1',
    '65536',
    '80a',
    '0x10',
    '1e3',
    '1.0',
    '+80',
    '١٢',
    '99999999999999999999',
  ]) {
    assert.throws(
      () => parseIntegerSetting(text, PORT),
      { message: `PORT must be a whole number from 0 to 65535, not ${JSON.stringify(text)}` },
      JSON.stringify(text),
    );
  }
  assert.throws(() => parseIntegerSetting('0', { name: 'X_DAYS', min: 1, max: 10, unit: 'days' }), {
    message: 'X_DAYS must be a whole number of days from 1 to 10, not "0"',
  });
});

test('from the environment: unset and empty are undefined (the default), blank is refused', () => {
  assert.equal(integerSettingFromEnv({}, PORT), undefined);
  assert.equal(integerSettingFromEnv({ PORT: '' }, PORT), undefined);
  assert.equal(integerSettingFromEnv({ PORT: '3001' }, PORT), 3001);
  assert.throws(() => integerSettingFromEnv({ PORT: ' ' }, PORT), /^Error: PORT must be a whole number/);
});
