import { plural } from '../common/text';
import { describeDiagnostic, type RegexDiagnostic, type RegexValidator } from '../filters/regex/validator';
import { CliError } from './cliErrors';
import { ExitCode } from './exitCodes';
import type { Output } from './output';

export interface RegexCheckResult {
  valid: boolean;
  diagnostics: RegexDiagnostic[];
}

/**
 * Validates a pattern locally and prints its diagnostics (message, pattern, caret line) to stderr.
 * `info` diagnostics (e.g. what a valid pattern matches) only when asked: `apply` stays quiet about them.
 */
export async function checkPattern(
  validator: RegexValidator,
  pattern: string,
  allowPcre2Only: boolean,
  output: Output,
  signal: AbortSignal,
  includeInfo = false,
): Promise<RegexCheckResult> {
  const result = await validator.validate(pattern, { allowPcre2Only }, signal);
  for (const d of result.diagnostics) {
    if (includeInfo || d.severity !== 'info') output.err(renderDiagnostic(pattern, d));
  }
  return result;
}

/** Errors throw exit code 2 before any request is sent; warnings are printed and do not fail. */
export async function requireValidPattern(
  validator: RegexValidator,
  pattern: string,
  allowPcre2Only: boolean,
  output: Output,
  signal: AbortSignal,
): Promise<void> {
  const result = await checkPattern(validator, pattern, allowPcre2Only, output, signal);
  if (!result.valid) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    throw new CliError(
      `Invalid regular expression (${plural(errors, 'error')}); nothing was sent.`,
      ExitCode.invalidInput,
      {
        json: { diagnostics: result.diagnostics.map((d) => ({ ...d })) },
      },
    );
  }
}

/** Errors and warnings: three lines — severity and message, the pattern, and carets under the range. */
export function renderDiagnostic(pattern: string, d: RegexDiagnostic): string {
  // An info note is about the whole pattern ("valid, 2 groups"): no caret line needed.
  if (d.severity === 'info') return `info: ${d.message}`;
  const start = Math.max(0, Math.min(d.start, pattern.length));
  const end = Math.max(start, Math.min(d.end, pattern.length));
  // Offsets are UTF-16 units; a terminal needs cells (an emoji or CJK character takes two, a combining mark none).
  const column = displayWidth(pattern.slice(0, start));
  const width = Math.max(1, displayWidth(pattern.slice(start, end)));
  // describeDiagnostic marks warnings itself ("Warning: …") for input boxes; the CLI labels every line already.
  const text = describeDiagnostic(pattern, d).replace(/^Warning: /, '');
  return `${d.severity}: ${text}\n  ${pattern}\n  ${' '.repeat(column)}${'^'.repeat(width)}`;
}

/** Terminal cells of a string: wide (East Asian, emoji) = 2, combining marks and joiners = 0, the rest 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (isZeroWidth(ch)) continue;
    width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  }
  return width;
}

/** Combining marks, zero-width spaces and joiners, and variation selectors take no cell of their own. */
function isZeroWidth(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return /\p{M}/u.test(ch) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f);
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
