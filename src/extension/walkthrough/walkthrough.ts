/**
 * The Get Started walkthrough (package.json `contributes.walkthroughs`): shown once, the first time the extension
 * runs in a profile, together with the Genesys Cloud view; afterwards only when asked ("Genesys Cloud: Get
 * Started", the view's menu, or VS Code's Welcome page). VS Code's own `workbench.welcomePage.walkthroughs.openOnInstall`
 * turns the first-run opening off, as it does for every extension's walkthrough.
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { settings } from '../config';
import { VIEW_ID } from '../tree/integrationsTreeProvider';

export const WALKTHROUGH_ID = 'genesysCloud.getStarted';

/** globalState flag: the first run has happened (synced, so a second machine does not show it again). */
const SHOWN_KEY = 'genesysCloud.walkthrough.shown';

/** Opens the walkthrough in the editor area. */
export async function openWalkthrough(extensionId: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#${WALKTHROUGH_ID}`, false);
}

/** `genesysCloud.getStarted`: the walkthrough again, whenever the user asks. */
export function getStartedCommand(ctx: CommandContext) {
  return () => openWalkthrough(ctx.host.context.extension.id);
}

/**
 * On the first run only: the view, then the walkthrough beside the user's editors. Not awaited by activate():
 * it only reads a flag and queues two commands.
 */
export function showWalkthroughOnFirstRun(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  context.globalState.setKeysForSync([SHOWN_KEY]);
  if (context.globalState.get<boolean>(SHOWN_KEY)) return;
  void context.globalState.update(SHOWN_KEY, true);
  if (!settings.openWalkthroughOnInstall()) {
    log.info(
      'First run: the Get Started walkthrough is not opened (workbench.welcomePage.walkthroughs.openOnInstall is off).',
    );
    return;
  }
  log.info('First run: showing the Genesys Cloud view and the Get Started walkthrough.');
  void (async () => {
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    await openWalkthrough(context.extension.id);
  })().catch((err: unknown) => log.warn(`Could not open the Get Started walkthrough: ${String(err)}`));
}
