/**
 * Reads and checks a filters file before anything is sent: a JSON syntax error, a shape problem or an invalid pattern
 * is printed as `FILE:LINE:COLUMN: error: …` (the form editors and CI logs link to) and the run stops with exit 2.
 */
import { readFile } from 'node:fs/promises';
import { formatProblem, lineColumnAt } from '../../filters/asCode/fileProblems';
import type { FiltersFile } from '../../filters/asCode/filtersFile';
import { PATTERNS_AT_ONCE } from '../../filters/asCode/patternProblems';
import { validateFiltersFile } from '../../filters/asCode/validateFiltersFile';
import { plural } from '../../common/text';
import { CliError } from '../cliErrors';
import type { CommandContext } from '../context';
import { ExitCode } from '../exitCodes';

export interface CheckedFiltersFile {
  /** As given on the command line (or the default), for messages. */
  name: string;
  text: string;
  file: FiltersFile;
}

export async function readFiltersFile(
  ctx: CommandContext,
  name: string,
  allowPcre2Only = false,
): Promise<CheckedFiltersFile> {
  let text: string;
  try {
    text = await readFile(name, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CliError(
      missing ? `${name} does not exist.` : `Cannot read ${name}: ${(err as Error).message}`,
      ExitCode.invalidInput,
      missing
        ? { hint: `Create it from the org with "eventbridge-filter export --file ${name}", or give --file.` }
        : {},
    );
  }
  ctx.allowConcurrent(PATTERNS_AT_ONCE);
  const { file, problems } = await validateFiltersFile(text, ctx.validator(), { allowPcre2Only, signal: ctx.signal });
  for (const problem of problems) ctx.output.err(formatProblem(name, text, problem));
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new CliError(`${name} has ${plural(errors.length, 'problem')}; nothing was sent.`, ExitCode.invalidInput, {
      json: {
        problems: errors.map((p) => ({
          file: name,
          ...lineColumnAt(text, p.span.offset),
          code: p.code,
          message: p.message,
        })),
      },
    });
  }
  return { name, text, file };
}

/** `FILE:LINE:COLUMN` of an offset, for messages about an entry. */
export function locate(checked: CheckedFiltersFile, offset: number): string {
  const { line, column } = lineColumnAt(checked.text, offset);
  return `${checked.name}:${line}:${column}`;
}
