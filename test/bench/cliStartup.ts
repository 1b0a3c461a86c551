/**
 * The CLI's start-up cost: `--help`, `validate --regex '^a'` and a real `apply` (token + GET + GET + PUT over
 * TLS, against the emulator behind a TLS front) as child processes, each against `node -e 0` measured in the same
 * rounds. The commands run interleaved, round after round, so a busy moment of the machine hits all of them alike;
 * the rows are medians. Set BENCH_CLI_COMPARE=/path/to/other/cli.js to add the same rows for another build.
 */
import * as path from 'node:path';
import { startEmulator } from '../../src/emulator/server';
import { hasGnuTime, measureProcess, type ProcessSample } from './processTiming';
import { median, ms, type BenchRow, type BenchSection } from './section';
import { startTlsFront } from './tlsFront';

const ROUNDS = Number(process.env.BENCH_CLI_ROUNDS ?? 15);
const CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
const INTEGRATION = '8f7a2b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c';

interface Case {
  label: string;
  args: (round: number) => string[];
  goal?: string;
  memoryGoal?: string;
}

function cases(cli: string, suffix: string): Case[] {
  return [
    { label: `CLI \`--help\`${suffix}`, args: () => [cli, '--help'], goal: '≤ node + 20 ms' },
    {
      label: `CLI \`validate --regex '^a'\`${suffix}`,
      args: () => [cli, 'validate', '--regex', '^a'],
      goal: '≤ node + 80 ms',
    },
    {
      label: `CLI \`apply\` (token + 2 GETs + PUT, TLS)${suffix}`,
      // Alternating patterns: every run changes the document, so every run writes.
      args: (round) => [
        ...[cli, '--integration-id', INTEGRATION, '--subscription-name', 'default-voice-stream'],
        ...['--attribute-key', 'interaction.routing.queue.name', '--regex', `^Premium-${round % 2}`],
      ],
      goal: '≤ node + 100 ms',
      memoryGoal: '≤ 60 MiB',
    },
  ];
}

export const cliStartupSection: BenchSection = {
  name: 'CLI start-up',
  async run() {
    const emulator = await startEmulator({ port: 0, quiet: true });
    const front = await startTlsFront(emulator.port);
    try {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NODE_EXTRA_CA_CERTS: front.caFile,
        GENESYS_ENV: front.url,
        GENESYS_CLIENT_ID: emulator.clientId,
        GENESYS_CLIENT_SECRET: emulator.clientSecret,
      };
      for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) delete env[name];
      const all = [...cases(CLI, '')];
      const compare = process.env.BENCH_CLI_COMPARE;
      if (compare) all.push(...cases(path.resolve(compare), ` — ${process.env.BENCH_CLI_COMPARE_LABEL ?? compare}`));

      // A first apply checks the set-up (and warms the emulator and the file cache); it is not counted.
      const check = await measureProcess(process.execPath, all[2].args(1), env);
      if (check.exitCode !== 0) throw new Error(`apply failed (${check.exitCode}): ${check.stderr}`);
      const before = emulator.requests.length;
      await measureProcess(process.execPath, all[2].args(0), env);
      const calls = emulator.requests.slice(before).map((r) => `${r.method} ${r.path.split('?')[0]}`);
      if (calls.length !== 4) throw new Error(`apply should make 4 requests, made: ${calls.join(', ')}`);

      const baseline: ProcessSample[] = [];
      const samples = all.map((): ProcessSample[] => []);
      for (let round = 0; round < ROUNDS; round++) {
        // Rotate the order each round so no command always runs right after another.
        const order = [-1, ...all.keys()];
        const shift = round % order.length;
        for (const i of [...order.slice(shift), ...order.slice(0, shift)]) {
          if (i === -1) baseline.push(await measureProcess(process.execPath, ['-e', '0'], env));
          else {
            const sample = await measureProcess(process.execPath, all[i].args(round), env);
            if (sample.exitCode !== 0) throw new Error(`${all[i].label} exited ${sample.exitCode}: ${sample.stderr}`);
            samples[i].push(sample);
          }
        }
      }
      return rows(baseline, all, samples);
    } finally {
      await front.close();
      await emulator.close();
    }
  },
};

function rows(baseline: ProcessSample[], all: Case[], samples: ProcessSample[][]): BenchRow[] {
  const baseWall = median(baseline.map((s) => s.wallMs));
  const basePeak = hasGnuTime ? median(baseline.map((s) => s.peakMiB ?? 0)) : undefined;
  const out: BenchRow[] = [{ measure: '`node -e 0` (the floor), wall', value: ms(baseWall) }];
  if (basePeak !== undefined) out.push({ measure: '`node -e 0`, peak RSS', value: mib(basePeak) });
  all.forEach((c, i) => {
    // Differences of paired samples (same round), then their median: robust to a slow round.
    const wall = median(samples[i].map((s) => s.wallMs));
    const diff = median(samples[i].map((s, round) => s.wallMs - baseline[round].wallMs));
    out.push({
      measure: `${c.label}, wall`,
      value: ms(wall),
      baseline: `node ${signed(diff)} ms (×${(wall / baseWall).toFixed(2)})`,
      goal: c.goal,
    });
    if (basePeak !== undefined) {
      const peak = median(samples[i].map((s) => s.peakMiB ?? 0));
      out.push({
        measure: `${c.label}, peak RSS`,
        value: mib(peak),
        baseline: `node ${signed(peak - basePeak, 1)} MiB`,
        goal: c.memoryGoal,
      });
    }
  });
  return out;
}

const mib = (n: number): string => `${n.toFixed(1)} MiB`;
const signed = (n: number, digits = 0): string => `${n >= 0 ? '+' : '−'} ${Math.abs(n).toFixed(digits)}`;
