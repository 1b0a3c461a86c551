/**
 * Conformance: 3,000 generated patterns with the verdict the validator must give with default settings (from
 * Go's regexp, the engine the tutorial validates with, except where Go differs from RE2 and PCRE2 by design).
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mapInOrder } from '../../../src/common/mapInOrder';
import { RegexValidator } from '../../../src/filters/regex/validator';
import { FIXTURE_CORPUS, SHARED_CORPUS, corpusPath, readCorpus } from '../../regexCorpus';

/** Requests queued at once: keeps the worker busy between compiles. */
const IN_FLIGHT = 16;

describe('the Go regexp corpus', () => {
  it('every row whose expect is ok or error gets that verdict', async (t) => {
    const file = corpusPath();
    const rows = readCorpus(file);
    assert.equal(rows.length, 3000, `${file} should hold 3,000 rows`);
    const checked = rows.filter((row) => row.expect !== 'either');
    const disagreements: Array<Record<string, string | number>> = [];
    let compared = 0;
    const validator = new RegexValidator();
    try {
      for await (const result of mapInOrder(checked, IN_FLIGHT, (row) => validator.validate(row.pattern))) {
        const row = checked[compared++];
        const verdict = result.valid ? 'ok' : 'error';
        if (verdict === row.expect) continue;
        const first = result.diagnostics.find((d) => d.severity !== 'info');
        disagreements.push({
          line: row.line,
          pattern: row.pattern,
          expect: row.expect,
          got: verdict,
          ...(first && { why: first.message }),
        });
      }
    } finally {
      await validator.dispose();
    }
    t.diagnostic(
      `checked ${compared} of ${rows.length} rows from ${path.relative(process.cwd(), file)} ` +
        `(${rows.length - checked.length} "either" rows not compared); ${disagreements.length} disagreements`,
    );
    assert.equal(compared, checked.length);
    assert.ok(compared > 2500, 'most rows have a definite verdict');
    assert.deepEqual(disagreements, []);
  });

  it('the committed fixture is the shared corpus, so CI checks the same rows', (t) => {
    if (!fs.existsSync(SHARED_CORPUS)) {
      t.skip(`no shared corpus at ${SHARED_CORPUS}; the fixture is used alone`);
      return;
    }
    const same = fs.readFileSync(FIXTURE_CORPUS).equals(fs.readFileSync(SHARED_CORPUS));
    assert.ok(same, `${FIXTURE_CORPUS} differs from ${SHARED_CORPUS}; copy the shared file over the fixture`);
  });
});
