/**
 * Child processes and throwaway folders that never outlive the run.
 *
 * Every server starts detached in its own process group, so stopping it by PID also stops whatever it spawned
 * (code-server's extension host, file watchers, pty hosts). Cleanup runs on close, on failure, on timeouts and
 * on exit/SIGINT/SIGTERM of this process. When EBF_PID_DIR is set (by run.ts), each live group is also recorded
 * there, so the parent runner can stop groups left behind by a test process that was killed outright.
 * Process groups (`kill(-pid)`) are POSIX: the harness targets Linux x64 only (code-server is installed for linux-x64).
 */
import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or the signal name) once the process has exited. */
  readonly exited: Promise<number | string>;
  readonly hasExited: () => boolean;
  /** The last lines of stdout+stderr, for error messages. */
  readonly outputTail: () => string;
  /** SIGTERM to the whole group, SIGKILL after `graceMs`. Safe to call more than once. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnManagedOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called with every complete line of stdout/stderr. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Also append all output to this file (kept as a test artifact). */
  logFile?: string;
  /** How long stop() waits after SIGTERM before SIGKILL (default 3 s); test runners need time to clean up. */
  stopGraceMs?: number;
}

const liveProcesses = new Set<ManagedProcess>();
const tempDirs = new Set<string>();
const cleanupHooks = new Set<() => Promise<void>>();

/** Runs during cleanupAll(), after the processes are stopped and before temp dirs are removed; returns an unregister function. */
export function addCleanupHook(hook: () => Promise<void>): () => void {
  cleanupHooks.add(hook);
  return () => cleanupHooks.delete(hook);
}

export function spawnManaged(
  name: string,
  command: string,
  args: string[],
  opts: SpawnManagedOptions = {},
): ManagedProcess {
  installExitHandlers();
  const spawnOptions: SpawnOptions = {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  };
  const child = spawn(command, args, spawnOptions);
  if (child.pid === undefined) {
    child.on('error', () => undefined); // the spawn error also arrives as an event; the throw below reports it
    throw new Error(`Could not start ${name} (${command}): no PID. Is it installed?`);
  }
  const pid = child.pid;
  const tail: string[] = [];
  const logStream = opts.logFile ? fs.createWriteStream(opts.logFile, { flags: 'a' }) : undefined;
  for (const stream of ['stdout', 'stderr'] as const) {
    let pending = '';
    child[stream]!.on('data', (chunk: Buffer) => {
      logStream?.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 60) tail.shift();
        opts.onLine?.(line, stream);
      }
    });
  }
  let exitedFlag = false;
  const exited = new Promise<number | string>((resolve) => {
    child.on('error', () => {
      exitedFlag = true;
      resolve('spawn-error');
    });
    child.on('exit', (code, signal) => {
      exitedFlag = true;
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const managed: ManagedProcess = {
    name,
    pid,
    child,
    exited,
    hasExited: () => exitedFlag,
    outputTail: () => tail.join('\n'),
    stop: async (graceMs = opts.stopGraceMs ?? 3000) => {
      await killProcessGroup(pid, graceMs, exited);
      liveProcesses.delete(managed);
      forgetPid(pid);
      logStream?.end();
    },
  };
  liveProcesses.add(managed);
  recordPid(pid, name);
  // The group may outlive the leader (e.g. an orphaned grandchild): stop it when the leader exits, too.
  void exited.then(() => {
    if (liveProcesses.has(managed)) void killProcessGroup(pid, 0);
  });
  return managed;
}

/** SIGTERM to the process group, then SIGKILL after `graceMs` if the group still exists. */
export async function killProcessGroup(pid: number, graceMs = 3000, leaderExited?: Promise<unknown>): Promise<void> {
  if (!signalGroup(pid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  if (leaderExited) await Promise.race([leaderExited, delay(graceMs)]);
  while (groupExists(pid) && Date.now() < deadline) await delay(100);
  if (groupExists(pid)) signalGroup(pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function groupExists(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Asks the OS for a free port on 127.0.0.1. Another process could take it before we bind it; callers retry. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('Could not get a free port'))));
    });
  });
}

