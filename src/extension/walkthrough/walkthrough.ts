/**
 * The Get Started walkthrough (package.json `contributes.walkthroughs`): opened when the user asks — "Genesys Cloud:
 * Get Started", the view's "…" menu, the signed-out welcome text, or Help → Welcome.
 *
 * The extension never opens it by itself. VS Code already does, once, for every extension: when one is installed
 * (Marketplace, Open VSX, "Install from VSIX…"), its walkthroughs service opens the extension's first walkthrough as
 * soon as it registers, if `workbench.welcomePage.walkthroughs.openOnInstall` is on — and not again, since it
 * remembers the walkthroughs it has seen (welcomeGettingStarted/browser/gettingStartedService.ts). Doing it here too
 * needed activation at start-up (the extension activates only on its view, its commands or an
 * `eventbridge-filters.json`) and a flag of its own. test/ui/walkthrough.test.ts installs the .vsix and checks it.
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import type { ServiceHost } from '../serviceHost';
import { WALKTHROUGH_ID } from './walkthroughId';

export { WALKTHROUGH_ID } from './walkthroughId';

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
