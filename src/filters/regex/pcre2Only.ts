/**
 * Constructs PCRE2 accepts and RE2 rejects, with the wording users see.
 * Two reasons exist: some need a backtracking engine (not linear time), the rest are only syntax RE2 lacks.
 */
import { formatRange } from './types';

export type Pcre2OnlyKind =
  | 'lookahead'
  | 'negativeLookahead'
  | 'lookbehind'
  | 'negativeLookbehind'
  | 'backreference'
  | 'atomicGroup'
  | 'possessiveQuantifier'
  | 'recursion'
  | 'subroutineCall'
  | 'conditional'
  | 'verb'
  | 'scriptRun'
  | 'callout'
  | 'resetMatchStart'
  | 'matchStartAnchor'
  | 'endBeforeNewline'
  | 'newlineSequence'
  | 'graphemeCluster'
  | 'horizontalSpace'
  | 'verticalSpace'
  | 'notNewline'
  | 'escapeChar'
  | 'octalEscape'
  | 'escapedDigit'
  | 'startOption'
  | 'comment'
  | 'branchReset'
  | 'quotedGroupName'
  | 'inlineFlag'
  | 'casedLetterProperty'
  | 'largeRepeat';

const BACKTRACKING =
  'it needs a backtracking engine; filters run on every event, so only linear-time patterns are accepted';
const SYNTAX = 'PCRE2-only syntax';

interface Pcre2OnlyInfo {
  /** `note`: what is special about this occurrence, appended after the general reason. */
  describe(text: string, start: number, end: number, note?: string): string;
}

type ByText = string | ((text: string) => string);
const byText = (value: ByText, text: string): string => (typeof value === 'string' ? value : value(text));

function entry(name: ByText, needsBacktracking: boolean, hint?: ByText): Pcre2OnlyInfo {
  return {
    describe(text, start, end, note) {
      const reason = `${needsBacktracking ? BACKTRACKING : SYNTAX}${hint ? `; ${byText(hint, text)}` : ''}`;
      const message = `${byText(name, text)} at ${formatRange(start, end)} is not supported by RE2 (${reason})`;
      return note ? `${message} — ${note}` : message;
    },
  };
}

/** `\o{101}` or `\1` → `write \x{41}` / `write \x{1}`: the spelling RE2 and PCRE2 both read as that character. */
function octalHint(text: string): string {
  const digits = /[0-7]+/.exec(text.slice(1))?.[0] ?? '0';
  return `write \\x{${parseInt(digits, 8).toString(16).toUpperCase()}}`;
}

export const PCRE2_ONLY: Record<Pcre2OnlyKind, Pcre2OnlyInfo> = {
  lookahead: entry('lookahead', true),
  negativeLookahead: entry('negative lookahead', true),
  lookbehind: entry('lookbehind', true),
  negativeLookbehind: entry('negative lookbehind', true),
  backreference: entry((t) => `backreference ${t}`, true),
  atomicGroup: entry('atomic group', true),
  possessiveQuantifier: entry((t) => `possessive quantifier ${t}`, true),
  recursion: entry((t) => `recursion ${t}`, true),
  subroutineCall: entry((t) => `subroutine call ${t}`, true),
  conditional: entry('conditional group', true),
  verb: entry((t) => `backtracking verb ${t}`, true),
  scriptRun: entry('script run', true),
  callout: entry((t) => `callout ${t}`, true),
  resetMatchStart: entry('\\K (reset match start)', true),
  matchStartAnchor: entry('\\G (anchor at the previous match end)', false, 'use ^ or \\A'),
  endBeforeNewline: entry('\\Z (end before a final newline)', false, 'use \\z or $'),
  newlineSequence: entry('\\R (any newline sequence)', false),
  graphemeCluster: entry('\\X (extended grapheme cluster)', false),
  horizontalSpace: entry(
    (t) => `${t} (${t === '\\H' ? 'not ' : ''}horizontal whitespace)`,
    false,
    'use [\\t ] or [^\\t ]',
  ),
  verticalSpace: entry('\\V (not vertical whitespace)', false, 'use [^\\n\\r]'),
  notNewline: entry('\\N (not a newline)', false, 'use [^\\n]'),
  escapeChar: entry('\\e (escape character)', false, 'use \\x1B'),
  octalEscape: entry((t) => `octal escape ${t}`, false, octalHint),
  escapedDigit: entry(
    (t) => `${t} in a character class`,
    false,
    (t) => `PCRE2 reads it as the digit ${t[1]}, RE2 and Go reject it; write ${t[1]}`,
  ),
  startOption: entry((t) => `start-of-pattern option ${t}`, false),
  comment: entry('comment (?#…)', false),
  branchReset: entry('branch reset group (?|', false),
  quotedGroupName: entry((t) => `group name syntax ${t}`, false, 'use (?<name>…)'),
  inlineFlag: entry((t) => `inline flag ${t}`, false),
  casedLetterProperty: entry((t) => `Unicode class ${t}`, false, 'use [\\p{Lu}\\p{Ll}\\p{Lt}]'),
  largeRepeat: entry((t) => `repeat count ${t}`, false, 'RE2 allows at most 1000'),
};
