/** `plan [--file F] [--json] [--detailed-exitcode]`: what `apply` would change. It only reads. */
import { FILTERS_FILE_NAME } from '../../filters/asCode/filtersFile';
import { COMMON_OPTIONS, parseOptions } from '../args';
import { planFile } from '../asCode/planFile';
import { planJson, planText } from '../asCode/planReport';
import { readFiltersFile } from '../asCode/readFiltersFile';
import type { CommandContext } from '../context';
import { ExitCode, mostSevere } from '../exitCodes';

const OPTIONS = {
  ...COMMON_OPTIONS,
  file: { type: 'string', short: 'f' },
  'detailed-exitcode': { type: 'boolean' },
  'allow-pcre2-only': { type: 'boolean' },
} as const;

export async function planCommand(ctx: CommandContext, args: string[]): Promise<number> {
  const values = parseOptions('plan', args, OPTIONS);
  const checked = await readFiltersFile(ctx, values.file ?? FILTERS_FILE_NAME, values['allow-pcre2-only'] ?? false);
  const outcomes = await planFile(ctx, checked);
  if (ctx.output.json) ctx.output.outJson(planJson(outcomes));
  else ctx.output.out(planText(outcomes));
  const failed = mostSevere(outcomes.flatMap((o) => (o.failure ? [o.failure.exitCode] : [])));
  if (failed !== ExitCode.ok) return failed;
  const changed = outcomes.some((o) => o.plan?.changed);
  return changed && values['detailed-exitcode'] ? ExitCode.changes : ExitCode.ok;
}
