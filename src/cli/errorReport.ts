import { isGenesysError, type GenesysError } from '../genesys/errors';
import type { JsonObject } from '../common/json';
import { isCliError } from './cliErrors';
import type { ExitCodeValue } from './exitCodes';
import type { Output } from './output';

/**
 * Prints an error: the message, the server's status/code/contextId when there is one (support needs the
 * contextId), what does exist, and the next step. Human text on stderr; with --json also a JSON document on stdout.
 */
export function reportError(output: Output, err: unknown, exitCode: ExitCodeValue): void {
  const server = serverErrorOf(err);
  const message = err instanceof Error ? err.message : String(err);
  const lines = [`Error: ${message}`];
  const serverLine = server ? describeServerError(server) : undefined;
  if (serverLine) lines.push(`  ${serverLine}`);
  const details = isCliError(err) ? err.details : {};
  if (details.available) {
    lines.push(
      details.available.items.length > 0
        ? `  ${details.available.label}: ${details.available.items.join(', ')}`
        : `  ${details.available.label}: (none)`,
    );
  }
  if (details.hint) lines.push(`  ${details.hint}`);
  output.err(lines.join('\n'));

  if (output.json) {
    const error: JsonObject = { exitCode, message };
    if (server) {
      error.kind = server.kind;
      if (server.status !== undefined) error.status = server.status;
      if (server.code !== undefined) error.code = server.code;
      if (server.contextId !== undefined) error.contextId = server.contextId;
      if (server.attempts !== undefined) error.attempts = server.attempts;
    }
    if (details.available) error.available = details.available.items;
    if (details.json) Object.assign(error, details.json);
    output.outJson({ ok: false, error });
  }
}

function serverErrorOf(err: unknown): GenesysError | undefined {
  if (isGenesysError(err)) return err;
  if (isCliError(err)) return err.details.cause;
  return undefined;
}

function describeServerError(e: GenesysError): string | undefined {
  const parts: string[] = [];
  if (e.status !== undefined) parts.push(`HTTP ${e.status}`);
  if (e.code) parts.push(`code ${e.code}`);
  if (e.contextId) parts.push(`contextId ${e.contextId}`);
  if (e.correlationId && e.correlationId !== e.contextId) parts.push(`correlationId ${e.correlationId}`);
  if (e.attempts !== undefined && e.attempts > 1) parts.push(`after ${e.attempts} attempts`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
