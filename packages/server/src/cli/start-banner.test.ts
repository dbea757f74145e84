import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VERSION } from '../version.js';
import { bannerStream, startBanner } from './start-banner.js';

describe('the lines serve prints for a person', () => {
  test('name the address and port the server got, and where each part is', () => {
    assert.deepEqual(startBanner({ listening: 'http://127.0.0.1:41234', examples: true, widgets: true }), [
      `Carezone ${VERSION} is listening at http://127.0.0.1:41234.`,
      '  API                 http://127.0.0.1:41234/v1/  (try http://127.0.0.1:41234/v1/lookup?postcode=1050)',
      '  API reference       http://127.0.0.1:41234/docs',
      '  Examples            http://127.0.0.1:41234/examples/',
      '  Embed configurator  http://127.0.0.1:41234/embed/',
      '  Inbox               http://127.0.0.1:41234/inbox/',
      '  Inbox sign-in       npx carezone token create --zone <id> --label "…" (--all-zones for the network)',
      '  Widgets             http://127.0.0.1:41234/widgets/carezone.js',
      'Stop it with Ctrl+C.',
    ]);
  });

  test('leave out what is not served, and use the public URL when there is one', () => {
    const lines = startBanner({
      listening: 'http://0.0.0.0:3000',
      publicUrl: 'https://zorgzones.example.be',
      examples: false,
      widgets: false,
    });
    assert.equal(
      lines[0],
      `Carezone ${VERSION} is listening on every interface, port 3000, public at https://zorgzones.example.be.`,
    );
    assert.ok(lines.includes('  API reference       https://zorgzones.example.be/docs'), lines.join('\n'));
    assert.ok(lines.includes('  Inbox               https://zorgzones.example.be/inbox/'), lines.join('\n'));
    assert.ok(!lines.some((line) => /Examples|Widgets/.test(line)));
  });

  test('on every interface without a public URL, point at localhost', () => {
    const lines = startBanner({ listening: 'http://[::]:8080', examples: false, widgets: true });
    assert.ok(
      lines.includes('  Widgets             http://localhost:8080/widgets/carezone.js'),
      lines.join('\n'),
    );
  });

  test('go among the log when a person watches stdout, else to stderr so that stdout stays JSON', () => {
    assert.equal(bannerStream({ isTTY: true }), 'stdout');
    assert.equal(bannerStream({ isTTY: false }), 'stderr');
    assert.equal(bannerStream({}), 'stderr');
  });
});
