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
 *
 * This file is the entry point and the dispatch on each token's first character; the tokens themselves are
 * scanned in escapes.ts, digitEscapes.ts (octal or backreference), groups.ts, quantifiers.ts and charClass.ts, over
 * the shared state in scanState.ts.
 */
import { scanCharClass } from './charClass';
import { scanDigitEscape } from './digitEscapes';
import { scanEscape } from './escapes';
import { scanCloseGroup, scanOpenGroup } from './groups';
import { scanBrace, scanQuantifier } from './quantifiers';
import { ScanState, type ErrorCandidate, type ScanFinding, type Segment } from './scanState';

export type { ErrorCandidate, ScanFinding, Segment } from './scanState';

export interface ScanResult {
  re2Pattern: string;
  segments: Segment[];
  findings: ScanFinding[];
  candidates: ErrorCandidate[];
  groupCount: number;
}

export function scanPattern(pattern: string): ScanResult {
  const scan = new ScanState(pattern);
  while (scan.i < pattern.length) {
    const c = pattern[scan.i];
    if (c === '\\') {
      const next = pattern[scan.i + 1];
      if (next >= '0' && next <= '9') scanDigitEscape(scan);
      else scanEscape(scan);
    } else if (c === '(') scanOpenGroup(scan);
    else if (c === ')') scanCloseGroup(scan);
    else if (c === '[') scanCharClass(scan);
    else if (c === '*' || c === '+' || c === '?') scanQuantifier(scan, scan.i, scan.i + 1, 1);
    else if (c === '{') scanBrace(scan);
    else if (c === '|') {
      scan.emit(scan.i, scan.i + 1, '|');
      scan.previous = { kind: 'none' };
    } else scan.literal();
  }
  // RE2 reports "missing )" for the innermost group still open at the end.
  if (scan.frames.length > 1) scan.candidate('missing )', scan.frame.start, scan.frame.end, scan.out);
  return {
    re2Pattern: scan.out,
    segments: scan.segments,
    findings: scan.findings,
    candidates: scan.candidates,
    groupCount: scan.groupCount,
  };
}
