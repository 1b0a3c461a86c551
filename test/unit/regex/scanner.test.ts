/** The pure pre-scanner: what RE2 is given, and how its output maps back to the user's text. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { scanPattern } from '../../../src/filters/regex/scanner';
import { mapRe2Error } from '../../../src/filters/regex/errorMapping';

describe('scanner rewrite', () => {
  const rewrites: Array<[string, string]> = [
    ['(?<name>a)', '(?P<name>a)'], // PCRE2/JS spelling → RE2's, as re2-wasm's JS layer does
    ['\\cA\\cz', '\\x{1}\\x{1A}'], // control escapes, correct also for lower case (re2-wasm's rewrite is buggy there)
    ['(?=a)b', '(?:a)b'], // PCRE2-only constructs become neutral RE2 of the same shape
    ['(a)\\1', '(a)(?:)'],
    ['a*+', 'a*'],
    ['a{2000}', 'a{1000}'],
    ['(?x)a', 'a'],
    ['\\Q(*)\\E', '\\(\\*\\)'],
    ['[\\Q]\\E]', '[\\x{5D}]'],
    ['a\\Eb', 'ab'],
    ['\\😀', '😀'],
    ['[\\b]', '[\\x{8}]'],
  ];
  for (const [pattern, expected] of rewrites) {
    it(`${pattern} → ${expected}`, () => assert.equal(scanPattern(pattern).re2Pattern, expected));
  }

  it('segments cover the whole pattern and the whole output, in order', () => {
    const pattern = '😀(?<=x)\\Qa)\\E[z-a]{3}+';
    const scan = scanPattern(pattern);
    let at = 0;
    let outAt = 0;
    for (const s of scan.segments) {
      assert.equal(s.start, at);
      assert.equal(s.outStart, outAt);
      at = s.end;
      outAt = s.outEnd;
    }
    assert.equal(at, pattern.length);
    assert.equal(outAt, scan.re2Pattern.length);
  });

  it('falls back to the fragment, then to the whole pattern, for errors it has no candidate for', () => {
    const scan = scanPattern('ab😀cd');
    assert.deepEqual(
      [mapRe2Error('ab😀cd', scan, 'invalid UTF-8: 😀c')].map((d) => [d.start, d.end]),
      [[2, 5]],
    );
    assert.deepEqual(
      [mapRe2Error('ab😀cd', scan, 'something new')].map((d) => [d.code, d.start, d.end]),
      [['invalidPattern', 0, 6]],
    );
  });
});
