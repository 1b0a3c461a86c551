/**
 * The Get Started walkthrough (package.json `contributes.walkthroughs`): shown once, the first time the extension
 * runs in a profile, together with the Genesys Cloud view; afterwards only when asked ("Genesys Cloud: Get
 * Started", the view's menu, or VS Code's Welcome page). VS Code's own `workbench.welcomePage.walkthroughs.openOnInstall`
 * turns the first-run opening off, as it does for every extension's walkthrough.
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { settings } from '../config';
import type { ServiceHost } from '../serviceHost';
import { VIEW_ID } from '../tree/integrationsTreeProvider';
import { WALKTHROUGH_ID } from './walkthroughId';

export { WALKTHROUGH_ID } from './walkthroughId';

/** globalState flag: the first run has happened (synced, so a second machine does not show it again). */
const SHOWN_KEY = 'genesysCloud.walkthrough.shown';

/** Opens the walkthrough in the editor area, with every step already done checked. */
async function openWalkthrough(host: ServiceHost): Promise<void> {
  await vscode.commands.executeCommand(
    'workbench.action.openWalkthrough',
    `${host.context.extension.id}#${WALKTHROUGH_ID}`,
    false,
  );
  await host.walkthrough.markDone();
}

/** `genesysCloud.getStarted`: the walkthrough again, whenever the user asks. */
export function getStartedCommand(ctx: CommandContext) {
  return () => openWalkthrough(ctx.host);
}

/**
 * On the first run only: the view, then the walkthrough beside the user's editors. Not awaited by activate():
 * it only reads a flag and queues two commands.
 */
export function showWalkthroughOnFirstRun(host: ServiceHost): void {
  const { globalState } = host.context;
  globalState.setKeysForSync([SHOWN_KEY]);
  if (globalState.get<boolean>(SHOWN_KEY)) return;
  void globalState.update(SHOWN_KEY, true);
  if (!settings.openWalkthroughOnInstall()) {
    host.log.info(
      'First run: the Get Started walkthrough is not opened (workbench.welcomePage.walkthroughs.openOnInstall is off).',
    );
    return;
  }
  host.log.info('First run: showing the Genesys Cloud view and the Get Started walkthrough.');
  void (async () => {
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    await openWalkthrough(host);
  })().catch((err: unknown) => host.log.warn(`Could not open the Get Started walkthrough: ${String(err)}`));
}
