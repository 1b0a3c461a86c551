/**
 * The filter preview in the real workbench, doing only what a user does: Apply Subscription Filter… with key
 * suggestions, "Preview on Events…" from the confirm on a recording in the workspace, the confirm coming back with
 * the counts, the panel (keyboard: chips, arrows, Enter opens an event as JSON), then Preview Filter on Events… from a
 * subscription row's context menu, and the panel in a light theme. No CSP violation may be reported.
 * Screenshots: test-artifacts/screenshots/ui-flows-preview-filter/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { FrameLocator } from 'playwright-core';
import { EventFactory } from '../../../src/emulator/notifications/eventFactory';
import { DEFAULT_ORG_ID } from '../../../src/emulator/defaultOrgData';
import { launchWorkbench, SELECTORS, uiLocators, type Workbench } from '../../vscode/harness';

let workbench: Workbench;
const cspViolations: string[] = [];
const EVENTS = 240;

/** A recording like `eventbridge-filter tap` or AWS would give: conversation detail events of several kinds. */
function writeRecording(folder: string): void {
  const factory = new EventFactory(20261130);
  const kinds = [
    'customer.start',
    'customer.start',
    'customer.end',
    'customer.end',
    'acd.start',
    'acd.end',
    'user.start',
    'acw',
  ];
  const start = Date.parse('2026-11-30T09:00:00Z');
  const lines = Array.from({ length: EVENTS }, (_, i) => {
    const pattern = `v2.detail.events.conversation.{id}.${kinds[i % kinds.length]}`;
    return JSON.stringify(
      factory.eventBridgeEvent(
        pattern,
        factory.concreteTopic(pattern),
        DEFAULT_ORG_ID,
        'voice-stream',
        start + i * 1500,
      ),
    );
  });
  fs.mkdirSync(path.join(folder, 'events'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'events', 'recorded.jsonl'), `${lines.join('\n')}\n`);
}

before(
  async () => {
    workbench = await launchWorkbench('ui-flows-preview-filter');
    writeRecording(workbench.workspaceDir);
    workbench.page.on('console', (message) => {
      if (/Content Security Policy|Refused to (load|apply|execute)/i.test(message.text())) {
        cspViolations.push(message.text());
      }
    });
  },
  { timeout: 180_000 },
);

after(async () => {
  await workbench?.close();
});

const { title, input, pickRow, treeRow } = uiLocators(() => workbench.page);

/** Preferences: Color Theme, as a user picks one (the harness's default is a light theme). */
async function colorTheme(label: string, workbenchClass: string): Promise<void> {
  await workbench.runPaletteCommand('Preferences: Color Theme');
  await input().fill(label);
  await pickRow(label).waitFor();
  await input().press('Enter');
  await workbench.page.locator(`.monaco-workbench.${workbenchClass}`).waitFor();
}

