import type { GenesysError } from '../genesys/errors';
import type { JsonObject } from '../common/json';
import type { ExitCodeValue } from './exitCodes';

export interface CliErrorDetails {
  /** What does exist (subscription names, attribute keys), shown under the message. */
  available?: { label: string; items: string[] };
  /** The next step for the user, one line. */
  hint?: string;
  /** The server error behind this one: its status, code and contextId are shown too. */
  cause?: GenesysError;
  /** More fields for the --json error document (e.g. the pattern's diagnostics). */
  json?: JsonObject;
}

/** An error the CLI explains itself, with the exit code it maps to. */
export class CliError extends Error {
  readonly isCliError = true as const;
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
    readonly details: CliErrorDetails = {},
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Wrong flags or arguments: the message is followed by a pointer to the command's --help. */
export class UsageError extends CliError {
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message, 2, { hint: `Run "eventbridge-filter ${command === 'main' ? '' : command + ' '}--help" for usage.` });
    this.name = 'UsageError';
  }
}

export function isCliError(e: unknown): e is CliError {
  return typeof e === 'object' && e !== null && (e as { isCliError?: unknown }).isCliError === true;
}
