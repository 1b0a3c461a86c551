/**
 * The CLI's in-process fast path: only patterns that are cheap by construction compile in the calling thread, they
 * get exactly the worker's verdicts, and pathological patterns still go to the worker and its time budget.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { isCheapToCompile } from '../../../src/filters/regex/inProcessCompile';
import { RegexValidator } from '../../../src/filters/regex/validator';

const SAMPLES = [
  '^Premium.*$',
  '^(sales|support|billing)-(eu|us)$',
  '[0-9]{3}-[0-9]{4}',
  '(?i)^vip(-gold|-platinum)?$',
  '^(sales|support',
  'a{2,1}',
  '^(?!test).*$',
  '(?P<n>a)(?P=n)',
  '[z-a]',
  'a**',
  '^\\p{Greek}+$',
  '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
  'caf\u00e9',
];

describe('in-process RE2 fast path', () => {
  it('takes short ASCII patterns and leaves Unicode classes and large repetitions to the worker', () => {
    for (const cheap of ['^Premium.*$', '[0-9]{3}-[0-9]{4}', '(?i)^vip(-gold)?$', '\\w{100}', '.{100}']) {
      assert.equal(isCheapToCompile(cheap), true, cheap);
    }
    for (const costly of [
      '\\pL{100}',
      '[\\p{L}\\p{N}]{1000}',
      '\\x{100}',
      'caf\u00e9',
      '\\101',
      `(${'[^a]'.repeat(120)}){100}`, // ≈ 12,000 expanded atoms: exhausts re2-wasm's heap
      '(a{10}){10}{11}',
      'a'.repeat(257),
    ]) {
      assert.equal(isCheapToCompile(costly), false, costly);
    }
  });

  it('gives the same verdicts and diagnostics as the worker', async () => {
    const worker = new RegexValidator();
    const inProcess = new RegexValidator({ inProcess: true });
    try {
      for (const pattern of SAMPLES) {
        assert.deepEqual(await inProcess.validate(pattern), await worker.validate(pattern), pattern);
      }
      // Cheap patterns never started the worker; the others did.
      assert.equal((await inProcess.stats()).compiles < SAMPLES.length, true);
    } finally {
      await Promise.all([worker.dispose(), inProcess.dispose()]);
    }
  });

  it('still reports a pathological pattern as too complex, through the worker, without crashing', async () => {
    const validator = new RegexValidator({ inProcess: true });
    try {
      const result = await validator.validate('\\pL{100}');
      assert.equal(result.valid, false);
      assert.match(result.diagnostics.map((d) => d.message).join('\n'), /too complex/);
      assert.equal((await validator.validate('^ok$')).valid, true);
    } finally {
      await validator.dispose();
    }
  });
});
