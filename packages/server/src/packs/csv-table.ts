import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { PackProblem } from './pack-types.js';

export interface CsvRow {
  /** Line where the record starts (a quoted field may span several lines). */
  line: number;
  fields: string[];
}

/** A CSV file read by header name, with what is needed to point a problem at line and column. */
export interface CsvTable {
  file: string;
  columns: ReadonlyMap<string, number>;
  rows: CsvRow[];
}

const BOM = [0xef, 0xbb, 0xbf];

function hasBom(bytes: Buffer): boolean {
  return BOM.every((byte, index) => bytes[index] === byte);
}

/** Line numbers from byte offsets, because csv-parse miscounts lines inside quoted CRLF fields. */
function lineIndex(bytes: Buffer): (offset: number) => number {
  const starts = [0];
  for (let index = bytes.indexOf(10); index !== -1; index = bytes.indexOf(10, index + 1)) {
    starts.push(index + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/**
 * Parses one pack CSV (RFC 4180, lines ending in CRLF, LF or a mix of both). Problems go to `problems`; a syntax error ends the
 * file there, but the rows before it are kept so that their own problems are still reported.
 */
export function readCsvTable(
  file: string,
  raw: Buffer,
  required: readonly string[],
  optional: readonly string[],
  problems: PackProblem[],
): CsvTable | undefined {
  let bytes = raw;
  if (hasBom(bytes)) {
    problems.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      message: 'the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM',
    });
    bytes = bytes.subarray(BOM.length);
  }
  const lineOf = lineIndex(bytes);
  const records: { record: string[]; end: number }[] = [];
  try {
    parse(bytes, {
      // Both, in any mix: csv-parse would otherwise take the first line's ending for the whole file,
      // and a file edited on two systems (CRLF rows, one LF row) would swallow a line break into a cell.
      record_delimiter: ['\r\n', '\n'],
      relax_column_count: true,
      skip_empty_lines: true,
      // Collected here rather than from the return value, which a syntax error would lose.
      on_record: (record, context) => {
        records.push({ record, end: context.bytes });
        return record;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const { lines, column: field } = error as CsvError & { lines?: unknown; column?: unknown };
    problems.push({
      file,
      ...(typeof lines === 'number' ? { line: lines } : {}),
      ...(typeof field === 'number' ? { column: field + 1 } : {}),
      severity: 'error',
      message: `CSV syntax error: ${error.message.replace(/ at line \d+/, '')}`,
    });
  }

  const rows: CsvRow[] = [];
  let start = 0;
  for (const { record, end } of records) {
    while (bytes[start] === 13 || bytes[start] === 10) start++;
    rows.push({ line: lineOf(start), fields: record });
    start = end;
  }
  const header = rows.shift();
  if (!header) {
    problems.push({
      file,
      line: 1,
      severity: 'error',
      message: 'the file is empty: a header row is required',
    });
    return undefined;
  }
  const columns = new Map<string, number>();
  const known = new Set([...required, ...optional]);
  header.fields.forEach((name, index) => {
    if (columns.has(name)) {
      problems.push({
        file,
        line: 1,
        column: index + 1,
        severity: 'error',
        message: `duplicate column "${name}"`,
      });
    } else {
      columns.set(name, index);
    }
    if (!known.has(name)) {
      problems.push({
        file,
        line: 1,
        column: index + 1,
        severity: 'warning',
        message: `unknown column "${name}" is ignored`,
      });
    }
  });
  const missing = required.filter((name) => !columns.has(name));
  for (const name of missing) {
    problems.push({ file, line: 1, severity: 'error', message: `missing required column "${name}"` });
  }
  if (missing.length > 0) return undefined;

  const width = header.fields.length;
  const complete = rows.filter((row) => {
    if (row.fields.length === width) return true;
    problems.push({
      file,
      line: row.line,
      severity: 'error',
      message: `the row has ${row.fields.length} field(s); the header has ${width}`,
    });
    return false;
  });
  return { file, columns, rows: complete };
}

/** Reads cells of one row by header name and reports problems at the cell's line and column. */
export interface CellReader {
  text(column: string): string;
  /** The cell's text, or `null` when the cell is empty. */
  optional(column: string): string | null;
  problem(column: string, message: string, severity?: PackProblem['severity']): void;
  line: number;
}

export function cellReader(table: CsvTable, row: CsvRow, problems: PackProblem[]): CellReader {
  const index = (column: string): number | undefined => table.columns.get(column);
  return {
    line: row.line,
    text: (column) => {
      const at = index(column);
      return at === undefined ? '' : (row.fields[at] ?? '');
    },
    optional: (column) => {
      const at = index(column);
      const value = at === undefined ? '' : (row.fields[at] ?? '');
      return value === '' ? null : value;
    },
    problem: (column, message, severity = 'error') => {
      const at = index(column);
      problems.push({
        file: table.file,
        line: row.line,
        ...(at === undefined ? {} : { column: at + 1 }),
        severity,
        message: `${column}: ${message}`,
      });
    },
  };
}
