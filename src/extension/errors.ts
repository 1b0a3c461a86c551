import * as vscode from 'vscode';
import { isGenesysError } from '../genesys/errors';
import { isUserCancellation } from './cancellation';

export { UserCancelledError, isUserCancellation } from './cancellation';

/** A message for the user plus the buttons that lead to the next step. */
export interface ErrorPresentation {
  message: string;
  buttons: ErrorButton[];
}
type ErrorButton = 'Sign In' | 'Show Log' | 'Refresh' | 'Open Proxy Setting' | 'Switch Profile…';

/** Maps any error to one message naming the cause and a next step. Pure, so tests can check every kind. */
export function describeError(err: unknown, action?: string): ErrorPresentation {
  const prefix = action ? `Could not ${action}: ` : '';
  if (!isGenesysError(err)) {
    const text = err instanceof Error ? err.message : String(err);
    return { message: prefix + text, buttons: ['Show Log'] };
  }
  const e = err;
  const detail = e.message.replace(/\.$/, '');
  const ref = e.correlationId ? ` (correlation id ${e.correlationId})` : '';
  switch (e.kind) {
    case 'authentication':
      return {
        message: `${prefix}${nextStep(detail, e.code, 'Check the client id and secret, then sign in again.')}`,
        buttons: ['Sign In', 'Switch Profile…'],
      };
    case 'permission': {
      const fix = 'Add it to the role in Genesys Cloud Admin → Roles/Permissions, or sign in with another client.';
      const message = e.permission
        ? `${prefix}the OAuth client's role lacks the permission ${e.permission}${ref}. ${fix}`
        : `${prefix}${detail}${ref}.`;
      return { message, buttons: ['Switch Profile…', 'Show Log'] };
    }
    case 'rateLimited': {
      const attempts = e.attempts ? ` after ${e.attempts} attempts` : '';
      const wait = e.retryAfterMs ? ` Genesys Cloud asked to wait ${Math.ceil(e.retryAfterMs / 1000)}s.` : '';
      return {
        message: `${prefix}Genesys Cloud is rate limiting this OAuth client (429)${attempts}.${wait} Try again in a moment.`,
        buttons: ['Show Log'],
      };
    }
    case 'network':
      return {
        message: `${prefix}${nextStep(detail, undefined, 'Check the host and your proxy (setting http.proxy).')} The log has each request.`,
        buttons: ['Show Log', 'Open Proxy Setting'],
      };
    case 'timeout':
      return {
        message: `${prefix}${nextStep(detail, undefined, 'Check your connection or proxy (setting http.proxy) and try again.')}`,
        buttons: ['Show Log', 'Open Proxy Setting'],
      };
    case 'server':
      return {
        message: `${prefix}Genesys Cloud had a server error${e.status ? ` (${e.status})` : ''}${ref}: ${detail}. Try again later; the log has the details.`,
        buttons: ['Show Log'],
      };
    case 'notFound':
      return { message: `${prefix}${detail}${ref}. It may have been deleted: refresh the view.`, buttons: ['Refresh'] };
    case 'conflict':
      return {
        message: `${prefix}${detail}. Someone else keeps changing it: refresh and try again.`,
        buttons: ['Refresh'],
      };
    case 'invalidRequest':
      return {
        message: `${prefix}Genesys Cloud refused the request${e.status ? ` (${e.status})` : ''}: ${detail}${ref}.`,
        buttons: ['Show Log'],
      };
    case 'configuration':
      return { message: `${prefix}${detail}. Sign in again with a valid region or URL.`, buttons: ['Sign In'] };
    case 'cancelled':
      return { message: `${prefix}cancelled.`, buttons: [] };
  }
}

/** The client's messages often already say what to check; add ours only when they do not. */
function nextStep(detail: string, code: string | undefined, step: string): string {
  const withCode = code && !detail.includes(code) ? `${detail} (${code})` : detail;
  return /\bcheck\b/i.test(withCode) ? `${withCode}.` : `${withCode}. ${step}`;
}

/**
 * The one error handler of the extension: commands, background work (Undo, follow-up offers) and anything else
 * that fails on the user's behalf. Cancellation is silent; anything else is logged and shown as one message
 * with the buttons that lead to the next step.
 */
export function reportFailure(log: vscode.LogOutputChannel, err: unknown, action?: string): void {
  if (isUserCancellation(err)) {
    log.debug(`${action ?? 'work'}: cancelled`);
    return;
  }
  log.error(
    `${action ? `Could not ${action}` : 'Failed'}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`,
  );
  // Not awaited: the message stays up while the caller goes on (a keybinding, a test is not blocked on a click).
  void showError(log, err, action);
}

async function showError(log: vscode.LogOutputChannel, err: unknown, action?: string): Promise<void> {
  const { message, buttons } = describeError(err, action);
  const choice = await vscode.window.showErrorMessage(message, ...buttons);
  switch (choice) {
    case 'Sign In':
      await vscode.commands.executeCommand('genesysCloud.signIn');
      break;
    case 'Switch Profile…':
      await vscode.commands.executeCommand('genesysCloud.switchProfile');
      break;
    case 'Show Log':
      log.show(true);
      break;
    case 'Refresh':
      await vscode.commands.executeCommand('genesysCloud.refresh');
      break;
    case 'Open Proxy Setting':
      await vscode.commands.executeCommand('workbench.action.openSettings', 'http.proxy');
      break;
  }
}
