/**
 * Cancellable progress for requests: the notification's Cancel button aborts the signal passed to
 * the client (the UI converts its token to a signal at this one boundary), and the client's retry
 * notices (429, 5xx…) appear as the progress message while it waits.
 */
import * as vscode from 'vscode';
import { formatRetry, onDidRetry } from '../requestLog';
import { UserCancelledError } from '../errors';

export async function withCancellableProgress<T>(
  title: string, work: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
): Promise<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const subscriptions = [
        token.onCancellationRequested(() => controller.abort(new UserCancelledError(`${title} cancelled`))),
        onDidRetry((n) => progress.report({ message: formatRetry(n) })),
      ];
      try {
        return await work(controller.signal, (message) => progress.report({ message }));
      } finally {
        subscriptions.forEach((s) => s.dispose());
      }
    },
  );
}
