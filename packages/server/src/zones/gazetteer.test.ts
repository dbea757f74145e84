import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { buildGazetteer } from '../../../../scripts/build-gazetteer.mjs';
import { typographicApostrophes } from '../packs/typography.js';
import {
  GAZETTEER_FILE,
  type Gazetteer,
  GazetteerError,
  loadGazetteer,
  parseGazetteer,
} from './gazetteer.js';

/** Statbel's tables as kept beside the repository (see ../shared/data/SOURCES.md). */
const DATA_DIR = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));

async function readCsv(file: string): Promise<Record<string, string>[]> {
  return parse(await readFile(`${DATA_DIR}${file}`, 'utf8'), { columns: true, bom: true });
}

describe('the gazetteer file', () => {
  let gazetteer: Gazetteer;
  before(async () => {
    gazetteer = await loadGazetteer();
  });

  it('is exactly what scripts/build-gazetteer.mjs makes of ../shared/data', async () => {
    const committed = await readFile(GAZETTEER_FILE, 'utf8');
    // Compared as text, so a hand edit or a change of the inputs fails here until the file is rebuilt.
    assert.equal(committed, buildGazetteer(DATA_DIR));
  });

  it('ships with the server package, beside the built-in pack', async () => {
    const manifest = JSON.parse(await readFile(`${PACKAGE_DIR}package.json`, 'utf8')) as { files: string[] };
    assert.ok(manifest.files.includes(relative(PACKAGE_DIR, dirname(GAZETTEER_FILE))), manifest.files.join());
  });

  it('has the 565 municipalities of 2025 with their three names and region', async () => {
    const statbel = await readCsv('belgium_municipalities_2025.csv');
    assert.equal(gazetteer.municipalities.length, 565);
    assert.deepEqual(
      gazetteer.municipalities.map((row) => [row.nis, row.name.nl, row.name.fr, row.name.de]).sort(),
      // Read as people see them: "Braine-l’Alleud" where Statbel writes "Braine-l'Alleud".
      statbel
        .map((row) => [row.nis, row.name_nl, row.name_fr, row.name_de].map(typographicApostrophes))
        .sort(),
    );
    const regions = new Map<string, number>();
    for (const row of gazetteer.municipalities) regions.set(row.region, (regions.get(row.region) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(regions), { flanders: 285, wallonia: 261, brussels: 19 });
    const sanktVith = gazetteer.municipalities.find((row) => row.nis === '63067');
    assert.deepEqual(sanktVith?.name, { nl: 'Sankt Vith', fr: 'Saint-Vith', de: 'Sankt Vith' });
  });

  it('has every postcode of the Statbel table, under each of its municipalities', async () => {
    const statbel = await readCsv('belgium_postcodes_nis_2025.csv');
    const pairs = new Set(
      gazetteer.municipalities.flatMap((row) => row.postcodes.map((code) => `${code}@${row.nis}`)),
    );
    assert.deepEqual([...pairs].sort(), statbel.map((row) => `${row.postcode}@${row.nis}`).sort());
    assert.equal(new Set(statbel.map((row) => row.postcode)).size, 1149);
    const shared = gazetteer.municipalities.filter((row) => row.postcodes.includes('1040'));
    assert.deepEqual(shared.map((row) => row.nis).sort(), ['21004', '21005']);
  });

  it('leads every merged-away name to its new municipality, and no name a municipality kept', () => {
    const former = gazetteer.formerMunicipalities.map((row) => `${row.name}>${row.nis}`);
    assert.equal(former.length, 26);
    for (const expected of [
      'Kortessem>71072',
      'Borsbeek>11002',
      'Borgloon>73111',
      'Looz>73111',
      'Gammerages>23106',
    ])
      assert.ok(former.includes(expected), expected);
    // Hasselt, Antwerpen and Bastogne kept their names: those are municipalities, not former ones.
    for (const kept of ['Hasselt', 'Antwerpen', 'Anvers', 'Bastogne', 'Bastenaken', 'Bastnach', 'Lokeren'])
      assert.ok(!former.some((entry) => entry.startsWith(`${kept}>`)), kept);
    assert.ok(
      gazetteer.formerMunicipalities.every(
        (row) => row.postcode === null && row.kind === 'former-municipality',
      ),
    );
  });

  it('credits Statbel and says the data is open', () => {
    assert.match(gazetteer.attribution, /Statbel/);
    assert.match(gazetteer.licence, /open data/);
    assert.match(gazetteer.licence, /No bpost data/);
    assert.equal(gazetteer.dataVersion, '2025-01-01');
  });
});

describe('parseGazetteer', () => {
  let text: string;
  before(async () => {
    text = await readFile(GAZETTEER_FILE, 'utf8');
  });

  const broken = (change: (json: Record<string, unknown>) => void): string => {
    const json = JSON.parse(text) as Record<string, unknown>;
    change(json);
    return JSON.stringify(json);
  };

  it('refuses a file that is not a gazetteer, naming the file and the place', () => {
    assert.throws(
      () => parseGazetteer('{', 'x.json'),
      (error: unknown) => {
        assert.ok(error instanceof GazetteerError);
        assert.match(error.message, /^gazetteer x\.json is not JSON/);
        return true;
      },
    );
    assert.throws(
      () =>
        parseGazetteer(
          broken((json) => Object.assign(json, { format: 'carezone.zonepack/1' })),
          'x.json',
        ),
      /gazetteer x\.json: format is not "carezone\.gazetteer\/1"/,
    );
  });

  it('refuses columns in another order than the reader expects', () => {
    const swapped = broken((json) =>
      Object.assign(json, {
        municipalityColumns: ['nis', 'name_fr', 'name_nl', 'name_de', 'region', 'postcodes'],
      }),
    );
    assert.throws(() => parseGazetteer(swapped, 'x.json'), /municipalityColumns/);
  });

  it('refuses a bad postcode cell and a merger into an unknown municipality', () => {
    const badPostcode = broken((json) => {
      (json.municipalities as string[][])[0]?.splice(5, 1, '2630  2631');
    });
    assert.throws(() => parseGazetteer(badPostcode, 'x.json'), /municipalities\.0\.5/);
    const orphan = broken((json) => {
      (json.mergers as string[][])[0]?.splice(4, 1, '99999');
    });
    assert.throws(() => parseGazetteer(orphan, 'x.json'), /unknown NIS code 99999/);
  });
});
