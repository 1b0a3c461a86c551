/**
 * The harness's process helpers (test/vscode/processes.ts) are what keeps CI free of stray processes:
 * code-server, its extension host and the emulator all run as detached process groups that are stopped
 * by PID. These tests start real (tiny) node processes and check that nothing of them survives.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  cleanupAll,
  delay,
  freePort,
  makeTempDir,
  removeTempDir,
  spawnManaged,
  stopRecordedGroups,
  withTimeout,
  type ManagedProcess,
} from '../../vscode/processes';

/** Alive = signal 0 is deliverable. A process that is gone makes kill(pid, 0) throw ESRCH. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw err;
  }
}

/** Polls until every PID is gone; fails naming the survivors. Orphaned children need a moment to be reaped by init. */
async function assertAllGone(pids: number[], withinMs = 3000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (pids.some(isAlive) && Date.now() < deadline) await delay(50);
  assert.deepEqual(pids.filter(isAlive), [], `still running after ${withinMs} ms`);
}

// Every script is written into one temp dir; if a test fails midway, `after` stops what it started.
const scripts = makeTempDir('unit-processes');
const started: ManagedProcess[] = [];
after(async () => {
  await Promise.all(started.map((p) => p.stop(500)));
  removeTempDir(scripts);
});

function writeScript(name: string, source: string): string {
  const file = path.join(scripts, name);
  fs.writeFileSync(file, source);
  return file;
}

/** A parent that starts a child (same process group, not detached), prints both PIDs, and runs forever. */
const PARENT_WITH_CHILD = `
const { spawn } = require('node:child_process');
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
console.log('pids ' + process.pid + ' ' + child.pid);
setInterval(() => {}, 1000);
`;

/** Prints "ready" only after the SIGTERM handler is in place, so the test cannot stop it too early. */
const IGNORES_SIGTERM = `
process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
console.log('ready');
setInterval(() => {}, 1000);
`;

/** Starts `file` with node and resolves with the first stdout line matching `pattern`. */
async function startAndWaitFor(
  name: string,
  file: string,
  pattern: RegExp,
): Promise<{ proc: ManagedProcess; match: RegExpMatchArray }> {
  let resolveLine!: (m: RegExpMatchArray) => void;
  const seen = new Promise<RegExpMatchArray>((resolve) => {
    resolveLine = resolve;
  });
  const proc = spawnManaged(name, process.execPath, [file], {
    onLine: (line, stream) => {
      const match = stream === 'stdout' ? pattern.exec(line) : null;
      if (match) resolveLine(match);
    },
  });
  started.push(proc);
  const match = await withTimeout(
    Promise.race([
      seen,
      proc.exited.then((r) => {
        throw new Error(`${name} exited early (${r}): ${proc.outputTail()}`);
      }),
    ]),
    4000,
    `${name} printed nothing matching ${pattern}: ${proc.outputTail()}`,
  );
  return { proc, match };
}

describe('harness processes', () => {
  it('stop() ends the whole process group: the parent and the child it spawned', async () => {
    const { proc, match } = await startAndWaitFor(
      'parent',
      writeScript('parent.js', PARENT_WITH_CHILD),
      /^pids (\d+) (\d+)$/,
    );
    const [parentPid, childPid] = [Number(match[1]), Number(match[2])];
    assert.equal(parentPid, proc.pid);
    assert.ok(
      isAlive(parentPid) && isAlive(childPid),
      'both run before the stop (else the check below proves nothing)',
    );

    await proc.stop(2000);
    assert.equal(await proc.exited, 'SIGTERM', 'the parent ended on the SIGTERM, no SIGKILL needed');
    assert.ok(proc.hasExited());
    await assertAllGone([parentPid, childPid]);
    await proc.stop(); // a second stop is harmless
  });

  it('a process that ignores SIGTERM is SIGKILLed after the grace period, not before', async () => {
    const { proc } = await startAndWaitFor('stubborn', writeScript('stubborn.js', IGNORES_SIGTERM), /^ready$/);
    const graceMs = 600;
    const startedAt = Date.now();
    await proc.stop(graceMs);
    const waited = Date.now() - startedAt;
    assert.equal(await withTimeout(proc.exited, 2000, 'no exit after the SIGKILL'), 'SIGKILL');
    assert.ok(waited >= graceMs - 50, `SIGKILL came after ${waited} ms, before the ${graceMs} ms grace period`);
    assert.match(proc.outputTail(), /ignoring SIGTERM/, 'the SIGTERM was delivered first');
    await assertAllGone([proc.pid]);
  });

  it("stopRecordedGroups (the runner's safety net) stops a group recorded in EBF_PID_DIR and reports it", async () => {
    const pidDir = makeTempDir('unit-pids');
    const previous = process.env.EBF_PID_DIR;
    process.env.EBF_PID_DIR = pidDir;
    try {
      const { proc, match } = await startAndWaitFor(
        'left behind',
        writeScript('left-behind.js', PARENT_WITH_CHILD),
        /^pids (\d+) (\d+)$/,
      );
      assert.equal(
        fs.readFileSync(path.join(pidDir, String(proc.pid)), 'utf8'),
        'left behind',
        'spawnManaged recorded the group',
      );
      const leftovers = await stopRecordedGroups(pidDir);
      assert.deepEqual(leftovers, [`left behind (pid ${proc.pid})`]);
      await assertAllGone([Number(match[1]), Number(match[2])]);
      assert.deepEqual(fs.readdirSync(pidDir), [], 'the record is gone');
    } finally {
      if (previous === undefined) delete process.env.EBF_PID_DIR;
      else process.env.EBF_PID_DIR = previous;
      removeTempDir(pidDir);
    }
  });

  it('makeTempDir makes a fresh ebf- folder under the temp dir; removeTempDir removes it with its contents', () => {
    const dir = makeTempDir('unit');
    assert.ok(dir.startsWith(path.join(os.tmpdir(), 'ebf-unit-')), dir);
    assert.notEqual(makeTempDir('unit'), dir, 'every call gets its own folder');
    fs.mkdirSync(path.join(dir, 'nested'));
    fs.writeFileSync(path.join(dir, 'nested', 'file.txt'), 'x');
    removeTempDir(dir);
    assert.equal(fs.existsSync(dir), false);
  });

  it('freePort gives a port that can be bound on 127.0.0.1', async () => {
    const port = await freePort();
    assert.ok(Number.isInteger(port) && port > 0 && port < 65536, String(port));
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  // Last: it also removes the scripts folder the other tests write into.
  it('cleanupAll stops every live process and removes every temp dir still registered', async () => {
    const dir = makeTempDir('unit-cleanup');
    fs.writeFileSync(path.join(dir, 'file.txt'), 'x');
    const { proc, match } = await startAndWaitFor(
      'cleanup',
      writeScript('cleanup.js', PARENT_WITH_CHILD),
      /^pids (\d+) (\d+)$/,
    );
    // cleanupAll also removes this file's script folder; `after` then removes nothing (rmSync with force).
    await cleanupAll();
    assert.ok(proc.hasExited());
    await assertAllGone([Number(match[1]), Number(match[2])]);
    assert.equal(fs.existsSync(dir), false, 'temp dir removed');
    assert.equal(fs.existsSync(scripts), false, 'every registered temp dir is removed, not only the last one');
  });
});
