/**
 * Bracketed character classes `[…]`. Escapes mean different things here than outside (`\b` is a backspace,
 * `\Q…\E` still quotes), and each range's two ends are compared so a reversed range can be pinned down.
 */
import { readClassDigitEscape } from './digitEscapes';
import { controlEscapeCodePoint, hex, matchUnicodeEscape, scanPropertyEscape, scanQuoted } from './escapes';
import type { Pcre2OnlyKind } from './pcre2Only';
import type { ScanState } from './scanState';

/**
 * One member of a class: a single character (`codePoint`), or a set such as `\d` or `[:alpha:]`
 * (`isClass`, codePoint -1), which cannot be the end of a range.
 */
interface ClassAtom {
  start: number;
  end: number;
  out: string;
  isClass: boolean;
  codePoint: number;
}

const POSIX_CLASSES = new Set([
  'alnum',
  'alpha',
  'ascii',
  'blank',
  'cntrl',
  'digit',
  'graph',
  'lower',
  'print',
  'punct',
  'space',
  'upper',
  'word',
  'xdigit',
]);
/** Escapes RE2 understands inside a class that stand for a set of characters. */
const RE2_CLASS_ESCAPES = new Set([...'dDsSwWpP']);
/** Single-letter escapes for control characters, which RE2 also accepts as written. */
const SIMPLE_ESCAPES: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);

/** A `[` at the current position, up to and including its `]`. */
export function scanCharClass(scan: ScanState): void {
  const p = scan.pattern;
  const open = scan.i;
  scan.emit(open, open + 1, '[');
  if (p[scan.i] === '^') scan.emit(scan.i, scan.i + 1, '^');
  let first = true;
  for (;;) {
    if (scan.i >= p.length) {
      scan.candidate('missing ]', open, open + 1, p.slice(open));
      break;
    }
    // A `]` right after `[` or `[^` is a literal member, not the end.
    if (p[scan.i] === ']' && !first) {
      scan.emit(scan.i, scan.i + 1, ']');
      break;
    }
    first = false;
    if (p.startsWith('\\Q', scan.i)) {
      // RE2 has no \Q inside brackets; \x{…} keeps every quoted character literal there, even `]` and `-`.
      scanQuoted(scan, (char) => hex(char.codePointAt(0) ?? 0));
      continue;
    }
    if (p.startsWith('\\E', scan.i)) {
      scan.emit(scan.i, scan.i + 2, '');
      continue;
    }
    const lo = scanClassAtom(scan);
    if (p[scan.i] === '-' && scan.i + 1 < p.length && p[scan.i + 1] !== ']') {
      scan.emit(scan.i, scan.i + 1, '-');
      const hi = scanClassAtom(scan);
      if (hi.isClass) scan.candidate('invalid escape sequence', hi.start, hi.end, hi.out);
      else if (!lo.isClass && lo.codePoint > hi.codePoint) {
        scan.candidate('invalid character class range', lo.start, hi.end, `${lo.out}-${hi.out}`);
      }
    }
  }
  scan.atom();
}

function scanClassAtom(scan: ScanState): ClassAtom {
  const p = scan.pattern;
  const start = scan.i;
  const posix = /^\[:(\^?)([A-Za-z]*):\]/.exec(p.slice(start));
  if (posix) {
    if (!POSIX_CLASSES.has(posix[2])) {
      scan.candidate('invalid character class range', start, start + posix[0].length, posix[0]);
    }
    scan.emit(start, start + posix[0].length, posix[0]);
    return { start, end: scan.i, out: posix[0], isClass: true, codePoint: -1 };
  }
  if (p[start] !== '\\') {
    const len = scan.codePointLength(start);
    scan.emit(start, start + len, p.slice(start, start + len));
    return {
      start,
      end: scan.i,
      out: p.slice(start, start + len),
      isClass: false,
      codePoint: p.codePointAt(start) ?? 0,
    };
  }
  return scanClassEscape(scan);
}

