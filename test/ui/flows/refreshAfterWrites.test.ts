/**
 * Every write refreshes what the user is looking at: with the integration, its subscription and its topic filters
 * expanded, Apply (palette), Edit (inline), Undo (the notification), Remove (inline), Add Topic Filter (palette),
 * Remove Topic Filter (inline) and Refresh (the integration's context menu) each leave the expanded rows showing the
 * new state — nobody clicks to make a row appear. (The expanded integration used to be left with no children at
 * all after a write; see src/extension/tree/integrationsTreeProvider.ts.)
 * Screenshots: test-artifacts/screenshots/ui-flows-refresh-after-writes/.
 */
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { launchWorkbench, SELECTORS, uiLocators, type Workbench } from '../../vscode/harness';
import { answerApplyFilterSteps } from '../support/applyFilterSteps';

let workbench: Workbench;

before(
  async () => {
    workbench = await launchWorkbench('ui-flows-refresh-after-writes');
  },
  { timeout: 180_000 },
);

after(async () => {
  await workbench?.close();
});

const TUTORIAL = '8f7a2b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c';
const INTEGRATION = 'Voice stream (tutorial)';
const SUBSCRIPTION = 'default-voice-stream';
const KEY = 'interaction.routing.queue.name';
const TOPIC = 'v2.users.{id}.presence';
const { title, message, input, pickRow, treeRow } = uiLocators(() => workbench.page);

const dialog = () => workbench.page.locator('.monaco-dialog-box');
const toast = (text: string | RegExp) => workbench.page.locator(SELECTORS.notificationToast, { hasText: text }).first();

/** The expanded rows still under the integration: what a blank integration row would lose. */
async function assertIntegrationShowsItsChildren(): Promise<void> {
  const rows = await workbench.treeRows();
  assert.equal(rows[rows.indexOf(INTEGRATION) + 1], 'Topic filters', rows.join(' | '));
  assert.ok(rows.includes(SUBSCRIPTION), `the subscription row is still there: ${rows.join(' | ')}`);
}

/** Hovers a row and clicks one of its inline actions, as a user does. */
async function inlineAction(row: Locator, action: string): Promise<void> {
  await row.hover();
  await row.locator(`.actions .action-label[aria-label="${action}"]`).click();
}

async function confirm(button: string): Promise<void> {
  await dialog().waitFor();
  await dialog()
    .locator('.dialog-buttons .monaco-button', { hasText: new RegExp(`^${button}$`) })
    .click();
}

test(
  'each write leaves the expanded integration showing the new state, with no click',
  { timeout: 300_000 },
  async () => {
    const { page } = workbench;
    await workbench.openView();
    await treeRow(INTEGRATION).click();
    await treeRow(SUBSCRIPTION).click();
    await treeRow('No attribute filters').waitFor();
    await treeRow('Topic filters').click();
    await treeRow('v2.detail.events.conversation.{id}.customer.start').waitFor();
    await workbench.shot('expanded');

    // Apply, from the palette.
    await workbench.runCommand('Apply Subscription Filter…');
    await answerApplyFilterSteps(page, {
      integration: INTEGRATION,
      subscription: SUBSCRIPTION,
      key: KEY,
      pattern: '^Premium',
    });
    await confirm('Apply');
    await toast(`Applied regex filter on ${KEY}`).waitFor();
    const filterRow = treeRow(KEY);
    await filterRow.waitFor();
    await assertIntegrationShowsItsChildren();
    await workbench.shot('after-apply');

    // Edit, from the filter row's inline action: match type and pattern are the only questions left.
    await workbench.clearNotifications();
    await inlineAction(filterRow, 'Edit Filter…');
    await title().filter({ hasText: 'Edit Filter (1/2)' }).waitFor();
    await pickRow('regex').filter({ hasText: 'current' }).waitFor();
    await input().press('Enter'); // regex, the current match type, comes first
    await title().filter({ hasText: 'Edit Filter (2/2)' }).waitFor();
    assert.equal(await input().inputValue(), '^Premium', 'the pattern box is prefilled');
    await input().fill('^Gold');
    await message()
      .filter({ hasText: /Valid RE2 pattern/ })
      .waitFor();
    await input().press('Enter');
    await confirm('Apply');
    await filterRow.filter({ hasText: '^Gold' }).waitFor();
    await assertIntegrationShowsItsChildren();
    await workbench.shot('after-edit');

    // Undo, from the notification.
    const applied = toast(`Applied regex filter on ${KEY}`);
    await applied.waitFor();
    await applied.locator('.monaco-button', { hasText: /^Undo$/ }).click();
    await confirm('Undo');
    await toast('Undone').waitFor();
    await filterRow.filter({ hasText: '^Premium' }).waitFor();
    await assertIntegrationShowsItsChildren();
    await workbench.shot('after-undo');

    // Remove, from the filter row's inline action.
    await workbench.clearNotifications();
    await inlineAction(filterRow, 'Remove Filter');
    await confirm('Remove');
    await toast(`Removed the filter on ${KEY}`).waitFor();
    await treeRow('No attribute filters').waitFor();
    assert.equal(await treeRow(KEY).count(), 0, 'the removed filter row is gone');
    await assertIntegrationShowsItsChildren();
    await workbench.shot('after-remove');

    // Add a topic, from the palette.
    await workbench.clearNotifications();
    await workbench.runCommand('Add Topic Filter…');
    await title().filter({ hasText: 'Add Topic Filter (1/2)' }).waitFor();
    await pickRow(INTEGRATION).click();
    await title().filter({ hasText: '(2/2)' }).waitFor();
    await input().fill(TOPIC);
    await pickRow(TOPIC).locator('.monaco-checkbox, input[type="checkbox"]').first().click();
    await input().press('Enter');
    await confirm('Apply');
    const topicRow = treeRow(TOPIC);
    await topicRow.waitFor();
    await assertIntegrationShowsItsChildren();
    await workbench.shot('after-topic-add');

    // Remove that topic, from its row's inline action.
    await workbench.clearNotifications();
    await inlineAction(topicRow, 'Remove Topic Filter');
    await confirm('Remove');
    await topicRow.waitFor({ state: 'detached' });
    await assertIntegrationShowsItsChildren();
    await workbench.shot('after-topic-remove');

    // Someone else adds a subscription; Refresh on the integration (its context menu) shows it under the expanded row.
    await workbench.clearNotifications();
    const url = `${workbench.emulatorUrl}/__emulator/eventbridge/${TUTORIAL}`;
    const stored = (await (await fetch(url)).json()) as { subscriptions: object[] };
    stored.subscriptions.push({ name: 'added-by-a-colleague', events: [], filterCriteria: { attributes: [] } });
    await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(stored),
    });
    await treeRow(INTEGRATION).click({ button: 'right' });
    await page
      .locator('.monaco-menu .action-label', { hasText: /^Refresh$/ })
      .first()
      .waitFor();
    await workbench.shot('integration-context-menu');
    await workbench.chooseMenuItem('Refresh');
    await treeRow('added-by-a-colleague').waitFor();
    await assertIntegrationShowsItsChildren();
    await workbench.shot('after-refresh');
  },
);
