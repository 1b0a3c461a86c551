/**
 * The RE2 diagnostics of every regex pattern in a filters file, at their place in the file's text. The validator
 * works on the pattern as the server receives it (`\d`); the file holds its JSON spelling (`"\\d"`), so each range is
 * carried through the string's escapes (jsonStringOffsets.ts).
 */
import { mapInOrder } from '../../common/mapInOrder';
import type { RegexValidator } from '../regex/validator';
import type { FileProblem } from './fileProblems';
import type { FiltersFile } from './filtersFile';
import { fileRangeOfValueRange } from './jsonStringOffsets';

/** Validations queued at once: enough to keep the worker busy, few enough that a file of hundreds stays responsive. */
export const PATTERNS_AT_ONCE = 16;

export async function patternProblems(
  text: string,
  file: FiltersFile,
  validator: RegexValidator,
  options: { allowPcre2Only?: boolean; signal?: AbortSignal } = {},
): Promise<FileProblem[]> {
  const patterns = file.integrations.flatMap((entry) =>
    (entry.subscriptions ?? []).flatMap((subscription) =>
      subscription.filters
        .filter((f) => f.matchType.value === 'regex' && f.values.length === 1 && f.values[0].value !== '')
        .map((f) => f.values[0]),
    ),
  );
  const check = async (pattern: (typeof patterns)[number]): Promise<FileProblem[]> => {
    const result = await validator.validate(pattern.value, { allowPcre2Only: options.allowPcre2Only }, options.signal);
    const literal = text.slice(pattern.span.offset, pattern.span.offset + pattern.span.length);
    return result.diagnostics
      .filter((d) => d.severity !== 'info')
      .map((d): FileProblem => ({
        kind: 'content',
        severity: d.severity === 'warning' ? 'warning' : 'error',
        code: `pattern.${d.code}`,
        message: `Regex: ${d.message}`,
        span: fileRangeOfValueRange(literal, pattern.span.offset, d.start, d.end),
      }));
  };
  const results: FileProblem[][] = [];
  for await (const found of mapInOrder(patterns, PATTERNS_AT_ONCE, check)) results.push(found);
  return results.flat();
}
