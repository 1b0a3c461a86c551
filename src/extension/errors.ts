import * as vscode from 'vscode';
import { isCancellation, isGenesysError, type GenesysError } from '../genesys/errors';
import type { ExtensionServices } from './services';

/** Thrown when the user dismisses a prompt; the command wrapper swallows it silently. */
export class UserCancelledError extends Error {
  // Recognised by this marker rather than instanceof, so two bundled copies still agree.
  readonly isUserCancelledError = true;
  constructor(what = 'Cancelled') {
    super(what);
    this.name = 'AbortError';
  }
}

export function isUserCancellation(err: unknown): boolean {
  if (
    typeof err === 'object' &&
    err !== null &&
    (err as { isUserCancelledError?: unknown }).isUserCancelledError === true
  ) {
    return true;
  }
  return isCancellation(err) || err instanceof vscode.CancellationError;
}

/** A message for the user plus the buttons that lead to the next step. */
export interface ErrorPresentation {
  message: string;
  buttons: ErrorButton[];
}
type ErrorButton = 'Sign In' | 'Show Log' | 'Refresh' | 'Open Proxy Setting' | 'Switch Profile…';

const WRITE_ACTIONS = /apply|edit|remove|add|select/i;

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
      const permission = missingPermission(e, action);
      return {
        message: `${prefix}the OAuth client's role lacks the permission ${permission}${ref}. Add it to the role in Genesys Cloud Admin → Roles/Permissions, or sign in with another client.`,
        buttons: ['Switch Profile…', 'Show Log'],
      };
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

/** The permission named by the server if it named one, else the one this kind of action needs. */
function missingPermission(e: GenesysError, action?: string): string {
  const named = /\b([a-z]+:[a-zA-Z]+:[a-zA-Z]+)\b/.exec(e.message);
  if (named) {
    return named[1];
  }
  return action && WRITE_ACTIONS.test(action) ? 'integrations:integration:edit' : 'integrations:integration:view';
}

/** Shows one error message with its next-step buttons and runs the chosen one. Cancellation shows nothing. */
export async function showError(services: ExtensionServices, err: unknown, action?: string): Promise<void> {
  if (isUserCancellation(err)) {
    return;
  }
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
      services.log.show(true);
      break;
    case 'Refresh':
      services.refresh();
      break;
    case 'Open Proxy Setting':
      await vscode.commands.executeCommand('workbench.action.openSettings', 'http.proxy');
      break;
  }
}
