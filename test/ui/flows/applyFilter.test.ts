/**
 * The attribute filter flow in the real workbench: F1 → "Genesys Cloud: Apply Subscription Filter…",
 * integration → subscription → typed key → regex → an invalid pattern explained in the input box,
 * fixed → the before/after diff editor → the modal confirm → the new filter row in the tree.
 * Screenshots: test-artifacts/screenshots/ui-flows-apply-filter/.
 */
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchWorkbench, SELECTORS, uiLocators, type Workbench } from '../../vscode/harness';

let workbench: Workbench;

before(
  async () => {
    workbench = await launchWorkbench('ui-flows-apply-filter');
  },
  { timeout: 180_000 },
);

after(async () => {
  await workbench?.close();
});

const KEY = 'interaction.routing.queue.name';
const { title, message, input, pickRow, treeRow } = uiLocators(() => workbench.page);

test(
  'Apply Subscription Filter… from the palette: inline regex error, diff, confirm, new row',
  { timeout: 180_000 },
  async () => {
    const { page } = workbench;
    await workbench.openView();
    await treeRow('Voice stream (tutorial)').waitFor({ timeout: 30_000 });
    // Expanded as a user would to watch the result: the write must refresh these rows without another click.
    await treeRow('Voice stream (tutorial)').click();
    await treeRow('default-voice-stream').click();
    await treeRow('No attribute filters').waitFor();
    await workbench.shot('tree-before');

    await workbench.runCommand('Apply Subscription Filter…');
    await title().filter({ hasText: 'Apply Subscription Filter (1/5)' }).waitFor();
    await pickRow('Voice stream (tutorial)').waitFor();
    await workbench.shot('step-1-integration');
    await pickRow('Voice stream (tutorial)').click();

    await title().filter({ hasText: '(2/5)' }).waitFor();
    await pickRow('default-voice-stream').waitFor();
    await workbench.shot('step-2-subscription');
    await pickRow('default-voice-stream').click();

    await title().filter({ hasText: '(3/5)' }).waitFor();
    await input().fill(KEY);
    await pickRow(KEY).waitFor();
    await workbench.shot('step-3-attribute-key');
    await input().press('Enter');

    await title().filter({ hasText: '(4/5)' }).waitFor();
    await pickRow('regex').waitFor();
    // The real Back button returns to the key question, then the same key moves on again.
    await page.locator(`${SELECTORS.quickInput} .quick-input-left-action-bar .action-label`).first().click();
    await title().filter({ hasText: '(3/5)' }).waitFor();
    await input().fill(KEY);
    await pickRow(KEY).waitFor();
    await input().press('Enter');
    await title().filter({ hasText: '(4/5)' }).waitFor();
    await pickRow('regex').waitFor();
    await workbench.shot('step-4-match-type');
    await input().press('Enter'); // regex is the default, first in the list

    await title().filter({ hasText: '(5/5)' }).waitFor();
    await input().fill('^(Premium');
    // Wait for the validator's own words: the box's prompt also contains ")" and digits ("RE2").
    const error = message().filter({ hasText: /missing \)/ });
    await error.waitFor();
    const errorText = (await error.innerText()).trim();
    assert.match(errorText, /missing \) — group opened at 1 is never closed/, errorText);
    await workbench.shot('step-5-invalid-pattern');
    await input().press('Enter');
    await page.waitForTimeout(500);
    // A hidden quick input keeps its old title text, so check what is on screen: the same box, text and error.
    assert.ok(await input().isVisible(), 'Enter is blocked while the pattern is invalid: the box is still open');
    assert.equal(await input().inputValue(), '^(Premium');
    assert.ok(await error.isVisible(), 'the error is still shown');
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no confirm dialog');

    await input().fill('^Premium');
    await message()
      .filter({ hasText: /Valid RE2 pattern/ })
      .waitFor();
    await workbench.shot('step-5-valid-pattern');
    await input().press('Enter');

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.filter({ hasText: 'Apply filter to default-voice-stream?' }).waitFor();
    const diffTab = page.locator('.tabs-container .tab', { hasText: `default-voice-stream: ${KEY}` });
    await diffTab.first().waitFor();
    await page.locator('.editor .monaco-diff-editor').first().waitFor();
    await workbench.shot('diff-and-confirm');
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Apply$/ }).click();

    await page
      .locator(SELECTORS.notificationToast, { hasText: `Applied regex filter on ${KEY}` })
      .first()
      .waitFor();
    assert.equal(await diffTab.count(), 0, 'the diff editor is closed after the write');

    await treeRow(KEY).waitFor();
    assert.ok((await workbench.treeRows()).includes('Topic filters'), 'the integration still shows its children');
    await workbench.shot('new-filter-row');

    const stored = (await (
      await fetch(`${workbench.emulatorUrl}/__emulator/eventbridge/8f7a2b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c`)
    ).json()) as {
      subscriptions: { filterCriteria: { attributes: unknown[] } }[];
    };
    assert.deepEqual(stored.subscriptions[0].filterCriteria.attributes, [
      { key: KEY, matchType: 'regex', values: ['^Premium'] },
    ]);
  },
);

test('keyboard only: Escape in the pattern box closes the flow and writes nothing', { timeout: 120_000 }, async () => {
  const { page } = workbench;
  const eventBridgeRequests = async () =>
    (
      (await (await fetch(`${workbench.emulatorUrl}/__emulator/requests`)).json()) as { method: string; path: string }[]
    ).filter((r) => r.method !== 'GET' && r.path.startsWith('/api/v2/'));
  const writesBefore = (await eventBridgeRequests()).length;
  const storedBefore = await (
    await fetch(`${workbench.emulatorUrl}/__emulator/eventbridge/8f7a2b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c`)
  ).json();

  await workbench.runCommand('Apply Subscription Filter…');
  await title().filter({ hasText: '(1/5)' }).waitFor();
  await input().fill('Voice stream');
  await pickRow('Voice stream (tutorial)').waitFor();
  await input().press('Enter');
  await title().filter({ hasText: '(2/5)' }).waitFor();
  await pickRow('default-voice-stream').waitFor();
  await input().press('Enter');
  await title().filter({ hasText: '(3/5)' }).waitFor();
  await input().fill('interaction.mediaType');
  await pickRow('interaction.mediaType').waitFor();
  await input().press('Enter');
  await title().filter({ hasText: '(4/5)' }).waitFor();
  await pickRow('regex').waitFor();
  await input().press('Enter');
  await title().filter({ hasText: '(5/5)' }).waitFor();
  await input().fill('^voice$');
  await message()
    .filter({ hasText: /Valid RE2 pattern/ })
    .waitFor();
  await page.keyboard.press('Escape');

  await input().waitFor({ state: 'hidden' });
  await page.waitForTimeout(500);
  await workbench.shot('escape-closed-the-flow');
  assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no confirm dialog');
  assert.equal(
    await page.locator('.tabs-container .tab', { hasText: 'interaction.mediaType' }).count(),
    0,
    'no diff editor',
  );
  assert.equal((await eventBridgeRequests()).length, writesBefore, 'nothing was written');
  assert.deepEqual(
    await (await fetch(`${workbench.emulatorUrl}/__emulator/eventbridge/8f7a2b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c`)).json(),
    storedBefore,
  );
  assert.equal(
    await page.locator(SELECTORS.notificationToast, { hasText: /Could not/ }).count(),
    0,
    'cancelling shows no error',
  );
});
