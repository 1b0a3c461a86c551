/**
 * `\` followed by a digit: octal escapes, backreferences and `\g`/`\k` forms, inside and outside brackets,
 * with their exact UTF-16 ranges. Each reading was checked against re2-wasm (RE2 rejects `\1`, `\8`, `\18`,
 * `[\1]`, `[\8]` as "invalid escape sequence" and accepts `\101`, `\400`, `\0123`, ten groups then `\10`).
 */
import { after, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { RegexValidator, type RegexDiagnostic } from '../../../src/filters/regex/validator';
import { readClassDigitEscape, readDigitEscape } from '../../../src/filters/regex/digitEscapes';
import { scanPattern } from '../../../src/filters/regex/scanner';

const validator = new RegexValidator();
after(() => validator.dispose());

const TEN_GROUPS = '(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)';

async function problems(pattern: string, allowPcre2Only = false): Promise<RegexDiagnostic[]> {
  const result = await validator.validate(pattern, { allowPcre2Only });
  const found = result.diagnostics.filter((d) => d.severity !== 'info');
  assert.equal(result.valid, !found.some((d) => d.severity === 'error'));
  return found;
}

describe('octal escapes every engine reads alike are valid', () => {
  // [pattern, what RE2 is given]: outside brackets the text is passed on as written, inside as \x{…}.
  const cases: Array<[string, string]> = [
    ['\\0', '\\0'],
    ['\\01', '\\01'],
    ['\\012', '\\012'],
    ['\\0123', '\\0123'], // \012 then the digit 3
    ['\\08', '\\08'], // \0 then the digit 8
    ['\\101', '\\101'],
    ['\\177', '\\177'],
    ['\\400', '\\400'],
    ['\\1234', '\\1234'], // at most three digits: \123 then 4
    ['😀\\101+x', '😀\\101+x'],
    [`${TEN_GROUPS}\\11`, `${TEN_GROUPS}\\11`], // fewer than eleven groups: octal in PCRE2 too
    ['\\10(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)', '\\10(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)'], // the groups come after it
    ['[\\0]', '[\\x{0}]'],
    ['[\\01]', '[\\x{1}]'],
    ['[\\012]', '[\\x{A}]'],
    ['[\\0123]', '[\\x{A}3]'],
    ['[\\101]', '[\\x{41}]'],
    ['[\\400]', '[\\x{100}]'],
    ['[\\101-\\132]', '[\\x{41}-\\x{5A}]'],
  ];
  for (const [pattern, re2] of cases) {
    it(`${pattern} is valid (RE2 is given ${re2})`, async () => {
      assert.deepEqual(await problems(pattern), []);
      assert.equal(scanPattern(pattern).re2Pattern, re2);
    });
  }

  it('reads the characters PCRE2, RE2 and Go read', () => {
    const read = (p: string): [string, number] => {
      const e = readDigitEscape(p, 0, 0);
      assert.ok(e.kind === 'octal', `${p}: ${e.kind}`);
      return [e.text, e.codePoint];
    };
    assert.deepEqual(read('\\101'), ['\\101', 0x41]);
    assert.deepEqual(read('\\177'), ['\\177', 0x7f]);
    assert.deepEqual(read('\\400'), ['\\400', 0x100]);
    assert.deepEqual(read('\\0'), ['\\0', 0]);
    assert.deepEqual(read('\\0123'), ['\\012', 10]);
    assert.deepEqual(read('\\1234'), ['\\123', 0x53]);
    assert.deepEqual(readClassDigitEscape('\\8', 0), { kind: 'escapedDigit', text: '\\8', codePoint: 0x38 });
  });

  it('keeps an invalid range between octal ends precise', async () => {
    const [d] = await problems('[\\132-\\101]');
    assert.deepEqual([d.code, d.start, d.end], ['invalidClassRange', 1, 10]);
    assert.equal(d.message, 'invalid character class range \\132-\\101 at 1–10');
  });
});

describe('digit escapes only PCRE2 reads are named, with their range', () => {
  // [pattern, code, start, end, message]
  const cases: Array<[string, string, number, number, RegExp]> = [
    [
      '\\1',
      'pcre2Only.backreference',
      0,
      2,
      /^backreference \\1 at 0–2 is not supported by RE2 \(it needs a backtracking/,
    ],
    ['(a)\\1', 'pcre2Only.backreference', 3, 5, /^backreference \\1 at 3–5 /],
    ['😀\\8', 'pcre2Only.backreference', 2, 4, /^backreference \\8 at 2–4 /],
    ['a\\9', 'pcre2Only.backreference', 1, 3, /^backreference \\9 at 1–3 /],
    ['\\81', 'pcre2Only.backreference', 0, 3, /^backreference \\81 at 0–3 /],
    ['(a)\\g{1}', 'pcre2Only.backreference', 3, 8, /^backreference \\g\{1\} at 3–8 /],
    ['(a)\\g1', 'pcre2Only.backreference', 3, 6, /^backreference \\g1 at 3–6 /],
    ['(a)\\g{-1}', 'pcre2Only.backreference', 3, 9, /^backreference \\g\{-1\} at 3–9 /],
    ['\\g{+1}(a)', 'pcre2Only.backreference', 0, 6, /^backreference \\g\{\+1\} at 0–6 /],
    ['\\g+1(a)', 'pcre2Only.backreference', 0, 4, /^backreference \\g\+1 at 0–4 /],
    ['(?<n>a)\\k<n>', 'pcre2Only.backreference', 7, 12, /^backreference \\k<n> at 7–12 /],
    ["(?<n>a)\\k'n'", 'pcre2Only.backreference', 7, 12, /^backreference \\k'n' at 7–12 /],
    ['(?<n>a)\\k{n}', 'pcre2Only.backreference', 7, 12, /^backreference \\k\{n\} at 7–12 /],
    [
      `${TEN_GROUPS}\\10`,
      'pcre2Only.backreference',
      30,
      33,
      / — with 10 groups before it PCRE2 reads \\10 as a backreference; RE2 and Go read it as the character \\x\{8\}$/,
    ],
    [
      'x\\18',
      'pcre2Only.octalEscape',
      1,
      3,
      /^octal escape \\1 at 1–3 is not supported by RE2 \(PCRE2-only syntax; write \\x\{1\}\)$/,
    ],
    ['[\\1]', 'pcre2Only.octalEscape', 1, 3, /^octal escape \\1 at 1–3 .*write \\x\{1\}\)$/],
    ['😀[\\7]', 'pcre2Only.octalEscape', 3, 5, /^octal escape \\7 at 3–5 .*write \\x\{7\}\)$/],
    ['[\\18]', 'pcre2Only.octalEscape', 1, 3, /^octal escape \\1 at 1–3 /],
    [
      '[\\8]',
      'pcre2Only.escapedDigit',
      1,
      3,
      /^\\8 in a character class at 1–3 is not supported by RE2 \(PCRE2-only syntax; PCRE2 reads it as the digit 8, RE2 and Go reject it; write 8\)$/,
    ],
    ['[a\\9]', 'pcre2Only.escapedDigit', 2, 4, /^\\9 in a character class at 2–4 .*write 9\)$/],
    ['a\\o{101}', 'pcre2Only.octalEscape', 1, 8, /^octal escape \\o\{101\} at 1–8 .*write \\x\{41\}\)$/],
  ];
  for (const [pattern, code, start, end, message] of cases) {
    it(`${pattern} → ${code} at ${start}–${end}`, async () => {
      const found = await problems(pattern);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.deepEqual([found[0].code, found[0].severity, found[0].start, found[0].end], [code, 'error', start, end]);
      assert.match(found[0].message, message);
    });
  }

  it('become warnings with allowPcre2Only, and RE2 still checks the rest', async () => {
    for (const [pattern, code, start, end] of cases) {
      const found = await problems(pattern, true);
      assert.deepEqual(
        found.map((d) => [d.code, d.severity, d.start, d.end]),
        [[code, 'warning', start, end]],
        pattern,
      );
    }
    // RE2 stops at its first error, so one error besides the warnings.
    const mixed = await problems('[\\8-\\1]\\1', true);
    assert.deepEqual(
      mixed.map((d) => [d.code, d.severity, d.start, d.end]),
      [
        ['pcre2Only.escapedDigit', 'warning', 1, 3],
        ['invalidClassRange', 'error', 1, 6], // PCRE2's "8" to \x{1} is reversed
        ['pcre2Only.octalEscape', 'warning', 4, 6],
        ['pcre2Only.backreference', 'warning', 7, 9],
      ],
    );
  });

  it('\\g and \\k are invalid inside brackets, in RE2 and PCRE2 alike', async () => {
    for (const pattern of ['[\\g{1}]', '[\\k<n>]']) {
      const found = await problems(pattern);
      assert.deepEqual(
        found.map((d) => [d.code, d.start, d.end]),
        [['invalidEscape', 1, 3]],
        pattern,
      );
    }
  });
});
