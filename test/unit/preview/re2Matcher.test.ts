/**
 * In-process RE2 matching: a bounded cache of compiled patterns whose evicted objects are freed, so a million
 * evaluations leave the wasm heap where it was — and the same measurement catches a matcher that forgets to free.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_MATCH_INPUT,
  MatchInputTooLongError,
  Re2Matcher,
  type WrappedRE2,
} from '../../../src/filters/preview/re2Matcher';

/** Allowed drift of the malloc probe; a leak of the 48 evicted patterns below moves it by far more. */
const LEAK_TOLERANCE_BYTES = 64 * 1024;
/** More distinct patterns than the cache holds, so eviction (and freeing) happens all the time. */
const PATTERNS = Array.from({ length: 48 }, (_, i) => `^(Premium|Gold)-q${i}-[a-z]{2,8}$`);
const TEXTS = ['Premium-q7-sales', 'Standard-q7-sales', 'Gold-q13-support', 'x'.repeat(200)];

function evaluate(matcher: Re2Matcher, from: number, count: number): number {
  let matches = 0;
  for (let i = from; i < from + count; i++) {
    // Runs of the same pattern, as in a real preview (one filter over many events), then the next one.
    if (matcher.test(PATTERNS[Math.floor(i / 1024) % PATTERNS.length], TEXTS[i % TEXTS.length])) matches++;
  }
  return matches;
}

/** A matcher that never frees what it evicts: the leak the real one must not have. */
class LeakyMatcher extends Re2Matcher {
  protected override release(_compiled: WrappedRE2): void {}
}

describe('Re2Matcher', () => {
  it('1,000,000 evaluations with a bounded cache keep the wasm heap flat', () => {
    const matcher = new Re2Matcher(8);
    evaluate(matcher, 0, 20_000); // warm-up: allocator pools settle
    const before = matcher.stats();
    evaluate(matcher, 20_000, 1_000_000);
    const after = matcher.stats();
    assert.equal(after.evaluations - before.evaluations, 1_000_000);
    assert.ok(after.evictions - before.evictions > 900, `evictions: ${after.evictions - before.evictions}`);
    assert.equal(after.cached, 8, 'the cache never holds more than its bound');
    assert.equal(after.reloads, 0);
    const growth = after.mallocProbe - before.mallocProbe;
    assert.ok(growth < LEAK_TOLERANCE_BYTES, `wasm heap grew by ${growth} bytes`);
    matcher.clear();
  });

  it('the same measurement catches a matcher that does not free evicted patterns (so the test above can fail)', () => {
    const matcher = new LeakyMatcher(8);
    evaluate(matcher, 0, 20_000);
    const before = matcher.stats();
    evaluate(matcher, 20_000, 100_000);
    const after = matcher.stats();
    // ~100 leaked patterns fit in the 16 MiB heap; many more would abort the module (then it is reloaded afresh).
    assert.equal(after.reloads, 0, 'the leak stayed small enough to measure');
    const growth = after.mallocProbe - before.mallocProbe;
    assert.ok(growth > LEAK_TOLERANCE_BYTES, `the leaky matcher's heap grew by only ${growth} bytes`);
  });

  it('recovers from a wasm abort (heap exhausted) by loading the module afresh; answers stay right', () => {
    // The leaky matcher fills the 16 MiB heap until RE2 aborts (emscripten prints one OOM line to stderr).
    const matcher = new LeakyMatcher(4);
    for (let i = 0; matcher.stats().reloads === 0; i++) {
      assert.ok(i < 20_000, 'the heap should have run out long before this');
      assert.equal(matcher.test(`^id-${i}-[a-z]+$`, `id-${i}-abc`), true);
      assert.equal(matcher.test(`^id-${i}-[a-z]+$`, `id-${i + 1}-abc`), false);
    }
    assert.equal(matcher.test('^after$', 'after'), true, 'the fresh module works');
  });

  it('matches unanchored, with RE2 semantics, and refuses texts longer than the heap can take', () => {
    const matcher = new Re2Matcher();
    assert.equal(matcher.test('Prem', 'Super Premium'), true);
    assert.equal(matcher.test('^Prem', 'Super Premium'), false);
    assert.equal(matcher.test('(?i)^super', 'SUPER'), true);
    assert.throws(() => matcher.test('a', 'a'.repeat(MAX_MATCH_INPUT + 1)), MatchInputTooLongError);
    assert.equal(matcher.test('a$', 'b'.repeat(MAX_MATCH_INPUT - 1) + 'a'), true, 'the limit itself is fine');
    assert.throws(() => matcher.test('(unclosed', 'x'), /should have been validated first: missing \)/);
    matcher.clear();
  });
});
