// deploy/carezone.service, checked by systemd's own tools: `systemd-analyze verify` (syntax, known
// keys and values, an executable ExecStart) and `systemd-analyze security` (the hardening). Without
// systemd-analyze the tests fail, saying so, unless CAREZONE_TEST_SKIP_SYSTEMD=1 skips them on purpose.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, type TestContext, test } from 'node:test';
import { REPO_ROOT } from '../helpers.js';

const DEPLOY = join(REPO_ROOT, 'deploy');
const UNIT_NAME = 'carezone.service';
const OPT_OUT = 'CAREZONE_TEST_SKIP_SYSTEMD';
/** What the unit runs: the `carezone` command npm links for `npm install --prefix /opt/carezone`. */
const NODE = '/usr/bin/node';
const COMMAND = '/opt/carezone/node_modules/.bin/carezone';
/** `systemd-analyze security` rates exposure from 0 to 10; `--threshold` takes tenths. */
const MAX_EXPOSURE_TENTHS = 25;
/** The guide's command that turns the unit into a template, one instance per port. */
const TEMPLATE_COMMAND =
  "sed 's|/carezone serve$|/carezone serve --port %i|' /etc/systemd/system/carezone.service > /etc/systemd/system/carezone@.service";

const analyzerPresent = !spawnSync('systemd-analyze', ['--version']).error;

/** True when the test may go on; skips it (opted out) or fails it (not opted out) without systemd-analyze. */
function needsAnalyzer(t: TestContext): boolean {
  if (analyzerPresent) return true;
  if (process.env[OPT_OUT] === '1') {
    t.skip(`systemd-analyze is not installed and ${OPT_OUT}=1: the unit file is not checked`);
    return false;
  }
  assert.fail(
    'systemd-analyze is not installed, so deploy/carezone.service cannot be checked: install systemd ' +
      `(apt-get install systemd), or set ${OPT_OUT}=1 to skip this check on purpose`,
  );
}

function analyze(args: string[]): { status: number | null; output: string } {
  const result = spawnSync('systemd-analyze', args, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * What `systemd-analyze verify` says about the unit in `dir`. It exits 0 after most problems (an
 * unknown key, a bad value: "…, ignoring"), so each line naming the unit counts as a complaint;
 * lines about units of this machine that the verification pulled in do not.
 */
function complaints(dir: string, name = UNIT_NAME): string[] {
  const { status, output } = analyze(['verify', '--man=no', join(dir, name)]);
  const lines = output.split('\n').filter((line) => line.includes(dir) || line.includes('carezone'));
  return status === 0 ? lines : [`exit status ${status}`, ...lines];
}

/** The unit as systemd reads it: sections of keys, each with its values in order. */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const line of text.replace(/\\\n/g, ' ').split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(trimmed)?.[1];
    if (section !== undefined) {
      current = sections.get(section) ?? new Map();
      sections.set(section, current);
      continue;
    }
    const equals = trimmed.indexOf('=');
    assert.ok(current && equals > 0, `not a key=value line in a section: ${trimmed}`);
    const key = trimmed.slice(0, equals).trim();
    current.set(key, [...(current.get(key) ?? []), trimmed.slice(equals + 1).trim()]);
  }
  return sections;
}

