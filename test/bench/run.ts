/**
 * Regex validation benchmark (`npm run bench`): cold start, warm latency (p50/p95) per typical pattern,
 * and throughput (also of the 3,000-pattern corpus through `validate --patterns`), printed as a table for the
 * README. Patterns get a unique suffix so the result cache never answers; every number includes the scan,
 * the message hop to the worker and the RE2 compile.
 */
import { performance } from 'node:perf_hooks';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/run';
import { RegexValidator } from '../../src/filters/regex/validator';
import { readCorpus } from '../regexCorpus';
import { benchFiltersAsCode } from './filtersAsCodeBench';

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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (n: number): string => n.toFixed(2);

async function main(): Promise<void> {
  const validator = new RegexValidator();
  try {
    let unique = 0;
    const fresh = (pattern: string): string => `${pattern}|z${unique++}`;

    const coldStart = performance.now();
    await validator.validate(fresh('support'));
    const coldMs = performance.now() - coldStart;

    const rows: string[][] = [];
    for (const [label, pattern] of TYPICAL) {
      const times: number[] = [];
      for (let i = 0; i < WARM_RUNS; i++) {
        const started = performance.now();
        await validator.validate(fresh(pattern));
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      rows.push([label, ms(percentile(times, 50)), ms(percentile(times, 95))]);
    }

    const sequentialStart = performance.now();
    for (let i = 0; i < THROUGHPUT_RUNS; i++) await validator.validate(fresh(TYPICAL[i % TYPICAL.length][1]));
    const sequentialPerSecond = THROUGHPUT_RUNS / ((performance.now() - sequentialStart) / 1000);

    const pipelinedStart = performance.now();
    await Promise.all(
      Array.from({ length: THROUGHPUT_RUNS }, (_, i) => validator.validate(fresh(TYPICAL[i % TYPICAL.length][1]))),
    );
    const pipelinedPerSecond = THROUGHPUT_RUNS / ((performance.now() - pipelinedStart) / 1000);

    const cachedStart = performance.now();
    for (let i = 0; i < THROUGHPUT_RUNS; i++) await validator.validate(TYPICAL[i % TYPICAL.length][1]);
    const cachedPerSecond = THROUGHPUT_RUNS / ((performance.now() - cachedStart) / 1000);

    const pathologicalStart = performance.now();
    await validator.validate('\\pL{100}');
    const pathologicalMs = performance.now() - pathologicalStart;
    const recoveryStart = performance.now();
    await validator.validate(fresh('support'));
    const recoveryMs = performance.now() - recoveryStart;
    const corpus = await timeCorpusBatch();

    console.log(
      `Regex validation benchmark — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`,
    );
    console.log('');
    console.log(table(['pattern', `warm p50 ms`, `warm p95 ms`], rows));
    console.log('');
    console.log(
      table(
        ['measure', 'value'],
        [
          ['cold start (worker + wasm load + first validation)', `${ms(coldMs)} ms`],
          [
            `sequential throughput (${THROUGHPUT_RUNS} distinct patterns, one at a time)`,
            `${Math.round(sequentialPerSecond)} /s`,
          ],
          [
            `pipelined throughput (${THROUGHPUT_RUNS} distinct patterns queued at once)`,
            `${Math.round(pipelinedPerSecond)} /s`,
          ],
          ['repeated patterns (result cache)', `${Math.round(cachedPerSecond)} /s`],
          ['pathological \\pL{100} → "too complex"', `${ms(pathologicalMs)} ms`],
          ['next validation after the worker restart', `${ms(recoveryMs)} ms`],
          [
            `${corpus.patterns.toLocaleString('en-US')}-pattern corpus, validate --patterns in one run (own worker)`,
            `${ms(corpus.ms)} ms (${Math.round(corpus.perSecond)} /s)`,
          ],
        ],
      ),
    );
  } finally {
    await validator.dispose();
  }
  await benchFiltersAsCode();
}

/** The regex corpus through `validate --patterns --json` in-process: file read, fresh worker, output and all. */
async function timeCorpusBatch(): Promise<{ patterns: number; ms: number; perSecond: number }> {
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
    return { patterns: patterns.length, ms: elapsed, perSecond: patterns.length / (elapsed / 1000) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
