/**
 * Filters as code in the real workbench, as a user does it: Export to File… from the tree's title menu, the file
 * opened with its CodeLens; a typo'd pattern and topic edited in, their diagnostics in the editor and the Problems
 * panel; the topic's quick fix; the pattern corrected; Plan (the diff of the org against the file); Apply (the diff,
 * the modal confirm, the write) and the lens saying the org now matches.
 * Screenshots: test-artifacts/screenshots/ui-flows-filters-as-code/.
 */
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { launchWorkbench, SELECTORS, uiLocators, type Workbench } from '../../vscode/harness';

let workbench: Workbench;

before(
  async () => {
    workbench = await launchWorkbench('ui-flows-filters-as-code', {
      // Typing a "(" into a pattern must not also type the ")" the test wants to leave out.
      settings: {
        'editor.autoClosingBrackets': 'never',
        'editor.autoClosingQuotes': 'never',
        'editor.minimap.enabled': false,
      },
    });
  },
  { timeout: 180_000 },
);

after(async () => {
  await workbench?.close();
});

const MULTI = '3c9e5a71-8b2d-4f60-a1c4-7e5d9b3f2a18';
const { title, input, pickRow, treeRow } = uiLocators(() => workbench.page);

test(
  'export, edit with diagnostics and a quick fix, Plan and Apply from the CodeLens',
  { timeout: 300_000 },
  async () => {
    try {
      await userStory();
    } catch (err) {
      await workbench.shot('failure').catch(() => undefined);
      throw err;
    }
  },
);

