/**
 * Pure-TypeScript pre-scanner for filter patterns (no wasm).
 *
 * It walks the user's pattern once and produces:
 *  - `re2Pattern`: the text handed to RE2. Like re2-wasm's own JS layer it rewrites PCRE2 spellings RE2
 *    lacks (`(?<name>` → `(?P<name>`, `\cX` → `\x{HH}`), and it replaces each PCRE2-only construct by a
 *    neutral RE2 equivalent of the same shape (`(?=` → `(?:`, `\1` → `(?:)`…) so RE2 can still check
 *    everything around it;
 *  - `segments`: which user range produced which part of `re2Pattern`, to map RE2 fragments back;
 *  - `findings`: PCRE2-only constructs and PCRE2 incompatibilities, named precisely with their range;
 *  - `candidates`: places where RE2 is likely to report each of its (positionless) error codes, in the
 *    order RE2 parses them. RE2 stays the authority on *whether* a pattern is valid; candidates only say *where*.
 */
import { PCRE2_ONLY, type Pcre2OnlyKind } from './pcre2Only';

export interface Segment { start: number; end: number; outStart: number; outEnd: number }

export interface ScanFinding {
  code: string;
  /** 'pcre2Only' findings become errors or warnings depending on allowPcre2Only. */
  kind: 'pcre2Only' | 'error' | 'warning';
  start: number;
  end: number;
  message: string;
}

export interface ErrorCandidate { re2Code: string; start: number; end: number; out: string; detail?: string }

export interface ScanResult {
  re2Pattern: string;
  segments: Segment[];
  findings: ScanFinding[];
  candidates: ErrorCandidate[];
  groupCount: number;
}

/** RE2 rejects any counted repetition (also nested, multiplied) above this. */
const MAX_REPEAT = 1000;
/** PCRE2 accepts repeat counts up to this. */
const PCRE2_MAX_REPEAT = 65535;

const POSIX_CLASSES = new Set(['alnum', 'alpha', 'ascii', 'blank', 'cntrl', 'digit', 'graph', 'lower', 'print',
  'punct', 'space', 'upper', 'word', 'xdigit']);
/** PCRE2 alpha assertions that open a group, e.g. `(*pla:…)`. */
const ALPHA_ASSERTIONS: Record<string, Pcre2OnlyKind> = {
  pla: 'lookahead', positive_lookahead: 'lookahead', nla: 'negativeLookahead', negative_lookahead: 'negativeLookahead',
  plb: 'lookbehind', positive_lookbehind: 'lookbehind', nlb: 'negativeLookbehind', negative_lookbehind: 'negativeLookbehind',
  napla: 'lookahead', non_atomic_positive_lookahead: 'lookahead', naplb: 'lookbehind', non_atomic_positive_lookbehind: 'lookbehind',
  atomic: 'atomicGroup', sr: 'scriptRun', script_run: 'scriptRun', asr: 'scriptRun', atomic_script_run: 'scriptRun',
};
/** Escapes RE2 understands outside a character class (letters/digits only; punctuation is always literal). */
const RE2_ESCAPES = new Set([...'afnrtvdDsSwWbBAzpPxC0Q']);
const RE2_CLASS_ESCAPES = new Set([...'dDsSwWpP']);

interface Frame { start: number; end: number; maxProduct: number }
type Previous =
  | { kind: 'none' }
  | { kind: 'atom'; product: number }
  | { kind: 'repeat'; product: number; opStart: number; opOut: string };
interface ClassAtom { start: number; end: number; out: string; isClass: boolean; codePoint: number }

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);
const hex = (cp: number): string => `\\x{${cp.toString(16).toUpperCase()}}`;

export function scanPattern(pattern: string): ScanResult {
  return new Scanner(pattern).run();
}

class Scanner {
  private i = 0;
  private out = '';
  private readonly segments: Segment[] = [];
  private readonly findings: ScanFinding[] = [];
  private readonly candidates: ErrorCandidate[] = [];
  private readonly frames: Frame[] = [{ start: 0, end: 0, maxProduct: 1 }];
  private readonly groupNames = new Map<string, number>();
  private previous: Previous = { kind: 'none' };
  private groupCount = 0;

