/**
 * `validate --patterns FILE`: many patterns in one run, for scripts and CI. One worker validates them all, with
 * the validator's cache, a few requests queued so it never idles; a pathological pattern is reported as too
 * complex and its worker replaced while the rest go on. Each line's result is printed in input order as soon as
 * it is known: one JSON object per line with --json, otherwise one text line per line and a summary.
 */
import { readFile } from 'node:fs/promises';
import type { JsonObject } from '../../common/json';
import { mapInOrder } from '../../common/mapInOrder';
import { formatSeconds, plural } from '../../common/text';
import { describeDiagnostic, type RegexDiagnostic, type RegexValidationResult } from '../../filters/regex/validator';
import { CliError } from '../cliErrors';
import type { CommandContext } from '../context';
import { ExitCode } from '../exitCodes';
import { parsePatternLines, type PatternLine } from '../patternFile';

/** Validations queued at once: enough to hide the round trip to the worker, few enough to stay responsive. */
const IN_FLIGHT = 16;
const EXAMPLE_LINE = '"^Premium\\\\.(gold|silver)$"';

/** A line's outcome: its validation, or why it holds no pattern. */
type LineResult = { line: number; pattern: string; result: RegexValidationResult } | { line: number; problem: string };

interface Tally {
  valid: number;
  withWarnings: number;
  invalid: number;
  notJson: number;
}

export async function validatePatternFile(ctx: CommandContext, file: string, allowPcre2Only: boolean): Promise<number> {
  const lines = parsePatternLines(await readPatternFile(file));
  if (lines.length === 0) {
    throw new CliError(
      `${file} holds no patterns; write one JSON string per line, e.g. ${EXAMPLE_LINE}.`,
      ExitCode.invalidInput,
    );
  }
  const started = performance.now();
  const validator = ctx.validator('batch');
  ctx.allowConcurrent(IN_FLIGHT);
  const tally: Tally = { valid: 0, withWarnings: 0, invalid: 0, notJson: 0 };
  const validateLine = async (entry: PatternLine): Promise<LineResult> =>
    'pattern' in entry
      ? { ...entry, result: await validator.validate(entry.pattern, { allowPcre2Only }, ctx.signal) }
      : entry;
  for await (const outcome of mapInOrder(lines, IN_FLIGHT, validateLine)) {
    count(tally, outcome);
    ctx.output.out(ctx.output.json ? JSON.stringify(jsonLine(file, outcome)) : textLine(file, outcome));
  }
  const summary = describeTally(lines.length, tally, performance.now() - started);
  // With --json, stdout holds exactly one object per input line; the summary is for the person watching.
  if (ctx.output.json) ctx.output.err(summary);
  else ctx.output.out(summary);
  if (tally.notJson > 0) ctx.output.err(`Each line must be one JSON string, e.g. ${EXAMPLE_LINE}.`);
  return tally.invalid + tally.notJson === 0 ? ExitCode.ok : ExitCode.invalidInput;
}

async function readPatternFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new CliError(
      `Cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`,
      ExitCode.invalidInput,
    );
  }
}

function count(tally: Tally, outcome: LineResult): void {
  if ('problem' in outcome) tally.notJson++;
  else if (!outcome.result.valid) tally.invalid++;
  else if (outcome.result.diagnostics.some((d) => d.severity === 'warning')) tally.withWarnings++;
  else tally.valid++;
}

/** `{pattern, valid, diagnostics: [{severity, message, start, end, code}], line}`; a line that is not a JSON string has pattern null. */
function jsonLine(file: string, outcome: LineResult): JsonObject {
  if ('problem' in outcome) {
    const message = `${file}:${outcome.line}: ${outcome.problem}`;
    const diagnostic = { severity: 'error', message, start: 0, end: 0, code: 'notJsonString' };
    return { pattern: null, valid: false, diagnostics: [diagnostic], line: outcome.line };
  }
  const { pattern, result, line } = outcome;
  const diagnostics = result.diagnostics.map((d: RegexDiagnostic) => ({
    severity: d.severity,
    message: d.message,
    start: d.start,
    end: d.end,
    code: d.code,
  }));
  return { pattern, valid: result.valid, diagnostics, line };
}

/** `FILE:LINE: valid "…"`, `… invalid "…" — <first error, with its position>`, or the line's JSON problem. */
function textLine(file: string, outcome: LineResult): string {
  const where = `${file}:${outcome.line}:`;
  if ('problem' in outcome) return `${where} ${outcome.problem}`;
  const { pattern, result } = outcome;
  const shown = JSON.stringify(pattern);
  const first = result.diagnostics.find((d) => d.severity === (result.valid ? 'warning' : 'error'));
  const verdict = result.valid ? 'valid' : 'invalid';
  if (!first) return `${where} ${verdict} ${shown}`;
  // describeDiagnostic marks a warning itself ("Warning: …"); the position is in every message.
  return `${where} ${verdict} ${shown} — ${describeDiagnostic(pattern, first)}`;
}

function describeTally(lines: number, tally: Tally, ms: number): string {
  const parts = [`${tally.valid.toLocaleString('en-US')} valid`];
  if (tally.withWarnings > 0) parts.push(`${tally.withWarnings.toLocaleString('en-US')} valid with warnings`);
  parts.push(`${tally.invalid.toLocaleString('en-US')} invalid`);
  if (tally.notJson > 0) parts.push(`${plural(tally.notJson, 'line')} not a JSON string`);
  return `${plural(lines, 'line')} checked in ${formatSeconds(ms)}: ${parts.join(', ')}.`;
}
