#!/usr/bin/env node
// Builds the server's gazetteer of Belgium (packages/server/gazetteer/belgium-2025.json): every
// municipality of the 2025 map with its NIS code, Dutch, French and German names, region and
// postcodes, and the municipalities merged away on 1 January 2025. The server knows these places
// whatever zone pack it loads, so a resident is told that a place exists but lies outside the
// zones, rather than that it does not exist.
//
//   node scripts/build-gazetteer.mjs ../shared/data [output.json]
//
// Inputs are Statbel's open data as kept in shared/data (see its SOURCES.md): the municipalities,
// the postcode → REFNIS table and the merger table. bpost's locality list is left out on purpose:
// its licence is unclear. The output is deterministic (no dates of generation), so a test can
// check that the committed file is what this script makes of the same inputs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const DEFAULT_OUTPUT = fileURLToPath(
  new URL('../packages/server/gazetteer/belgium-2025.json', import.meta.url),
);

const MUNICIPALITIES = 'belgium_municipalities_2025.csv';
const POSTCODES = 'belgium_postcodes_nis_2025.csv';
const MERGERS = 'municipality_mergers_2025.csv';

/** Statbel's region codes (REFNIS) and the region names of the zone-pack format. */
const REGIONS = { '02000': 'flanders', '03000': 'wallonia', '04000': 'brussels' };
const NIS = /^\d{5}$/;
const POSTCODE = /^\d{4}$/;

/** Biome's line width for this repository: rows longer than this are written one value a line, as it would. */
const LINE_WIDTH = 110;

class DataError extends Error {}