  constructor(private readonly p: string) {}

  run(): ScanResult {
    const p = this.p;
    while (this.i < p.length) {
      const c = p[this.i];
      if (c === '\\') this.escape();
      else if (c === '(') this.openGroup();
      else if (c === ')') this.closeGroup();
      else if (c === '[') this.charClass();
      else if (c === '*' || c === '+' || c === '?') this.quantifier(this.i, this.i + 1, 1);
      else if (c === '{') this.brace();
      else if (c === '|') { this.emit(this.i, this.i + 1, '|'); this.previous = { kind: 'none' }; }
      else this.literal();
    }
    // RE2 reports "missing )" for the innermost group still open at the end.
    const open = this.frames[this.frames.length - 1];
    if (this.frames.length > 1) this.candidate('missing )', open.start, open.end, this.out);
    return { re2Pattern: this.out, segments: this.segments, findings: this.findings, candidates: this.candidates, groupCount: this.groupCount };
  }

  // ---- output and bookkeeping -------------------------------------------------------------------------

  private emit(start: number, end: number, out: string): void {
    this.segments.push({ start, end, outStart: this.out.length, outEnd: this.out.length + out.length });
    this.out += out;
    this.i = end;
  }

  private candidate(re2Code: string, start: number, end: number, out: string, detail?: string): void {
    this.candidates.push({ re2Code, start, end, out, detail });
  }

  private pcre2Only(kind: Pcre2OnlyKind, start: number, end: number): void {
    this.findings.push({ code: `pcre2Only.${kind}`, kind: 'pcre2Only', start, end, message: PCRE2_ONLY[kind].describe(this.p.slice(start, end), start, end) });
  }

  private finding(code: string, kind: 'error' | 'warning', start: number, end: number, message: string): void {
    this.findings.push({ code, kind, start, end, message });
  }

  private atom(product = 1): void {
    this.previous = { kind: 'atom', product };
    const frame = this.frames[this.frames.length - 1];
    frame.maxProduct = Math.max(frame.maxProduct, product);
  }

  private codePointLength(at: number): number {
    const cp = this.p.codePointAt(at) ?? 0;
    return cp > 0xffff ? 2 : 1;
  }

  private literal(): void {
    const len = this.codePointLength(this.i);
    this.emit(this.i, this.i + len, this.p.slice(this.i, this.i + len));
    this.atom();
  }

  // ---- quantifiers ------------------------------------------------------------------------------------

  private brace(): void {
    const rest = this.p.slice(this.i);
    const counted = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    if (!counted) {
      const upTo = /^\{,(\d+)\}/.exec(rest);
      if (upTo) {
        this.finding('ambiguousBrace', 'warning', this.i, this.i + upTo[0].length,
          `${upTo[0]} at ${this.i}–${this.i + upTo[0].length} is literal text in RE2 but means {0,${upTo[1]}} in PCRE2 10.43+; write {0,${upTo[1]}} or \\{,${upTo[1]}}`);
      }
      this.literal();
      return;
    }
    const start = this.i;
    const end = start + counted[0].length;
    const min = Number(counted[1]);
    const max = counted[2] === undefined ? min : counted[3] === '' ? -1 : Number(counted[3]);
    const overRe2 = min > MAX_REPEAT || max > MAX_REPEAT;
    const withinPcre2 = min <= PCRE2_MAX_REPEAT && max <= PCRE2_MAX_REPEAT && (max < 0 || min <= max);
    let out = counted[0];
    if (overRe2 && withinPcre2) {
      this.pcre2Only('largeRepeat', start, end);
      // Clamp so RE2 still checks the rest of the pattern.
      const clampedMax = max < 0 ? '' : String(Math.min(max, MAX_REPEAT));
      out = counted[2] === undefined ? `{${Math.min(min, MAX_REPEAT)}}` : `{${Math.min(min, MAX_REPEAT)},${clampedMax}}`;
    }
    // RE2 divides its budget of 1000 by each enclosing repeat's count (max, or min if open-ended; 0 counts as 1).
    const count = max < 0 ? min : max;
    const checked = overRe2 && withinPcre2 ? Math.min(count, MAX_REPEAT) : count;
    const reversed = max >= 0 && min > max ? 'the minimum is larger than the maximum' : undefined;
    this.quantifier(start, end, checked === 0 ? 1 : checked, out, reversed, overRe2 && !withinPcre2);
  }

