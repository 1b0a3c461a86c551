/** Every offline check of a filters file in one call: syntax, shape, content and patterns — before any request. */
import type { RegexValidator } from '../regex/validator';
import { checkFiltersFile } from './checkFiltersFile';
import { sortProblems } from './fileProblems';
import { parseFiltersFile, type ParsedFiltersFile } from './parseFiltersFile';
import { patternProblems } from './patternProblems';

export async function validateFiltersFile(
  text: string,
  validator: RegexValidator,
  options: { allowPcre2Only?: boolean; signal?: AbortSignal } = {},
): Promise<ParsedFiltersFile> {
  const parsed = parseFiltersFile(text);
  const problems = [
    ...parsed.problems,
    ...checkFiltersFile(text, parsed.file),
    ...(await patternProblems(text, parsed.file, validator, options)),
  ];
  return { file: parsed.file, problems: sortProblems(problems) };
}