/** A fresh folder under the system temp dir, removed by `cleanupAll()` or at process exit. */
export function makeTempDir(prefix: string): string {
  installExitHandlers();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ebf-${prefix}-`));
  tempDirs.add(dir);
  recordTempDir(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  tempDirs.delete(dir);
  forgetTempDir(dir);
}

/** Stops every process this module started and removes every temp dir; used on failure and at exit. */
export async function cleanupAll(): Promise<void> {
  await Promise.all([...liveProcesses].map((p) => p.stop()));
  for (const hook of [...cleanupHooks]) await hook().catch(() => undefined);
  for (const dir of [...tempDirs]) removeTempDir(dir);
}

/**
 * A script's entry point (run.ts, demo.ts, listing.ts): runs `main`, stops everything it started, and exits with its
 * code — or prints the error and exits 1.
 */
export function runToExit(main: () => Promise<number>): void {
  main()
    .then(async (code) => {
      await cleanupAll();
      process.exit(code);
    })
    .catch(async (err: unknown) => {
      console.error(`\n${err instanceof Error ? err.message : String(err)}`);
      await cleanupAll();
      process.exit(1);
    });
}

/** Synchronous last resort: 'exit' handlers cannot wait, so SIGKILL the groups at once. */
function cleanupSync(): void {
  for (const p of liveProcesses) {
    signalGroup(p.pid, 'SIGKILL');
    forgetPid(p.pid);
  }
  liveProcesses.clear();
  for (const dir of tempDirs) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      /* best effort at exit */
    }
  }
  tempDirs.clear();
}

let handlersInstalled = false;
function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', cleanupSync);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      void cleanupAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

// --- PID files, so run.ts can stop groups of a test process that died without cleaning up -------------

function recordPid(pid: number, name: string): void {
  const dir = process.env.EBF_PID_DIR;
  if (dir) {
    try {
      fs.writeFileSync(path.join(dir, String(pid)), name);
    } catch {
      /* the runner's dir may be gone */
    }
  }
}

function forgetPid(pid: number): void {
  const dir = process.env.EBF_PID_DIR;
  if (dir) fs.rmSync(path.join(dir, String(pid)), { force: true });
}

function recordTempDir(tempDir: string): void {
  const dir = process.env.EBF_PID_DIR;
  if (dir) {
    try {
      fs.writeFileSync(path.join(dir, `dir-${path.basename(tempDir)}`), tempDir);
    } catch {
      /* see recordPid */
    }
  }
}

function forgetTempDir(tempDir: string): void {
  const dir = process.env.EBF_PID_DIR;
  if (dir) fs.rmSync(path.join(dir, `dir-${path.basename(tempDir)}`), { force: true });
}

/**
 * For the runner: stops every group recorded in `dir` and removes the recorded temp folders;
 * returns the names of the processes that were still running.
 */
export async function stopRecordedGroups(dir: string): Promise<string[]> {
  const leftovers: string[] = [];
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (file.startsWith('dir-')) {
      const tempDir = fs.readFileSync(path.join(dir, file), 'utf8');
      if (tempDir.startsWith(path.join(os.tmpdir(), 'ebf-'))) fs.rmSync(tempDir, { recursive: true, force: true });
      fs.rmSync(path.join(dir, file), { force: true });
      continue;
    }
    const pid = Number(file);
    if (Number.isInteger(pid) && pid > 0 && groupExists(pid)) {
      leftovers.push(`${fs.readFileSync(path.join(dir, file), 'utf8')} (pid ${pid})`);
      await killProcessGroup(pid, 2000);
    }
    fs.rmSync(path.join(dir, file), { force: true });
  }
  return leftovers;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rejects with `message` if `promise` does not settle within `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
