/**
 * Wall time and peak memory of a child process. Wall time is taken here, from spawn to exit; peak RSS
 * (ru_maxrss) comes from GNU time (`/usr/bin/time`, Debian package `time`), which reports it for the child it runs.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface ProcessSample {
  wallMs: number;
  /** Peak resident set size in MiB; undefined without GNU time. */
  peakMiB?: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = fs.existsSync(GNU_TIME);

export async function measureProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProcessSample> {
  const rssFile = path.join(os.tmpdir(), `ebf-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-o', rssFile, '-f', '%M', command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(file, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
  const wallMs = performance.now() - started;
  let peakMiB: number | undefined;
  if (hasGnuTime) {
    // GNU time writes "Command exited with non-zero status N" before the value when the child fails.
    const text = fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '';
    fs.rmSync(rssFile, { force: true });
    peakMiB = Number(text) / 1024;
  }
  return { wallMs, peakMiB, exitCode, stdout, stderr };
}
