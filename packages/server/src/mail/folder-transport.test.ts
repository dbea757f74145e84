import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createFolderTransport, emlFileName } from './folder-transport.js';
import { parseEml } from './test-helpers/parse-eml.js';
import type { OutgoingMail } from './transport.js';

const mail = (subject: string): OutgoingMail => ({
  id: '0d6f4c9e-0b7e-4f57-a8a1-5b0f0e7f5d21',
  to: ['team@example.org'],
  language: 'nl',
  subject,
  text: 'Hallo',
  html: '<p>Hallo</p>',
});

describe('the .eml folder transport', () => {
  const root = mkdtemp(join(tmpdir(), 'carezone-eml-'));
  after(async () => rm(await root, { recursive: true, force: true }));

  test('writes one private RFC 5322 file per outbox row; sending again replaces it', async () => {
    const dir = join(await root, 'outbox-mail');
    const transport = createFolderTransport({ dir, from: 'Carezone <noreply@example.org>' });
    await transport.send(mail('Eerste poging'));
    await transport.send(mail('Tweede poging'));
    transport.close();
    assert.deepEqual(
      await readdir(dir),
      ['0d6f4c9e-0b7e-4f57-a8a1-5b0f0e7f5d21.eml'],
      'no temporary file left',
    );
    const file = join(dir, '0d6f4c9e-0b7e-4f57-a8a1-5b0f0e7f5d21.eml');
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.equal((await stat(dir)).mode & 0o777, 0o700);
    const parsed = parseEml(await readFile(file, 'utf8'));
    assert.equal(parsed.headers.subject, 'Tweede poging');
    assert.equal(parsed.headers['auto-submitted'], 'auto-generated');
    assert.equal(parsed.headers.from, 'Carezone <noreply@example.org>');
  });

  test('preparing the folder removes the unfinished files a killed writer left, and nothing else', async () => {
    const dir = join(await root, 'after-a-crash');
    await mkdir(dir, { recursive: true });
    const kept = ['0d6f4c9e-0b7e-4f57-a8a1-5b0f0e7f5d21.eml', 'notes.txt', '.eml.tmp', '.operator.tmp'];
    const leftovers = [
      '.0d6f4c9e-0b7e-4f57-a8a1-5b0f0e7f5d21.eml.0a1b2c3d4e5f.tmp',
      '.6c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f.eml.ffffffffffff.tmp',
    ];
    for (const name of [...kept, ...leftovers]) await writeFile(join(dir, name), 'Naam: Eloïse Dupont');
    const transport = createFolderTransport({ dir, from: 'Carezone <noreply@example.org>' });
    assert.deepEqual(await transport.prepare(), { removed: leftovers.length });
    assert.deepEqual((await readdir(dir)).sort(), [...kept].sort());
    // A second preparation is the same one: the folder is swept once per start.
    assert.deepEqual(await transport.prepare(), { removed: leftovers.length });
    transport.close();
  });

  test('an id is never used as a path', () => {
    assert.equal(emlFileName({ id: '../../etc/passwd' }), '______etc_passwd.eml');
  });
});
