/**
 * Preview benchmark (part of `npm run bench`, self-contained): 100,000 generated events as JSON Lines through the CLI's
 * `test` with one topic filter and one regex, end to end as a user runs it (node dist/cli.js), against a baseline that
 * only reads the same file line by line and JSON.parses each line, measured in the same run; then 1,000,000 regex
 * evaluations through the in-process matcher with the wasm heap measured before and after.
 */
import type { BenchRow, BenchSection } from './section';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventFactory } from '../../src/emulator/notifications/eventFactory';
import { Re2Matcher } from '../../src/filters/preview/re2Matcher';
import { scanPattern } from '../../src/filters/regex/scanner';

const EVENTS = 100_000;
const EVALUATIONS = 1_000_000;
const TOPIC_FILTER = 'v2.detail.events.conversation.{id}.acd.start';
const KEY = 'queueId';
/** The two "Premium" queues of the emulator's world: keeps about 2 in 7 of the events that pass the topic. */
const PATTERN = '^(4f1c2a9e|8a2e6c41)-';
const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist', 'cli.js');

/** What the baseline does: nothing but reading lines and parsing them (the floor for any JSON Lines tool). */
const BASELINE = `
const fs = require('node:fs');
const readline = require('node:readline');
(async () => {
  let n = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(process.argv[1]), crlfDelay: Infinity });
  for await (const line of lines) { if (line) { JSON.parse(line); n++; } }
  console.log(n);
})();`;

/** 35 % analytics detail events as AWS delivers them (the topic filter's), the rest tapped presence/routing messages. */
function generate(file: string): number {
  const factory = new EventFactory(42);
  const orgId = 'b7e4d2a1-5c3f-4e8a-9d6b-1f2e3a4b5c6d';
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let chunk = '';
  for (let i = 0; i < EVENTS; i++) {
    const r = i % 20;
    let event;
    if (r < 7) event = factory.eventBridgeEvent(TOPIC_FILTER, factory.concreteTopic(TOPIC_FILTER), orgId, 'bench');
    else if (r < 15) event = factory.message(factory.concreteTopic('v2.users.{id}.presence'));
    else event = factory.message(factory.concreteTopic('v2.users.{id}.routingStatus'));
    chunk += `${JSON.stringify(event)}\n`;
    if (chunk.length > 1 << 20) {
      bytes += fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  bytes += fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  return bytes;
}

/** Wall time of a child node process (start-up included, as a user sees it), best of `runs`. */
function timeNode(args: string[], runs: number): { ms: number; stdout: string } {
  let best = Infinity;
  let stdout = '';
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    stdout = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, stdout };
}

function regexMemory(): { before: number; after: number; heapBytes: number; ms: number; cached: number } {
  const matcher = new Re2Matcher();
  const re2 = scanPattern(PATTERN).re2Pattern;
  const texts = ['4f1c2a9e-7b3d-4e58-9a61-0c2d8e5f7b14', 'c3d9f0a2-5e81-4b6c-8d47-2f1a6b9e0c38', 'Premium Support'];
  // Warm-up, so the allocator's pools are in place before the first reading.
  for (let i = 0; i < 10_000; i++) matcher.test(`${re2}|w${i % 40}`, texts[i % 3]);
  // 40 distinct patterns through a cache of 32: evictions (and frees) all along the run.
  const patterns = Array.from({ length: 40 }, (_, k) => `${re2}|w${k}`);
  const before = matcher.stats();
  const started = performance.now();
  for (let i = 0; i < EVALUATIONS; i++) matcher.test(patterns[Math.floor(i / 1000) % 40], texts[i % 3]);
  const ms = performance.now() - started;
  const after = matcher.stats();
  matcher.clear();
  return { before: before.mallocProbe, after: after.mallocProbe, heapBytes: after.heapBytes, ms, cached: after.cached };
}

/** 100,000 events through the CLI's `test` against a read-and-parse baseline in the same run, and the matcher's memory. */
export const previewSection: BenchSection = {
  name: 'preview',
  async run(): Promise<BenchRow[]> {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebf-bench-'));
    try {
      const file = path.join(dir, 'events.jsonl');
      const bytes = generate(file);
      const baseline = timeNode(['-e', BASELINE, file], 3);
      const cli = timeNode(
        [CLI, 'test', '--events', file, '--topic-filter', TOPIC_FILTER, '--attribute-key', KEY, '--regex', PATTERN],
        3,
      );
      const rate = (elapsed: number) => `${Math.round(EVENTS / (elapsed / 1000)).toLocaleString('en-US')} events/s`;
      const memory = regexMemory();
      const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
      const events = `${EVENTS.toLocaleString('en-US')} events (${mb(bytes)} MB JSONL), one topic filter and one regex`;
      const growth = memory.after - memory.before;
      return [
        {
          measure: `preview: \`test\` on ${events}, wall (best of 3)`,
          value: `${cli.ms.toFixed(0)} ms · ${rate(cli.ms)}`,
          baseline: `${(cli.ms / baseline.ms).toFixed(2)}× reading + JSON.parse alone (${baseline.ms.toFixed(0)} ms)`,
          goal: '≥ 50,000 events/s, ≤ 3×',
        },
        {
          measure: `preview: ${EVALUATIONS.toLocaleString('en-US')} regex evaluations (40 patterns, cache of ${memory.cached})`,
          value: `${memory.ms.toFixed(0)} ms · ${((memory.ms * 1000) / EVALUATIONS).toFixed(2)} µs each`,
          baseline: `wasm malloc probe ${memory.before.toLocaleString('en-US')} → ${memory.after.toLocaleString('en-US')} (${growth >= 0 ? '+' : ''}${growth} bytes)`,
          goal: 'flat memory',
        },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
