import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isNoiseLine } from './noise-lines.js';
import { sanitizeBody, textToHtml } from './sanitize-body.js';
import { summaryFromBody, summaryFromText } from './summary.js';

test('noise lines of scraped pages are recognised in several languages', () => {
  for (const line of [
    '21 mrt',
    '3 février 2025',
    'Gepubliceerd op 12 januari 2024',
    '12/03/2024',
    'Delen',
    'Share',
    'Facebook10 Facebook Twitter Visit Us',
    'Partager sur Facebook LinkedIn',
    'Aantal weergaven: 1581',
    '123 keer bekeken',
    '1,204 views',
    'INFO: 03 620 15 69, greet@example.be',
    'Contact: zorgzone@example.be',
    'Bron en foto: gemeente Kalmthout',
    'Auteur: Sandrina Sangers',
    'IconClassfa-newspaper-o',
  ]) {
    assert.ok(isNoiseLine(line), line);
  }
  for (const line of [
    'Op 21 maart 2024 was er een infosessie van de Sociale Coördinatie van Elsene.',
    'Deel je ervaring met het team van de zorgzone en plan een infosessie.',
    'Neem voor meer informatie contact op met Carolien Neefjes of met het team van de zorgzone, zij helpen je graag verder.',
  ]) {
    assert.ok(!isNoiseLine(line), line);
  }
});

test('a derived summary skips noise and leading labels, and is cut at a word with an ellipsis', () => {
  const body = `<p>12 mei</p><p>Presentatie</p><p>Delen</p><p>${'Een zin over de zorgzone. '.repeat(20)}</p>`;
  const summary = summaryFromBody(body);
  assert.match(summary, /^Een zin over de zorgzone\./);
  assert.ok(summary.length <= 300);
  assert.ok(summary.endsWith('…'));
  assert.ok(!summary.includes('  '));
  assert.equal(summaryFromBody('<p>Kort.</p>'), 'Kort.');
});

test('a given summary becomes one line of plain text with entities decoded', () => {
  assert.equal(
    summaryFromText('<p>Caf&eacute; &amp; <b>zorg</b></p>\n<p>en meer</p>'),
    'Café & zorg en meer',
  );
  assert.equal(summaryFromText('&lt;script&gt;alert(1)&lt;/script&gt;tekst'), 'alert(1)tekst');
});

test('the allow-list keeps structure, fixes links and drops everything else', () => {
  assert.equal(
    sanitizeBody(
      '<h1 class="x">Titel</h1><p style="color:red">Tekst <a href="/pagina" target="_blank">link</a></p><img src="/foto.png" alt="Foto">',
      'https://zorg.example/nieuws/1',
    ),
    '<h2>Titel</h2><p>Tekst <a href="https://zorg.example/pagina" rel="noopener noreferrer">link</a></p>' +
      '<img src="https://zorg.example/foto.png" alt="Foto" />',
  );
  assert.equal(
    sanitizeBody('<img src="http://zorg.example/a.png"><a href="mailto:a@b.be">mail</a>'),
    '<a href="mailto:a@b.be" rel="noopener noreferrer">mail</a>',
  );
  assert.equal(textToHtml('Een <b>\n\nTwee\nDrie'), '<p>Een &lt;b&gt;</p>\n<p>Twee<br />Drie</p>');
});
