import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Region } from '@carezone/contract';
import { isIsoDate, NIS_PATTERN, POSTCODE_PATTERN, splitValues } from '../packs/codes.js';
import type { LocalityRow, MunicipalityRow } from '../packs/pack-types.js';
import { typographicApostrophes } from '../packs/typography.js';

/**
 * The gazetteer shipped with the server (built by `scripts/build-gazetteer.mjs` from Statbel's
 * tables). `src/zones/` and `dist/zones/` are at the same depth, so the same relative path works
 * from source and from the build.
 */
export const GAZETTEER_FILE = fileURLToPath(new URL('../../gazetteer/belgium-2025.json', import.meta.url));

export const GAZETTEER_FORMAT = 'carezone.gazetteer/1';

/** Every Belgian municipality and postcode, known whatever zone packs are loaded. */
export interface Gazetteer {
  dataVersion: string;
  attribution: string;
  licence: string;
  municipalities: MunicipalityRow[];
  /**
   * The names of the municipalities merged away, as localities of their new municipality. The
   * Statbel tables do not say which postcodes they had, so `postcode` is always null.
   */
  formerMunicipalities: LocalityRow[];
}

type Check = (value: unknown) => boolean;

const name: Check = (value) => typeof value === 'string' && value !== '';
const nis: Check = (value) => typeof value === 'string' && NIS_PATTERN.test(value);
const region: Check = (value) => (Region.options as readonly unknown[]).includes(value);
const postcodes: Check = (value) =>
  typeof value === 'string' && splitValues(value)?.every((code) => POSTCODE_PATTERN.test(code)) === true;

/** A table of the file: its rows, the field naming its columns, and a check per column. */
interface Table {
  rows: string;
  header: string;
  columns: readonly string[];
  checks: readonly Check[];
}

const MUNICIPALITIES: Table = {
  rows: 'municipalities',
  header: 'municipalityColumns',
  columns: ['nis', 'name_nl', 'name_fr', 'name_de', 'region', 'postcodes'],
  checks: [nis, name, name, name, region, postcodes],
};
const MERGERS: Table = {
  rows: 'mergers',
  header: 'mergerColumns',
  columns: ['old_nis', 'old_name_nl', 'old_name_fr', 'old_name_de', 'nis'],
  checks: [nis, name, name, name, nis],
};

/** A gazetteer file that cannot be used: the server's own data is broken, not a user's input. */
export class GazetteerError extends Error {
  override readonly name = 'GazetteerError';
}

function fail(file: string, message: string): never {
  throw new GazetteerError(`gazetteer ${file}: ${message}`);
}

// Checked by hand rather than with a schema: this runs at every start, and a schema library
// spends several milliseconds on rows that the build script and its test already vouch for.
function readTable(data: Record<string, unknown>, table: Table, file: string): string[][] {
  const header = data[table.header];
  if (!Array.isArray(header) || header.join() !== table.columns.join())
    fail(file, `${table.header} must be ${table.columns.join(', ')}`);
  const rows = data[table.rows];
  if (!Array.isArray(rows)) fail(file, `${table.rows} is not a list`);
  rows.forEach((row: unknown, index) => {
    if (!Array.isArray(row) || row.length !== table.checks.length)
      fail(file, `${table.rows}.${index} does not have ${table.checks.length} values`);
    row.forEach((value: unknown, column) => {
      if (!table.checks[column]?.(value))
        fail(file, `${table.rows}.${index}.${column} (${table.columns[column]}): ${JSON.stringify(value)}`);
    });
  });
  return rows as string[][];
}

/** Reads the text of a gazetteer file; throws a `GazetteerError` naming `file` when it is not one. */
export function parseGazetteer(text: string, file: string): Gazetteer {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GazetteerError(`gazetteer ${file} is not JSON: ${(error as Error).message}`);
  }
  const data = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const { format, dataVersion, attribution, licence } = data;
  if (format !== GAZETTEER_FORMAT) fail(file, `format is not "${GAZETTEER_FORMAT}"`);
  if (typeof dataVersion !== 'string' || !isIsoDate(dataVersion))
    fail(file, 'dataVersion is not an ISO date');
  if (typeof attribution !== 'string' || attribution === '') fail(file, 'attribution is empty');
  if (typeof licence !== 'string' || licence === '') fail(file, 'licence is empty');

  const municipalities = readTable(data, MUNICIPALITIES, file).map(
    ([nis = '', nl = '', fr = '', de = '', region = '', codes = '']): MunicipalityRow => ({
      nis,
      name: {
        nl: typographicApostrophes(nl),
        fr: typographicApostrophes(fr),
        de: typographicApostrophes(de),
      },
      region: region as Region,
      postcodes: splitValues(codes) ?? [],
    }),
  );
  const known = new Map(municipalities.map((row) => [row.nis, row]));
  const formerMunicipalities: LocalityRow[] = [];
  for (const [, nl = '', fr = '', de = '', nis = ''] of readTable(data, MERGERS, file)) {
    const target = known.get(nis);
    if (!target) fail(file, `a merger leads to unknown NIS code ${nis}`);
    // A municipality that kept its name (Hasselt, Antwerpen) is no former municipality to search by.
    const current = new Set(Object.values(target.name));
    for (const name of new Set([nl, fr, de].map(typographicApostrophes))) {
      if (!current.has(name))
        formerMunicipalities.push({ postcode: null, name, nis, kind: 'former-municipality' });
    }
  }
  return { dataVersion, attribution, licence, municipalities, formerMunicipalities };
}

export async function loadGazetteer(file: string = GAZETTEER_FILE): Promise<Gazetteer> {
  return parseGazetteer(await readFile(file, 'utf8'), file);
}