/** The panel's page: VS Code hosts a webview in an iframe whose content is another iframe. */
function panel(): FrameLocator {
  return workbench.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

test(
  'Apply Subscription Filter… → "Preview on Events…" in the confirm: the panel, then the confirm with the counts',
  { timeout: 180_000 },
  async () => {
    const { page } = workbench;
    await colorTheme('Dark Modern', 'vs-dark');
    await workbench.openView();
    await treeRow('Voice stream (tutorial)').waitFor({ timeout: 30_000 });

    await workbench.runCommand('Apply Subscription Filter…');
    await title().filter({ hasText: 'Apply Subscription Filter (1/5)' }).waitFor();
    await pickRow('Voice stream (tutorial)').click();
    await title().filter({ hasText: '(2/5)' }).waitFor();
    await pickRow('default-voice-stream').click();
    await title().filter({ hasText: '(3/5)' }).waitFor();
    // Keys from the schemas of the integration's topics, each with an example value.
    await input().fill('media');
    const suggestion = pickRow('mediaType');
    await suggestion.waitFor();
    assert.match(await suggestion.innerText(), /e\.g\. "VOICE"/);
    await workbench.shot('key-suggestions');
    await suggestion.click();
    await title().filter({ hasText: '(4/5)' }).waitFor();
    await pickRow('exact').click();
    await title().filter({ hasText: '(5/5)' }).waitFor();
    await input().fill('VOICE');
    await input().press('Enter');

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.filter({ hasText: 'Apply filter to default-voice-stream?' }).waitFor();
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Preview on Events…$/ }).click();
    await title().filter({ hasText: 'Preview on Events' }).waitFor();
    await pickRow('events/recorded.jsonl').waitFor();
    await workbench.shot('choose-events');
    await pickRow('events/recorded.jsonl').click();

    // The panel opens beside the diff, and the same confirm comes back with what the change does to these events.
    const counted = dialog.filter({ hasText: 'On events/recorded.jsonl: keeps' });
    await counted.waitFor({ timeout: 30_000 });
    const text = await counted.innerText();
    assert.match(text, new RegExp(`keeps \\d+ of ${EVENTS} events \\(\\d+%\\); before: \\d+ \\(\\d+%\\)`), text);
    await panel().locator('h1', { hasText: 'Draft: mediaType on default-voice-stream' }).waitFor();
    await workbench.shot('confirm-with-counts');
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Apply$/ }).click();
    await page.locator(SELECTORS.notificationToast, { hasText: 'Applied exact filter on mediaType' }).first().waitFor();

    const frame = panel();
    await frame.locator('.headline', { hasText: /^Keeps \d+ of 240 events/ }).waitFor();
    await frame.locator('.bars li').first().waitFor();
    assert.ok((await frame.locator('.bars li').count()) >= 5, 'a bar per topic');
    await workbench.clearNotifications();
    await workbench.shot('panel-dark');

    // Keyboard: the Dropped chip, then Tab into the table, arrows between rows, Enter opens the event as JSON.
    await frame.locator('button[data-show="dropped"]').click();
    const visible = frame.locator('tbody tr:not([hidden])');
    assert.equal(await frame.locator('tbody tr:not([hidden])[data-outcome="kept"]').count(), 0, 'only dropped rows');
    for (let i = 0; i < 4; i++) {
      if (await frame.locator('tbody tr:focus').count()) break;
      await page.keyboard.press('Tab');
    }
    const focused = frame.locator('tbody tr:focus');
    assert.equal(await focused.getAttribute('data-index'), await visible.first().getAttribute('data-index'));
    await page.keyboard.press('ArrowDown');
    const second = await visible.nth(1).getAttribute('data-index');
    assert.equal(await frame.locator('tbody tr:focus').getAttribute('data-index'), second);
    await workbench.shot('keyboard-focus');
    await page.keyboard.press('Enter');
    await page
      .locator('.tabs-container .tab', { hasText: `Event #${second}` })
      .first()
      .waitFor();
    await page.locator('.editor .view-lines', { hasText: '"detail-type"' }).first().waitFor();
    await workbench.shot('event-as-json');
  },
);

test(
  'Preview Filter on Events… from a subscription row, on the events used last; the panel in a light theme',
  { timeout: 120_000 },
  async () => {
    const { page } = workbench;
    await workbench.runPaletteCommand('View: Close All Editors');
    await treeRow('Voice stream (tutorial)').click();
    await treeRow('default-voice-stream').click({ button: 'right' });
    await page.locator('.monaco-menu .action-label', { hasText: /^Preview Filter on Events…$/ }).waitFor();
    await workbench.shot('subscription-context-menu');
    await workbench.chooseMenuItem('Preview Filter on Events…');
    await title().filter({ hasText: 'Preview Filter on Events' }).waitFor();
    await pickRow('events/recorded.jsonl').waitFor();
    assert.match(await page.locator(SELECTORS.quickInputRow).first().innerText(), /recorded\.jsonl[\s\S]*used last/);
    await input().press('Enter');
    await panel().locator('h1', { hasText: 'default-voice-stream · Voice stream (tutorial)' }).waitFor();

    await colorTheme('Light Modern', 'vs');
    await page.waitForTimeout(500);
    await workbench.shot('panel-light');
    assert.deepEqual(cspViolations, [], 'the panel runs under its CSP without violations');
  },
);
