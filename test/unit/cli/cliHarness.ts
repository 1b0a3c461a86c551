import type { JsonObject } from '../../../src/common/json';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, beforeEach } from 'node:test';
import type { CliIo } from '../../../src/cli/output';
import { runCli } from '../../../src/cli/run';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../../src/emulator/server';

export { TUTORIAL_ARGS, TUTORIAL_ID } from '../../tutorialExample';

/** Helpers for CLI tests: one real emulator on 127.0.0.1, the CLI run in-process or as a child process. */

export const MULTI_ID = '3c9e5a71-8b2d-4f60-a1c4-7e5d9b3f2a18';
export const REAL_ORG_ID = '9a4f1e6b-7c2d-4e8f-a3b5-6d1c9e2f4a7b';
/** Distinctive, so a leak anywhere in the output is found by a plain substring search. */
export const SECRET = 'S3cr3t-must-never-be-printed-7f1d';
export const CLIENT_ID = 'cli-test-client';
export const CLI_MAIN = path.resolve(__dirname, '../../../src/cli/main.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function startTestEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ clientId: CLIENT_ID, clientSecret: SECRET, quiet: true, ...opts });
}

/**
 * For the enclosing describe: one test emulator, started before its tests (handed to `use`), reset before each test
 * and closed after the last.
 */
export function useTestEmulator(use: (emulator: Emulator) => void, opts: EmulatorOptions = {}): void {
  let emulator: Emulator;
  before(async () => {
    emulator = await startTestEmulator(opts);
    use(emulator);
  });
  after(async () => {
    await emulator.close();
  });
  beforeEach(() => emulator.reset());
}

export function envFor(
  emulator: Emulator,
  overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return { GENESYS_ENV: emulator.url, GENESYS_CLIENT_ID: CLIENT_ID, GENESYS_CLIENT_SECRET: SECRET, ...overrides };
}

/** Runs the CLI in this process (fast; the emulator's request log is then exact per run). `confirm` plays a terminal. */
export async function runInProcess(
  argv: string[],
  env: Record<string, string | undefined>,
  signal?: AbortSignal,
  confirm?: CliIo['confirm'],
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      env,
      confirm,
    },
    signal,
  );
  return { code, stdout, stderr };
}

/** Runs `node out/src/cli/main.js` as its own process, as a user would (asynchronously: the emulator lives in this process). */
export function runChild(argv: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  const childEnv: Record<string, string> = { PATH: process.env.PATH ?? '' };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_MAIN, ...argv], { env: childEnv, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** "METHOD path" of every request the emulator received, in order. */
export function requestLines(emulator: Emulator): string[] {
  return emulator.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`);
}

/** The attribute filters of one subscription of an EventBridge document (tests read and plant them). */
export function attributes(doc: JsonObject | undefined, subscription = 0): JsonObject[] {
  const subs = doc?.subscriptions as JsonObject[];
  return (subs[subscription].filterCriteria as JsonObject).attributes as JsonObject[];
}

/** The client secret must never appear in what a run printed. */
export function assertNoSecret(run: { stdout: string; stderr: string }): void {
  assert.ok(
    !run.stdout.includes(SECRET) && !run.stderr.includes(SECRET),
    'the client secret must not appear in any output',
  );
}
