import { isMatchType, MATCH_TYPES, type MatchType, type SetFilterEdit } from '../../filters/attributeFilters';
import { validateAttributeKey, validateFilterValues } from '../../filters/attributeKey';
import { COMMON_OPTIONS, parseOptions, requireOption } from '../args';
import { CliError, UsageError } from '../cliErrors';
import type { CommandContext } from '../context';
import { ExitCode } from '../exitCodes';
import { requireValidPattern } from '../regexCheck';
import { lazy } from '../../common/lazy';
import { runFilterEdit } from './filterEdit';

// The filters-file form (jsonc-parser, the planner) loads only when used: the tutorial's form is the hot path.
const applyFile = lazy(() => require('./applyFile') as typeof import('./applyFile'));

/** The Go tutorial's flags for one attribute filter: `apply` writes it, `test` previews it as a draft. */
export const FILTER_OPTIONS = {
  'integration-id': { type: 'string' },
  'subscription-name': { type: 'string' },
  'attribute-key': { type: 'string' },
  regex: { type: 'string' },
  'match-type': { type: 'string' },
  value: { type: 'string', multiple: true },
} as const;

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...FILTER_OPTIONS,
  'allow-pcre2-only': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
} as const;

/** Flags that only the one-filter form has: any of them selects it. */
const ONE_FILTER_FLAGS = [...Object.keys(FILTER_OPTIONS), 'dry-run'];
/** Flags that only the filters-file form has. */
const FILE_FLAGS = ['file', 'f', 'yes', 'y'];

/**
 * `apply` has two forms: the Go tutorial's one filter (`--integration-id … --regex …`, also the default command) and
 * the filters file (`apply [--file F] [--yes]`, or no flags at all). The flags given decide which.
 */
export async function applyCommand(ctx: CommandContext, args: string[]): Promise<number> {
  const flags = args.filter((a) => a.startsWith('-')).map((a) => a.replace(/^-+/, '').split('=')[0]);
  const oneFilter = flags.some((f) => ONE_FILTER_FLAGS.includes(f));
  if (oneFilter && flags.some((f) => FILE_FLAGS.includes(f))) {
    throw new UsageError(
      'apply takes either --file/--yes (a filters file) or --integration-id, --subscription-name… (one filter), not both.',
      'apply',
    );
  }
  return oneFilter ? applyOneFilter(ctx, args) : applyFile().applyFileCommand(ctx, args);
}

/** The Go tutorial's invocation (`--regex`) plus the other match types. */
async function applyOneFilter(ctx: CommandContext, args: string[]): Promise<number> {
  const values = parseOptions('apply', args, OPTIONS);
  const integrationId = requireOption('apply', 'integration-id', values['integration-id']);
  const subscription = requireOption('apply', 'subscription-name', values['subscription-name']);
  const key = requireOption('apply', 'attribute-key', values['attribute-key']);
  const matchType = matchTypeOf(values['match-type'], values.regex);
  const filterValues = filterValuesOf(matchType, values.regex, values.value ?? []);

  // All local checks come before any network use: invalid input never costs a request.
  const keyProblem = validateAttributeKey(key);
  if (keyProblem) throw new CliError(`Invalid attribute key "${key}": ${keyProblem}.`, ExitCode.invalidInput);
  const valuesProblem = validateFilterValues(matchType, filterValues);
  if (valuesProblem) throw new CliError(`Invalid ${matchType} filter: ${valuesProblem}.`, ExitCode.invalidInput);
  if (matchType === 'regex') {
    await requireValidPattern(
      ctx.validator(),
      filterValues[0],
      values['allow-pcre2-only'] ?? false,
      ctx.output,
      ctx.signal,
    );
  }

  const edit: SetFilterEdit = { kind: 'set', subscription, key, matchType, values: filterValues };
  return runFilterEdit(ctx, {
    integrationId,
    edit,
    dryRun: values['dry-run'] ?? false,
    successMessage: `Successfully applied ${matchType} filter on "${key}" to subscription "${subscription}" of integration ${integrationId}.`,
    command: 'apply',
    jsonFields: { matchType, values: filterValues },
  });
}

/** The match type from --match-type / --regex (shared with `test`, whose draft filter takes the same flags). */
export function matchTypeOf(given: string | undefined, regex: string | undefined, command = 'apply'): MatchType {
  if (given === undefined) {
    if (regex !== undefined) return 'regex';
    throw new UsageError(
      'Say what to match: --regex PATTERN, --match-type exact --value V, or --match-type exists|notexists.',
      command,
    );
  }
  if (!isMatchType(given)) {
    throw new UsageError(`Unknown match type "${given}"; use one of ${MATCH_TYPES.join(', ')}.`, command);
  }
  return given;
}

export function filterValuesOf(
  matchType: MatchType,
  regex: string | undefined,
  values: string[],
  command = 'apply',
): string[] {
  if (matchType === 'regex') {
    if (regex !== undefined && values.length > 0) {
      throw new UsageError('Give the pattern once: either --regex or --value, not both.', command);
    }
    if (regex !== undefined) return [regex];
    if (values.length === 0) throw new UsageError('A regex filter needs --regex PATTERN.', command);
    return values;
  }
  if (regex !== undefined) throw new UsageError(`--regex goes with --match-type regex, not ${matchType}.`, command);
  if (matchType === 'exact' && values.length === 0) {
    throw new UsageError('An exact filter needs at least one --value.', command);
  }
  if (matchType !== 'exact' && values.length > 0) {
    throw new UsageError(`A ${matchType} filter takes no --value.`, command);
  }
  return values;
}
