/** Public result types of the regex validator (see contract: src/filters/regex). */

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** One finding about a pattern; `start`/`end` are UTF-16 offsets in the user's own text, end exclusive. */
export interface RegexDiagnostic {
  code: string;
  message: string;
  severity: DiagnosticSeverity;
  start: number;
  end: number;
}

/** `valid` is true exactly when no diagnostic has severity 'error'. */
export interface RegexValidationResult {
  valid: boolean;
  diagnostics: RegexDiagnostic[];
}

export interface RegexValidationOptions {
  /** Accept PCRE2-only constructs (lookaround, backreferences…) as warnings instead of errors. */
  allowPcre2Only?: boolean;
}

/** Longest pattern we accept; the backend's limit for filter values is of the same order. */
export const MAX_PATTERN_LENGTH = 1000;

/** Formats a UTF-16 range the way every message does: "8" for one unit, "0–4" otherwise (end exclusive). */
export function formatRange(start: number, end: number): string {
  return end - start <= 1 ? `${start}` : `${start}–${end}`;
}
