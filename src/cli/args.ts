import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cliErrors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags every command understands. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
} as const;

/** Parses one command's flags strictly (unknown flags and stray arguments are usage errors). */
export function parseOptions<const O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    // parseArgs messages are precise ("Unknown option '--foo'"); a usage hint follows them.
    throw new UsageError(err instanceof Error ? err.message : String(err), command);
  }
}

/** A flag that must be present and non-empty. */
export function requireOption(command: string, name: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`Missing required option --${name}.`, command);
  if (value.trim().length === 0) throw new UsageError(`Option --${name} must not be empty.`, command);
  return value;
}
