/**
 * Filters as code at scale (`npm run bench`): export, plan and apply over 100 integrations against the emulator with
 * the platform's default limit enforced (300 requests per 60 s per token) and a realistic latency, through the CLI
 * in-process. For each: the API requests made, how many were answered 429 (the pacing must keep that at 0), the time
 * taken, and the fastest the rate limit allows — ⌊(requests − 1) / allowed⌋ windows, the last window's requests going
 * as soon as it opens. Also apply without a limit, the time the latency alone costs.
 */
import { performance } from 'node:perf_hooks';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/run';
import { startEmulator, type Emulator, type RateLimitSettings } from '../../src/emulator/server';
import { changingFiltersFile, manyIntegrationsData } from '../manyIntegrationsData';
import type { BenchRow, BenchSection } from './section';

const INTEGRATIONS = 100;
const LIMIT: RateLimitSettings = { allowed: 300, windowSeconds: 60 };
const LATENCY_MS = 100;

interface Row {
  label: string;
  requests: number;
  limited: number;
  ms: number;
  floorMs?: number;
}

/** Export, plan and apply over 100 integrations at the platform's limit, against the rate-limit floor. */
export const filtersAsCodeSection: BenchSection = {
  name: 'filters as code',
  async run(): Promise<BenchRow[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebf-bench-ascode-'));
    const emulator = await startEmulator({
      data: manyIntegrationsData(INTEGRATIONS),
      rateLimit: LIMIT,
      latencyMs: LATENCY_MS,
    });
    try {
      const exported = path.join(dir, 'exported.json');
      const changing = path.join(dir, 'eventbridge-filters.json');
      fs.writeFileSync(changing, changingFiltersFile(INTEGRATIONS));
      const rows: Row[] = [];
      rows.push(await timeRun(emulator, 'export', ['export', '--file', exported]));
      rows.push(await timeRun(emulator, 'plan (every integration changed)', ['plan', '--file', changing]));
      rows.push(await timeRun(emulator, 'apply (2 writes per integration)', ['apply', '--file', changing, '--yes']));
      emulator.reset();
      // A limit far above the run (without one the emulator still reports the platform's 300, which the client obeys).
      emulator.setLimits({ rateLimit: { allowed: 100_000, windowSeconds: 60 } });
      const argv = ['apply', '--file', changing, '--yes'];
      rows.push({
        ...(await timeRun(emulator, 'apply, limit far above the run (latency only)', argv)),
        floorMs: undefined,
      });
      const setting = `${INTEGRATIONS} integrations, ${LIMIT.allowed} req/${LIMIT.windowSeconds} s enforced, ${LATENCY_MS} ms latency`;
      return rows.map((r) => ({
        measure: `filters as code: ${r.label} (${setting}), ${r.requests} requests, ${r.limited} answered 429`,
        value: seconds(r.ms),
        baseline:
          r.floorMs === undefined
            ? undefined
            : `rate-limit floor ${seconds(r.floorMs)}; ${((r.ms - r.floorMs) / (LIMIT.windowSeconds * 1000)).toFixed(2)} windows over`,
        goal: r.floorMs === undefined ? undefined : 'no 429, ≈ 1 window of the floor',
      }));
    } finally {
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

async function timeRun(emulator: Emulator, label: string, argv: string[]): Promise<Row> {
  emulator.requests.length = 0;
  let stderr = '';
  const io = {
    stdout: () => undefined,
    stderr: (text: string) => void (stderr += text),
    env: {
      GENESYS_ENV: emulator.url,
      GENESYS_CLIENT_ID: emulator.clientId,
      GENESYS_CLIENT_SECRET: emulator.clientSecret,
    },
  };
  const started = performance.now();
  const code = await runCli(argv, io);
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`${argv.join(' ')} exited ${code}: ${stderr}`);
  const api = emulator.requests.filter((r) => r.path.startsWith('/api/v2/'));
  const floorMs = Math.floor((api.length - 1) / LIMIT.allowed) * LIMIT.windowSeconds * 1000;
  return { label, requests: api.length, limited: api.filter((r) => r.status === 429).length, ms, floorMs };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
