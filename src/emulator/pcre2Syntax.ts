/**
 * The platform compiles filter patterns with PCRE2; the emulator has only JavaScript's engine. This rewrites the
 * PCRE2 (and RE2) syntax that JavaScript spells differently or lacks into something JavaScript parses, so that
 * `new RegExp(…, 'u')` then answers "would PCRE2 accept this?" well enough for the emulator's 400 path:
 * without it, valid patterns such as `(?i)^vip$`, `(?P<team>\w+)`, `\Qa.b\E`, `a++` or `[[:alpha:]]` were
 * refused with a 400 that the real platform would not send. Only syntax matters here, never the meaning, so
 * constructs JavaScript lacks become a neutral stand-in (`(?:`, `.`, nothing). An approximation, not an oracle.
 */
import { readClassDigitEscape, readDigitEscape } from '../filters/regex/digitEscapes';

/** Escapes outside a class that have a JavaScript spelling or a same-shape stand-in. */
const LETTER_ESCAPES: Record<string, string> = {
  A: '^',
  z: '$',
  Z: '$',
  G: '',
  K: '',
  h: '[\\t ]',
  H: '[^\\t ]',
  R: '(?:\\r\\n|\\n|\\r)',
  X: '.',
  N: '.',
  C: '.',
  e: '\\x1b',
  a: '\\x07',
};
/** The same inside a class, where only single characters or class escapes fit. */
const CLASS_LETTER_ESCAPES: Record<string, string> = { h: '\\t ', e: '\\x1b', a: '\\x07', N: 'a', C: 'a' };
/** Characters that keep their backslash in a JavaScript `u` pattern; any other non-alphanumeric escape is a plain literal. */
const JS_SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);
const INLINE_FLAGS = /^\(\?\^?[imnsxJU]*(?:-[imnsxJU]*)?(\)|:)/;
/** `(`, `(?<name>`, `(?P<name>`, `(?'name'`: the openers that count as a group for PCRE2's `\12` rule. */
const CAPTURING_GROUP = /^\((?![?*])|^\(\?(?:P?<(?![=!])|')/;
const QUANTIFIER_BRACE = /^\{(\d+(?:,\d*)?|,\d+)\}/;

export function pcre2ToJavaScriptSyntax(pattern: string): string {
  let out = '';
  let i = 0;
  let inClass = false;
  let classStart = 0;
  /** True right after something a quantifier may follow; a `+` after a quantifier is PCRE2's possessive form. */
  let afterQuantifier = false;
  /** Capturing groups opened so far: PCRE2 reads `\12` as a backreference only after twelve, else as octal. */
  let groups = 0;
  while (i < pattern.length) {
    const rest = pattern.slice(i);
    const ch = pattern[i];
    const wasAfterQuantifier: boolean = afterQuantifier;
    afterQuantifier = false;
    if (rest.startsWith('\\Q')) {
      const end = pattern.indexOf('\\E', i + 2);
      const literal = pattern.slice(i + 2, end < 0 ? pattern.length : end);
      out += [...literal].map((c) => (inClass ? classLiteral(c) : JS_SYNTAX.has(c) ? `\\${c}` : c)).join('');
      i = end < 0 ? pattern.length : end + 2;
      continue;
    }
    if (ch === '\\') {
      const [text, length] = inClass ? classEscape(rest) : escape(rest, groups);
      out += text;
      i += length;
      continue;
    }
    if (inClass) {
      const posix = /^\[:\^?[a-z]+:\]/.exec(rest);
      if (posix) {
        out += 'a';
        i += posix[0].length;
        continue;
      }
      if (ch === ']' && i > classStart) {
        out += ']';
        inClass = false;
        i += 1;
        continue;
      }
      out += ch === '[' || ch === ']' ? `\\${ch}` : ch; // a leading "]" and a nested "[" are literals in PCRE2
      i += 1;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += '[';
      i += 1;
      if (pattern[i] === '^') {
        out += '^';
        i += 1;
      }
      classStart = i;
      continue;
    }
    if (ch === '(') {
      if (CAPTURING_GROUP.test(rest)) groups++;
      const [text, length] = group(rest);
      out += text;
      i += length;
      continue;
    }
    if (ch === '{') {
      const quantifier = QUANTIFIER_BRACE.exec(rest);
      if (quantifier) {
        out += quantifier[1].startsWith(',') ? `{0${quantifier[1]}}` : quantifier[0];
        i += quantifier[0].length;
        afterQuantifier = true;
      } else {
        out += '\\{'; // PCRE2 takes a brace that starts no quantifier literally
        i += 1;
      }
      continue;
    }
    if (ch === '}' || ch === ']') {
      out += `\\${ch}`;
      i += 1;
      continue;
    }
    if (ch === '+' && wasAfterQuantifier) {
      i += 1;
      continue;
    } // possessive: same syntax as the plain quantifier
    if (ch === '*' || ch === '+' || ch === '?') afterQuantifier = !wasAfterQuantifier || ch !== '?';
    out += ch;
    i += 1;
  }
  return out;
}

/** `\` + what follows, outside a class: [JavaScript text, characters consumed]. */
function escape(rest: string, groupsBefore: number): [string, number] {
  const next = rest[1];
  if (next === undefined) return ['\\', 1]; // trailing backslash: stays an error
  if (next >= '0' && next <= '9') {
    // JavaScript has no octal in a `u` pattern: PCRE2's octal becomes \u{…}. A backreference stays one, so that
    // JavaScript rejects a reference to a group that does not exist, as PCRE2 does.
    const digits = readDigitEscape(rest, 0, groupsBefore);
    return [digits.kind === 'backreference' ? digits.text : codePointEscape(digits.codePoint), digits.text.length];
  }
  const braced = /^\\([xo])\{([0-9A-Fa-f]*)\}/.exec(rest);
  if (braced) return [braced[1] === 'x' ? `\\u{${braced[2] || '0'}}` : '.', braced[0].length];
  const property = /^\\([pP])(\{\^?[A-Za-z_&= ]+\}|[A-Za-z])/.exec(rest);
  if (property) return [javaScriptProperty(property[1], property[2]), property[0].length];
  const backReference = /^\\(?:g\{[+-]?\w+\}|g<\w+>|g'\w+'|g[+-]?\d+|k\{\w+\}|k'\w+')/.exec(rest);
  if (backReference) return ['(?:)', backReference[0].length];
  if (next in LETTER_ESCAPES) return [LETTER_ESCAPES[next], 2];
  if (!/[A-Za-z0-9]/.test(next)) return [JS_SYNTAX.has(next) ? `\\${next}` : next, 2];
  return [`\\${next}`, 2]; // \d \w \1 \n … as they are; an unknown letter stays an error, as in PCRE2
}

function classEscape(rest: string): [string, number] {
  const next = rest[1];
  if (next === undefined) return ['\\', 1];
  if (next >= '0' && next <= '9') {
    const digits = readClassDigitEscape(rest, 0); // octal, or `\8`/`\9` as the digit itself
    return [codePointEscape(digits.codePoint), digits.text.length];
  }
  const braced = /^\\([xo])\{([0-9A-Fa-f]*)\}/.exec(rest);
  if (braced) return [braced[1] === 'x' ? `\\u{${braced[2] || '0'}}` : 'a', braced[0].length];
  const property = /^\\([pP])(\{\^?[A-Za-z_&= ]+\}|[A-Za-z])/.exec(rest);
  if (property) return [javaScriptProperty(property[1], property[2]), property[0].length];
  if (next in CLASS_LETTER_ESCAPES) return [CLASS_LETTER_ESCAPES[next], 2];
  if (!/[A-Za-z0-9]/.test(next)) return [classLiteral(next), 2];
  return [`\\${next}`, 2];
}

const codePointEscape = (codePoint: number): string => `\\u{${codePoint.toString(16)}}`;

function classLiteral(c: string): string {
  return '\\]^-['.includes(c) ? `\\${c}` : c;
}

/** `\pL`, `\p{^Lu}`, `\p{Greek}` (a script, which JavaScript spells `Script=Greek`), `\p{L&}`. */
function javaScriptProperty(p: string, spec: string): string {
  let name = spec.startsWith('{') ? spec.slice(1, -1) : spec;
  let letter = p;
  if (name.startsWith('^')) {
    name = name.slice(1);
    letter = p === 'p' ? 'P' : 'p';
  }
  if (name === 'L&') name = 'LC';
  for (const candidate of [name, `Script=${name}`]) {
    try {
      new RegExp(`\\${letter}{${candidate}}`, 'u');
      return `\\${letter}{${candidate}}`;
    } catch {
      /* try the next spelling */
    }
  }
  return `\\${letter}{${name}}`; // unknown everywhere: left for RegExp to reject
}

/** `(` + what follows: [JavaScript text, characters consumed]. */
function group(rest: string): [string, number] {
  const comment = /^\(\?#[^)]*\)/.exec(rest);
  if (comment) return ['', comment[0].length];
  const verb = /^\(\*[A-Z_]+(?::[^)]*)?\)/.exec(rest);
  if (verb) return ['', verb[0].length];
  const flags = INLINE_FLAGS.exec(rest);
  if (flags) return [flags[1] === ':' ? '(?:' : '', flags[0].length];
  const named = /^\(\?(?:P<(\w+)>|'(\w+)')/.exec(rest);
  if (named) return [`(?<${named[1] ?? named[2]}>`, named[0].length];
  const namedReference = /^\(\?P=(\w+)\)/.exec(rest);
  if (namedReference) return [`\\k<${namedReference[1]}>`, namedReference[0].length];
  const recursion = /^\(\?(?:R|[+-]?\d+|&\w+|P>\w+)\)/.exec(rest);
  if (recursion) return ['(?:)', recursion[0].length];
  const condition = /^\(\?\((?:[^()]|\([^()]*\))*\)/.exec(rest);
  if (condition) return ['(?:', condition[0].length];
  if (rest.startsWith('(?>') || rest.startsWith('(?|')) return ['(?:', 3];
  return ['(', 1];
}
