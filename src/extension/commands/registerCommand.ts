import * as vscode from 'vscode';
import type { ExtensionServices } from '../services';
import { isUserCancellation, showError } from '../errors';

/**
 * Registers a command whose errors become exactly one message with a next step; cancellation is silent.
 * The handler's result is returned to the caller (tests and other commands use it).
 */
export function registerCommand(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
  id: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- commands receive tree nodes, args objects or nothing
  handler: (...args: any[]) => unknown,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (err) {
        if (isUserCancellation(err)) {
          services.log.debug(`${id}: cancelled`);
          return undefined;
        }
        services.log.error(`${id} failed: ${errorSummary(err)}`);
        // Not awaited: the message stays up while the command promise settles, so a caller
        // (a keybinding, a test) is not blocked until someone clicks a button.
        void showError(services, err, titleOf(id));
        return undefined;
      }
    }),
  );
}

function errorSummary(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** "genesysCloud.applyFilter" → "apply filter": the action name used in error messages. */
function titleOf(id: string): string {
  const bare = id.replace(/^genesysCloud\./, '');
  return bare.replace(/([A-Z])/g, ' $1').toLowerCase();
}
