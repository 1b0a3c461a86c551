import { plural } from '../../common/text';
import { COMMON_OPTIONS, parseOptions } from '../args';
import { UsageError } from '../cliErrors';
import type { CommandContext } from '../context';
import { ExitCode } from '../exitCodes';
import { checkPattern } from '../regexCheck';

const OPTIONS = { ...COMMON_OPTIONS, regex: { type: 'string' }, 'allow-pcre2-only': { type: 'boolean' } } as const;

/** Offline: never reads credentials, never opens a connection. */
export async function validateCommand(ctx: CommandContext, args: string[]): Promise<number> {
  const values = parseOptions('validate', args, OPTIONS);
  // An empty pattern is a validation result (the validator names it), not a usage error.
  if (values.regex === undefined) throw new UsageError('Missing required option --regex.', 'validate');
  const result = await checkPattern(
    ctx.validator(),
    values.regex,
    values['allow-pcre2-only'] ?? false,
    ctx.output,
    ctx.signal,
    true,
  );
  if (ctx.output.json) {
    ctx.output.outJson({ valid: result.valid, diagnostics: result.diagnostics.map((d) => ({ ...d })) });
  } else {
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
    ctx.output.out(
      result.valid ? `Valid pattern${warnings > 0 ? ` (${plural(warnings, 'warning')})` : ''}.` : 'Invalid pattern.',
    );
  }
  return result.valid ? ExitCode.ok : ExitCode.invalidInput;
}
