/**
 * The state one scan of a pattern shares between its parts (escapes, groups, quantifiers, character
 * classes): the position in the user's text, the RE2 text built so far, and everything recorded on the way.
 * The parts are plain functions over this object so each can live in its own file.
 */
import { PCRE2_ONLY, type Pcre2OnlyKind } from './pcre2Only';

/** User range [start,end) produced RE2 text [outStart,outEnd); lets RE2 fragments be mapped back. */
export interface Segment {
  start: number;
  end: number;
  outStart: number;
  outEnd: number;
}

export interface ScanFinding {
  code: string;
  /** 'pcre2Only' findings become errors or warnings depending on allowPcre2Only. */
  kind: 'pcre2Only' | 'error' | 'warning';
  start: number;
  end: number;
  message: string;
}

/** A place where RE2 would report `re2Code` (RE2's errors carry no position, only the offending text `out`). */
export interface ErrorCandidate {
  re2Code: string;
  start: number;
  end: number;
  out: string;
  detail?: string;
}

/**
 * An open group (the bottom frame is the whole pattern). RE2 limits the product of nested repeat counts,
 * so each frame remembers the largest product inside it for the quantifier that may follow its `)`.
 */
export interface Frame {
  start: number;
  end: number;
  maxProduct: number;
}

/** What a quantifier at the current position would apply to. */
export type Previous =
  | { kind: 'none' }
  | { kind: 'atom'; product: number }
  | { kind: 'repeat'; product: number; opStart: number; opOut: string };

export class ScanState {
  /** Current position in `pattern` (UTF-16 offset). */
  i = 0;
  /** The RE2 text so far. */
  out = '';
  readonly segments: Segment[] = [];
  readonly findings: ScanFinding[] = [];
  readonly candidates: ErrorCandidate[] = [];
  readonly frames: Frame[] = [{ start: 0, end: 0, maxProduct: 1 }];
  /** Group name → offset of the group that first used it. */
  readonly groupNames = new Map<string, number>();
  previous: Previous = { kind: 'none' };
  groupCount = 0;

  constructor(readonly pattern: string) {}

  /** Consumes user range [start,end) (moving the position to `end`) and appends `out` for RE2. */
  emit(start: number, end: number, out: string): void {
    this.segments.push({ start, end, outStart: this.out.length, outEnd: this.out.length + out.length });
    this.out += out;
    this.i = end;
  }

  candidate(re2Code: string, start: number, end: number, out: string, detail?: string): void {
    this.candidates.push({ re2Code, start, end, out, detail });
  }

  pcre2Only(kind: Pcre2OnlyKind, start: number, end: number, note?: string): void {
    this.findings.push({
      code: `pcre2Only.${kind}`,
      kind: 'pcre2Only',
      start,
      end,
      message: PCRE2_ONLY[kind].describe(this.pattern.slice(start, end), start, end, note),
    });
  }

  finding(code: string, kind: 'error' | 'warning', start: number, end: number, message: string): void {
    this.findings.push({ code, kind, start, end, message });
  }

  /** The current group's frame (the whole pattern's when no group is open). */
  get frame(): Frame {
    return this.frames[this.frames.length - 1];
  }

  /** Something a quantifier can repeat was just emitted; `product` is the repeat product inside it. */
  atom(product = 1): void {
    this.previous = { kind: 'atom', product };
    this.recordProduct(product);
  }

  recordProduct(product: number): void {
    this.frame.maxProduct = Math.max(this.frame.maxProduct, product);
  }

  /** 2 for a surrogate pair, so a character outside the BMP is never split between segments. */
  codePointLength(at: number): number {
    const cp = this.pattern.codePointAt(at) ?? 0;
    return cp > 0xffff ? 2 : 1;
  }

  /** The character at the current position, passed to RE2 as it is. */
  literal(): void {
    const len = this.codePointLength(this.i);
    this.emit(this.i, this.i + len, this.pattern.slice(this.i, this.i + len));
    this.atom();
  }

  /** A PCRE2-only construct `text` at the current position: named as a finding, replaced by `out` so RE2 checks the rest. */
  replaced(kind: Pcre2OnlyKind, text: string, out: string): void {
    const start = this.i;
    this.pcre2Only(kind, start, start + text.length);
    this.emit(start, start + text.length, out);
    this.atom();
  }
}
