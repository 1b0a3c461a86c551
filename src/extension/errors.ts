import * as vscode from 'vscode';
import { isGenesysError, type GenesysError } from '../genesys/errors';
import { isUserCancellation } from './cancellation';

export { UserCancelledError, isUserCancellation } from './cancellation';

/** A message for the user plus the buttons that lead to the next step. */
export interface ErrorPresentation {
  message: string;
  buttons: ErrorButton[];
}
/** The next steps an error message can offer; their labels are localized when shown. */
export type ErrorButton = 'signIn' | 'showLog' | 'refresh' | 'openProxySetting' | 'switchProfile';

const BUTTON_LABELS: Record<ErrorButton, () => string> = {
  signIn: () => vscode.l10n.t('Sign In'),
  showLog: () => vscode.l10n.t('Show Log'),
  refresh: () => vscode.l10n.t('Refresh'),
  openProxySetting: () => vscode.l10n.t('Open Proxy Setting'),
  switchProfile: () => vscode.l10n.t('Switch Profile…'),
};

/** Maps any error to one message naming the cause and a next step. Pure, so tests can check every kind. */
export function describeError(err: unknown, action?: string): ErrorPresentation {
  const prefix = action ? vscode.l10n.t('Could not {0}: ', action) : '';
  if (!isGenesysError(err)) {
    const text = err instanceof Error ? err.message : String(err);
    return { message: prefix + text, buttons: ['showLog'] };
  }
  const e = err;
  const detail = e.message.replace(/\.$/, '');
  const ref = e.correlationId ? vscode.l10n.t(' (correlation id {0})', e.correlationId) : '';
  switch (e.kind) {
    case 'authentication':
      return {
        message: `${prefix}${nextStep(e, detail, vscode.l10n.t('Check the client id and secret, then sign in again.'))}`,
        buttons: ['signIn', 'switchProfile'],
      };
    case 'permission': {
      const fix = vscode.l10n.t(
        'Add it to the role in Genesys Cloud Admin → Roles/Permissions, or sign in with another client.',
      );
      const message = e.permission
        ? prefix + vscode.l10n.t("the OAuth client's role lacks the permission {0}{1}. {2}", e.permission, ref, fix)
        : `${prefix}${detail}${ref}.`;
      return { message, buttons: ['switchProfile', 'showLog'] };
    }
    case 'rateLimited': {
      const attempts = e.attempts ? vscode.l10n.t(' after {0} attempts', e.attempts) : '';
      const wait = e.retryAfterMs
        ? vscode.l10n.t(' Genesys Cloud asked to wait {0}s.', Math.ceil(e.retryAfterMs / 1000))
        : '';
      return {
        message:
          prefix +
          vscode.l10n.t(
            'Genesys Cloud is rate limiting this OAuth client (429){0}.{1} Try again in a moment.',
            attempts,
            wait,
          ),
        buttons: ['showLog'],
      };
    }
    case 'network':
      return {
        message:
          prefix +
          vscode.l10n.t(
            '{0} The log has each request.',
            nextStep(e, detail, vscode.l10n.t('Check the host and your proxy (setting http.proxy).')),
          ),
        buttons: ['showLog', 'openProxySetting'],
      };
    case 'timeout':
      return {
        message: `${prefix}${nextStep(e, detail, vscode.l10n.t('Check your connection or proxy (setting http.proxy) and try again.'))}`,
        buttons: ['showLog', 'openProxySetting'],
      };
    case 'server':
      return {
        message:
          prefix +
          vscode.l10n.t(
            'Genesys Cloud had a server error{0}{1}: {2}. Try again later; the log has the details.',
            e.status ? ` (${e.status})` : '',
            ref,
            detail,
          ),
        buttons: ['showLog'],
      };
    case 'notFound':
      return {
        message: prefix + vscode.l10n.t('{0}{1}. It may have been deleted: refresh the view.', detail, ref),
        buttons: ['refresh'],
      };
    case 'conflict':
      return {
        message: prefix + vscode.l10n.t('{0}. Someone else keeps changing it: refresh and try again.', detail),
        buttons: ['refresh'],
      };
    case 'invalidRequest':
      return {
        message:
          prefix +
          vscode.l10n.t('Genesys Cloud refused the request{0}: {1}{2}.', e.status ? ` (${e.status})` : '', detail, ref),
        buttons: ['showLog'],
      };
    case 'configuration':
      return {
        message: prefix + vscode.l10n.t('{0}. Sign in again with a valid region or URL.', detail),
        buttons: ['signIn'],
      };
    case 'cancelled':
      return { message: prefix + vscode.l10n.t('cancelled.'), buttons: [] };
  }
}

/** The error's text with its code, then our next step — unless the error says it already has one (`saysNextStep`). */
function nextStep(e: GenesysError, detail: string, step: string): string {
  const withCode = e.code && !detail.includes(e.code) ? `${detail} (${e.code})` : detail;
  return e.saysNextStep ? `${withCode}.` : `${withCode}. ${step}`;
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
  const labels = buttons.map((button) => BUTTON_LABELS[button]());
  const label = await vscode.window.showErrorMessage(message, ...labels);
  switch (label === undefined ? undefined : buttons[labels.indexOf(label)]) {
    case 'signIn':
      await vscode.commands.executeCommand('genesysCloud.signIn');
      break;
    case 'switchProfile':
      await vscode.commands.executeCommand('genesysCloud.switchProfile');
      break;
    case 'showLog':
      log.show(true);
      break;
    case 'refresh':
      await vscode.commands.executeCommand('genesysCloud.refresh');
      break;
    case 'openProxySetting':
      await vscode.commands.executeCommand('workbench.action.openSettings', 'http.proxy');
      break;
  }
}