/** A `\` inside brackets. Escapes RE2 spells differently or lacks (`\b`, `\cX`, octal…) become `\x{…}` of their code point. */
function scanClassEscape(scan: ScanState): ClassAtom {
  const p = scan.pattern;
  const start = scan.i;
  if (start + 1 >= p.length) {
    scan.candidate('trailing \\', start, start + 1, '\\');
    scan.emit(start, start + 1, '\\');
    return { start, end: scan.i, out: '\\', isClass: false, codePoint: 0x5c };
  }
  const d = p[start + 1];
  const char = (len: number, cp: number, out = hex(cp)): ClassAtom => {
    scan.emit(start, start + len, out);
    return { start, end: scan.i, out, isClass: false, codePoint: cp };
  };
  const special = (kind: Pcre2OnlyKind, out: string, isClass: boolean, cp = -1): ClassAtom => {
    scan.pcre2Only(kind, start, start + 2);
    scan.emit(start, start + 2, out);
    return { start, end: scan.i, out, isClass, codePoint: cp };
  };
  if (d === 'p' || d === 'P') {
    const out = scanPropertyEscape(scan);
    return { start, end: scan.i, out, isClass: true, codePoint: -1 };
  }
  if (RE2_CLASS_ESCAPES.has(d)) {
    scan.emit(start, start + 2, p.slice(start, start + 2));
    return { start, end: scan.i, out: p.slice(start, start + 2), isClass: true, codePoint: -1 };
  }
  if (d === 'h') return special('horizontalSpace', '\\t ', true);
  if (d === 'H' || d === 'V') return special(d === 'H' ? 'horizontalSpace' : 'verticalSpace', '\\x00', true);
  if (d === 'e') return special('escapeChar', '\\x1B', false, 0x1b);
  if (d === 'b') return char(2, 0x08); // backspace inside a class in PCRE2
  const control = d === 'c' ? controlEscapeCodePoint(p, start) : undefined;
  if (control !== undefined) return char(3, control);
  let m: RegExpExecArray | null;
  if ((m = /^\\o\{([0-7]+)\}/.exec(p.slice(start)))) {
    scan.pcre2Only('octalEscape', start, start + m[0].length);
    return char(m[0].length, parseInt(m[1], 8));
  }
  if (d >= '0' && d <= '9') {
    // Every engine reads `[\0]`, `[\12]`, `[\101]` as octal; a lone `[\1]` or `[\8]` only PCRE2 reads. RE2 gets
    // the character PCRE2 means, so it still checks the range and the rest of the pattern.
    const escape = readClassDigitEscape(p, start);
    if (escape.kind !== 'octal') scan.pcre2Only(escape.kind, start, start + escape.text.length);
    return char(escape.text.length, escape.codePoint);
  }
  if ((m = /^\\x(\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{1,2}))/.exec(p.slice(start)))) {
    return char(m[0].length, parseInt(m[2] ?? m[3], 16), m[0]);
  }
  const unicode = matchUnicodeEscape(scan, start);
  if (unicode) return char(unicode.text.length, parseInt(unicode.digits, 16));
  if (SIMPLE_ESCAPES[d] !== undefined) return char(2, SIMPLE_ESCAPES[d], p.slice(start, start + 2));
  // Anything else is the escaped character itself; a letter, digit or _ here is where RE2 would reject the escape.
  const len = 1 + scan.codePointLength(start + 1);
  const text = p.slice(start, start + len);
  if (isWordChar(d)) scan.candidate('invalid escape sequence', start, start + len, text);
  const cp = p.codePointAt(start + 1) ?? 0;
  // As outside brackets: PCRE2 reads `\` before a non-ASCII character as that character; RE2 does not.
  scan.emit(start, start + len, cp > 0x7f ? text.slice(1) : text);
  return { start, end: scan.i, out: text, isClass: false, codePoint: cp };
}