  /** A quantifier token at [start,end); `factor` is its counted repeat (1 for * + ?). */
  private quantifier(start: number, end: number, factor: number, out = this.p.slice(start, end), sizeDetail?: string, sizeTooLarge = false): void {
    let opEnd = end;
    let opOut = out;
    const next = this.p[end];
    let possessive = false;
    if (next === '?') { opEnd = end + 1; opOut += '?'; }
    else if (next === '+') { opEnd = end + 1; possessive = true; }
    const prev = this.previous;
    if (prev.kind === 'none') {
      this.candidate('no argument for repetition operator', start, end, out);
    } else if (prev.kind === 'repeat') {
      this.candidate('bad repetition operator', prev.opStart, opEnd, prev.opOut + opOut);
    }
    const inner = prev.kind === 'none' ? 1 : prev.product;
    const product = inner * factor;
    if (sizeDetail !== undefined || sizeTooLarge || (factor > 1 && product > MAX_REPEAT)) {
      this.candidate('invalid repetition size', start, end, out,
        sizeDetail ?? (sizeTooLarge ? 'RE2 allows at most 1000' : `nested repeats multiply to ${product}; RE2 allows at most 1000`));
    }
    if (possessive) this.pcre2Only('possessiveQuantifier', start, opEnd);
    this.emit(start, opEnd, opOut);
    this.previous = { kind: 'repeat', product, opStart: start, opOut };
    const frame = this.frames[this.frames.length - 1];
    frame.maxProduct = Math.max(frame.maxProduct, product);
  }

  // ---- escapes outside a class ------------------------------------------------------------------------

