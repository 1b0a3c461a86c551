import { isCancellation, isGenesysError, type GenesysErrorKind } from '../genesys/errors';
import { isCliError } from './cliErrors';

/** The CLI's exit codes; scripts depend on them, so they never change meaning. */
export const ExitCode = {
  ok: 0,
  /** Anything not covered below. */
  failure: 1,
  /** Bad usage or invalid input (flags, key, values, pattern, topic) or a 400 from the server. */
  invalidInput: 2,
  /** The integration, subscription or filter does not exist. */
  notFound: 3,
  /** Authentication failed or the OAuth client lacks a permission. */
  authentication: 4,
  /** Gave up after retries: rate limited, server errors, network failures, timeouts. */
  gaveUp: 5,
  /** A concurrent change kept winning (version conflict after the re-reads). */
  conflict: 6,
  /** `plan --detailed-exitcode`: the org differs from the file (the drift check for CI; 2 is already usage). */
  changes: 7,
  /** Interrupted by Ctrl+C (128 + SIGINT), the shell convention. */
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

const BY_KIND: Record<GenesysErrorKind, ExitCodeValue> = {
  authentication: ExitCode.authentication,
  permission: ExitCode.authentication,
  notFound: ExitCode.notFound,
  invalidRequest: ExitCode.invalidInput,
  conflict: ExitCode.conflict,
  rateLimited: ExitCode.gaveUp,
  server: ExitCode.gaveUp,
  network: ExitCode.gaveUp,
  timeout: ExitCode.gaveUp,
  cancelled: ExitCode.interrupted,
  // A GENESYS_ENV we cannot resolve is bad input, like a bad flag.
  configuration: ExitCode.invalidInput,
};

/** The one place where an error becomes an exit code. */
export function exitCodeFor(err: unknown): ExitCodeValue {
  if (isCliError(err)) return err.exitCode;
  if (isGenesysError(err)) return BY_KIND[err.kind] ?? ExitCode.failure;
  if (isCancellation(err)) return ExitCode.interrupted;
  return ExitCode.failure;
}

/**
 * Which outcome a run of many integrations reports when several differ: an interruption, then an unexpected error (a
 * bug), then what stops everything (credentials), then what may pass on a retry (rate limits, servers, conflicts),
 * then what the file must fix (not found, invalid); "changes" is information, not a failure.
 */
const SEVERITY: readonly ExitCodeValue[] = [
  ExitCode.interrupted,
  ExitCode.failure,
  ExitCode.authentication,
  ExitCode.gaveUp,
  ExitCode.conflict,
  ExitCode.notFound,
  ExitCode.invalidInput,
  ExitCode.changes,
  ExitCode.ok,
];

export function mostSevere(codes: Iterable<ExitCodeValue>): ExitCodeValue {
  let worst: ExitCodeValue = ExitCode.ok;
  for (const code of codes) if (SEVERITY.indexOf(code) < SEVERITY.indexOf(worst)) worst = code;
  return worst;
}