async function userStory(): Promise<void> {
  const { page } = workbench;
  await workbench.openView();
  await treeRow('Contact center analytics').waitFor({ timeout: 30_000 });

  // The view's title menu (…) → Export to File…
  // Title actions show while the pointer is over the view, as for a user; the view's own "…" is the container's
  // "Views and More Actions..." when the container holds this one view.
  await page.locator(SELECTORS.sidebar).hover();
  await page
    .locator(`${SELECTORS.sidebar} .action-label[aria-label$="More Actions..."]`)
    .filter({ visible: true })
    .first()
    .click();
  await workbench.chooseMenuItem('Export to File…');
  await title().filter({ hasText: 'Export to eventbridge-filters.json' }).waitFor();
  await pickRow('Contact center analytics').waitFor();
  await workbench.shot('export-pick-integrations');
  await input().press('Enter'); // every integration is checked

  const editor = page.locator('.editor-instance .monaco-editor').first();
  await page.locator('.tabs-container .tab', { hasText: 'eventbridge-filters.json' }).first().waitFor();
  // One decoration per entry: "Plan | Apply | <how the org compares>" (links, and plain text for the last when it only informs).
  const lens = (text: string | RegExp) => editor.locator('.codelens-decoration', { hasText: text });
  await lens('Matches the org').first().waitFor({ timeout: 30_000 });
  await workbench.shot('exported-file-with-codelens');
  assert.ok((await editor.locator('.codelens-decoration a', { hasText: /^Plan$/ }).count()) >= 2, 'Plan on each entry');
  // The tree says which integrations the workspace's file manages.
  await treeRow('Contact center analytics').locator('.label-description', { hasText: 'as code' }).waitFor();

  // Edit: a pattern with an unclosed group (written with JSON's escaped backslash) and a topic with a named placeholder.
  await replaceInEditor(editor, '^Premium.*$', String.raw`^Premium\\d+(Gold`);
  await replaceInEditor(editor, 'v2.users.{id}.routingStatus', 'v2.users.{userId}.routingStatus');
  await page.keyboard.press('Control+S');
  await page.keyboard.press('Control+Shift+M');
  const problems = page.locator('.markers-panel .monaco-list-row');
  await problems
    .filter({ hasText: 'Regex: missing ) — group opened at 11 is never closed' })
    .waitFor({ timeout: 20_000 });
  await problems.filter({ hasText: 'Invalid topic name' }).waitFor();
  await editor.locator('.squiggly-error').first().waitFor();
  await workbench.shot('diagnostics-in-editor-and-problems');

  // The squiggle under "(" says what is wrong: a double click on the problem selects the "(", the mouse rests on it.
  await problems.filter({ hasText: 'Regex: missing )' }).dblclick();
  const cursor = await editor.locator('.cursors-layer .cursor').first().boundingBox();
  assert.ok(cursor, 'the cursor is on screen');
  // The cursor stands just after the selected "(": rest the mouse on the character before it.
  await page.mouse.move(cursor.x - 4, cursor.y + cursor.height / 2);
  await page.locator('.monaco-hover', { hasText: 'missing )' }).filter({ visible: true }).first().waitFor();
  await workbench.shot('pattern-diagnostic-hover');
  await page.keyboard.press('Escape');

  // Quick fix on the topic: at the problem, the light bulb offers it.
  await problems.filter({ hasText: 'Invalid topic name' }).dblclick();
  await editor.locator('.lightBulbWidget').filter({ visible: true }).first().click();
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Write the placeholder as {id}' });
  await fix.waitFor();
  await workbench.shot('topic-quick-fix');
  await page.keyboard.press('Enter'); // the fix is the preferred (first) action
  await problems.filter({ hasText: 'Invalid topic name' }).waitFor({ state: 'detached' });

  // Correct the pattern; the file is clean again, and the lens says the org differs.
  await replaceInEditor(editor, String.raw`^Premium\\d+(Gold`, String.raw`^(Premium|Gold)\\d*$`);
  await page.keyboard.press('Control+S');
  await problems.filter({ hasText: 'Regex:' }).waitFor({ state: 'detached', timeout: 20_000 });
  await lens(/The org differs from this file: 1 filter/).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+J'); // the panel has nothing more to say: close it
  await workbench.shot('file-clean-org-differs');

  // Plan: the org against the file, in a diff editor.
  await lens(/The org differs/)
    .locator('a', { hasText: /^Plan$/ })
    .click();
  await page.locator('.tabs-container .tab', { hasText: 'Contact center analytics: the org ↔' }).first().waitFor();
  await page.locator('.editor .monaco-diff-editor').first().waitFor();
  await page.locator('.editor .monaco-diff-editor .line-insert').first().waitFor();
  await workbench.shot('plan-diff');

  // Apply from the same lens: the document's diff and the modal confirm, then the write.
  await page.locator('.tabs-container .tab', { hasText: 'eventbridge-filters.json' }).first().click();
  await lens(/The org differs/)
    .locator('a', { hasText: /^Apply$/ })
    .click();
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.filter({ hasText: 'Apply the attribute filters of Contact center analytics' }).waitFor();
  await workbench.shot('apply-diff-and-confirm');
  await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Apply$/ }).click();
  await page
    .locator(SELECTORS.notificationToast, { hasText: 'Applied the attribute filters of Contact center analytics' })
    .first()
    .waitFor();
  await page.locator('.tabs-container .tab', { hasText: 'eventbridge-filters.json' }).first().click();
  await lens(/The org differs/).waitFor({ state: 'detached', timeout: 30_000 });
  await lens('Matches the org').first().waitFor();
  await workbench.shot('applied-org-matches');

  const stored = (await (await fetch(`${workbench.emulatorUrl}/__emulator/eventbridge/${MULTI}`)).json()) as {
    subscriptions: { name: string; filterCriteria: { attributes: { key: string; values: string[] }[] } }[];
  };
  const premium = stored.subscriptions.find((s) => s.name === 'premium-queues')!;
  assert.deepEqual(premium.filterCriteria.attributes[0].values, ['^(Premium|Gold)\\d*$']);
}

/** Find (Ctrl+F) selects the text; typing replaces the selection, as a user would. */
async function replaceInEditor(editor: Locator, find: string, replacement: string): Promise<void> {
  const page = editor.page();
  await editor.locator('.view-lines').first().click();
  await page.keyboard.press('Control+F');
  const findInput = page.locator('.find-widget textarea, .find-widget input').first();
  await findInput.fill(find);
  await page.locator('.find-widget .matchesCount', { hasText: /^1 of 1$/ }).waitFor();
  await page.keyboard.press('Escape'); // closes the widget, leaves the match selected
  await page.keyboard.type(replacement);
}