  private escape(): void {
    const p = this.p;
    const start = this.i;
    if (start + 1 >= p.length) {
      this.candidate('trailing \\', start, start + 1, '\\');
      this.emit(start, start + 1, '\\');
      return;
    }
    const d = p[start + 1];
    const token = (re: RegExp): string | undefined => re.exec(p.slice(start))?.[0];
    let m: string | undefined;
    switch (d) {
      case 'Q': return this.quoted();
      case 'E': this.emit(start, start + 2, ''); return; // a stray \E is ignored by PCRE2
      case 'g':
        if ((m = token(/^\\g(\{-?\d+\}|\{[A-Za-z_]\w*\}|-?\d+)/))) return this.replaced('backreference', m, '(?:)');
        if ((m = token(/^\\g(<[^>]*>|'[^']*')/))) return this.replaced('subroutineCall', m, '(?:)');
        break;
      case 'k':
        if ((m = token(/^\\k(<[^>]*>|'[^']*'|\{[^}]*\})/))) return this.replaced('backreference', m, '(?:)');
        break;
      case 'K': return this.replaced('resetMatchStart', '\\K', '(?:)');
      case 'G': return this.replaced('matchStartAnchor', '\\G', '(?:)');
      case 'Z': return this.replaced('endBeforeNewline', '\\Z', '\\z');
      case 'R': return this.replaced('newlineSequence', '\\R', '(?:\\r\\n|\\n|\\r)');
      case 'X': return this.replaced('graphemeCluster', '\\X', '.');
      case 'h': return this.replaced('horizontalSpace', '\\h', '[\\t ]');
      case 'H': return this.replaced('horizontalSpace', '\\H', '[^\\t ]');
      case 'V': return this.replaced('verticalSpace', '\\V', '[^\\n]');
      case 'N': return this.replaced('notNewline', '\\N', '[^\\n]');
      case 'e': return this.replaced('escapeChar', '\\e', '\\x1B');
      case 'o':
        if ((m = token(/^\\o\{[0-7]+\}/))) return this.replaced('octalEscape', m, '\\x00');
        break;
      case 'c':
        if (start + 2 < p.length && p.charCodeAt(start + 2) >= 0x20 && p.charCodeAt(start + 2) < 0x7f) {
          // PCRE2 `\cX` is the control character X^0x40 (letters upper-cased); RE2 lacks it.
          this.emit(start, start + 3, hex(p[start + 2].toUpperCase().charCodeAt(0) ^ 0x40));
          this.atom();
          return;
        }
        break;
      case 'u': return this.unicodeEscape();
      case 'p': case 'P': this.propertyEscape(false); return;
      case 'x':
        m = token(/^\\x(\{[^}]*\}?|[0-9A-Fa-f]{0,2})/) ?? '\\x';
        this.hexEscape(start, m);
        return;
    }
    if (d >= '1' && d <= '9') return this.replaced('backreference', token(/^\\\d+/) ?? '', '(?:)');
    if (d === '0') {
      m = token(/^\\0[0-7]{0,2}/) ?? '\\0';
      this.emit(start, start + m.length, m);
      this.atom();
      return;
    }
    if (d === 'C') this.finding('notPcre2.singleByte', 'warning', start, start + 2,
      `\\C at ${start}–${start + 2} matches one byte and can split a UTF-8 character; the backend may reject it`);
    const len = 1 + this.codePointLength(start + 1);
    const text = p.slice(start, start + len);
    if (/[A-Za-z0-9]/.test(d) && !RE2_ESCAPES.has(d)) this.candidate('invalid escape sequence', start, start + len, text);
    // PCRE2 treats a backslash before any non-ASCII character as that literal character; RE2 does not.
    const out = (p.codePointAt(start + 1) ?? 0) > 0x7f ? text.slice(1) : text;
    this.emit(start, start + len, out);
    this.atom();
  }

  private hexEscape(start: number, text: string): void {
    const braced = /^\\x\{([0-9A-Fa-f]{1,8})\}$/.exec(text);
    const value = braced ? parseInt(braced[1], 16) : NaN;
    if (!(/^\\x[0-9A-Fa-f]{2}$/.test(text) || value <= 0x10ffff)) {
      this.candidate('invalid escape sequence', start, start + text.length, text);
    } else if (value >= 0xd800 && value <= 0xdfff) {
      this.finding('notPcre2.surrogate', 'error', start, start + text.length,
        `${text} at ${start}–${start + text.length} is a UTF-16 surrogate, which the PCRE2 backend rejects`);
    }
    this.emit(start, start + text.length, text);
    this.atom();
  }

  private replaced(kind: Pcre2OnlyKind, text: string, out: string): void {
    const start = this.i;
    this.pcre2Only(kind, start, start + text.length);
    this.emit(start, start + text.length, out);
    this.atom();
  }

  /** `\Q…\E` (or to the end): every character literal; emitted as escaped literals one by one. */
  private quoted(): void {
    const p = this.p;
    this.emit(this.i, this.i + 2, '');
    while (this.i < p.length && !p.startsWith('\\E', this.i)) {
      const len = this.codePointLength(this.i);
      const ch = p.slice(this.i, this.i + len);
      this.emit(this.i, this.i + len, /[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(ch) ? `\\${ch}` : ch);
      this.atom();
    }
    if (this.i < p.length) this.emit(this.i, this.i + 2, '');
  }

  private unicodeEscape(): void {
    const start = this.i;
    const m = /^\\u(\{[0-9A-Fa-f]+\}|[0-9A-Fa-f]{1,4})/.exec(this.p.slice(start));
    if (!m) {
      this.candidate('invalid escape sequence', start, start + 2, '\\u');
      this.emit(start, start + 2, '\\u');
      this.atom();
      return;
    }
    const digits = m[1].replace(/[{}]/g, '');
    this.finding('notPcre2.unicodeEscape', 'error', start, start + m[0].length,
      `${m[0]} at ${start}–${start + m[0].length} is not supported by the PCRE2 backend; write \\x{${digits}}`);
    // Same rewrite as re2-wasm's JS layer, so RE2 still checks the code point.
    this.emit(start, start + m[0].length, `\\x{${digits}}`);
    this.atom();
  }

  /** `\pL`, `\p{Greek}`, `\P{^L}`; returns the class atom for use inside brackets too. */
  private propertyEscape(inClass: boolean): ClassAtom {
    const start = this.i;
    const m = /^\\[pP](\{[^}]*\}?|.?)/u.exec(this.p.slice(start));
    const text = m ? m[0] : this.p.slice(start, start + 2);
    let out = text;
    if (/^\\[pP]\{\^?L&\}$/.test(text)) {
      this.pcre2Only('casedLetterProperty', start, start + text.length);
      out = `\\${text[1]}L`;
    } else {
      this.candidate('invalid character class range', start, start + text.length, text);
    }
    this.emit(start, start + text.length, out);
    if (!inClass) this.atom();
    return { start, end: start + text.length, out, isClass: true, codePoint: -1 };
  }

  // ---- groups -----------------------------------------------------------------------------------------

  private push(start: number, end: number, out: string): void {
    this.emit(start, end, out);
    this.frames.push({ start, end, maxProduct: 1 });
    this.previous = { kind: 'none' };
  }

  private openGroup(): void {
    const p = this.p;
    const start = this.i;
    const rest = p.slice(start);
    let m: RegExpExecArray | null;
    if (p[start + 1] === '*' && /[A-Za-z]/.test(p[start + 2] ?? '')) {
      if ((m = /^\(\*([a-z_]+):/.exec(rest)) && ALPHA_ASSERTIONS[m[1]]) {
        this.pcre2Only(ALPHA_ASSERTIONS[m[1]], start, start + m[0].length);
        return this.push(start, start + m[0].length, '(?:');
      }
      if ((m = /^\(\*[^)]*\)/.exec(rest))) {
        const isOption = /^\(\*(UTF|UCP|CR|LF|CRLF|ANYCRLF|ANY|NUL|BSR_\w+|NO_\w+|NOTEMPTY\w*|LIMIT_\w+(=\d+)?)\)$/.test(m[0]);
        this.pcre2Only(isOption ? 'startOption' : 'verb', start, start + m[0].length);
        this.emit(start, start + m[0].length, '(?:)');
        this.atom();
        return;
      }
    }
    if (p[start + 1] !== '?') {
      this.groupCount++;
      return this.push(start, start + 1, '(');
    }
    const lookaround: Array<[string, Pcre2OnlyKind]> = [['(?=', 'lookahead'], ['(?!', 'negativeLookahead'],
      ['(?<=', 'lookbehind'], ['(?<!', 'negativeLookbehind'], ['(?>', 'atomicGroup'], ['(?|', 'branchReset']];
    for (const [opener, kind] of lookaround) {
      if (rest.startsWith(opener)) {
        this.pcre2Only(kind, start, start + opener.length);
        return this.push(start, start + opener.length, '(?:');
      }
    }
    if (rest.startsWith('(?#')) return this.comment();
    if ((m = /^\(\?(P?<)([^>]*)>/.exec(rest))) return this.namedGroup(m[0], m[2], false);
    if ((m = /^\(\?'([^']*)'/.exec(rest))) return this.namedGroup(m[0], m[1], true);
    if ((m = /^\(\?P=[^)]*\)/.exec(rest))) return this.replaced('backreference', m[0], '(?:)');
    if ((m = /^\(\?(P>[^)]*|R|[+-]?\d+|&[^)]*)\)/.exec(rest))) return this.replaced('recursion', m[0], '(?:)');
    if ((m = /^\(\?C[^)]*\)/.exec(rest))) return this.replaced('callout', m[0], '(?:)');
    if (rest.startsWith('(?(')) {
      // `(?(?=…)…)` is conditional on an assertion: the assertion is scanned as its own group.
      const cond = p[start + 3] === '?' || p[start + 3] === '*' ? '(?' : /^\(\?\([^)]*\)/.exec(rest)?.[0] ?? '(?(';
      this.pcre2Only('conditional', start, start + cond.length);
      return this.push(start, start + cond.length, '(?:');
    }
    if ((m = /^\(\?([\^A-Za-z-]*)([:)])/.exec(rest))) return this.flagGroup(m[0], m[1], m[2]);
    // Anything else is not valid in either engine; RE2 names it "invalid perl operator".
    const text = rest.slice(0, 3);
    this.candidate('invalid perl operator', start, start + text.length, text);
    return this.push(start, start + 2, '(?');
  }

  private comment(): void {
    const start = this.i;
    const close = this.p.indexOf(')', start);
    if (close < 0) {
      this.finding('missingParen', 'error', start, start + 3, `missing ) — comment opened at ${start} is never closed`);
      this.emit(start, this.p.length, '');
      return;
    }
    this.pcre2Only('comment', start, close + 1);
    this.emit(start, close + 1, '');
  }

  private namedGroup(text: string, name: string, quoted: boolean): void {
    const start = this.i;
    const end = start + text.length;
    if (quoted) this.pcre2Only('quotedGroupName', start, end);
    if (/^\w+$/.test(name)) {
      if (isDigit(name[0])) {
        this.finding('notPcre2.groupName', 'error', start, end,
          `group name "${name}" at ${start}–${end} starts with a digit, which the PCRE2 backend rejects`);
      }
      const earlier = this.groupNames.get(name);
      if (earlier !== undefined) {
        this.finding('duplicateGroupName', 'error', start, end,
          `duplicate group name "${name}" at ${start}–${end} — already used by the group at ${earlier}`);
      } else {
        this.groupNames.set(name, start);
      }
    }
    const out = `(?P<${name}>`;
    this.candidate('invalid named capture group', start, end, out);
    this.groupCount++;
    this.push(start, end, out);
  }

  /** `(?i)`, `(?i-s:`; RE2 knows i m s U; PCRE2's n x xx J ^ are dropped (named) so RE2 checks the rest. */
  private flagGroup(text: string, flags: string, terminator: string): void {
    const start = this.i;
    const end = start + text.length;
    const unsupported = [...flags].filter((f) => 'nxJ^'.includes(f));
    let out = text;
    if (unsupported.length > 0 && /^\^?[imnsxJU]*(-[imnsxJU]*)?$/.test(flags)) {
      this.pcre2Only('inlineFlag', start, end);
      const kept = flags.replace(/[nxJ^]/g, '').replace(/-$/, '');
      out = kept === '' ? (terminator === ':' ? '(?:' : '') : `(?${kept}${terminator}`;
    } else {
      this.candidate('invalid perl operator', start, end, text);
    }
    if (terminator === ':') return this.push(start, end, out);
    this.emit(start, end, out);
  }

  private closeGroup(): void {
    const start = this.i;
    if (this.frames.length === 1) {
      this.candidate('unexpected )', start, start + 1, ')');
      this.emit(start, start + 1, ')');
      this.atom();
      return;
    }
    const frame = this.frames.pop() as Frame;
    this.emit(start, start + 1, ')');
    this.atom(frame.maxProduct);
  }

  // ---- character classes ------------------------------------------------------------------------------

  private charClass(): void {
    const p = this.p;
    const open = this.i;
    this.emit(open, open + 1, '[');
    if (p[this.i] === '^') this.emit(this.i, this.i + 1, '^');
    let first = true;
    for (;;) {
      if (this.i >= p.length) {
        this.candidate('missing ]', open, open + 1, p.slice(open));
        break;
      }
      if (p[this.i] === ']' && !first) {
        this.emit(this.i, this.i + 1, ']');
        break;
      }
      first = false;
      if (p.startsWith('\\Q', this.i)) { this.quotedInClass(); continue; }
      if (p.startsWith('\\E', this.i)) { this.emit(this.i, this.i + 2, ''); continue; }
      const lo = this.classAtom();
      if (p[this.i] === '-' && this.i + 1 < p.length && p[this.i + 1] !== ']') {
        this.emit(this.i, this.i + 1, '-');
        const hi = this.classAtom();
        if (hi.isClass) this.candidate('invalid escape sequence', hi.start, hi.end, hi.out);
        else if (!lo.isClass && lo.codePoint > hi.codePoint) {
          this.candidate('invalid character class range', lo.start, hi.end, `${lo.out}-${hi.out}`);
        }
      }
    }
    this.atom();
  }

  private quotedInClass(): void {
    const p = this.p;
    this.emit(this.i, this.i + 2, '');
    while (this.i < p.length && !p.startsWith('\\E', this.i)) {
      const len = this.codePointLength(this.i);
      this.emit(this.i, this.i + len, hex(p.codePointAt(this.i) ?? 0));
    }
    if (this.i < p.length) this.emit(this.i, this.i + 2, '');
  }

  private classAtom(): ClassAtom {
    const p = this.p;
    const start = this.i;
    const posix = /^\[:(\^?)([A-Za-z]*):\]/.exec(p.slice(start));
    if (posix) {
      if (!POSIX_CLASSES.has(posix[2])) this.candidate('invalid character class range', start, start + posix[0].length, posix[0]);
      this.emit(start, start + posix[0].length, posix[0]);
      return { start, end: this.i, out: posix[0], isClass: true, codePoint: -1 };
    }
    if (p[start] !== '\\') {
      const len = this.codePointLength(start);
      this.emit(start, start + len, p.slice(start, start + len));
      return { start, end: this.i, out: p.slice(start, start + len), isClass: false, codePoint: p.codePointAt(start) ?? 0 };
    }
    if (start + 1 >= p.length) {
      this.candidate('trailing \\', start, start + 1, '\\');
      this.emit(start, start + 1, '\\');
      return { start, end: this.i, out: '\\', isClass: false, codePoint: 0x5c };
    }
    const d = p[start + 1];
    const char = (len: number, cp: number, out = hex(cp)): ClassAtom => {
      this.emit(start, start + len, out);
      return { start, end: this.i, out, isClass: false, codePoint: cp };
    };
    const special = (kind: Pcre2OnlyKind, out: string, isClass: boolean, cp = -1): ClassAtom => {
      this.pcre2Only(kind, start, start + 2);
      this.emit(start, start + 2, out);
      return { start, end: this.i, out, isClass, codePoint: cp };
    };
    if (d === 'p' || d === 'P') return this.propertyEscape(true);
    if (RE2_CLASS_ESCAPES.has(d)) {
      this.emit(start, start + 2, p.slice(start, start + 2));
      return { start, end: this.i, out: p.slice(start, start + 2), isClass: true, codePoint: -1 };
    }
    if (d === 'h') return special('horizontalSpace', '\\t ', true);
    if (d === 'H' || d === 'V') return special(d === 'H' ? 'horizontalSpace' : 'verticalSpace', '\\x00', true);
    if (d === 'e') return special('escapeChar', '\\x1B', false, 0x1b);
    if (d === 'b') return char(2, 0x08); // backspace inside a class in PCRE2
    if (d === 'c' && start + 2 < p.length && p.charCodeAt(start + 2) >= 0x20 && p.charCodeAt(start + 2) < 0x7f) {
      return char(3, p[start + 2].toUpperCase().charCodeAt(0) ^ 0x40);
    }
    let m: RegExpExecArray | null;
    if ((m = /^\\o\{([0-7]+)\}/.exec(p.slice(start)))) {
      this.pcre2Only('octalEscape', start, start + m[0].length);
      return char(m[0].length, parseInt(m[1], 8));
    }
    if ((m = /^\\([0-7]{1,3})/.exec(p.slice(start)))) return char(m[0].length, parseInt(m[1], 8));
    if ((m = /^\\x(\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{1,2}))/.exec(p.slice(start)))) {
      return char(m[0].length, parseInt(m[2] ?? m[3], 16), m[0]);
    }
    if ((m = /^\\u(\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{1,4}))/.exec(p.slice(start)))) {
      const digits = m[2] ?? m[3];
      this.finding('notPcre2.unicodeEscape', 'error', start, start + m[0].length,
        `${m[0]} at ${start}–${start + m[0].length} is not supported by the PCRE2 backend; write \\x{${digits}}`);
      return char(m[0].length, parseInt(digits, 16));
    }
    const simple: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
    if (simple[d] !== undefined) return char(2, simple[d], p.slice(start, start + 2));
    const len = 1 + this.codePointLength(start + 1);
    const text = p.slice(start, start + len);
    if (isWordChar(d)) this.candidate('invalid escape sequence', start, start + len, text);
    const cp = p.codePointAt(start + 1) ?? 0;
    this.emit(start, start + len, cp > 0x7f ? text.slice(1) : text);
    return { start, end: this.i, out: text, isClass: false, codePoint: cp };
  }
}
