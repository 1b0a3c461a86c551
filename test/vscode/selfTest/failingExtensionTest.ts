/**
 * A deliberately broken assertion, loaded only when EBF_SELF_TEST_FAIL=1: the run must then fail.
 * It checks that the harness reports failures instead of passing whatever happens.
 */
import * as assert from 'node:assert/strict';

describe('harness self-test (EBF_SELF_TEST_FAIL=1)', () => {
  it('fails on purpose so the run must exit non-zero', () => {
    assert.equal(1 + 1, 3, 'deliberately broken assertion');
  });
});
