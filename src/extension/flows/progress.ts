/**
 * Cancellable progress for requests: the notification's Cancel button aborts the signal passed to the client
 * (the UI converts its token to a signal at this one boundary), and the retry notices (429, 5xx…) of the requests
 * this work makes appear as the progress message while it waits. Only those: the notices are scoped to the work
 * with the core's `withRetryListener`, so a tree load that is rate limited while a write runs shows in the log
 * and the status bar, not in the write's progress.
 */
import * as vscode from 'vscode';
import { withRetryListener } from '../../genesys/retryScope';
import { describeRetryNotice } from '../../genesys/retryNotice';
import { UserCancelledError } from '../cancellation';

/**
 * What a running (or recently finished) progress notification shows, plus the very action its Cancel button
 * triggers. Extension-host tests cannot click a notification, so they reach these through FlowsApi.progress():
 * a cancel there runs the same abort as the button.
 */
export interface ProgressRecord {
  readonly title: string;
  /** Every message reported, in order ("checking for changes…", a retry notice, "writing…"). */
  readonly messages: readonly string[];
  readonly done: boolean;
  /** Exactly what the notification's Cancel button does. */
  cancel(): void;
}

/**
 * Work that ends sooner shows no notification at all. A write is a few short requests around a confirm; a
 * notification for each would flash by and, worse, VS Code shows at most three new toasts per 800 ms and drops the
 * rest to the notification center — the write's own result, with its Undo, among them. Slow work (a rate-limited
 * or distant org) still shows its progress, its retry notices and its Cancel button after this long.
 */
export const PROGRESS_NOTIFICATION_DELAY_MS = 500;

/** The last few progress notifications, newest last; bounded so a long session keeps no garbage. */
const recent: ProgressRecord[] = [];
const RECENT_LIMIT = 10;

export function recentProgress(): readonly ProgressRecord[] {
  return recent;
}

/**
 * Progress for work that may pause for the user: the notification is up while requests run (from half a second on,
 * see PROGRESS_NOTIFICATION_DELAY_MS) and is closed while a diff and a confirm are shown (`pause()`), then comes
 * back with the next message. One signal spans the whole work, so Cancel aborts whichever request is running.
 */
export class RequestProgress {
  private readonly controller = new AbortController();
  private shown:
    { record: ProgressRecord & { messages: string[] }; report(message: string): void; close(): void } | undefined;

  constructor(private readonly title: string) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Runs `work` with this progress's retry notices; the notification closes when it ends. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await withRetryListener((n) => this.report(describeRetryNotice(n)), work);
    } finally {
      this.pause();
    }
  }

  /** Shows the notification (if paused) with this message. */
  report(message?: string): void {
    this.shown ??= this.show();
    if (message !== undefined) this.shown.report(message);
  }

  /** Closes the notification until the next report. */
  pause(): void {
    this.shown?.close();
    this.shown = undefined;
  }

  private show() {
    const record = {
      title: this.title,
      messages: [] as string[],
      done: false,
      cancel: () => this.controller.abort(new UserCancelledError(`${this.title} cancelled`)),
    };
    recent.push(record);
    if (recent.length > RECENT_LIMIT) recent.shift();
    // withProgress may call back later than now: what happens before that is replayed when it does.
    let latest: string | undefined;
    let closed = false;
    let report: (message: string) => void = (message) => (latest = message);
    let close: () => void;
    const options = { location: vscode.ProgressLocation.Notification, title: this.title, cancellable: true };
    const notify = setTimeout(() => {
      void vscode.window.withProgress(options, (progress, token) => {
        if (closed) return Promise.resolve();
        const cancelButton = token.onCancellationRequested(record.cancel);
        report = (message) => progress.report({ message });
        if (latest !== undefined) report(latest);
        return new Promise<void>((resolve) => {
          close = () => {
            cancelButton.dispose();
            resolve();
          };
        });
      });
    }, PROGRESS_NOTIFICATION_DELAY_MS);
    close = () => {
      clearTimeout(notify);
      closed = true;
    };
    return {
      record,
      report: (message: string) => {
        record.messages.push(message);
        report(message);
      },
      close: () => {
        record.done = true;
        close();
      },
    };
  }
}

/** Progress for one piece of request work, shown from start to end. */
export function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
): Promise<T> {
  const progress = new RequestProgress(title);
  progress.report();
  return progress.run(() => work(progress.signal, (message) => progress.report(message)));
}
