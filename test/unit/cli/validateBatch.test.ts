/** `eventbridge-filter validate --patterns FILE`, run in-process with the real validator (re2-wasm in its worker). */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePatternLines } from '../../../src/cli/patternFile';
import { runInProcess } from './cliHarness';

interface BatchLine {
  pattern: string | null;
  valid: boolean;
  diagnostics: Array<{ severity: string; message: string; start: number; end: number; code: string }>;
  line: number;
}

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebf-patterns-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes `lines` (each already as it should appear in the file) and returns the file's path. */
function patternFile(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
  return file;
}

const parserMessage = (text: string): string => {
  try {
    JSON.parse(text);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`${text} is valid JSON`);
};

describe('validate --patterns', () => {
  it('--json: one object per input line, in order; a pathological pattern and a bad line do not stop the rest', async () => {
    const file = patternFile('mixed.txt', [
      JSON.stringify('^Premium.*$'),
      JSON.stringify('\\101+'), // octal "A": valid in RE2, Go and PCRE2
      '^not-json$',
      JSON.stringify('\\pL{100}'), // exhausts re2-wasm's memory; its worker is replaced
      JSON.stringify('(?<=a)b'),
      JSON.stringify('a(b'),
      JSON.stringify('support|sales'),
    ]);
    const run = await runInProcess(['validate', '--patterns', file, '--json'], {});
    assert.equal(run.code, 2, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 7, run.stdout);
    const results = lines.map((l) => JSON.parse(l) as BatchLine);
    assert.deepEqual(
      results.map((r) => [r.line, r.pattern, r.valid]),
      [
        [1, '^Premium.*$', true],
        [2, '\\101+', true],
        [3, null, false],
        [4, '\\pL{100}', false],
        [5, '(?<=a)b', false],
        [6, 'a(b', false],
        [7, 'support|sales', true],
      ],
    );
    assert.deepEqual(Object.keys(results[0]), ['pattern', 'valid', 'diagnostics', 'line']);
    assert.deepEqual(Object.keys(results[0].diagnostics[0]), ['severity', 'message', 'start', 'end', 'code']);
    assert.deepEqual(results[2].diagnostics, [
      {
        severity: 'error',
        message: `${file}:3: not a JSON string: ${parserMessage('^not-json$')}`,
        start: 0,
        end: 0,
        code: 'notJsonString',
      },
    ]);
    assert.equal(results[3].diagnostics[0].code, 'tooComplex');
    assert.match(results[3].diagnostics[0].message, /too complex to validate safely/);
    const errorOf = (r: BatchLine): unknown[] =>
      r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.start, d.end]);
    assert.deepEqual(errorOf(results[4]), [['pcre2Only.lookbehind', 0, 4]]);
    assert.deepEqual(errorOf(results[5]), [['missingParen', 1, 2]]);
    assert.match(run.stderr, /^7 lines checked in .*: 3 valid, 3 invalid, 1 line not a JSON string\.$/m);
  });

  it('text: one line per pattern with the first error and its position, then a summary; exit 0 when all are valid', async () => {
    const good = patternFile('good.txt', [JSON.stringify('^v2\\.users\\.'), JSON.stringify('[\\101-\\132]\\0')]);
    const ok = await runInProcess(['validate', '--patterns', good], {});
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(ok.stdout.trimEnd().split('\n').slice(0, 2), [
      `${good}:1: valid "^v2\\\\.users\\\\."`,
      `${good}:2: valid "[\\\\101-\\\\132]\\\\0"`,
    ]);
    assert.match(ok.stdout, /\n2 lines checked in [\d.]+ s: 2 valid, 0 invalid\.\n$/);

    const mixed = patternFile('mixed-text.txt', [JSON.stringify('x[z-a]'), '42', JSON.stringify('(?=a)b')]);
    const bad = await runInProcess(['validate', '--patterns', mixed], {});
    assert.equal(bad.code, 2);
    assert.deepEqual(bad.stdout.trimEnd().split('\n').slice(0, 3), [
      `${mixed}:1: invalid "x[z-a]" — invalid character class range z-a at 2–5`,
      `${mixed}:2: not a JSON string: the line holds a number`,
      `${mixed}:3: invalid "(?=a)b" — lookahead at 0–3 is not supported by RE2 (it needs a backtracking engine; filters run on every event, so only linear-time patterns are accepted)`,
    ]);
    assert.match(bad.stderr, /Each line must be one JSON string/);

    // With --allow-pcre2-only the lookahead is a warning: valid, and the warning is shown.
    const allowed = await runInProcess(['validate', '--patterns', mixed, '--allow-pcre2-only'], {});
    assert.match(allowed.stdout, /:3: valid "\(\?=a\)b" — Warning: lookahead at 0–3 /);
    assert.match(allowed.stdout, /0 valid, 1 valid with warnings, 1 invalid, 1 line not a JSON string\./);
    const onlyWarnings = patternFile('warned.txt', [JSON.stringify('(?=a)b')]);
    assert.equal((await runInProcess(['validate', '--patterns', onlyWarnings, '--allow-pcre2-only'], {})).code, 0);
    // Every line is a JSON string but one pattern is invalid: exit 2 all the same.
    assert.equal((await runInProcess(['validate', '--patterns', onlyWarnings], {})).code, 2);
  });

  it('many lines: results in order, and no process warning about the queued validations', async () => {
    const patterns = Array.from({ length: 60 }, (_, i) => `^queue-${i}\\.(a|b)$`);
    const file = patternFile(
      'many.txt',
      patterns.map((p) => JSON.stringify(p)),
    );
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const run = await runInProcess(['validate', '--patterns', file, '--json'], {});
      assert.equal(run.code, 0, run.stderr);
      const results = run.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as BatchLine);
      assert.deepEqual(
        results.map((r) => r.pattern),
        patterns,
      );
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on a later tick
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(
      warnings.map((w) => `${w.name}: ${w.message}`),
      [],
    );
  });

  it('--regex with --patterns, no file, an unreadable or empty file: exit 2', async () => {
    const file = patternFile('one.txt', [JSON.stringify('a')]);
    const both = await runInProcess(['validate', '--regex', 'a', '--patterns', file], {});
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--regex and --patterns cannot be used together/);
    assert.equal(both.stdout, '');
    const neither = await runInProcess(['validate'], {});
    assert.equal(neither.code, 2);
    assert.match(neither.stderr, /Missing required option --regex or --patterns/);
    const missing = await runInProcess(['validate', '--patterns', path.join(dir, 'absent.txt'), '--json'], {});
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read .*absent\.txt: ENOENT/);
    assert.equal((JSON.parse(missing.stdout) as { ok: boolean }).ok, false);
    const empty = await runInProcess(['validate', '--patterns', patternFile('empty.txt', [])], {});
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /holds no patterns/);
  });
});

describe('parsePatternLines', () => {
  it('reads JSON strings line by line: CRLF, a BOM and the final newline are not lines of their own', () => {
    assert.deepEqual(parsePatternLines('\uFEFF"a"\r\n"b\\\\d"\n\n[1]\nnull\n{"p":1}\n'), [
      { line: 1, pattern: 'a' },
      { line: 2, pattern: 'b\\d' },
      { line: 3, problem: 'not a JSON string: the line is empty' },
      { line: 4, problem: 'not a JSON string: the line holds an array' },
      { line: 5, problem: 'not a JSON string: the line holds null' },
      { line: 6, problem: 'not a JSON string: the line holds an object' },
    ]);
    assert.deepEqual(parsePatternLines('"no final newline"'), [{ line: 1, pattern: 'no final newline' }]);
    assert.deepEqual(parsePatternLines(''), []);
  });
});
