/**
 * Cancellable progress for requests: the notification's Cancel button aborts the signal passed to
 * the client (the UI converts its token to a signal at this one boundary), and the retry notices
 * (429, 5xx…) of the requests this work makes appear as the progress message while it waits. Only
 * those: the notices are scoped to the work with the core's `withRetryListener`, so a tree load that
 * is rate limited while a write runs shows in the log and the status bar, not in the write's progress.
 */
import * as vscode from 'vscode';
import { withRetryListener } from '../../genesys/client';
import { formatRetry } from '../requestLog';
import { UserCancelledError } from '../errors';

/**
 * What a running (or recently finished) progress notification shows, plus the very action its
 * Cancel button triggers. Extension-host tests cannot click a notification, so they reach these
 * through FlowsApi.progress(): a cancel there runs the same abort as the button.
 */
export interface ProgressRecord {
  readonly title: string;
  /** Every message reported, in order ("checking for changes…", a retry notice, "writing…"). */
  readonly messages: readonly string[];
  readonly done: boolean;
  /** Exactly what the notification's Cancel button does. */
  cancel(): void;
}

/** The last few progress notifications, newest last; bounded so a long session keeps no garbage. */
const recent: ProgressRecord[] = [];
const RECENT_LIMIT = 10;

export function recentProgress(): readonly ProgressRecord[] {
  return recent;
}

export async function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
): Promise<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const messages: string[] = [];
      const record = {
        title,
        messages,
        done: false,
        cancel: () => controller.abort(new UserCancelledError(`${title} cancelled`)),
      };
      recent.push(record);
      if (recent.length > RECENT_LIMIT) recent.shift();
      const report = (message: string) => {
        messages.push(message);
        progress.report({ message });
      };
      const cancelButton = token.onCancellationRequested(record.cancel);
      try {
        return await withRetryListener(
          (n) => report(formatRetry(n)),
          () => work(controller.signal, report),
        );
      } finally {
        record.done = true;
        cancelButton.dispose();
      }
    },
  );
}
