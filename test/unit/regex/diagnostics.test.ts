/**
 * Exact diagnostics (code, severity and UTF-16 range in the user's text) for RE2 errors, PCRE2-only
 * constructs and length limits. RE2 itself (re2-wasm in the worker) decides validity in every case.
 */
import { after, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { RegexValidator, describeDiagnostic, type RegexDiagnostic } from '../../../src/filters/regex/validator';

const validator = new RegexValidator();
after(() => validator.dispose());

/** [pattern, expected error/warning code, start, end] — one diagnostic besides the info line. */
type Case = [pattern: string, code: string, start: number, end: number];

function problems(diagnostics: RegexDiagnostic[]): RegexDiagnostic[] {
  return diagnostics.filter((d) => d.severity !== 'info');
}

async function expectOne(
  [pattern, code, start, end]: Case,
  severity: 'error' | 'warning' = 'error',
  allowPcre2Only = false,
): Promise<RegexDiagnostic> {
  const result = await validator.validate(pattern, { allowPcre2Only });
  const found = problems(result.diagnostics);
  assert.equal(found.length, 1, `${pattern}: ${JSON.stringify(found)}`);
  assert.deepEqual(
    { code: found[0].code, start: found[0].start, end: found[0].end, severity: found[0].severity },
    { code, start, end, severity },
    pattern,
  );
  assert.equal(result.valid, severity !== 'error');
  return found[0];
}

describe('RE2 syntax errors are placed in the user text', () => {
  const cases: Case[] = [
    ['a(b', 'missingParen', 1, 2],
    ['(a(b)', 'missingParen', 0, 1],
    ['x(?:ab', 'missingParen', 1, 4],
    ['(?P<name>ab', 'missingParen', 0, 9],
    ['a)b', 'unexpectedParen', 1, 2],
    ['(a))', 'unexpectedParen', 3, 4],
    ['[a', 'missingBracket', 0, 1],
    ['ab[]', 'missingBracket', 2, 3],
    ['a\\', 'trailingBackslash', 1, 2],
    ['a**', 'badRepetition', 1, 3],
    ['a{2}{3}', 'badRepetition', 1, 7],
    ['*a', 'missingRepetitionArgument', 0, 1],
    ['a*b|*c', 'missingRepetitionArgument', 4, 5],
    ['(+)', 'missingRepetitionArgument', 1, 2],
    ['a{2,1}', 'invalidRepetitionSize', 1, 6],
    ['a{70000}', 'invalidRepetitionSize', 1, 8],
    ['a{5}(b{100}){100}', 'invalidRepetitionSize', 12, 17],
    ['[z-a]', 'invalidClassRange', 1, 4],
    ['x[b-a]y[z-a]', 'invalidClassRange', 2, 5],
    ['\\d+[a-\\d]', 'invalidEscape', 6, 8],
    ['ab\\q', 'invalidEscape', 2, 4],
    ['a\\y', 'invalidEscape', 1, 3],
    ['[\\A]', 'invalidEscape', 1, 3],
    ['\\x{110000}', 'invalidEscape', 0, 10],
    ['\\p{Foo}', 'invalidClassRange', 0, 7],
    ['\\pL\\p{Bogus}', 'invalidClassRange', 3, 12],
    ['[[:foo:]]', 'invalidClassRange', 1, 8],
    ['(?P<a-b>x)', 'invalidNamedGroup', 0, 8],
    ['(?z)', 'invalidGroup', 0, 4],
    ['(?<n>a)(?<n>b)', 'duplicateGroupName', 7, 12],
    ['(?<1a>x)', 'notPcre2.groupName', 0, 6],
    ['\\u0041', 'notPcre2.unicodeEscape', 0, 6],
    ['\\x{D800}', 'notPcre2.surrogate', 0, 8],
    // Emoji (two UTF-16 units each) before the error: offsets count code units, like JavaScript strings.
    ['😀😀(a', 'missingParen', 4, 5],
    ['😀a)', 'unexpectedParen', 3, 4],
    ['é😀[z-a]', 'invalidClassRange', 4, 7],
    ['👍🏽*+', 'pcre2Only.possessiveQuantifier', 4, 6],
    ['😀\\', 'trailingBackslash', 2, 3],
    // \Q…\E: everything inside is literal, errors after it still land in the right place.
    ['\\Q(\\E)', 'unexpectedParen', 5, 6],
    ['\\Q[a(\\E[z-a]', 'invalidClassRange', 8, 11],
    ['\\Q😀)\\E(', 'missingParen', 7, 8],
    ['a\\Q*', 'valid', 0, 0],
  ];
  for (const c of cases) {
    if (c[1] === 'valid') {
      it(`accepts ${c[0]}`, async () => assert.equal((await validator.validate(c[0])).valid, true));
    } else {
      it(`${c[0]} → ${c[1]} at ${c[2]}–${c[3]}`, async () => {
        await expectOne(c);
      });
    }
  }

  it('names the opening position in missing ) and ] messages', async () => {
    const d = await expectOne(['abcdefgh(x', 'missingParen', 8, 9]);
    assert.equal(d.message, 'missing ) — group opened at 8 is never closed');
    assert.equal(describeDiagnostic('abcdefgh(x', d), 'missing ) — group opened at 8 is never closed');
    const b = await expectOne(['ab[cd', 'missingBracket', 2, 3]);
    assert.match(b.message, /character class opened at 2 is never closed/);
  });
});

describe('PCRE2-only constructs are named precisely', () => {
  const cases: Array<[...Case, RegExp]> = [
    [
      'foo(?=bar)',
      'pcre2Only.lookahead',
      3,
      6,
      /^lookahead at 3–6 is not supported by RE2 \(it needs a backtracking engine/,
    ],
    ['a(?!b)', 'pcre2Only.negativeLookahead', 1, 4, /^negative lookahead at 1–4/],
    [
      '(?<=ab)c',
      'pcre2Only.lookbehind',
      0,
      4,
      /^lookbehind at 0–4 is not supported by RE2 \(it needs a backtracking engine; filters run on every event, so only linear-time patterns are accepted\)$/,
    ],
    ['(?<!a)b', 'pcre2Only.negativeLookbehind', 0, 4, /^negative lookbehind at 0–4/],
    ['(*pla:a)b', 'pcre2Only.lookahead', 0, 6, /^lookahead at 0–6/],
    ['(a)\\1', 'pcre2Only.backreference', 3, 5, /^backreference \\1 at 3–5/],
    ['(a)\\g{1}', 'pcre2Only.backreference', 3, 8, /^backreference \\g\{1\}/],
    ['(a)\\g{-1}', 'pcre2Only.backreference', 3, 9, /backreference/],
    ['(?<n>a)\\k<n>', 'pcre2Only.backreference', 7, 12, /^backreference \\k<n> at 7–12/],
    ['(?P<n>a)(?P=n)', 'pcre2Only.backreference', 8, 14, /^backreference \(\?P=n\) at 8–14/],
    ['(?>a+)b', 'pcre2Only.atomicGroup', 0, 3, /^atomic group at 0–3/],
    ['a*+', 'pcre2Only.possessiveQuantifier', 1, 3, /^possessive quantifier \*\+ at 1–3/],
    ['a++b', 'pcre2Only.possessiveQuantifier', 1, 3, /possessive quantifier \+\+/],
    ['a?+', 'pcre2Only.possessiveQuantifier', 1, 3, /possessive quantifier \?\+/],
    ['a{1,3}+', 'pcre2Only.possessiveQuantifier', 1, 7, /possessive quantifier \{1,3\}\+ at 1–7/],
    ['(?R)', 'pcre2Only.recursion', 0, 4, /^recursion \(\?R\) at 0–4/],
    ['(a)(?1)', 'pcre2Only.recursion', 3, 7, /^recursion \(\?1\)/],
    ['(?<n>a)(?&n)', 'pcre2Only.recursion', 7, 12, /^recursion \(\?&n\)/],
    ['(a)?(?(1)b|c)', 'pcre2Only.conditional', 4, 9, /^conditional group at 4–9/],
    ['a(*SKIP)b|c', 'pcre2Only.verb', 1, 8, /^backtracking verb \(\*SKIP\) at 1–8/],
    ['(*UCP)\\w', 'pcre2Only.startOption', 0, 6, /^start-of-pattern option \(\*UCP\) at 0–6 .*PCRE2-only syntax/],
    ['(?(DEFINE)(?<d>\\d))', 'pcre2Only.conditional', 0, 10, /^conditional group at 0–10/],
    ['(a)\\g<1>', 'pcre2Only.subroutineCall', 3, 8, /^subroutine call \\g<1>/],
    ['a\\o{101}', 'pcre2Only.octalEscape', 1, 8, /^octal escape \\o\{101\}/],
    ['\\Ka', 'pcre2Only.resetMatchStart', 0, 2, /^\\K/],
    ['\\Ga', 'pcre2Only.matchStartAnchor', 0, 2, /^\\G .*PCRE2-only syntax/],
    ['a\\Z', 'pcre2Only.endBeforeNewline', 1, 3, /^\\Z .*use \\z or \$/],
    ['a\\Rb', 'pcre2Only.newlineSequence', 1, 3, /^\\R/],
    ['\\X', 'pcre2Only.graphemeCluster', 0, 2, /^\\X/],
    ['a\\hb', 'pcre2Only.horizontalSpace', 1, 3, /^\\h \(horizontal whitespace\)/],
    ['[\\h]', 'pcre2Only.horizontalSpace', 1, 3, /^\\h/],
    ['\\H', 'pcre2Only.horizontalSpace', 0, 2, /^\\H \(not horizontal whitespace\)/],
    ['\\V', 'pcre2Only.verticalSpace', 0, 2, /^\\V/],
    ['\\N+', 'pcre2Only.notNewline', 0, 2, /^\\N/],
    ['\\e', 'pcre2Only.escapeChar', 0, 2, /^\\e .*use \\x1B/],
    ['a(?#note)b', 'pcre2Only.comment', 1, 9, /^comment \(\?#…\) at 1–9/],
    ['(?|(a)|(b))', 'pcre2Only.branchReset', 0, 3, /^branch reset group/],
    ["(?'n'a)", 'pcre2Only.quotedGroupName', 0, 5, /use \(\?<name>…\)/],
    ['(?x)a b', 'pcre2Only.inlineFlag', 0, 4, /^inline flag \(\?x\) at 0–4/],
    ['a{1001}', 'pcre2Only.largeRepeat', 1, 7, /^repeat count \{1001\} at 1–7 .*at most 1000/],
    ['\\p{L&}', 'pcre2Only.casedLetterProperty', 0, 6, /Unicode class \\p\{L&\}/],
  ];
  for (const [pattern, code, start, end, message] of cases) {
    it(`${pattern} → ${code} at ${start}–${end}`, async () => {
      const d = await expectOne([pattern, code, start, end]);
      assert.match(d.message, message);
    });
  }

  it('turns them into warnings with allowPcre2Only, and the pattern is then valid', async () => {
    for (const [pattern, code, start, end] of cases) {
      const d = await expectOne([pattern, code, start, end], 'warning', true);
      assert.match(d.message, /accepted because PCRE2-only constructs are allowed, but RE2 cannot check it/);
      assert.match(describeDiagnostic(pattern, d), /^Warning: /);
    }
  });

  it('still reports real syntax errors next to allowed PCRE2-only constructs', async () => {
    const result = await validator.validate('(?<=a)b[z-a]', { allowPcre2Only: true });
    assert.equal(result.valid, false);
    assert.deepEqual(
      problems(result.diagnostics).map((d) => [d.code, d.severity, d.start, d.end]),
      [
        ['pcre2Only.lookbehind', 'warning', 0, 4],
        ['invalidClassRange', 'error', 8, 11],
      ],
    );
  });

  it('reports every construct, in order, when several are present', async () => {
    const result = await validator.validate('(?=a)(?<!b)\\1');
    assert.deepEqual(
      problems(result.diagnostics).map((d) => [d.code, d.start, d.end]),
      [
        ['pcre2Only.lookahead', 0, 3],
        ['pcre2Only.negativeLookbehind', 5, 9],
        ['pcre2Only.backreference', 11, 13],
      ],
    );
  });
});

describe('valid patterns, PCRE2 spellings and limits', () => {
  const valid = [
    'abc',
    'interaction\\.routing\\..*',
    '^v2\\.users\\.[0-9a-f-]{36}\\.presence$',
    '(?<queue>support|sales)-\\d{1,3}',
    '(?i)ab(?-i:c)',
    '\\cA',
    '[\\b]',
    '[\\Q]\\E]',
    '\\p{Greek}+',
    '[[:alpha:]_]',
    'a{1000}',
    '😀+',
    'a\\/b',
    '[\\d-z]',
    '\\x41\\x{1F600}',
  ];
  for (const pattern of valid) {
    it(`accepts ${pattern}`, async () => {
      const result = await validator.validate(pattern);
      assert.equal(result.valid, true, JSON.stringify(result.diagnostics));
      assert.deepEqual(
        result.diagnostics.map((d) => d.severity),
        ['info'],
      );
    });
  }

  it('counts groups in the info line', async () => {
    const result = await validator.validate('(a)(?:b)(?<n>c)');
    assert.deepEqual(result.diagnostics, [
      { code: 'valid', severity: 'info', start: 0, end: 15, message: 'Valid RE2 pattern · 2 groups' },
    ]);
  });

  it('warns that {,n} means different things in RE2 and PCRE2', async () => {
    const d = await expectOne(['a{,3}', 'ambiguousBrace', 1, 5], 'warning');
    assert.match(d.message, /means \{0,3\} in PCRE2/);
  });

  it('rejects an empty pattern', async () => {
    assert.deepEqual(await validator.validate(''), {
      valid: false,
      diagnostics: [
        {
          code: 'empty',
          severity: 'error',
          start: 0,
          end: 0,
          message: 'pattern is empty — enter a regular expression',
        },
      ],
    });
  });

  it('rejects a pattern over 1,000 characters, marking the excess', async () => {
    assert.equal((await validator.validate('a'.repeat(1000))).valid, true);
    const result = await validator.validate('a'.repeat(1001));
    assert.equal(result.valid, false);
    assert.deepEqual(
      problems(result.diagnostics).map((d) => [d.code, d.start, d.end]),
      [['tooLong', 1000, 1001]],
    );
    assert.match(result.diagnostics[0].message, /1,001 characters long; the limit is 1,000/);
  });

  it('describes diagnostics on one line with 0-based UTF-16 ranges', () => {
    const d: RegexDiagnostic = { code: 'x', severity: 'error', start: 3, end: 6, message: 'something is off\nhere' };
    assert.equal(describeDiagnostic('foo(?=bar)', d), 'something is off here (at 3–6)');
    assert.equal(describeDiagnostic('foo', { ...d, start: 0, end: 3 }), 'something is off here');
  });
});
