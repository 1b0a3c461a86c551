/**
 * `npm run test:vscode`: the editor tests. Installs code-server on first use, runs the mocha suites inside the real
 * extension host, then each UI test file (out/test/ui/**\/*.test.js) with `node --test`, one at a time (the machines
 * have 2 cores and each file runs a whole editor). Exits non-zero if anything failed.
 *
 *   node out/test/vscode/run.js                 everything
 *   node out/test/vscode/run.js --ui smoke      UI files whose path contains "smoke" (no extension-host tests)
 *   node out/test/vscode/run.js --ext           only the extension-host tests
 *   EBF_SELF_TEST_FAIL=1 node out/test/vscode/run.js   adds a deliberately failing test to each part
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findChromium } from './browser';
import { ensureCodeServer } from './installCodeServer';
import { ARTIFACTS_DIR, REPO_ROOT } from './paths';
import { addCleanupHook, makeTempDir, removeTempDir, spawnManaged, runToExit, stopRecordedGroups } from './processes';
import { runExtensionTests } from './runExtensionTests';

interface Outcome {
  name: string;
  ok: boolean;
  seconds: number;
  note?: string;
}

const UI_DIR = path.join(REPO_ROOT, 'out', 'test', 'ui');
const UI_FILE_TIMEOUT_MS = 10 * 60_000;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const onlyExt = args.includes('--ext');
  const onlyUi = args.includes('--ui');
  const filters = args.filter((a) => !a.startsWith('--'));
  const selfTest = process.env.EBF_SELF_TEST_FAIL === '1';

  const started = Date.now();
  findChromium(); // fail early with the install hint rather than after the editor download
  await ensureCodeServer();
  const outcomes: Outcome[] = [];

  if (!onlyUi) {
    console.log('\n=== Extension-host tests (mocha inside code-server) ===');
    const t0 = Date.now();
    const code = await runExtensionTests({
      env: selfTest ? { EBF_SELF_TEST_FAIL: '1' } : {},
      onReportLine: (line) => tally.mocha(line),
    });
    outcomes.push({
      name: 'extension-host tests',
      ok: code === 0,
      seconds: (Date.now() - t0) / 1000,
      note: code === 0 ? undefined : `exit ${code}`,
    });
  }

  if (!onlyExt) {
    const files = listUiFiles().filter((f) => filters.length === 0 || filters.some((filter) => f.includes(filter)));
    if (selfTest) files.push(path.join(REPO_ROOT, 'out', 'test', 'vscode', 'selfTest', 'failingUi.test.js'));
    if (files.length === 0) {
      outcomes.push({
        name: 'UI tests',
        ok: false,
        seconds: 0,
        note: `no *.test.js under ${path.relative(REPO_ROOT, UI_DIR)}${filters.length ? ` matching ${filters.join(', ')}` : ''}`,
      });
    }
    for (const file of files) {
      const name = path.relative(REPO_ROOT, file);
      console.log(`\n=== UI test ${name} ===`);
      outcomes.push(await runUiFile(file, name));
    }
  }

  console.log('\n=== Editor test summary ===');
  for (const o of outcomes) {
    console.log(
      `${o.ok ? 'PASS' : 'FAIL'}  ${o.name.padEnd(48)} ${o.seconds.toFixed(1).padStart(6)} s${o.note ? `  (${o.note})` : ''}`,
    );
  }
  console.log(
    `Screenshots and logs: ${path.relative(process.cwd(), ARTIFACTS_DIR) || ARTIFACTS_DIR}/  ·  total ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  const ok = outcomes.every((o) => o.ok);
  // The conventional closing line CI reads; a part that failed without a test result still counts as a failure.
  const failed = Math.max(tally.failed, ok ? 0 : 1);
  console.log(`editor: ${tally.passed} passed, ${failed} failed`);
  return ok ? 0 : 1;
}

/** Counts test results from mocha's spec summary ("12 passing") and node's test reporter ("ℹ pass 3"). */
const tally = {
  passed: 0,
  failed: 0,
  mocha(line: string): void {
    const m = /^\s*(\d+) (passing|failing)\b/.exec(line);
    if (m) this[m[2] === 'passing' ? 'passed' : 'failed'] += Number(m[1]);
  },
  nodeTest(line: string): void {
    const m = /^ℹ (pass|fail) (\d+)$/.exec(line.trim());
    if (m) this[m[1] === 'pass' ? 'passed' : 'failed'] += Number(m[2]);
  },
};

function listUiFiles(): string[] {
  if (!fs.existsSync(UI_DIR)) return [];
  return (fs.readdirSync(UI_DIR, { recursive: true }) as string[])
    .filter((rel) => rel.endsWith('.test.js'))
    .sort()
    .map((rel) => path.join(UI_DIR, rel));
}

/** One UI file in its own `node --test` process; groups it leaves behind (e.g. it was killed) are stopped and reported. */
async function runUiFile(file: string, name: string): Promise<Outcome> {
  const pidDir = makeTempDir('pids');
  // The test's TMPDIR: playwright's browser profile and artifact folders (which it makes in os.tmpdir() and removes only
  // when it exits normally) land here too, so removing this folder leaves nothing behind even if the test was killed.
  const testTmp = makeTempDir('ui-tmp');
  // On Ctrl+C the test process gets SIGTERM and stops its servers; whatever it could not stop in time, we do.
  const removeHook = addCleanupHook(async () => {
    await stopRecordedGroups(pidDir);
  });
  const t0 = Date.now();
  const child = spawnManaged(
    `node --test ${name}`,
    process.execPath,
    ['--test', '--test-concurrency=1', '--test-reporter=spec', file],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, EBF_PID_DIR: pidDir, TMPDIR: testTmp },
      onLine: (line, stream) => {
        (stream === 'stderr' ? process.stderr : process.stdout).write(`${line}\n`);
        tally.nodeTest(line);
      },
      stopGraceMs: 10_000,
    },
  );
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void child.stop(5000);
  }, UI_FILE_TIMEOUT_MS);
  const code = await child.exited;
  clearTimeout(timer);
  await child.stop();
  const leftovers = await stopRecordedGroups(pidDir);
  removeHook();
  removeTempDir(pidDir);
  removeTempDir(testTmp);
  const seconds = (Date.now() - t0) / 1000;
  const notes = [
    timedOut ? `timed out after ${UI_FILE_TIMEOUT_MS / 1000} s` : code === 0 ? '' : `exit ${code}`,
    leftovers.length ? `left running and stopped: ${leftovers.join(', ')}` : '',
  ].filter(Boolean);
  return { name, ok: code === 0 && !timedOut && leftovers.length === 0, seconds, note: notes.join('; ') || undefined };
}

runToExit(main);
