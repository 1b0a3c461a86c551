/**
 * Sign in through the real multi-step quick input (Custom URL… → the harness emulator), see a wrong secret
 * rejected inline, then browse integration → subscription → filters and the 404 "real org" integration.
 * Screenshots: test-artifacts/screenshots/ui-sign-in-and-browse/.
 */
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EMULATOR_CLIENT_ID, EMULATOR_CLIENT_SECRET } from '../vscode/emulatorProcess';
import { launchWorkbench, SELECTORS, type Workbench } from '../vscode/harness';

let workbench: Workbench;

before(
  async () => {
    workbench = await launchWorkbench('ui-sign-in-and-browse', { environmentProfile: false });
  },
  { timeout: 180_000 },
);

after(async () => {
  await workbench?.close();
});

const quickInputTitle = () => workbench.page.locator(`${SELECTORS.quickInput} .quick-input-title`);
const quickInputMessage = () => workbench.page.locator(`${SELECTORS.quickInput} .quick-input-message`);

async function typeAndEnter(value: string): Promise<void> {
  const input = workbench.page.locator(SELECTORS.quickInputBox);
  await input.fill(value);
  await input.press('Enter');
}

/** Screenshots read better with a sidebar wide enough for descriptions: drag its edge to 560 px. */
async function widenSidebar(): Promise<void> {
  const { page } = workbench;
  const box = await page.locator(SELECTORS.sidebar).boundingBox();
  if (!box || box.width >= 500) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + 560, y, { steps: 8 });
  await page.mouse.up();
}

/** Clicks a collapsed row until VS Code reports it expanded (a click during a re-render can be lost). */
async function expand(label: string): Promise<void> {
  const target = row(label);
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await target.getAttribute('aria-expanded')) === 'true') return;
    await target.click();
    await target
      .locator('xpath=self::*[@aria-expanded="true"]')
      .waitFor({ timeout: 3000 })
      .catch(() => undefined);
  }
  assert.equal(await target.getAttribute('aria-expanded'), 'true', `${label} did not expand`);
}

function row(label: string) {
  return workbench.page
    .locator(`${SELECTORS.tree} ${SELECTORS.treeRow}`, {
      has: workbench.page.locator('.label-name', { hasText: label }),
    })
    .first();
}

test(
  'signs in through the quick input with a custom URL; a wrong secret is explained in the box',
  { timeout: 120_000 },
  async () => {
    const { page } = workbench;
    await workbench.openView();
    await widenSidebar();
    await page.locator(`${SELECTORS.sidebar} .welcome-view-content`).waitFor();
    await workbench.shot('welcome');

    await page
      .locator(`${SELECTORS.sidebar} .welcome-view-content .monaco-button`, { hasText: /^Sign In/ })
      .first()
      .click();
    await page.locator(SELECTORS.quickInputRow, { hasText: 'EMEA (Dublin)' }).first().waitFor();
    assert.match(await quickInputTitle().innerText(), /Sign In.*1\/4/);
    await workbench.shot('step-1-region');

    await page.locator(SELECTORS.quickInputBox).fill('Custom');
    await page.locator(SELECTORS.quickInputRow, { hasText: 'Custom URL…' }).first().click();
    await quickInputTitle().filter({ hasText: 'Custom URL (2/5)' }).waitFor();
    await page.locator(SELECTORS.quickInputBox).fill('ftp://example.com');
    await quickInputMessage().filter({ hasText: /ftp/ }).waitFor();
    await workbench.shot('step-1-custom-url-invalid');
    await typeAndEnter(workbench.emulatorUrl);

    await quickInputTitle().filter({ hasText: '3/5' }).waitFor();
    // Choosing Custom URL… adds its question as a step of its own; Back returns to it with what was typed.
    await page.locator(`${SELECTORS.quickInput} .quick-input-left-action-bar .action-label`).first().click();
    await quickInputTitle().filter({ hasText: 'Custom URL (2/5)' }).waitFor();
    assert.equal(await page.locator(SELECTORS.quickInputBox).inputValue(), workbench.emulatorUrl);
    await page.locator(SELECTORS.quickInputBox).press('Enter');
    await quickInputTitle().filter({ hasText: '3/5' }).waitFor();
    await typeAndEnter(EMULATOR_CLIENT_ID);

    await quickInputTitle().filter({ hasText: '4/5' }).waitFor();
    assert.equal(
      await page.locator(SELECTORS.quickInputBox).getAttribute('type'),
      'password',
      'the secret box hides what is typed',
    );
    await typeAndEnter('not-the-secret');
    await quickInputMessage().filter({ hasText: 'invalid_client' }).waitFor();
    await workbench.shot('step-3-wrong-secret');
    // An empty tree alone could just be rows still loading: the welcome content shows only while signed out.
    assert.ok(
      await page.locator(`${SELECTORS.sidebar} .welcome-view-content`).first().isVisible(),
      'nothing stored, still signed out',
    );
    assert.deepEqual(await workbench.treeRows(), [], 'nothing stored, still signed out');

    await typeAndEnter(EMULATOR_CLIENT_SECRET);
    await quickInputTitle().filter({ hasText: '5/5' }).waitFor();
    await workbench.shot('step-4-profile-name');
    // Escape on the last step, after a successful token check, still stores nothing.
    await page.keyboard.press('Escape');
    await page.locator(SELECTORS.quickInputBox).waitFor({ state: 'hidden' });
    await page.waitForTimeout(1000);
    assert.ok(
      await page.locator(`${SELECTORS.sidebar} .welcome-view-content`).first().isVisible(),
      'Escape signed nobody in',
    );
    assert.equal(
      await page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: 'Emulator' }).count(),
      0,
      'no profile in the status bar',
    );

    // Again, keyboard only this time: each answer typed, Enter to go on.
    await workbench.runCommand('Sign In…');
    await quickInputTitle().filter({ hasText: '1/4' }).waitFor();
    await typeAndEnter('Custom URL');
    await quickInputTitle().filter({ hasText: 'Custom URL (2/5)' }).waitFor();
    await typeAndEnter(workbench.emulatorUrl);
    await quickInputTitle().filter({ hasText: '3/5' }).waitFor();
    await typeAndEnter(EMULATOR_CLIENT_ID);
    await quickInputTitle().filter({ hasText: '4/5' }).waitFor();
    await typeAndEnter(EMULATOR_CLIENT_SECRET);
    await quickInputTitle().filter({ hasText: '5/5' }).waitFor();
    await typeAndEnter('Emulator');

    await row('Voice stream (tutorial)').waitFor();
    const status = page.locator('#workbench\\.parts\\.statusbar', { hasText: 'Emulator' });
    await status.waitFor();
    await workbench.shot('signed-in-tree');
    const rows = await workbench.treeRows();
    assert.ok(rows.includes('Legacy audit feed') && !rows.includes('CRM web services'), rows.join(', '));
  },
);

