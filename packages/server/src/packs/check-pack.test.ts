import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BUILTIN_PACK_DIR } from './builtin.js';
import { checkPack, loadPack } from './check-pack.js';
import { isPackError, type PackProblem } from './pack-types.js';
import { REFERENCE_PACK_DIR } from './test-helpers/reference-pack.js';
import { type TempPack, tempPack } from './test-helpers/temp-pack.js';

const errors = (problems: PackProblem[]) => problems.filter((problem) => problem.severity === 'error');

/** The single error of a broken pack, with where it points. */
function onlyError(problems: PackProblem[]): PackProblem {
  const found = errors(problems);
  assert.equal(found.length, 1, JSON.stringify(found, null, 1));
  return found[0] as PackProblem;
}

/** The first error a broken pack reports in `file`; the break may upset other files too. */
function firstErrorIn(problems: PackProblem[], file: string): PackProblem {
  const found = errors(problems).find((problem) => problem.file === file);
  assert.ok(found, `no error in ${file}: ${JSON.stringify(problems, null, 1)}`);
  return found;
}

describe('checkPack on valid packs', () => {
  it('finds no error in the reference pack', async () => {
    assert.deepEqual(errors(await checkPack(REFERENCE_PACK_DIR)), []);
  });

  it('finds no problem at all in the built-in Brussels pack', async () => {
    assert.deepEqual(await checkPack(BUILTIN_PACK_DIR), []);
    const pack = await loadPack(BUILTIN_PACK_DIR);
    assert.equal(pack.manifest.id, 'brussels');
    assert.equal(pack.zones.length, 5);
    assert.equal(pack.municipalities.length, 19);
    assert.ok(pack.zones.every((zone) => zone.email === null && zone.phone === null && !zone.name.de));
  });
});

