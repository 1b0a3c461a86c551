import * as vscode from 'vscode';
import { reportFailure } from '../errors';
import type { CommandContext } from './commandContext';
import { COMMANDS } from './commandTable';

/**
 * Registers every command of the table through one wrapper: a failure becomes exactly one message with a next
 * step (cancellation is silent), and the handler's result is returned to the caller (tests, other commands).
 */
export function registerCommands(context: vscode.ExtensionContext, ctx: CommandContext): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    const handler = factory(ctx);
    const action = actionOf(id);
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (err) {
          reportFailure(ctx.services.log, err, action);
          return undefined;
        }
      }),
    );
  }
}

/** "genesysCloud.applyFilter" → "apply filter": the action named in error messages. */
function actionOf(id: string): string {
  return id
    .replace(/^genesysCloud\./, '')
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase();
}
