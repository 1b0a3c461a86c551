/**
 * `(` … `)`: capturing, named and flag groups, and the many PCRE2-only constructs that start with `(`
 * (lookaround, verbs, recursion, conditionals, comments…), each replaced by a neutral group of the same shape.
 */
import type { Pcre2OnlyKind } from './pcre2Only';
import type { Frame, ScanState } from './scanState';

/** PCRE2 alpha assertions that open a group, e.g. `(*pla:…)`. */
const ALPHA_ASSERTIONS: Record<string, Pcre2OnlyKind> = {
  pla: 'lookahead',
  positive_lookahead: 'lookahead',
  nla: 'negativeLookahead',
  negative_lookahead: 'negativeLookahead',
  plb: 'lookbehind',
  positive_lookbehind: 'lookbehind',
  nlb: 'negativeLookbehind',
  negative_lookbehind: 'negativeLookbehind',
  napla: 'lookahead',
  non_atomic_positive_lookahead: 'lookahead',
  naplb: 'lookbehind',
  non_atomic_positive_lookbehind: 'lookbehind',
  atomic: 'atomicGroup',
  sr: 'scriptRun',
  script_run: 'scriptRun',
  asr: 'scriptRun',
  atomic_script_run: 'scriptRun',
};
/** Symbolic openers of PCRE2-only groups; each becomes `(?:` so RE2 still checks the group's body. */
const PCRE2_GROUP_OPENERS: ReadonlyArray<[string, Pcre2OnlyKind]> = [
  ['(?=', 'lookahead'],
  ['(?!', 'negativeLookahead'],
  ['(?<=', 'lookbehind'],
  ['(?<!', 'negativeLookbehind'],
  ['(?>', 'atomicGroup'],
  ['(?|', 'branchReset'],
];

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Emits a group opener and starts its frame; nothing inside can be repeated yet. */
function openFrame(scan: ScanState, start: number, end: number, out: string): void {
  scan.emit(start, end, out);
  scan.frames.push({ start, end, maxProduct: 1 });
  scan.previous = { kind: 'none' };
}

/** A `(` at the current position. */
export function scanOpenGroup(scan: ScanState): void {
  const p = scan.pattern;
  const start = scan.i;
  const rest = p.slice(start);
  let m: RegExpExecArray | null;
  if (p[start + 1] === '*' && /[A-Za-z]/.test(p[start + 2] ?? '')) {
    if ((m = /^\(\*([a-z_]+):/.exec(rest)) && ALPHA_ASSERTIONS[m[1]]) {
      scan.pcre2Only(ALPHA_ASSERTIONS[m[1]], start, start + m[0].length);
      return openFrame(scan, start, start + m[0].length, '(?:');
    }
    if ((m = /^\(\*[^)]*\)/.exec(rest))) {
      const isOption = /^\(\*(UTF|UCP|CR|LF|CRLF|ANYCRLF|ANY|NUL|BSR_\w+|NO_\w+|NOTEMPTY\w*|LIMIT_\w+(=\d+)?)\)$/.test(
        m[0],
      );
      scan.pcre2Only(isOption ? 'startOption' : 'verb', start, start + m[0].length);
      scan.emit(start, start + m[0].length, '(?:)');
      scan.atom();
      return;
    }
  }
  if (p[start + 1] !== '?') {
    scan.groupCount++;
    return openFrame(scan, start, start + 1, '(');
  }
  for (const [opener, kind] of PCRE2_GROUP_OPENERS) {
    if (rest.startsWith(opener)) {
      scan.pcre2Only(kind, start, start + opener.length);
      return openFrame(scan, start, start + opener.length, '(?:');
    }
  }
  if (rest.startsWith('(?#')) return scanComment(scan);
  if ((m = /^\(\?(P?<)([^>]*)>/.exec(rest))) return scanNamedGroup(scan, m[0], m[2], false);
  if ((m = /^\(\?'([^']*)'/.exec(rest))) return scanNamedGroup(scan, m[0], m[1], true);
  if ((m = /^\(\?P=[^)]*\)/.exec(rest))) return scan.replaced('backreference', m[0], '(?:)');
  if ((m = /^\(\?(P>[^)]*|R|[+-]?\d+|&[^)]*)\)/.exec(rest))) return scan.replaced('recursion', m[0], '(?:)');
  if ((m = /^\(\?C[^)]*\)/.exec(rest))) return scan.replaced('callout', m[0], '(?:)');
  if (rest.startsWith('(?(')) {
    // `(?(?=…)…)` is conditional on an assertion: the assertion is scanned as its own group.
    const cond = p[start + 3] === '?' || p[start + 3] === '*' ? '(?' : (/^\(\?\([^)]*\)/.exec(rest)?.[0] ?? '(?(');
    scan.pcre2Only('conditional', start, start + cond.length);
    return openFrame(scan, start, start + cond.length, '(?:');
  }
  if ((m = /^\(\?([\^A-Za-z-]*)([:)])/.exec(rest))) return scanFlagGroup(scan, m[0], m[1], m[2]);
  // Anything else is not valid in either engine; RE2 names it "invalid perl operator".
  const text = rest.slice(0, 3);
  scan.candidate('invalid perl operator', start, start + text.length, text);
  return openFrame(scan, start, start + 2, '(?');
}