describe('checkPack on broken packs', () => {
  let pack: TempPack;
  before(async () => {
    pack = await tempPack();
  });
  after(() => pack.dispose());

  /** Replaces one file, checks, then restores it so that each test breaks one thing only. */
  async function checkWith(file: string, edit: (text: string) => string | Buffer): Promise<PackProblem[]> {
    const original = await pack.read(file);
    await pack.write(file, edit(original));
    try {
      return await checkPack(pack.dir);
    } finally {
      await pack.write(file, original);
    }
  }

  it('reports a missing required file', async () => {
    const original = await pack.read('localities.csv');
    await pack.remove('localities.csv');
    try {
      const problem = onlyError(await checkPack(pack.dir));
      assert.equal(problem.file, 'localities.csv');
      assert.match(problem.message, /missing/);
    } finally {
      await pack.write('localities.csv', original);
    }
  });

  it('reports a missing column on the header line', async () => {
    const problem = onlyError(
      await checkWith('coverage.csv', (text) => text.replace(',confidence\r\n', '\r\n')),
    );
    assert.deepEqual([problem.file, problem.line], ['coverage.csv', 1]);
    assert.match(problem.message, /"confidence"/);
  });

  it('reports a bad NIS code at its line and column', async () => {
    const problems = await checkWith('municipalities.csv', (text) =>
      text.replace('21005,Etterbeek', '2105,Etterbeek'),
    );
    const bad = firstErrorIn(problems, 'municipalities.csv');
    assert.deepEqual([bad.line, bad.column], [6, 1]);
    assert.match(bad.message, /^nis: "2105" is not a NIS code/);
  });

  it('reports an unknown zone in coverage.csv at the zone_id cell', async () => {
    const problem = onlyError(
      await checkWith('coverage.csv', (text) =>
        text.replace('bxl-care-zones,bxl-nord,21008', 'bxl-care-zones,bxl-noord,21008'),
      ),
    );
    assert.deepEqual([problem.file, problem.line, problem.column], ['coverage.csv', 3, 2]);
    assert.match(problem.message, /zone "bxl-noord" is not in zones\.csv/);
  });

  it('reports a duplicate zone id', async () => {
    const problems = await checkWith('zones.csv', (text) =>
      text.replace('bxl-care-zones,bxl-sud-est,', 'bxl-care-zones,bxl-sud,'),
    );
    const problem = firstErrorIn(problems, 'zones.csv');
    assert.deepEqual([problem.line, problem.column], [5, 2]);
    assert.match(problem.message, /duplicate zone id "bxl-sud"/);
  });

  it('reports a byte-order mark at 1:1 and still reads the file', async () => {
    const problem = onlyError(await checkWith('zones.csv', (text) => Buffer.from(`\uFEFF${text}`)));
    assert.deepEqual([problem.file, problem.line, problem.column], ['zones.csv', 1, 1]);
    assert.match(problem.message, /byte-order mark/);
  });

  it('counts lines from where a record starts, across quoted line breaks and LF endings', async () => {
    const problems = await checkWith('localities.csv', (text) =>
      text
        .replaceAll('\r\n', '\n')
        .replace('1020,Laeken,', '1020,"Lae\r\nken",')
        .replace('1130,Haren,21004', '1130,Haren,2100'),
    );
    const bad = onlyError(problems);
    const lines = (await pack.read('localities.csv')).split('\r\n');
    assert.equal(bad.line, lines.findIndex((line) => line.startsWith('1130,Haren')) + 2);
    assert.equal(bad.column, 3);
  });

  it('reports an enum value, a foreign postcode and a second row for the same key', async () => {
    const problems = await checkWith('coverage.csv', (text) =>
      text
        .replace('21004,1020 1120 1130,whole', '21004,1020 1120 1180,whole')
        .replace('21001,,whole,likely', '21001,,entire,likely')
        .concat('bxl-care-zones,bxl-sud,21009,,whole,documented\r\n'),
    );
    const messages = errors(problems).map(
      (problem) => `${problem.line}:${problem.column} ${problem.message}`,
    );
    assert.deepEqual(messages, [
      '18:5 coverage: "entire" is not one of whole, partial',
      '20:4 postcodes: not a postcode of municipality 21004: 1180',
      '23:2 zone_id: a second row for the same (layer, zone_id, nis, coverage, confidence)',
    ]);
  });

  it('reports a GeoJSON syntax error with line and column', async () => {
    await pack.write('zones.geojson', '{"type":"FeatureCollection","features":[\n{"type":"Feature",}\n]}\n');
    try {
      const problem = onlyError(await checkPack(pack.dir));
      assert.deepEqual([problem.file, problem.line, problem.column], ['zones.geojson', 2, 19]);
      assert.match(problem.message, /JSON syntax error/);
    } finally {
      await pack.remove('zones.geojson');
    }
  });

  it('reports GeoJSON features that name unknown zones, are not polygons or are out of range', async () => {
    const square = (lon: number) => [
      [
        [lon, 50],
        [lon + 0.1, 50],
        [lon + 0.1, 50.1],
        [lon, 50.1],
        [lon, 50],
      ],
    ];
    const feature = (zone: string, geometry: unknown) =>
      JSON.stringify({ type: 'Feature', properties: { layer: 'bxl-care-zones', zone_id: zone }, geometry });
    const features = [
      feature('bxl-nord', { type: 'Polygon', coordinates: square(4.3) }),
      feature('bxl-west', { type: 'Polygon', coordinates: square(4.3) }),
      feature('bxl-sud', { type: 'Point', coordinates: [4.3, 50] }),
      feature('bxl-sud-est', { type: 'Polygon', coordinates: square(190) }),
    ];
    await pack.write(
      'zones.geojson',
      `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`,
    );
    try {
      const found = errors(await checkPack(pack.dir)).map((problem) => [problem.line, problem.message]);
      assert.equal(found.length, 3);
      assert.deepEqual(found[0], [3, 'features[1]: zone_id "bxl-west" is not in zones.csv']);
      assert.deepEqual(found[1], [4, 'features[2]: geometry type "Point" is not Polygon or MultiPolygon']);
      assert.equal(found[2]?.[0], 5);
      assert.match(String(found[2]?.[1]), /out of range/);
    } finally {
      await pack.remove('zones.geojson');
    }
  });

  it('reports pack.json shape problems by path', async () => {
    const problems = await checkWith('pack.json', (text) =>
      text.replace('"carezone.zonepack/1"', '"carezone.zonepack/2"').replace('"care-zone"', '"care"'),
    );
    const messages = errors(problems).map((problem) => problem.message);
    assert.ok(
      messages.some((message) => message.startsWith('format:')),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((message) => message.startsWith('layers.0.kind:')),
      messages.join('\n'),
    );
  });

  it('makes loadPack throw a PackError that carries every problem', async () => {
    const original = await pack.read('zones.csv');
    await pack.write('zones.csv', original.replace('2024-01-01,\r\n', '2024-13-01,\r\n'));
    try {
      await assert.rejects(loadPack(pack.dir), (error: unknown) => {
        assert.ok(isPackError(error));
        assert.equal(error.problems.length, 1);
        assert.match(error.problems[0]?.message ?? '', /^valid_from: "2024-13-01" is not an ISO date/);
        return true;
      });
    } finally {
      await pack.write('zones.csv', original);
    }
  });
});

