/**
 * Backslash escapes outside a character class, plus the escape pieces character classes share
 * (`\Q…\E`, `\p{…}`, `\cX`, `\u…`, the `\x{…}` spelling of a code point).
 */
import type { ScanState } from './scanState';

/** Escapes RE2 understands outside a character class (letters/digits only; punctuation is always literal). */
const RE2_ESCAPES = new Set([...'afnrtvdDsSwWbBAzpPxCQ']);

/** RE2's spelling of a code point, safe for any character inside or outside brackets. */
export const hex = (cp: number): string => `\\x{${cp.toString(16).toUpperCase()}}`;

/** A `\` at the current position, outside brackets, not followed by a digit (digitEscapes.ts reads those). */
export function scanEscape(scan: ScanState): void {
  const p = scan.pattern;
  const start = scan.i;
  if (start + 1 >= p.length) {
    scan.candidate('trailing \\', start, start + 1, '\\');
    scan.emit(start, start + 1, '\\');
    return;
  }
  const d = p[start + 1];
  const token = (re: RegExp): string | undefined => re.exec(p.slice(start))?.[0];
  let m: string | undefined;
  switch (d) {
    case 'Q':
      return scanQuotedOutsideClass(scan);
    case 'E':
      scan.emit(start, start + 2, '');
      return; // a stray \E is ignored by PCRE2
    case 'g':
      // \g1, \g-1 and \g+1 (relative), braced or not, and \g{name}.
      if ((m = token(/^\\g(\{[+-]?\d+\}|\{[A-Za-z_]\w*\}|[+-]?\d+)/))) return scan.replaced('backreference', m, '(?:)');
      if ((m = token(/^\\g(<[^>]*>|'[^']*')/))) return scan.replaced('subroutineCall', m, '(?:)');
      break;
    case 'k':
      if ((m = token(/^\\k(<[^>]*>|'[^']*'|\{[^}]*\})/))) return scan.replaced('backreference', m, '(?:)');
      break;
    case 'K':
      return scan.replaced('resetMatchStart', '\\K', '(?:)');
    case 'G':
      return scan.replaced('matchStartAnchor', '\\G', '(?:)');
    case 'Z':
      return scan.replaced('endBeforeNewline', '\\Z', '\\z');
    case 'R':
      return scan.replaced('newlineSequence', '\\R', '(?:\\r\\n|\\n|\\r)');
    case 'X':
      return scan.replaced('graphemeCluster', '\\X', '.');
    case 'h':
      return scan.replaced('horizontalSpace', '\\h', '[\\t ]');
    case 'H':
      return scan.replaced('horizontalSpace', '\\H', '[^\\t ]');
    case 'V':
      return scan.replaced('verticalSpace', '\\V', '[^\\n]');
    case 'N':
      return scan.replaced('notNewline', '\\N', '[^\\n]');
    case 'e':
      return scan.replaced('escapeChar', '\\e', '\\x1B');
    case 'o':
      if ((m = token(/^\\o\{[0-7]+\}/))) return scan.replaced('octalEscape', m, '\\x00');
      break;
    case 'c': {
      // RE2 lacks `\cX`, so it gets the control character's code point instead.
      const cp = controlEscapeCodePoint(p, start);
      if (cp !== undefined) {
        scan.emit(start, start + 3, hex(cp));
        scan.atom();
        return;
      }
      break;
    }
    case 'u':
      return scanUnicodeEscape(scan);
    case 'p':
    case 'P':
      scanPropertyEscape(scan);
      scan.atom();
      return;
    case 'x':
      scanHexEscape(scan, token(/^\\x(\{[^}]*\}?|[0-9A-Fa-f]{0,2})/) ?? '\\x');
      return;
  }
  if (d === 'C') {
    scan.finding(
      'notPcre2.singleByte',
      'warning',
      start,
      start + 2,
      `\\C at ${start}–${start + 2} matches one byte and can split a UTF-8 character; the backend may reject it`,
    );
  }
  const len = 1 + scan.codePointLength(start + 1);
  const text = p.slice(start, start + len);
  if (/[A-Za-z0-9]/.test(d) && !RE2_ESCAPES.has(d)) scan.candidate('invalid escape sequence', start, start + len, text);
  // PCRE2 treats a backslash before any non-ASCII character as that literal character; RE2 does not.
  const out = (p.codePointAt(start + 1) ?? 0) > 0x7f ? text.slice(1) : text;
  scan.emit(start, start + len, out);
  scan.atom();
}

/** `\xHH` / `\x{H…}` (already matched as `text`): passed on as written, after checking the code point. */
function scanHexEscape(scan: ScanState, text: string): void {
  const start = scan.i;
  const braced = /^\\x\{([0-9A-Fa-f]{1,8})\}$/.exec(text);
  const value = braced ? parseInt(braced[1], 16) : NaN;
  if (!(/^\\x[0-9A-Fa-f]{2}$/.test(text) || value <= 0x10ffff)) {
    scan.candidate('invalid escape sequence', start, start + text.length, text);
  } else if (value >= 0xd800 && value <= 0xdfff) {
    scan.finding(
      'notPcre2.surrogate',
      'error',
      start,
      start + text.length,
      `${text} at ${start}–${start + text.length} is a UTF-16 surrogate, which the PCRE2 backend rejects`,
    );
  }
  scan.emit(start, start + text.length, text);
  scan.atom();
}

/**
 * `\Q…\E` (or to the end of the pattern) at the current position: every character in between is literal.
 * The walk is the same inside and outside brackets; only how each character is spelled for RE2 differs,
 * so the caller passes `spell`. Returns how many characters were quoted.
 */
export function scanQuoted(scan: ScanState, spell: (char: string) => string): number {
  const p = scan.pattern;
  let count = 0;
  scan.emit(scan.i, scan.i + 2, '');
  while (scan.i < p.length && !p.startsWith('\\E', scan.i)) {
    const len = scan.codePointLength(scan.i);
    scan.emit(scan.i, scan.i + len, spell(p.slice(scan.i, scan.i + len)));
    count++;
  }
  if (scan.i < p.length) scan.emit(scan.i, scan.i + 2, '');
  return count;
}

function scanQuotedOutsideClass(scan: ScanState): void {
  // Escaping ASCII punctuation is always literal in RE2; letters and digits must stay bare (`\d` is not "d").
  const quoted = scanQuoted(scan, (char) => (/[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(char) ? `\\${char}` : char));
  // Each quoted character is an atom; what matters to a following quantifier is that the last one was.
  if (quoted > 0) scan.atom();
}

/** PCRE2 `\cX` is the control character X^0x40 (letters upper-cased); undefined when X is not printable ASCII. */
export function controlEscapeCodePoint(p: string, start: number): number | undefined {
  const x = start + 2;
  if (x >= p.length || p.charCodeAt(x) < 0x20 || p.charCodeAt(x) >= 0x7f) return undefined;
  return p[x].toUpperCase().charCodeAt(0) ^ 0x40;
}

/**
 * `\uHHHH` / `\u{H…}` at `start`: re2-wasm accepts it but the PCRE2 backend does not, so it is recorded as an
 * error that names the `\x{…}` spelling to use. Undefined (nothing recorded) when no hex digits follow.
 */
export function matchUnicodeEscape(scan: ScanState, start: number): { text: string; digits: string } | undefined {
  const m = /^\\u(?:\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{1,4}))/.exec(scan.pattern.slice(start));
  if (!m) return undefined;
  const digits = m[1] ?? m[2];
  scan.finding(
    'notPcre2.unicodeEscape',
    'error',
    start,
    start + m[0].length,
    `${m[0]} at ${start}–${start + m[0].length} is not supported by the PCRE2 backend; write \\x{${digits}}`,
  );
  return { text: m[0], digits };
}

function scanUnicodeEscape(scan: ScanState): void {
  const start = scan.i;
  const escape = matchUnicodeEscape(scan, start);
  if (!escape) {
    scan.candidate('invalid escape sequence', start, start + 2, '\\u');
    scan.emit(start, start + 2, '\\u');
    scan.atom();
    return;
  }
  // Same rewrite as re2-wasm's JS layer, so RE2 still checks the code point.
  scan.emit(start, start + escape.text.length, `\\x{${escape.digits}}`);
  scan.atom();
}

/**
 * `\pL`, `\p{Greek}`, `\P{^L}` at the current position, inside or outside brackets; returns what RE2 is given.
 * Only PCRE2's `L&` needs rewriting; any other name is left to RE2, which reports an unknown one as
 * "invalid character class range", so it is recorded as the candidate place for that error.
 */
export function scanPropertyEscape(scan: ScanState): string {
  const start = scan.i;
  const m = /^\\[pP](\{[^}]*\}?|.?)/u.exec(scan.pattern.slice(start));
  const text = m ? m[0] : scan.pattern.slice(start, start + 2);
  let out = text;
  if (/^\\[pP]\{\^?L&\}$/.test(text)) {
    scan.pcre2Only('casedLetterProperty', start, start + text.length);
    out = `\\${text[1]}L`;
  } else {
    scan.candidate('invalid character class range', start, start + text.length, text);
  }
  scan.emit(start, start + text.length, out);
  return out;
}
