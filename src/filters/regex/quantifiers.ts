/**
 * Quantifiers (`*`, `+`, `?`, `{n,m}` and their lazy/possessive forms). Besides passing them to RE2, this
 * tracks RE2's repeat budget, so "invalid repetition size" can be pinned on the quantifier that exceeds it.
 */
import type { ScanState } from './scanState';

/** RE2 rejects any counted repetition (also nested, multiplied) above this. */
const MAX_REPEAT = 1000;
/** PCRE2 accepts repeat counts up to this. */
const PCRE2_MAX_REPEAT = 65535;

/** `{` at the current position: a counted repeat, or literal text when it does not have that shape. */
export function scanBrace(scan: ScanState): void {
  const rest = scan.pattern.slice(scan.i);
  const counted = /^\{(\d+)(,(\d*))?\}/.exec(rest);
  if (!counted) {
    const upTo = /^\{,(\d+)\}/.exec(rest);
    if (upTo) {
      scan.finding(
        'ambiguousBrace',
        'warning',
        scan.i,
        scan.i + upTo[0].length,
        `${upTo[0]} at ${scan.i}–${scan.i + upTo[0].length} is literal text in RE2 but means {0,${upTo[1]}} in PCRE2 10.43+; write {0,${upTo[1]}} or \\{,${upTo[1]}}`,
      );
    }
    scan.literal();
    return;
  }
  const start = scan.i;
  const end = start + counted[0].length;
  const min = Number(counted[1]);
  const max = counted[2] === undefined ? min : counted[3] === '' ? -1 : Number(counted[3]);
  const overRe2 = min > MAX_REPEAT || max > MAX_REPEAT;
  const withinPcre2 = min <= PCRE2_MAX_REPEAT && max <= PCRE2_MAX_REPEAT && (max < 0 || min <= max);
  let out = counted[0];
  if (overRe2 && withinPcre2) {
    scan.pcre2Only('largeRepeat', start, end);
    // Clamp so RE2 still checks the rest of the pattern.
    const clampedMax = max < 0 ? '' : String(Math.min(max, MAX_REPEAT));
    out = counted[2] === undefined ? `{${Math.min(min, MAX_REPEAT)}}` : `{${Math.min(min, MAX_REPEAT)},${clampedMax}}`;
  }
  // RE2 divides its budget of 1000 by each enclosing repeat's count (max, or min if open-ended; 0 counts as 1).
  const count = max < 0 ? min : max;
  const checked = overRe2 && withinPcre2 ? Math.min(count, MAX_REPEAT) : count;
  const reversed = max >= 0 && min > max ? 'the minimum is larger than the maximum' : undefined;
  scanQuantifier(scan, start, end, checked === 0 ? 1 : checked, out, reversed, overRe2 && !withinPcre2);
}

/** A quantifier token at [start,end); `factor` is its counted repeat (1 for * + ?). */
export function scanQuantifier(
  scan: ScanState,
  start: number,
  end: number,
  factor: number,
  out = scan.pattern.slice(start, end),
  sizeDetail?: string,
  sizeTooLarge = false,
): void {
  let opEnd = end;
  let opOut = out;
  const next = scan.pattern[end];
  let possessive = false;
  if (next === '?') {
    opEnd = end + 1;
    opOut += '?';
  } else if (next === '+') {
    opEnd = end + 1;
    possessive = true;
  }
  const prev = scan.previous;
  if (prev.kind === 'none') {
    scan.candidate('no argument for repetition operator', start, end, out);
  } else if (prev.kind === 'repeat') {
    scan.candidate('bad repetition operator', prev.opStart, opEnd, prev.opOut + opOut);
  }
  const inner = prev.kind === 'none' ? 1 : prev.product;
  const product = inner * factor;
  if (sizeDetail !== undefined || sizeTooLarge || (factor > 1 && product > MAX_REPEAT)) {
    scan.candidate(
      'invalid repetition size',
      start,
      end,
      out,
      sizeDetail ??
        (sizeTooLarge ? 'RE2 allows at most 1000' : `nested repeats multiply to ${product}; RE2 allows at most 1000`),
    );
  }
  if (possessive) scan.pcre2Only('possessiveQuantifier', start, opEnd);
  scan.emit(start, opEnd, opOut);
  scan.previous = { kind: 'repeat', product, opStart: start, opOut };
  scan.recordProduct(product);
}
