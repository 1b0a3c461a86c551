import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { displayWidth, renderDiagnostic } from '../../../src/cli/regexCheck';

describe('renderDiagnostic', () => {
  it('puts the caret under the range, counting terminal cells, not UTF-16 units', () => {
    const d = { code: 'x', message: 'missing )', severity: 'error' as const, start: 4, end: 5 };
    // 🙂 is two UTF-16 units and two cells; "(" is at UTF-16 offset 4.
    const lines = renderDiagnostic('🙂ab(c', d).split('\n');
    assert.match(lines[0], /^error: /);
    assert.equal(lines[1], '  🙂ab(c');
    assert.equal(lines[2], '      ^');
    const cjk = renderDiagnostic('東京(x', { ...d, start: 2, end: 3 }).split('\n');
    assert.equal(cjk[2], '      ^');
    const wide = renderDiagnostic('(?<=a)b', { ...d, start: 0, end: 6 }).split('\n');
    assert.equal(wide[2], '  ^^^^^^');
  });

  it('measures widths', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('🙂'), 2);
    assert.equal(displayWidth('東'), 2);
    assert.equal(displayWidth('e\u0301'), 1);
  });
});