/** `(?#…)`: dropped from RE2's text; unlike a group it cannot nest, so it simply ends at the next `)`. */
function scanComment(scan: ScanState): void {
  const start = scan.i;
  const close = scan.pattern.indexOf(')', start);
  if (close < 0) {
    scan.finding('missingParen', 'error', start, start + 3, `missing ) — comment opened at ${start} is never closed`);
    scan.emit(start, scan.pattern.length, '');
    return;
  }
  scan.pcre2Only('comment', start, close + 1);
  scan.emit(start, close + 1, '');
}

/** `(?<name>`, `(?P<name>` or PCRE2's `(?'name'`; always given to RE2 as `(?P<name>`, which it can check. */
function scanNamedGroup(scan: ScanState, text: string, name: string, quoted: boolean): void {
  const start = scan.i;
  const end = start + text.length;
  if (quoted) scan.pcre2Only('quotedGroupName', start, end);
  if (/^\w+$/.test(name)) {
    if (isDigit(name[0])) {
      scan.finding(
        'notPcre2.groupName',
        'error',
        start,
        end,
        `group name "${name}" at ${start}–${end} starts with a digit, which the PCRE2 backend rejects`,
      );
    }
    const earlier = scan.groupNames.get(name);
    if (earlier !== undefined) {
      scan.finding(
        'duplicateGroupName',
        'error',
        start,
        end,
        `duplicate group name "${name}" at ${start}–${end} — already used by the group at ${earlier}`,
      );
    } else {
      scan.groupNames.set(name, start);
    }
  }
  const out = `(?P<${name}>`;
  scan.candidate('invalid named capture group', start, end, out);
  scan.groupCount++;
  openFrame(scan, start, end, out);
}

/** `(?i)`, `(?i-s:`; RE2 knows i m s U; PCRE2's n x xx J ^ are dropped (named) so RE2 checks the rest. */
function scanFlagGroup(scan: ScanState, text: string, flags: string, terminator: string): void {
  const start = scan.i;
  const end = start + text.length;
  const unsupported = [...flags].filter((f) => 'nxJ^'.includes(f));
  let out = text;
  if (unsupported.length > 0 && /^\^?[imnsxJU]*(-[imnsxJU]*)?$/.test(flags)) {
    scan.pcre2Only('inlineFlag', start, end);
    const kept = flags.replace(/[nxJ^]/g, '').replace(/-$/, '');
    out = kept === '' ? (terminator === ':' ? '(?:' : '') : `(?${kept}${terminator}`;
  } else {
    scan.candidate('invalid perl operator', start, end, text);
  }
  if (terminator === ':') return openFrame(scan, start, end, out);
  scan.emit(start, end, out);
}

/** A `)` at the current position: closes the innermost group, which becomes one atom for a following quantifier. */
export function scanCloseGroup(scan: ScanState): void {
  const start = scan.i;
  if (scan.frames.length === 1) {
    scan.candidate('unexpected )', start, start + 1, ')');
    scan.emit(start, start + 1, ')');
    scan.atom();
    return;
  }
  const frame = scan.frames.pop() as Frame;
  scan.emit(start, start + 1, ')');
  scan.atom(frame.maxProduct);
}
