import { Confidence, Coverage, Region } from '@carezone/contract';
import { isIsoDate, NIS_PATTERN, POSTCODE_PATTERN, SLUG_PATTERN, splitValues } from './codes.js';
import { type CellReader, type CsvTable, cellReader } from './csv-table.js';
import type {
  CoverageRow,
  LocalityKind,
  LocalityRow,
  MunicipalityRow,
  PackProblem,
  ZoneRow,
} from './pack-types.js';
import { typographicApostrophes } from './typography.js';

/** A row together with the reader that can point a later (cross-file) problem at its cells. */
export interface Located<T> {
  value: T;
  cells: CellReader;
}

export const ZONE_COLUMNS = {
  required: ['layer', 'zone_id', 'name_nl', 'name_fr', 'name_de', 'name_en', 'website', 'email', 'phone'],
  optional: ['valid_from', 'valid_to'],
} as const;
export const MUNICIPALITY_COLUMNS = {
  required: ['nis', 'name_nl', 'name_fr', 'name_de', 'region', 'postcodes'],
  optional: [],
} as const;
export const LOCALITY_COLUMNS = { required: ['postcode', 'name', 'nis', 'kind'], optional: [] } as const;
export const COVERAGE_COLUMNS = {
  required: ['layer', 'zone_id', 'nis', 'postcodes', 'coverage', 'confidence'],
  optional: [],
} as const;

const LOCALITY_KINDS: readonly LocalityKind[] = ['locality', 'former-municipality'];

function checkNis(cells: CellReader, column: string): string | undefined {
  const nis = cells.text(column);
  if (NIS_PATTERN.test(nis)) return nis;
  cells.problem(column, `"${nis}" is not a NIS code (5 digits, leading zeros kept)`);
  return undefined;
}

function checkPostcodes(cells: CellReader, column: string): string[] | undefined {
  const values = splitValues(cells.text(column));
  if (!values) {
    cells.problem(column, 'postcodes must be separated by a single space');
    return undefined;
  }
  const bad = values.filter((value) => !POSTCODE_PATTERN.test(value));
  if (bad.length > 0) {
    cells.problem(column, `not a postcode (4 digits): ${bad.map((value) => `"${value}"`).join(', ')}`);
    return undefined;
  }
  if (new Set(values).size !== values.length) cells.problem(column, 'a postcode is listed twice', 'warning');
  return [...new Set(values)];
}

function checkDate(cells: CellReader, column: string): string | null | undefined {
  const value = cells.optional(column);
  if (value === null || isIsoDate(value)) return value;
  cells.problem(column, `"${value}" is not an ISO date (YYYY-MM-DD)`);
  return undefined;
}

function checkEnum<T extends string>(
  cells: CellReader,
  column: string,
  allowed: readonly T[],
): T | undefined {
  const value = cells.text(column);
  if ((allowed as readonly string[]).includes(value)) return value as T;
  cells.problem(column, `"${value}" is not one of ${allowed.join(', ')}`);
  return undefined;
}

function langMap(cells: CellReader, prefix: string, languages: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const language of languages) {
    const text = cells.optional(`${prefix}${language}`);
    if (text !== null) map[language] = typographicApostrophes(text);
  }
  return map;
}

function rowsOf<T>(
  table: CsvTable,
  problems: PackProblem[],
  read: (cells: CellReader) => T | undefined,
): Located<T>[] {
  const result: Located<T>[] = [];
  for (const row of table.rows) {
    const cells = cellReader(table, row, problems);
    const value = read(cells);
    if (value !== undefined) result.push({ value, cells });
  }
  return result;
}

export function readZoneRows(table: CsvTable, problems: PackProblem[]): Located<ZoneRow>[] {
  return rowsOf(table, problems, (cells) => {
    const zoneId = cells.text('zone_id');
    if (!SLUG_PATTERN.test(zoneId)) {
      cells.problem('zone_id', `"${zoneId}" is not a lowercase slug (a-z, 0-9 and single hyphens)`);
      return undefined;
    }
    const name = langMap(cells, 'name_', ['nl', 'fr', 'de', 'en']);
    if (Object.keys(name).length === 0) cells.problem('name_nl', 'the zone has no name in any language');
    const website = cells.optional('website');
    if (website !== null && !/^https?:\/\/\S+$/.test(website)) {
      cells.problem('website', `"${website}" is not an http(s) address`);
    }
    const email = cells.optional('email');
    if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      cells.problem('email', `"${email}" is not an e-mail address`);
    }
    // A bad date is reported but keeps the zone, so that rows naming it do not cascade into errors.
    const validFrom = checkDate(cells, 'valid_from') ?? null;
    const validTo = checkDate(cells, 'valid_to') ?? null;
    if (validFrom !== null && validTo !== null && validTo < validFrom) {
      cells.problem('valid_to', `${validTo} is before valid_from ${validFrom}`);
    }
    return {
      layer: cells.text('layer'),
      zoneId,
      name,
      website,
      email,
      phone: cells.optional('phone'),
      validFrom,
      validTo,
    };
  });
}

export function readMunicipalityRows(table: CsvTable, problems: PackProblem[]): Located<MunicipalityRow>[] {
  return rowsOf(table, problems, (cells) => {
    const nis = checkNis(cells, 'nis');
    const region = checkEnum(cells, 'region', Region.options);
    const postcodes = checkPostcodes(cells, 'postcodes');
    const name = langMap(cells, 'name_', ['nl', 'fr', 'de']);
    if (!name.nl && !name.fr)
      cells.problem('name_nl', 'the municipality has neither a Dutch nor a French name');
    if (postcodes?.length === 0) cells.problem('postcodes', 'the municipality has no postcode', 'warning');
    if (nis === undefined) return undefined;
    // Kept despite a bad region or postcode (already reported), so that rows naming this NIS do not
    // cascade into errors; a pack with any error is never loaded, so the placeholder is never served.
    return { nis, name, region: region ?? 'brussels', postcodes: postcodes ?? [] };
  });
}

export function readLocalityRows(table: CsvTable, problems: PackProblem[]): Located<LocalityRow>[] {
  return rowsOf(table, problems, (cells) => {
    const postcode = cells.optional('postcode');
    if (postcode !== null && !POSTCODE_PATTERN.test(postcode)) {
      cells.problem('postcode', `"${postcode}" is not a postcode (4 digits)`);
      return undefined;
    }
    const name = cells.text('name');
    if (name.trim() === '') cells.problem('name', 'the name is empty');
    const nis = checkNis(cells, 'nis');
    const kind = checkEnum(cells, 'kind', LOCALITY_KINDS);
    if (nis === undefined || kind === undefined || name.trim() === '') return undefined;
    return { postcode, name: typographicApostrophes(name), nis, kind };
  });
}

export function readCoverageRows(table: CsvTable, problems: PackProblem[]): Located<CoverageRow>[] {
  return rowsOf(table, problems, (cells) => {
    const nis = checkNis(cells, 'nis');
    const postcodes = checkPostcodes(cells, 'postcodes');
    const coverage = checkEnum(cells, 'coverage', Coverage.options);
    const confidence = checkEnum(cells, 'confidence', Confidence.options);
    if (nis === undefined || postcodes === undefined || coverage === undefined || confidence === undefined) {
      return undefined;
    }
    return {
      layer: cells.text('layer'),
      zoneId: cells.text('zone_id'),
      nis,
      postcodes,
      coverage,
      confidence,
    };
  });
}
