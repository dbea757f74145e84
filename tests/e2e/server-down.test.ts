// The server goes away while a visitor uses the finders of the network page, then comes back on the same
// address: each finder shows a translated error with a retry button, and the retry works once the server
// answers again. One cycle for the file (a server start from source costs seconds): the Dutch finder asks
// for a typed postcode, the French one for a typed name.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  assertBuilt,
  type E2EServer,
  type FinderParts,
  finderParts,
  freePort,
  launchBrowser,
  type OpenedPage,
  openPage,
  startServer,
  waitForText,
} from './harness.js';

let browser: Browser;
let server: E2EServer | undefined;
let port: number;
let opened: OpenedPage;
let nl: FinderParts;
let fr: FinderParts;

before(async () => {
  assertBuilt();
  port = await freePort();
  [server, browser] = await Promise.all([startServer(port), launchBrowser()]);
  opened = await openPage(browser);
  await opened.page.goto(`${server.url}/examples/network-page/`);
  nl = finderParts(opened.page.locator('#finder-nl'));
  fr = finderParts(opened.page.locator('#finder-fr'));
  await nl.input.waitFor();
  await fr.input.waitFor();
  await server.stop();
});
after(async () => {
  await opened?.close();
  await browser?.close();
  await server?.stop();
});

describe('the server stops while the page is open', () => {
  test('a search shows a translated error with a retry button, and no zone', async () => {
    await nl.input.focus();
    await nl.input.pressSequentially('1082', { delay: 15 });
    await nl.input.press('Enter');
    await fr.input.focus();
    await fr.input.pressSequentially('Jette', { delay: 15 });
    await fr.input.press('Enter');

    assert.match(
      await waitForText(nl.alert, /niet bereikbaar/, 20_000),
      /De dienst is niet bereikbaar/,
      'Dutch: the service cannot be reached',
    );
    assert.match(
      await waitForText(fr.alert, /injoignable/, 20_000),
      /Le service est injoignable/,
      'French: the service cannot be reached',
    );
    assert.equal((await nl.retry.innerText()).trim(), 'Opnieuw proberen');
    assert.equal((await fr.retry.innerText()).trim(), 'Réessayer');
    assert.ok(await nl.retry.isVisible());
    assert.ok(await fr.retry.isVisible());
    assert.equal(await nl.zoneNames.count(), 0);
    assert.equal(await fr.zoneNames.count(), 0);
    assert.deepEqual(opened.recording.pageErrors, [], 'a failure is shown, not thrown');
  });

  describe('and comes back on the same address', () => {
    before(async () => {
      server = await startServer(port);
    });

    test('retry after a typed postcode (1082) shows its zone', async () => {
      await nl.retry.click();
      await waitForText(nl.zoneNames, /Noord/);
      assert.equal(await nl.alert.count(), 0, 'the error is gone');
      assert.match(await nl.result.innerText(), /Sint-Agatha-Berchem/);
    });

    test('retry after a typed name (Jette) shows its zone', async () => {
      await fr.retry.click();
      await waitForText(fr.result, /Nord|Jette|comprenons/);
      assert.equal(await fr.alert.count(), 0, 'the error is gone');
      assert.match(
        await fr.result.innerText(),
        /Nord/,
        'Jette (21010) is zone Nord: the retry must look the name up, not judge it as a postcode',
      );
    });
  });
});
