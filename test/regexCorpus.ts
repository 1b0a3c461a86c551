/**
 * The 3,000-pattern conformance corpus: Go regexp's verdict on each pattern and the verdict our validator must
 * give (fields in test/fixtures/regex-corpus/README.md). Read from the team's shared copy next to the repository
 * when it is there; a clean clone without it uses the copy committed under test/fixtures, so a test on the corpus
 * can never pass for lack of a file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CorpusRow {
  /** 1-based line in the file, for messages. */
  line: number;
  pattern: string;
  goRegexp: 'ok' | 'error';
  expect: 'ok' | 'error' | 'either';
  why?: string;
}

// Compiled to out/test/regexCorpus.js; the repository root is two levels up.
const REPO = path.resolve(__dirname, '..', '..');
export const SHARED_CORPUS = path.resolve(REPO, '..', 'shared', 'regex-corpus', 'go-regexp-3000.jsonl');
export const FIXTURE_CORPUS = path.join(REPO, 'test', 'fixtures', 'regex-corpus', 'go-regexp-3000.jsonl');

export function corpusPath(): string {
  return fs.existsSync(SHARED_CORPUS) ? SHARED_CORPUS : FIXTURE_CORPUS;
}

/** Every row of `file`; a malformed row throws with its FILE:LINE rather than being skipped. */
export function readCorpus(file = corpusPath()): CorpusRow[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((text, i) => {
    const where = `${file}:${i + 1}`;
    const row = JSON.parse(text) as Partial<CorpusRow>;
    const { pattern, goRegexp, expect, why } = row;
    if (typeof pattern !== 'string') throw new Error(`${where}: "pattern" is not a string`);
    if (goRegexp !== 'ok' && goRegexp !== 'error') throw new Error(`${where}: unknown "goRegexp" ${String(goRegexp)}`);
    if (expect !== 'ok' && expect !== 'error' && expect !== 'either') {
      throw new Error(`${where}: unknown "expect" ${String(expect)}`);
    }
    return { line: i + 1, pattern, goRegexp, expect, why };
  });
}
