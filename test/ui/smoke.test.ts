/**
 * Smoke test of the real workbench: our activity-bar container and view appear, the signed-out view shows its
 * welcome content, and a contributed command is in the palette and runs. Screenshots: test-artifacts/screenshots/ui-smoke/.
 */
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchWorkbench, SELECTORS, Workbench } from '../vscode/harness';

let workbench: Workbench;

before(
  async () => {
    // Without the Environment profile the extension starts signed out.
    workbench = await launchWorkbench('ui-smoke', { environmentProfile: false });
  },
  { timeout: 180_000 },
);

after(async () => {
  await workbench?.close();
});

test('the Genesys Cloud container shows the EventBridge Integrations view', { timeout: 60_000 }, async () => {
  const { page } = workbench;
  await workbench.shot('workbench-loaded');
  await workbench.openView();
  const header = page.locator(`${SELECTORS.sidebar} .composite.title`);
  await header.waitFor();
  assert.match(await header.innerText(), /genesys cloud/i);
  // With one view in the container, VS Code merges the titles: "GENESYS CLOUD: EVENTBRIDGE INTEGRATIONS".
  assert.match(await header.innerText(), /eventbridge integrations/i);
  await workbench.shot('view-opened');
});

test('signed out, the view shows its welcome content with a Sign In button', { timeout: 60_000 }, async () => {
  const { page } = workbench;
  const signIn = page.locator(`${SELECTORS.sidebar} .welcome-view-content .monaco-button`, { hasText: /^Sign In/ });
  await signIn.first().waitFor();
  const welcome = await page.locator(`${SELECTORS.sidebar} .welcome-view-content`).first().innerText();
  assert.match(welcome, /emulator/i, 'the welcome content should mention trying the bundled emulator');
  assert.deepEqual(await workbench.treeRows(), [], 'signed out, the tree has no rows');
  await workbench.shot('signed-out-welcome');
});

test(
  '"Genesys Cloud: Show Log" is in the command palette and opens the Output panel',
  { timeout: 60_000 },
  async () => {
    const { page } = workbench;
    await page.keyboard.press('F1');
    await page.locator(SELECTORS.quickInputBox).fill('>Genesys Cloud:');
    await page.locator(SELECTORS.quickInputRow, { hasText: 'Genesys Cloud: Show Log' }).first().waitFor();
    await workbench.shot('palette-lists-commands');
    await page.keyboard.press('Escape');

    await workbench.runCommand('Show Log');
    await page.locator('#workbench\\.parts\\.panel .output-view').first().waitFor();
    // The Output panel's channel picker names the channel it shows: ours, not whichever was last used.
    const channel = page.locator('#workbench\\.parts\\.panel select.monaco-select-box').first();
    await waitUntil(
      async () => (await channel.inputValue()) === 'Genesys Cloud',
      'the Output panel to show the "Genesys Cloud" channel',
    );
    await workbench.shot('show-log-output-panel');
  },
);

async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