test('expands integration → subscription → filters', { timeout: 60_000 }, async () => {
  await expand('Contact center analytics');
  await row('premium-queues').waitFor();
  await row('Topic filters').waitFor();
  await workbench.shot('integration-expanded');

  await expand('premium-queues');
  await workbench.page.locator(`${SELECTORS.tree} ${SELECTORS.treeRow}[aria-level="3"]`).first().waitFor();
  await workbench.shot('subscription-expanded');

  await expand('Topic filters');
  await row('v2.routing.queues.{id}.conversations').waitFor();
  await workbench.page.mouse.move(900, 600); // no tooltip over the rows
  await workbench.shot('filters-and-topics');

  await row('interaction.routing.queue.name').hover();
  await workbench.page
    .locator('.monaco-hover, .workbench-hover')
    .first()
    .waitFor()
    .catch(() => undefined);
  await workbench.shot('filter-tooltip');
  await workbench.page.mouse.move(900, 600);
  await row('Contact center analytics').hover();
  await workbench.page
    .locator('.monaco-hover, .workbench-hover', { hasText: 'aws.partner/genesys.com/cloud/' })
    .first()
    .waitFor();
  await workbench.shot('integration-tooltip-event-source');
});

test(
  'an integration whose subscription-filter endpoint answers 404 shows one calm row',
  { timeout: 60_000 },
  async () => {
    await row('Contact center analytics').click(); // collapse, to keep the screenshot readable
    await expand('Org events (production)');
    await row('Attribute filters are not available').waitFor();
    await workbench.shot('subscription-filter-endpoint-404');
    const rows = await workbench.treeRows();
    assert.ok(!rows.some((r) => /^Could not/.test(r)), `no error rows: ${rows.join(', ')}`);
  },
);

test('the status bar shows the profile; a click offers the profiles', { timeout: 60_000 }, async () => {
  const { page } = workbench;
  await page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: 'Emulator' }).first().click();
  await page.locator(SELECTORS.quickInputRow, { hasText: 'Sign In with another OAuth client' }).first().waitFor();
  await workbench.shot('switch-profile');
  await page.keyboard.press('Escape');
});

test('a failed listing becomes an error row; clicking it retries', { timeout: 60_000 }, async () => {
  const admin = (path: string, init?: RequestInit) => fetch(`${workbench.emulatorUrl}/__emulator/${path}`, init);
  const fault = {
    method: 'GET',
    path: '/api/v2/integrations?',
    status: 403,
    times: 1,
    body: { status: 403, code: 'missing.permissions', message: 'Missing permission integrations:integration:view' },
  };
  assert.equal(
    (
      await admin('faults', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fault),
      })
    ).status < 300,
    true,
  );
  await workbench.runCommand('Refresh');
  const errorRow = row('Could not load integrations');
  await errorRow.waitFor();
  await workbench.shot('error-row');
  await errorRow.click();
  await row('Voice stream (tutorial)').waitFor();
  await workbench.shot('after-retry');
});

test('Show Log: one line per request, no secret', { timeout: 60_000 }, async () => {
  const { page } = workbench;
  await workbench.runCommand('Show Log');
  const lines = page.locator('#workbench\\.parts\\.panel .output-view .view-lines');
  await lines.filter({ hasText: '/api/v2/integrations' }).first().waitFor();
  const text = (await lines.first().innerText()).replace(/\u00a0/g, ' '); // Monaco renders spaces as NBSP
  // The panel shows the tail of the log (wrapped, virtualised): the config reads after the retry.
  assert.match(text, /\[info\] GET \/api\/v2\/integrations\/[\s\S]*→ 200 \d+ ms[\s\S]*correlation-id=/);
  assert.ok(!text.includes(EMULATOR_CLIENT_SECRET) && !text.includes('not-the-secret'), 'a secret is in the log');
  await workbench.shot('show-log');
});
