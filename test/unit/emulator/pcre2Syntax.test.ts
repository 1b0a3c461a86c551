/**
 * The emulator's "would PCRE2 accept this pattern?" check: valid PCRE2/RE2 spellings that JavaScript lacks must not
 * earn a 400 the real platform would not send, and broken patterns must still get one.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pcre2ToJavaScriptSyntax } from '../../../src/emulator/pcre2Syntax';
import { validateEventBridgeDocument } from '../../../src/emulator/validation';

const accepts = (pattern: string): boolean => {
  try {
    new RegExp(pcre2ToJavaScriptSyntax(pattern), 'u');
    return true;
  } catch {
    return false;
  }
};

describe('emulator PCRE2 syntax check', () => {
  const valid = [
    '^Premium.*$',
    '(?i)^vip(-gold|-platinum)?$',
    '(?i:sales)|support',
    '(?s-i)a.b',
    '(?P<team>\\w+)-(?P=team)',
    "(?'region'[a-z]{2})",
    '\\Qa.b(c\\E+',
    '[\\Q]\\E]',
    'a++b*+c?+d{2,3}+',
    '(?>atomic)x',
    '(?|a|b)',
    '[[:alpha:]_]+',
    '[^[:digit:]]',
    '\\Aabc\\z',
    'end\\Z',
    '\\x{1F600}',
    '\\pL\\PN\\p{Greek}\\p{^Lu}',
    '[\\p{L}\\d]',
    '\\#\\@\\:\\-\\ ',
    '[\\@\\-\\]]',
    '(?#a comment)x',
    '(*UTF)abc',
    'a{,3}',
    'a{2}{',
    'x}y]',
    '[]a]',
    '(?<=a)b(?!c)',
    '(a)\\1\\g{1}\\g{-1}',
    '\\d+\\.\\w\\s\\b',
    '(?(1)a|b)',
    '(a|b(?R))',
    'a\\Kb\\Gc\\h\\H\\R\\X\\N\\e',
    // Octal, which JavaScript lacks in a `u` pattern: \101 is "A" in PCRE2 (fewer than 101 groups before it).
    '^\\101cme\\177\\400',
    '\\0\\0123\\08',
    '[\\101-\\132\\0]',
    '[\\1\\8]', // a one-digit octal and the digit 8: PCRE2 only, inside a class
    '\\18', // octal \1, then 8
    '(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10', // ten groups before it: a backreference
    '(?:a)(?=b)(?!c)(?<=d)(?<!e)(?>f)(?i:g)(?|h)(?#i)(?:j)(?:k)(?:l)\\12', // no capturing group: octal \12
    '(a)\\g{+1}(b)\\g+1(c)',
  ];
  for (const pattern of valid) {
    it(`accepts ${pattern}`, () => assert.ok(accepts(pattern), `rewritten: ${pcre2ToJavaScriptSyntax(pattern)}`));
  }
  const invalid = [
    '^(Premium',
    'a)b',
    '[abc',
    '*a',
    'a**',
    'a\\',
    '\\p{NoSuchProperty}',
    '(?<1a>x)',
    '\\q',
    'a{3,2}',
    '[z-a]',
    '\\1', // a backreference to a group that does not exist
    '\\81',
  ];
  for (const pattern of invalid) {
    it(`still rejects ${pattern}`, () =>
      assert.equal(accepts(pattern), false, `rewritten: ${pcre2ToJavaScriptSyntax(pattern)}`));
  }

  it("a PUT body names the field once and quotes the user's pattern, not the rewritten one", () => {
    const doc = {
      awsAccount: '1',
      awsRegion: 'r',
      roleArn: 'a',
      subscriptions: [
        { name: 's', filterCriteria: { attributes: [{ key: 'k', matchType: 'regex', values: ['(?i)^(vip'] }] } },
      ],
    };
    const problem = validateEventBridgeDocument(doc, 'id');
    assert.equal(problem?.field, 'subscriptions[0].filterCriteria.attributes[0].values[0]');
    assert.match(
      problem?.message ?? '',
      /^subscriptions\[0\]\.filterCriteria\.attributes\[0\]\.values\[0\] is not a valid regular expression: .+ in "\(\?i\)\^\(vip"$/,
    );
    doc.subscriptions[0].filterCriteria.attributes[0].values = ['(?i)^vip$'];
    assert.equal(validateEventBridgeDocument(doc, 'id'), undefined);
  });
});
