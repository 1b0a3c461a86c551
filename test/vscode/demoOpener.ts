/**
 * `npm run demo`'s stand-in for a user's first two clicks: shows the Genesys Cloud view and runs "Genesys Cloud: Get
 * Started". The extension opens neither by itself (VS Code opens the walkthrough when a user installs the extension,
 * and the demo loads it from this folder without installing it).
 *
 * The demo loads this module through the workbench payload's `extensionTestsPath`, the hook the extension-host tests
 * use (code-server loads only one `extensionDevelopmentPath`, so a helper extension next to ours is not an option).
 * The promise run() returns never settles: the window is never told that "tests" have finished, and stays open.
 */
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  try {
    await vscode.commands.executeCommand('genesysCloud.integrations.focus');
    await vscode.commands.executeCommand('genesysCloud.getStarted');
  } catch (err) {
    console.error(`demo: could not open the Genesys Cloud view and the walkthrough: ${String(err)}`);
  }
  return new Promise<void>(() => undefined);
}
