/** RE2 diagnostics of the patterns in a filters file, at their exact place in the file (through JSON escapes). */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateFiltersFile } from '../../../../src/filters/asCode/validateFiltersFile';
import { formatProblem } from '../../../../src/filters/asCode/fileProblems';
import { RegexValidator } from '../../../../src/filters/regex/validator';

const validator = new RegexValidator();
after(() => validator.dispose());

const fileWith = (pattern: string) =>
  `{ "integrations": [ { "name": "a", "subscriptions": [ { "name": "s", "filters": [\n` +
  `  { "key": "k", "matchType": "regex", "values": [${pattern}] }\n] } ] } ] }\n`;

describe('filters file: patterns', () => {
  it('an unclosed group is reported at the "(" in the file', async () => {
    const text = fileWith(String.raw`"^\\d+(Premium"`);
    const { problems } = await validateFiltersFile(text, validator);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    const [p] = problems;
    assert.equal(p.code, 'pattern.missingParen');
    // In the pattern \d+(Premium the "(" is at 4; in the file \\d takes one more character.
    assert.equal(text.slice(p.span.offset, p.span.offset + 1), '(');
    assert.equal(p.span.offset, text.indexOf('(Premium'));
    assert.equal(
      formatProblem('f.json', text, p),
      `f.json:2:${text.indexOf('(Premium') - text.indexOf('\n')}: error: ${p.message}`,
    );
    assert.match(p.message, /^Regex: missing \)/);
  });

  it('a PCRE2-only construct spans its escaped spelling; allowed, it is a warning', async () => {
    const text = fileWith(String.raw`"(a)\\1"`);
    const strict = await validateFiltersFile(text, validator);
    assert.equal(strict.problems.length, 1);
    assert.equal(
      text.slice(strict.problems[0].span.offset, strict.problems[0].span.offset + strict.problems[0].span.length),
      String.raw`\\1`,
    );
    const lenient = await validateFiltersFile(text, validator, { allowPcre2Only: true });
    assert.deepEqual(
      lenient.problems.map((p) => p.severity),
      ['warning'],
    );
  });

  it('a valid file has no problems', async () => {
    assert.deepEqual((await validateFiltersFile(fileWith('"^Premium.*$"'), validator)).problems, []);
  });
});