describe('checkPack and loadPack accept CRLF, LF and mixed line endings', () => {
  let pack: TempPack;
  before(async () => {
    pack = await tempPack();
  });
  after(() => pack.dispose());

  /** Every CSV of the built-in pack (CRLF) copied with the line ending `ending(index)` after line `index`. */
  async function rewriteEndings(ending: (index: number) => string): Promise<void> {
    for (const file of (await readdir(BUILTIN_PACK_DIR)).filter((name) => name.endsWith('.csv'))) {
      const lines = (await readFile(join(BUILTIN_PACK_DIR, file), 'utf8')).split('\r\n');
      const last = lines.pop();
      assert.equal(last, '', `${file} ends with a line break`);
      await pack.write(file, lines.map((line, index) => line + ending(index)).join(''));
    }
  }

  const schemes = {
    LF: () => '\n',
    'CRLF, then LF, alternating': (index: number) => (index % 2 === 0 ? '\r\n' : '\n'),
    'LF, then CRLF, alternating': (index: number) => (index % 2 === 0 ? '\n' : '\r\n'),
    'CRLF with one LF line': (index: number) => (index === 3 ? '\n' : '\r\n'),
  };
  for (const [name, ending] of Object.entries(schemes)) {
    it(`loads the built-in pack written with ${name} as it loads the original`, async () => {
      const original = await loadPack(BUILTIN_PACK_DIR);
      await rewriteEndings(ending);
      assert.deepEqual(await checkPack(pack.dir), []);
      const rewritten = await loadPack(pack.dir);
      assert.deepEqual(rewritten.zones, original.zones);
      assert.deepEqual(rewritten.municipalities, original.municipalities);
      assert.deepEqual(rewritten.localities, original.localities);
      assert.deepEqual(rewritten.coverage, original.coverage);
    });
  }

  it('in a mixed file, keeps a quoted line break in its cell and points a problem at its line', async () => {
    await rewriteEndings((index) => (index % 2 === 0 ? '\r\n' : '\n'));
    const text = await pack.read('localities.csv');
    await pack.write(
      'localities.csv',
      text.replace('1020,Laeken,', '1020,"Lae\nken",').replace('1130,Haren,21004', '1130,Haren,2100'),
    );
    const problems = await checkPack(pack.dir);
    const bad = problems.filter((problem) => problem.severity === 'error');
    const line = text.split(/\r?\n/).findIndex((row) => row.startsWith('1130,Haren')) + 1;
    assert.deepEqual(
      bad.map(({ file, line, column }) => ({ file, line, column })),
      [{ file: 'localities.csv', line: line + 1, column: 3 }],
      JSON.stringify(problems, null, 1),
    );
  });
});
