/**
 * A backslash followed by a digit, read the way RE2, Go and PCRE2 each read it. The three agree on `\0`
 * plus up to two octal digits and on `\1`–`\7` followed by more octal digits (`\101` is "A", `\400` is U+0100,
 * at most three digits: `\1234` is "S4"). Elsewhere they part ways (RE2 re2/parse.cc and Go regexp/syntax
 * share one rule; PCRE2's is check_escape in pcre2_compile.c):
 *
 *   text                                   RE2 and Go                  PCRE2
 *   `\1`…`\9` alone, `\8…`, `\9…`          rejected                    backreference
 *   `\NN…` with at least NN groups before  octal (when NN is octal)    backreference
 *   `\1`–`\7` then 8 or 9 (`\18`)          rejected                    octal \1, then "8"
 *   `[\1]`…`[\7]` (one digit, in a class)  rejected                    octal
 *   `[\8]`, `[\9]`                         rejected                    the digit itself
 *
 * The backend runs PCRE2, so its reading decides what a construct is called; RE2 still decides validity.
 */
import type { Pcre2OnlyKind } from './pcre2Only';
import { hex } from './escapes';
import type { ScanState } from './scanState';

/** A character: octal every engine reads alike, or a PCRE2 reading RE2 and Go reject (a one-digit octal, `[\8]`). */
export type CharacterDigitEscape =
  | { kind: 'octal'; text: string; codePoint: number }
  | { kind: Extract<Pcre2OnlyKind, 'octalEscape' | 'escapedDigit'>; text: string; codePoint: number };

export type DigitEscape =
  | CharacterDigitEscape
  /** A backreference in PCRE2; `re2Octal` is set when RE2 and Go read the same text as that octal character. */
  | { kind: 'backreference'; text: string; re2Octal?: number };

/** PCRE2 refuses group numbers above this; larger numbers are never backreferences (they fall back to octal). */
const PCRE2_MAX_GROUP_NUMBER = 65535;

const octalDigits = (rest: string): string => /^\\[0-7]{1,3}/.exec(rest)?.[0] ?? '';

/** `\0`–`\7` and up to two more octal digits: RE2 and Go need at least two digits unless the first is 0. */
function octal(text: string): CharacterDigitEscape {
  const codePoint = parseInt(text.slice(1), 8);
  return { kind: text.length > 2 || text === '\\0' ? 'octal' : 'octalEscape', text, codePoint };
}

/**
 * Reads the escape at `start` (a `\` followed by a digit) outside brackets. `groupsBefore` is the number of
 * capturing groups opened before it: PCRE2 reads `\12` as a backreference only when there are at least twelve.
 */
export function readDigitEscape(pattern: string, start: number, groupsBefore: number): DigitEscape {
  const rest = pattern.slice(start);
  const first = rest[1];
  if (first === '0') return octal(octalDigits(rest));
  const decimal = /^\\\d+/.exec(rest)?.[0] ?? '';
  const number = Number(decimal.slice(1));
  const isReference =
    decimal.length === 2 ||
    first === '8' ||
    first === '9' ||
    (number <= groupsBefore && number <= PCRE2_MAX_GROUP_NUMBER);
  const asOctal = octal(octalDigits(rest));
  if (!isReference) return asOctal;
  // RE2 has no backreferences: it reads the same text as octal when that is valid for it, else reports an error.
  return { kind: 'backreference', text: decimal, re2Octal: asOctal.kind === 'octal' ? asOctal.codePoint : undefined };
}

/** The same inside brackets, where PCRE2 has no backreferences: `\8` and `\9` are the digits, the rest octal. */
export function readClassDigitEscape(pattern: string, start: number): CharacterDigitEscape {
  const rest = pattern.slice(start);
  const first = rest[1];
  if (first === '8' || first === '9') {
    return { kind: 'escapedDigit', text: rest.slice(0, 2), codePoint: first.charCodeAt(0) };
  }
  return octal(octalDigits(rest));
}

/** A `\` and a digit at the current position, outside brackets. */
export function scanDigitEscape(scan: ScanState): void {
  const escape = readDigitEscape(scan.pattern, scan.i, scan.groupCount);
  const start = scan.i;
  const end = start + escape.text.length;
  if (escape.kind === 'octal') {
    scan.emit(start, end, escape.text); // RE2 reads it the same way
  } else if (escape.kind === 'backreference') {
    const note =
      escape.re2Octal === undefined
        ? undefined
        : `with ${scan.groupCount} groups before it PCRE2 reads ${escape.text} as a backreference; RE2 and Go read it as the character ${hex(escape.re2Octal)}`;
    scan.pcre2Only('backreference', start, end, note);
    scan.emit(start, end, '(?:)');
  } else {
    // Handed to RE2 as the character PCRE2 means, so RE2 still checks everything around it.
    scan.pcre2Only(escape.kind, start, end);
    scan.emit(start, end, hex(escape.codePoint));
  }
  scan.atom();
}
