import { stringify } from 'csv-stringify/sync';

/**
 * What makes a spreadsheet run a cell as a formula: = + - @ first (OWASP's CSV injection advice),
 * a TAB, CR or NUL first, which some strip before they look (OWASP ASVS 1.2.10), and the
 * full-width = + - @ that Apple Numbers folds into the plain ones.
 */
const FORMULA_START = /^[=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The line breaks a spreadsheet may start a new row at: the file's CRLF, and a bare CR or LF. */
const LINE_BREAK = /(\r\n|\r|\n)/;

/**
 * Spreadsheets run a cell that starts with = + - @ as a formula: "=HYPERLINK(…)" typed into a form
 * would run on the zone team's machine. A leading apostrophe makes it text, and shows the value
 * otherwise unchanged (OWASP's advice for CSV injection). Every line of a cell gets it, not only
 * the first: a reader that splits rows at a line break inside a cell (however quoted) would
 * otherwise start a row with what follows it. Phone numbers like "+32 …" get it too: harmless,
 * and safer than guessing which ones are numbers.
 */
export function neutraliseFormula(cell: string): string {
  // split() with a capturing group keeps the breaks at the odd indexes, the lines at the even.
  const lines = cell
    .split(LINE_BREAK)
    .map((part, index) => (index % 2 === 0 && FORMULA_START.test(part) ? `'${part}` : part))
    .join('');
  // A cell that opens with a line break (a CR) is itself a formula start to whoever strips it.
  return FORMULA_START.test(lines) ? `'${lines}` : lines;
}

/**
 * CSV for people who open it in a spreadsheet (RFC 4180: header row, CRLF), every cell neutralised.
 * A cell holding a CR, LF or TAB is quoted as well as one holding the delimiter or a quote:
 * csv-stringify, given CRLF as the record delimiter, would otherwise quote only a CRLF, and
 * Excel and LibreOffice start a new row at a bare CR or LF outside quotes. It starts with a UTF-8
 * byte order mark: Excel otherwise reads the file in the Windows code page and garbles every é,
 * ë and ü; LibreOffice, csv-parse and pandas accept it.
 */
export function spreadsheetCsv<Key extends string>(
  columns: readonly { key: Key; header: string }[],
  records: readonly Record<Key, string>[],
  delimiter: string,
): string {
  return stringify(
    records.map((record) =>
      Object.fromEntries(columns.map(({ key }) => [key, neutraliseFormula(record[key])])),
    ),
    {
      header: true,
      columns: columns.map(({ key, header }) => ({ key, header: neutraliseFormula(header) })),
      bom: true,
      delimiter,
      record_delimiter: 'windows',
      quote_record_delimiter: true,
      quoted_match: [/[\r\n\t]/],
    },
  );
}