describe('deploy/carezone.service', () => {
  let unitText = '';
  let service = new Map<string, string[]>();
  let dir = '';
  /** The unit's one value of `key` in [Service]. */
  const one = (key: string): string => {
    const values = service.get(key) ?? [];
    assert.equal(values.length, 1, `[Service] ${key}= is set once: ${JSON.stringify(values)}`);
    return values[0] ?? '';
  };

  before(async () => {
    unitText = await readFile(join(DEPLOY, UNIT_NAME), 'utf8');
    service = parseUnit(unitText).get('Service') ?? new Map();
    dir = await mkdtemp(join(tmpdir(), 'carezone-unit-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** Writes `text` as the unit to check, with ExecStart's Node.js one that exists on this machine. */
  async function writeForVerify(t: TestContext, text: string, name = UNIT_NAME): Promise<void> {
    let checked = text;
    // verify requires ExecStart's program to exist. The unit names /usr/bin/node, as installed by
    // the Debian and NodeSource packages; on a machine with Node.js elsewhere, that one stands in.
    if (!existsSync(NODE)) {
      checked = text.replaceAll(`ExecStart=${NODE} `, `ExecStart=${process.execPath} `);
      t.diagnostic(`${NODE} is absent here: verified with ExecStart on ${process.execPath}`);
    }
    await writeFile(join(dir, name), checked);
  }

  test('runs the carezone command as its own user, with a writable data folder and nothing else', async () => {
    const serverPackage = JSON.parse(
      await readFile(join(REPO_ROOT, 'packages', 'server', 'package.json'), 'utf8'),
    ) as { bin?: Record<string, string> };
    assert.ok(
      serverPackage.bin?.carezone,
      '@carezone/server declares the carezone command npm links in .bin',
    );
    assert.equal(one('ExecStart'), `${NODE} ${COMMAND} serve`);
    assert.equal(one('User'), 'carezone');
    assert.equal(one('NoNewPrivileges'), 'yes');
    assert.equal(one('ProtectSystem'), 'strict');
    assert.equal(one('Restart'), 'on-failure');
    assert.equal(one('EnvironmentFile'), '/etc/carezone/carezone.env');
    // ProtectSystem=strict leaves only the StateDirectory (/var/lib/NAME) writable: the data
    // folder, and so the SQLite file and the .eml folder in it, must be there.
    const stateDir = `/var/lib/${one('StateDirectory')}`;
    const environment = service.get('Environment') ?? [];
    assert.ok(environment.includes(`CAREZONE_DATA_DIR=${stateDir}`), `CAREZONE_DATA_DIR is ${stateDir}`);
    assert.equal(one('WorkingDirectory'), stateDir);
    assert.equal(service.get('ReadWritePaths'), undefined, 'nothing else is writable');
  });

  test('passes systemd-analyze verify without a single complaint', async (t) => {
    if (!needsAnalyzer(t)) return;
    await writeForVerify(t, unitText);
    assert.deepEqual(complaints(dir), []);
  });

  test('the check notices a broken unit (so that it can fail)', async (t) => {
    if (!needsAnalyzer(t)) return;
    const broken = {
      'a misspelt value': unitText.replace('ProtectSystem=strict', 'ProtectSystem=strikt'),
      'an unknown key': unitText.replace('[Service]\n', '[Service]\nProtectEverything=yes\n'),
      'a missing program': unitText.replace(`ExecStart=${NODE} `, 'ExecStart=/nonexistent/node '),
    };
    for (const [what, text] of Object.entries(broken)) {
      assert.notEqual(text, unitText, what);
      await writeForVerify(t, text);
      assert.notDeepEqual(complaints(dir), [], `systemd-analyze verify reports ${what}`);
    }
  });

  test(`is hardened: systemd-analyze security rates its exposure ${MAX_EXPOSURE_TENTHS / 10} or less`, async (t) => {
    if (!needsAnalyzer(t)) return;
    await writeForVerify(t, unitText);
    const { status, output } = analyze([
      'security',
      '--offline=yes',
      `--threshold=${MAX_EXPOSURE_TENTHS}`,
      '--no-pager',
      join(dir, UNIT_NAME),
    ]);
    const overall = output.split('\n').find((line) => line.includes('Overall exposure level'));
    t.diagnostic(overall ?? 'no overall exposure line');
    assert.equal(status, 0, `exposure over ${MAX_EXPOSURE_TENTHS / 10}:\n${output}`);
  });

  test("the guide's template for one process per port passes systemd-analyze verify", async (t) => {
    const guide = await readFile(join(REPO_ROOT, 'docs', 'operations.md'), 'utf8');
    assert.ok(guide.includes(TEMPLATE_COMMAND), 'docs/operations.md gives this command');
    if (!needsAnalyzer(t)) return;
    await writeForVerify(t, unitText);
    const command = TEMPLATE_COMMAND.replaceAll('/etc/systemd/system', dir);
    const made = spawnSync('sh', ['-c', command], { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    const template = await readFile(join(dir, 'carezone@.service'), 'utf8');
    assert.match(template, /^ExecStart=.* serve --port %i$/m);
    await writeFile(join(dir, 'carezone@3001.service'), template);
    assert.deepEqual(complaints(dir, 'carezone@3001.service'), []);
  });

  test('carezone-admin runs the command as the unit runs the server', async (t) => {
    const script = await readFile(join(DEPLOY, 'carezone-admin'), 'utf8');
    const syntax = spawnSync('sh', ['-n', join(DEPLOY, 'carezone-admin')], { encoding: 'utf8' });
    assert.equal(syntax.status, 0, syntax.stderr);
    const expected = [
      `--uid=${one('User')}`,
      `--gid=${one('Group')}`,
      `--working-directory=${one('WorkingDirectory')}`,
      `--property=EnvironmentFile=${one('EnvironmentFile')}`,
      `--property=UMask=${one('UMask')}`,
      ...(service.get('Environment') ?? []).map((assignment) => `--setenv=${assignment}`),
      `${NODE} ${COMMAND} "$@"`,
    ];
    for (const part of expected) assert.ok(script.includes(part), `carezone-admin has ${part}`);
    t.diagnostic('not run: systemd-run needs a running systemd');
  });
});
