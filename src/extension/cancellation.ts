/** Cancellation at the UI boundary: a dismissed prompt, VS Code's tokens turned into the client's AbortSignals. */
import * as vscode from 'vscode';
import { isCancellation } from '../genesys/errors';

/** Thrown when the user dismisses a prompt; the command wrapper swallows it silently. */
export class UserCancelledError extends Error {
  // Recognised by this marker rather than instanceof, so two bundled copies still agree.
  readonly isUserCancelledError = true;
  constructor(what = 'Cancelled') {
    super(what);
    this.name = 'AbortError';
  }
}

/** A dismissed prompt, a cancelled request or VS Code's CancellationError: nothing to report. */
export function isUserCancellation(err: unknown): boolean {
  if (typeof err === 'object' && err !== null && (err as { isUserCancelledError?: unknown }).isUserCancelledError) {
    return true;
  }
  return isCancellation(err) || err instanceof vscode.CancellationError;
}

/** The UI speaks CancellationToken, the client AbortSignal: converted at this one boundary. */
export function abortSignalOf(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
