/**
 * Regex validation in its worker: cold start, warm latency (p50/p95) per typical pattern, throughput, the
 * pathological-pattern budget, and the 3,000-pattern corpus through `validate --patterns`. Patterns get a unique
 * suffix so the result cache never answers; every number includes the scan, the message hop and the RE2 compile.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from '../../src/cli/run';
import { RegexValidator } from '../../src/filters/regex/validator';
import { readCorpus } from '../regexCorpus';
import { percentile, type BenchRow, type BenchSection } from './section';

const TYPICAL: Array<[label: string, pattern: string]> = [
  ['literal', 'support'],
  ['dotted key', 'interaction\\.routing\\.queue\\.name'],
  ['alternation', '^(sales|support|billing)-(eu|us)$'],
  ['uuid', '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'],
  ['named groups', '(?<region>[a-z]{2})-(?<team>\\w+)'],
  ['unicode script', '^\\p{Greek}[\\p{Greek} ]*$'],
  ['case-insensitive', '(?i)^vip(-gold|-platinum)?$'],
  ['invalid (missing ))', '^(sales|support'],
  ['PCRE2-only (lookahead)', '^(?!test).*$'],
];
const WARM_RUNS = 100;
const THROUGHPUT_RUNS = 1000;

const ms2 = (n: number): string => `${n.toFixed(2)} ms`;

export const regexSection: BenchSection = {
  name: 'regex validation',
  async run() {
    const validator = new RegexValidator();
    try {
      let unique = 0;
      const fresh = (pattern: string): string => `${pattern}|z${unique++}`;
      const rows: BenchRow[] = [];

      const coldStart = performance.now();
      await validator.validate(fresh('support'));
      rows.push({
        measure: 'regex: cold start (worker + wasm load + first validation)',
        value: ms2(performance.now() - coldStart),
      });

      for (const [label, pattern] of TYPICAL) {
        const times: number[] = [];
        for (let i = 0; i < WARM_RUNS; i++) {
          const started = performance.now();
          await validator.validate(fresh(pattern));
          times.push(performance.now() - started);
        }
        rows.push({
          measure: `regex: warm p50 / p95 — ${label}`,
          value: `${percentile(times, 50).toFixed(2)} / ${percentile(times, 95).toFixed(2)} ms`,
        });
      }

      const sequentialStart = performance.now();
      for (let i = 0; i < THROUGHPUT_RUNS; i++) await validator.validate(fresh(TYPICAL[i % TYPICAL.length][1]));
      rows.push({
        measure: `regex: sequential throughput, ${THROUGHPUT_RUNS.toLocaleString('en-US')} distinct patterns`,
        value: perSecond(THROUGHPUT_RUNS, performance.now() - sequentialStart),
      });

      const pipelinedStart = performance.now();
      await Promise.all(
        Array.from({ length: THROUGHPUT_RUNS }, (_, i) => validator.validate(fresh(TYPICAL[i % TYPICAL.length][1]))),
      );
      rows.push({
        measure: `regex: pipelined throughput, ${THROUGHPUT_RUNS.toLocaleString('en-US')} patterns queued at once`,
        value: perSecond(THROUGHPUT_RUNS, performance.now() - pipelinedStart),
      });

      const cachedStart = performance.now();
      for (let i = 0; i < THROUGHPUT_RUNS; i++) await validator.validate(TYPICAL[i % TYPICAL.length][1]);
      rows.push({
        measure: 'regex: repeated patterns (result cache)',
        value: perSecond(THROUGHPUT_RUNS, performance.now() - cachedStart),
      });

      const pathologicalStart = performance.now();
      await validator.validate('\\pL{100}');
      rows.push({
        measure: 'regex: pathological `\\pL{100}` → "too complex" (budget 1.5 s)',
        value: ms2(performance.now() - pathologicalStart),
      });
      const recoveryStart = performance.now();
      await validator.validate(fresh('support'));
      rows.push({
        measure: 'regex: next validation after the worker restart',
        value: ms2(performance.now() - recoveryStart),
      });
      return rows;
    } finally {
      await validator.dispose();
    }
  },
};

/** The regex corpus through `validate --patterns --json` in-process: file read, fresh worker, output and all. */
export const regexCorpusSection: BenchSection = {
  name: 'regex corpus',
  async run() {
    const patterns = readCorpus().map((row) => row.pattern);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebf-bench-'));
    try {
      const file = path.join(dir, 'patterns.txt');
      fs.writeFileSync(file, patterns.map((p) => `${JSON.stringify(p)}\n`).join(''));
      let lines = 0;
      const io = {
        stdout: (text: string) => void (lines += text.split('\n').length - 1),
        stderr: () => undefined,
        env: {},
      };
      const started = performance.now();
      await runCli(['validate', '--patterns', file, '--json'], io);
      const elapsed = performance.now() - started;
      if (lines !== patterns.length) throw new Error(`expected ${patterns.length} result lines, got ${lines}`);
      return [
        {
          measure: `regex: ${patterns.length.toLocaleString('en-US')}-pattern corpus, \`validate --patterns\` in one run`,
          value: `${(elapsed / 1000).toFixed(2)} s (${Math.round(patterns.length / (elapsed / 1000))} /s)`,
        },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

function perSecond(count: number, elapsedMs: number): string {
  return `${Math.round(count / (elapsedMs / 1000)).toLocaleString('en-US')} /s`;
}