function readTable(dataDir, file, columns) {
  const rows = parse(readFileSync(join(dataDir, file), 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
  const header = Object.keys(rows[0] ?? {});
  const missing = columns.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new DataError(`${file}: missing column(s) ${missing.join(', ')}`);
  return rows.map((row, index) => {
    const cell = (column) => row[column].trim();
    return { line: index + 2, cell };
  });
}

function need(condition, message) {
  if (!condition) throw new DataError(message);
}

function sortedCodes(codes) {
  return [...codes].sort();
}

/** The gazetteer as plain data, checked for consistency between the three tables. */
export function readGazetteerSources(dataDir) {
  const municipalities = readTable(dataDir, MUNICIPALITIES, [
    'nis',
    'name_nl',
    'name_fr',
    'name_de',
    'region_nis',
    'postcodes',
  ]).map(({ line, cell }) => {
    const where = `${MUNICIPALITIES} line ${line}`;
    const nis = cell('nis');
    need(NIS.test(nis), `${where}: "${nis}" is not a NIS code`);
    const region = REGIONS[cell('region_nis')];
    need(region !== undefined, `${where}: unknown region code "${cell('region_nis')}"`);
    const names = [cell('name_nl'), cell('name_fr'), cell('name_de')];
    need(
      names.every((name) => name !== ''),
      `${where}: a name is empty`,
    );
    const listed = cell('postcodes').split(' ').filter(Boolean);
    return { nis, names, region, listed, postcodes: new Set() };
  });
  const byNis = new Map();
  for (const municipality of municipalities) {
    need(!byNis.has(municipality.nis), `${MUNICIPALITIES}: NIS code ${municipality.nis} twice`);
    byNis.set(municipality.nis, municipality);
  }

  for (const { line, cell } of readTable(dataDir, POSTCODES, ['postcode', 'nis'])) {
    const where = `${POSTCODES} line ${line}`;
    const postcode = cell('postcode');
    need(POSTCODE.test(postcode), `${where}: "${postcode}" is not a postcode`);
    const municipality = byNis.get(cell('nis'));
    need(
      municipality !== undefined,
      `${where}: NIS code ${cell('nis')} is no municipality of ${MUNICIPALITIES}`,
    );
    municipality.postcodes.add(postcode);
  }
  // The municipalities table repeats the postcodes; two copies that disagree mean a broken input.
  for (const { nis, listed, postcodes } of municipalities) {
    need(
      sortedCodes(listed).join(' ') === sortedCodes(postcodes).join(' '),
      `${nis}: ${MUNICIPALITIES} lists postcodes ${listed.join(' ')}, ${POSTCODES} ${sortedCodes(postcodes).join(' ')}`,
    );
  }

  const effective = new Set();
  const mergers = readTable(dataDir, MERGERS, [
    'old_nis',
    'old_name_nl',
    'old_name_fr',
    'old_name_de',
    'new_nis',
    'new_name_nl',
    'new_name_fr',
    'effective',
  ]).map(({ line, cell }) => {
    const where = `${MERGERS} line ${line}`;
    const oldNis = cell('old_nis');
    need(NIS.test(oldNis), `${where}: "${oldNis}" is not a NIS code`);
    const target = byNis.get(cell('new_nis'));
    need(target !== undefined, `${where}: new NIS code ${cell('new_nis')} is no municipality of 2025`);
    need(
      target.names[0] === cell('new_name_nl') && target.names[1] === cell('new_name_fr'),
      `${where}: the new names differ from ${MUNICIPALITIES}`,
    );
    effective.add(cell('effective'));
    return {
      oldNis,
      names: [cell('old_name_nl'), cell('old_name_fr'), cell('old_name_de')],
      nis: target.nis,
    };
  });
  need(effective.size <= 1, `${MERGERS}: several effective dates (${[...effective].join(', ')})`);

  municipalities.sort((a, b) => a.nis.localeCompare(b.nis));
  mergers.sort((a, b) => a.nis.localeCompare(b.nis) || a.oldNis.localeCompare(b.oldNis));
  return { municipalities, mergers, mergersEffective: [...effective][0] ?? null };
}

function inlineArray(values) {
  return `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
}

/** One row of a table: on one line when it fits, else one value a line (Biome's JSON layout). */
function row(values, indent) {
  const inline = `${indent}${inlineArray(values)}`;
  if (inline.length + 1 <= LINE_WIDTH) return inline;
  const inner = values.map((value) => `${indent}  ${JSON.stringify(value)}`).join(',\n');
  return `${indent}[\n${inner}\n${indent}]`;
}

function table(name, rows) {
  return `  "${name}": [\n${rows.map((values) => row(values, '    ')).join(',\n')}\n  ]`;
}

function field(name, value) {
  const inline = `  "${name}": ${Array.isArray(value) ? inlineArray(value) : JSON.stringify(value)}`;
  if (!Array.isArray(value) || inline.length + 1 <= LINE_WIDTH) return inline;
  return `  "${name}": [\n${value.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
}

/** The gazetteer file's text: a header that says where the data comes from, then two tables. */
export function buildGazetteer(dataDir) {
  const { municipalities, mergers, mergersEffective } = readGazetteerSources(dataDir);
  const header = {
    format: 'carezone.gazetteer/1',
    title:
      'Belgium: the municipalities of 2025, their postcodes, and the municipalities merged on 1 January 2025',
    dataVersion: '2025-01-01',
    attribution:
      'Statbel (Directorate-general Statistics - Statistics Belgium): municipalities, NIS codes, names and postcodes.',
    licence:
      'Statbel open data: free to reuse, for any purpose, under the Statbel open data licence ' +
      '(https://statbel.fgov.be/en/statistics/opendata/licence), which asks to name the source and its ' +
      'date of publication; other reusers cite it as CC BY 4.0. The merger table lists public facts ' +
      '(which municipality merged into which, and the new NIS codes). No bpost data: its licence is unclear.',
    sources: [
      'Municipalities, NIS codes, Dutch and French names: Statbel REFNIS_2019.xls.',
      'German names and the region of each municipality: Statbel TU_COM_REFNIS.xlsx (July 2024).',
      'The municipalities created on 1 January 2025 (new NIS codes and names): the merger table below.',
      'Postcodes: Statbel "Conversion Postal code_Refnis code" valid on 01/01/2019, its NIS codes ' +
        'mapped to the 2025 municipalities with the merger table. The 2025 edition was not found.',
      'Mergers of 1 January 2025: the table fusies-2025.csv of GitHub gehuybre/embuild-analyses ' +
        '(packages/embuild-shared/src/data/nis/), cross-checked with gemeente2024_gemeente.xlsx of ' +
        'GitHub provinciesincijfers/gebiedsniveaus.',
      'Copies of these files: shared/data (belgium_municipalities_2025.csv, belgium_postcodes_nis_2025.csv, ' +
        'municipality_mergers_2025.csv), described in shared/data/SOURCES.md.',
    ],
    notes: [
      'For Pajottegem, Nazareth-De Pinte, Merelbeke-Melle, Beveren-Kruibeke-Zwijndrecht, Tessenderlo-Ham, ' +
        'Bilzen-Hoeselt and Tongeren-Borgloon no official French or German name was found: the Dutch name ' +
        'stands for all three, as in the source table.',
      'Organisational and special postcodes (e.g. 1005 to 1012) are not in the Statbel table.',
      'The Statbel tables do not say which postcodes a merged municipality had: a former municipality ' +
        'leads to its new municipality, with no postcode of its own.',
    ],
    generatedBy: 'node scripts/build-gazetteer.mjs ../shared/data',
    mergersEffective,
    municipalityColumns: ['nis', 'name_nl', 'name_fr', 'name_de', 'region', 'postcodes'],
    mergerColumns: ['old_nis', 'old_name_nl', 'old_name_fr', 'old_name_de', 'nis'],
  };
  const municipalityRows = municipalities.map(({ nis, names, region, postcodes }) => [
    nis,
    ...names,
    region,
    sortedCodes(postcodes).join(' '),
  ]);
  const mergerRows = mergers.map(({ oldNis, names, nis }) => [oldNis, ...names, nis]);
  const lines = Object.entries(header).map(([name, value]) => field(name, value));
  lines.push(table('municipalities', municipalityRows), table('mergers', mergerRows));
  return `{\n${lines.join(',\n')}\n}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dataDir, output = DEFAULT_OUTPUT] = process.argv.slice(2);
  if (!dataDir) {
    console.error('usage: node scripts/build-gazetteer.mjs <shared/data folder> [output.json]');
    process.exit(2);
  }
  try {
    const text = buildGazetteer(resolve(dataDir));
    writeFileSync(output, text);
    const { municipalities, mergers } = JSON.parse(text);
    console.log(
      `${output}: ${municipalities.length} municipalities, ${mergers.length} merger rows, ` +
        `${Buffer.byteLength(text)} bytes`,
    );
  } catch (error) {
    if (!(error instanceof DataError) && error?.code !== 'ENOENT') throw error;
    console.error(`build-gazetteer: ${error.message}`);
    process.exit(1);
  }
}
