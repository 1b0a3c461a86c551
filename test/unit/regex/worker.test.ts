/**
 * The worker side of regex validation: no leaks over 10,000 validations, pathological patterns that
 * cannot freeze or kill the process, cancellation and stale requests, lazy loading, both file layouts.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RegexValidator, type RegexValidationResult } from '../../../src/filters/regex/validator';
import { resolveWorkerPath } from '../../../src/filters/regex/compileWorker';

const REPO = path.resolve(__dirname, '../../../..');
/** Allowed drift of the wasm malloc probe after warm-up; the leaky RE2 class moves it by >1 MiB per 3,000 compiles. */
const LEAK_TOLERANCE_BYTES = 64 * 1024;

/** Distinct, valid, realistic patterns (no cache hits). */
const typicalPattern = (i: number): string => `^v2\\.routing\\.queues\\.q${i}\\.(members|users)-[a-z0-9]{1,8}$`;

/** Validates patterns 0..count-1 with a few requests in flight at a time, like fast typing with several inputs. */
async function validateMany(validator: RegexValidator, from: number, count: number): Promise<RegexValidationResult[]> {
  const results: RegexValidationResult[] = [];
  for (let i = from; i < from + count; i += 50) {
    const batch = Array.from({ length: Math.min(50, from + count - i) }, (_, k) =>
      validator.validate(typicalPattern(i + k)),
    );
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

const isAbortError = (err: unknown): boolean => err instanceof Error && err.name === 'AbortError';

describe('memory', () => {
  it('10,000 validations in a row do not grow the wasm heap', async () => {
    const validator = new RegexValidator();
    try {
      await validateMany(validator, 0, 300); // warm-up: allocator pools settle
      const before = await validator.stats();
      const rssBefore = process.memoryUsage().rss;
      const results = await validateMany(validator, 300, 10_000);
      const after = await validator.stats();
      assert.equal(results.filter((r) => r.valid).length, 10_000, 'every pattern compiled successfully');
      assert.equal(after.restarts, 0, 'the worker never had to be replaced');
      assert.equal(after.compiles - before.compiles, 10_000);
      assert.ok(before.memory && after.memory);
      const growth = after.memory.mallocProbe - before.memory.mallocProbe;
      assert.ok(growth < LEAK_TOLERANCE_BYTES, `wasm heap grew by ${growth} bytes`);
      const rssGrowth = process.memoryUsage().rss - rssBefore;
      assert.ok(rssGrowth < 64 * 1024 * 1024, `process RSS grew by ${rssGrowth} bytes`);
    } finally {
      await validator.dispose();
    }
  });

  it('the same measurement catches the leaky RE2 class (so the test above can fail)', async () => {
    const leakyWorker = path.join(__dirname, 'fixtures', 'leakyWorker.js');
    const validator = new RegexValidator({ workerPath: leakyWorker });
    try {
      await validateMany(validator, 0, 300);
      const before = await validator.stats();
      await validateMany(validator, 300, 1_000);
      const after = await validator.stats();
      assert.ok(before.memory && after.memory);
      const growth = after.memory.mallocProbe - before.memory.mallocProbe;
      assert.ok(growth > LEAK_TOLERANCE_BYTES, `leaky worker's heap grew by only ${growth} bytes`);
    } finally {
      await validator.dispose();
    }
  });
});

describe('pathological patterns', () => {
  for (const pattern of ['\\pL{100}', '[\\p{L}\\p{N}]{1000}']) {
    it(`${pattern} is reported as too complex; the process and the next validation are fine`, async () => {
      // A generous budget so the wasm abort (≈0.6 s idle, seconds on a loaded 2-core machine) is what ends the
      // compile, not the timeout: timeouts are deliberately not cached, aborts are, and this test is about aborts.
      const validator = new RegexValidator({ compileTimeoutMs: 15_000 });
      try {
        let maxGapMs = 0;
        let last = Date.now();
        const ticker = setInterval(() => {
          const now = Date.now();
          maxGapMs = Math.max(maxGapMs, now - last);
          last = now;
        }, 10);
        const started = Date.now();
        const result = await validator.validate(pattern);
        const elapsed = Date.now() - started;
        clearInterval(ticker);
        assert.equal(result.valid, false);
        assert.equal(result.diagnostics.length, 1);
        assert.deepEqual(
          { ...result.diagnostics[0], message: undefined },
          { code: 'tooComplex', severity: 'error', start: 0, end: pattern.length, message: undefined },
        );
        assert.match(result.diagnostics[0].message, /too complex to validate safely/);
        // Had the compile run on this thread, one timer gap would span (nearly) the whole validation.
        assert.ok(maxGapMs < Math.max(250, elapsed * 0.6), `main thread was blocked for ${maxGapMs} of ${elapsed} ms`);
        assert.equal((await validator.validate('abc')).valid, true);
        assert.equal((await validator.stats()).restarts, 1);
        // Cached: asking again does not crash the worker a second time.
        assert.equal((await validator.validate(pattern)).diagnostics[0].code, 'tooComplex');
        assert.equal((await validator.stats()).restarts, 1);
      } finally {
        await validator.dispose();
      }
    });
  }

  it('a compile over its time budget is cut off and the worker replaced', async () => {
    const validator = new RegexValidator({ compileTimeoutMs: 100 });
    try {
      await validator.validate('warm'); // worker start-up is not part of the budget
      const started = Date.now();
      const result = await validator.validate('(?i)\\pL{50}');
      assert.ok(Date.now() - started < 1000);
      assert.equal(result.diagnostics[0].code, 'tooComplex');
      assert.match(result.diagnostics[0].message, /took longer than 0\.1 s/);
      assert.equal((await validator.validate('a(b')).diagnostics[0].code, 'missingParen');
      assert.equal((await validator.stats()).restarts, 1);
      // A timeout is not cached (it may have been a busy machine): asking again compiles again.
      assert.equal((await validator.validate('(?i)\\pL{50}')).diagnostics[0].code, 'tooComplex');
      assert.equal((await validator.stats()).restarts, 2);
    } finally {
      await validator.dispose();
    }
  });
});

describe('cancellation and ordering', () => {
  it('aborted requests reject with AbortError and are not compiled; the newest one answers', async () => {
    const validator = new RegexValidator();
    try {
      const typed = ['a(', 'a(b', 'a(b)'];
      const controllers = typed.map(() => new AbortController());
      const pending = typed.map((p, i) => validator.validate(p, {}, controllers[i].signal));
      controllers[0].abort();
      controllers[1].abort();
      await assert.rejects(pending[0], isAbortError);
      await assert.rejects(pending[1], isAbortError);
      const latest = await pending[2];
      assert.equal(latest.valid, true);
      assert.equal((await validator.stats()).compiles, 1, 'only the newest pattern was compiled');
      await assert.rejects(validator.validate('x', {}, AbortSignal.abort()), isAbortError);
    } finally {
      await validator.dispose();
    }
  });

  it('each concurrent request gets the result for its own pattern', async () => {
    const validator = new RegexValidator();
    try {
      const patterns = Array.from({ length: 40 }, (_, i) =>
        i % 3 === 0 ? `x${i}(` : i % 3 === 1 ? `[${i}` : `ok${i}`,
      );
      const results = await Promise.all(patterns.map((p) => validator.validate(p)));
      results.forEach((r, i) => {
        const expected = i % 3 === 0 ? 'missingParen' : i % 3 === 1 ? 'missingBracket' : 'valid';
        assert.equal(r.diagnostics[0].code, expected, patterns[i]);
      });
    } finally {
      await validator.dispose();
    }
  });

  it('aborting a slow compile in flight lets the next request through at once', async () => {
    const validator = new RegexValidator({ compileTimeoutMs: 5000 });
    try {
      await validator.validate('warm');
      const controller = new AbortController();
      const slow = validator.validate('(?i)\\pL{49}', {}, controller.signal);
      await new Promise((resolve) => setTimeout(resolve, 120)); // past the 100 ms after which an abandoned compile is cut off
      controller.abort();
      await assert.rejects(slow, isAbortError);
      const started = Date.now();
      assert.equal((await validator.validate('next')).valid, true);
      assert.ok(Date.now() - started < 1000, `next validation waited ${Date.now() - started} ms`);
    } finally {
      await validator.dispose();
    }
  });

  it('dispose terminates the worker and rejects what is pending and what comes later', async () => {
    const validator = new RegexValidator();
    const pending = assert.rejects(validator.validate('abc'), /disposed/);
    await validator.dispose();
    await pending;
    await assert.rejects(validator.validate('abc'), /disposed/);
  });
});

describe('loading', () => {
  it('never loads re2-wasm into the calling thread', async () => {
    const validator = new RegexValidator();
    try {
      await validator.validate('a+');
      assert.deepEqual(
        Object.keys(require.cache).filter((k) => k.includes('re2-wasm')),
        [],
      );
    } finally {
      await validator.dispose();
    }
  });

  it('finds worker.js next to the compiled validator (tsc layout)', () => {
    assert.equal(resolveWorkerPath(), path.join(REPO, 'out', 'src', 'filters', 'regex', 'worker.js'));
  });

  it('works from an esbuild bundle with regexWorker.js beside it (dist layout)', async () => {
    const esbuild = require('esbuild') as typeof import('esbuild');
    // Inside the repo so the bundle resolves the external re2-wasm from node_modules, like dist/ does.
    const dir = fs.mkdtempSync(path.join(REPO, 'out', 'bundle-test-'));
    try {
      esbuild.buildSync({
        entryPoints: {
          validatorBundle: path.join(REPO, 'src/filters/regex/validator.ts'),
          regexWorker: path.join(REPO, 'src/filters/regex/worker.ts'),
        },
        outdir: dir,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        external: ['re2-wasm'],
        logLevel: 'error',
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is built by this test, at run time
      const bundled = require(
        path.join(dir, 'validatorBundle.js'),
      ) as typeof import('../../../src/filters/regex/validator');
      const validator = new bundled.RegexValidator();
      try {
        const result = await validator.validate('(?<=a)b');
        assert.equal(result.diagnostics[0].code, 'pcre2Only.lookbehind');
        assert.equal((await validator.validate('a(b')).diagnostics[0].code, 'missingParen');
      } finally {
        await validator.dispose();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
