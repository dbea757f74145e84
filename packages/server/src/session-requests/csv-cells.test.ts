import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { neutraliseFormula, spreadsheetCsv } from './csv-cells.js';

describe('neutraliseFormula', () => {
  test('puts an apostrophe before a formula at the start of the cell and of every line in it', () => {
    const cases: [string, string][] = [
      ['=1+1', "'=1+1"],
      ['\t=1+1', "'\t=1+1"],
      ['\r@SUM(A1)', "'\r'@SUM(A1)"],
      ["ACME\n=cmd|' /C calc'!A0", "ACME\n'=cmd|' /C calc'!A0"],
      ['ACME\r@SUM(A1)', "ACME\r'@SUM(A1)"],
      ['ACME\r\n+1+1', "ACME\r\n'+1+1"],
      ['line\n\t-1', "line\n'\t-1"],
      ['\uFF1D1+1', "'\uFF1D1+1"],
      ['\u0000=1', "'\u0000=1"],
    ];
    for (const [cell, expected] of cases)
      assert.equal(neutraliseFormula(cell), expected, JSON.stringify(cell));
  });

  test('leaves text alone that no spreadsheet runs', () => {
    for (const cell of ['', 'CPAS de Forest', 'a = b', 'Bonjour,\nNous aimerions une séance.', "'=quoted"]) {
      assert.equal(neutraliseFormula(cell), cell);
    }
  });
});

describe('spreadsheetCsv', () => {
  const columns = [
    { key: 'a', header: 'A' },
    { key: 'b', header: 'B' },
  ] as const;
  const csvOf = (a: string, delimiter = ',') => spreadsheetCsv(columns, [{ a, b: 'x' }], delimiter);

  test('quotes a cell with a CR, LF, TAB, the delimiter or a quote, and no other', () => {
    assert.equal(csvOf('plain'), '\uFEFFA,B\r\nplain,x\r\n');
    for (const [cell, quoted] of [
      ['a\nb', '"a\nb"'],
      ['a\rb', '"a\rb"'],
      ['a\r\nb', '"a\r\nb"'],
      ['a\tb', '"a\tb"'],
      ['a,b', '"a,b"'],
      ['say "hi"', '"say ""hi"""'],
    ]) {
      assert.equal(csvOf(cell ?? ''), `\uFEFFA,B\r\n${quoted},x\r\n`, JSON.stringify(cell));
    }
    assert.equal(csvOf('a;b', ';'), '\uFEFFA;B\r\n"a;b";x\r\n');
    assert.equal(csvOf('a;b', ','), '\uFEFFA,B\r\na;b,x\r\n');
  });
});
