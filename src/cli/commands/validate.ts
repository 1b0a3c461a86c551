import { plural } from '../../common/text';
import { COMMON_OPTIONS, parseOptions } from '../args';
import { UsageError } from '../cliErrors';
import type { CommandContext } from '../context';
import { ExitCode } from '../exitCodes';
import { checkPattern } from '../regexCheck';
import { validatePatternFile } from './validateBatch';

const OPTIONS = {
  ...COMMON_OPTIONS,
  regex: { type: 'string' },
  patterns: { type: 'string' },
  'allow-pcre2-only': { type: 'boolean' },
} as const;

/** Offline: never reads credentials, never opens a connection. One pattern (--regex) or a file of them (--patterns). */
export async function validateCommand(ctx: CommandContext, args: string[]): Promise<number> {
  const values = parseOptions('validate', args, OPTIONS);
  const allowPcre2Only = values['allow-pcre2-only'] ?? false;
  if (values.regex !== undefined && values.patterns !== undefined) {
    throw new UsageError('--regex and --patterns cannot be used together; give one pattern or one file.', 'validate');
  }
  if (values.patterns !== undefined) {
    if (values.patterns === '') throw new UsageError('Option --patterns must name a file.', 'validate');
    return validatePatternFile(ctx, values.patterns, allowPcre2Only);
  }
  // An empty pattern is a validation result (the validator names it), not a usage error.
  if (values.regex === undefined) throw new UsageError('Missing required option --regex or --patterns.', 'validate');
  const result = await checkPattern(ctx.validator(), values.regex, allowPcre2Only, ctx.output, ctx.signal, true);
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
