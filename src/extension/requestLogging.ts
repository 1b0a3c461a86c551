import * as vscode from 'vscode';
import { describeRetryNotice, type RequestLogEntry, type RetryNotice } from '../genesys/retryNotice';

/** The log of Genesys Cloud requests and their retries (the log channel only shows what these format). */

/**
 * One log line per HTTP attempt. The client hands over method, path (no query secrets, no headers),
 * status, duration and correlation id only, so nothing here can leak a token or a secret.
 */
export function formatRequest(e: RequestLogEntry): string {
  const outcome = e.status !== undefined ? String(e.status) : `failed (${e.error ?? 'no response'})`;
  const attempt = e.attempt > 1 ? ` attempt ${e.attempt}` : '';
  const correlation = e.correlationId ? ` correlation-id=${e.correlationId}` : '';
  return `${e.method} ${e.path} → ${outcome} ${Math.round(e.ms)} ms${attempt}${correlation}`;
}

export function logRequest(log: vscode.LogOutputChannel, e: RequestLogEntry): void {
  const line = formatRequest(e);
  if (e.status === undefined || e.status >= 500) {
    log.warn(line);
  } else {
    log.info(line);
  }
}

/** Retries are visible where the user looks: the log and, for the duration of the wait, the status bar. */
export function logRetry(log: vscode.LogOutputChannel, n: RetryNotice): void {
  const line = describeRetryNotice(n);
  log.warn(line);
  vscode.window.setStatusBarMessage(`$(watch) ${vscode.l10n.t('Genesys Cloud: {0}', line)}`, Math.max(n.waitMs, 1500));
}
