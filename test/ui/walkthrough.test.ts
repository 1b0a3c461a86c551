/**
 * The Get Started walkthrough as a new user meets it. The workbench starts on a fresh profile WITHOUT the extension;
 * the test installs the packaged .vsix the way a user does (command palette → "Extensions: Install from VSIX..." →
 * the path typed into VS Code's file dialog → Enter), and VS Code opens the walkthrough by itself, as it does for
 * every newly installed extension (the extension has no code of its own for that). Each step's button then starts
 * the real flow on the installed copy (sign in through the quick input against the harness emulator, expand an
 * integration, apply a regex filter, add a topic), and each step is checked only once the user has done it. Closed,
 * it stays closed after a reload, and "Genesys Cloud: Get Started" brings it back with its progress.
 * Screenshots: test-artifacts/screenshots/ui-walkthrough/.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { EMULATOR_CLIENT_ID, EMULATOR_CLIENT_SECRET } from '../vscode/emulatorProcess';
import { launchWorkbench, SELECTORS, uiLocators, type Workbench } from '../vscode/harness';
import { answerApplyFilterSteps } from './support/applyFilterSteps';
import { makeTempDir, removeTempDir } from '../vscode/processes';
import { packageVsix, VSIX_NAME } from '../vscode/vsix';

let workbench: Workbench;
/** A fresh package of the current build (a .vsix left in the repository could be older than dist/). */
let vsix: string;

before(
  async () => {
    vsix = path.join(makeTempDir('vsix'), VSIX_NAME);
    const packaged = packageVsix(vsix);
    if (packaged.status !== 0) throw new Error(`vsce could not package the extension:\n${packaged.output}`);
    workbench = await launchWorkbench('ui-walkthrough', {
      loadExtension: false,
      environmentProfile: false,
      // A fresh profile has VS Code's defaults, which the harness changes for every other test: a new extension's
      // walkthrough opens on install, and the Welcome page opens at start-up. The second matters too: VS Code 1.100
      // creates its walkthroughs service (which listens for installs and opens the walkthrough) only when something
      // needs it, such as the Welcome page; with `workbench.startupEditor: none` and no Welcome page opened in that
      // window, an install does not open the walkthrough.
      settings: {
        'workbench.welcomePage.walkthroughs.openOnInstall': true,
        'workbench.startupEditor': 'welcomePage',
      },
    });
  },
  { timeout: 180_000 },
);

after(async () => {
  await workbench?.close();
  if (vsix) removeTempDir(path.dirname(vsix));
});

const KEY = 'interaction.routing.queue.name';
const STEPS = ['signIn', 'browseIntegrations', 'applyFilter', 'addTopicFilter'] as const;
type Step = (typeof STEPS)[number];
const { title, input, pickRow, treeRow } = uiLocators(() => workbench.page);

const walkthrough = () => workbench.page.locator('.gettingStartedContainer');
/** Our walkthrough's title, in whichever tab shows it (a Welcome tab can show a walkthrough too). */
const ourTitle = () => walkthrough().locator('.category-title', { hasText: 'EventBridge Filters: Get Started' });
const walkthroughTab = () =>
  workbench.page.locator('.tabs-container .tab', { hasText: 'Walkthrough: EventBridge Filters for Genesys Cloud' });
const step = (id: Step) => walkthrough().locator(`button.getting-started-step[data-step-id$="#${id}"]`);
/** A button in a step's text: exactly this label (the Sign In step has two buttons that start alike). */
const stepButton = (id: Step, label: string) =>
  step(id).locator('.button-container a.monaco-button', { hasText: new RegExp(`^${label}$`) });

async function checkedSteps(): Promise<Step[]> {
  const checked: Step[] = [];
  for (const id of STEPS) if ((await step(id).getAttribute('aria-checked')) === 'true') checked.push(id);
  return checked;
}

async function waitChecked(id: Step): Promise<void> {
  await step(id)
    .locator('xpath=self::*[@aria-checked="true"]')
    .waitFor({ timeout: 15_000 })
    .catch(async () => {
      throw new Error(`step ${id} is not checked; checked: ${(await checkedSteps()).join(', ') || 'none'}`);
    });
  assert.equal(await step(id).locator('.codicon-getting-started-step-checked').count(), 1, `${id} shows its check`);
}

/**
 * Back to the walkthrough tab (a diff editor may have covered it), then the step, as a user clicks its title — unless
 * it is open already. Selecting a step makes VS Code focus it again once its 250 ms slide transition is over
 * (gettingStarted's selectStep); a quick input opened by the step's button in the meantime would lose the keyboard
 * to it. A person's next click comes later than that, so the test waits it out too.
 */
async function openStep(id: Step): Promise<void> {
  if ((await walkthrough().count()) === 0 || !(await walkthrough().first().isVisible())) {
    await walkthroughTab().first().click();
  }
  if ((await step(id).getAttribute('aria-expanded')) === 'true') return;
  await step(id).locator('.step-title').click();
  await step(id).locator('xpath=self::*[@aria-expanded="true"]').waitFor();
  await workbench.page.waitForTimeout(600);
}

/**
 * Closes VS Code's own walkthroughs (code-server's "Setup VS Code Web"), as a user who is done with them does.
 * VS Code 1.100's `workbench.action.openWalkthrough` returns without doing anything while the active editor of a group
 * is a walkthrough with a step selected — and a walkthrough selects its first open step when it is shown — so neither
 * its opening on install nor "Genesys Cloud: Get Started" would show ours over it.
 */
async function closeOtherWalkthroughs(): Promise<void> {
  const page = workbench.page;
  const other = page.locator('.tabs-container .tab', { hasText: /^Walkthrough: / });
  while ((await other.count()) > 0) {
    await other.first().locator('.tab-actions .action-label').first().click();
    await page.waitForTimeout(300);
  }
}

test('installed from its .vsix through "Install from VSIX...", VS Code opens the walkthrough by itself, nothing checked', async () => {
  const { page } = workbench;
  // A desktop-sized window: at the harness's 1400 px the walkthrough's title column is narrower than most people see.
  await page.setViewportSize({ width: 1680, height: 1000 });
  // VS Code's Welcome page (code-server opens its "Setup VS Code Web" walkthrough on a new profile); no extension yet.
  await walkthrough().first().waitFor({ timeout: 30_000 });
  assert.equal(await page.locator(SELECTORS.activityEntry).count(), 0, 'the extension is not installed yet');
  assert.equal(await walkthroughTab().count(), 0);
  await workbench.shot('fresh-profile');
  await closeOtherWalkthroughs();

  await workbench.runPaletteCommand('Extensions: Install from VSIX...');
  // code-server shows VS Code's simple file dialog, a quick input that takes a path (on the server's file system).
  await title().filter({ hasText: 'Install from VSIX' }).waitFor();
  // The dialog fills in its starting folder and lists it once it has read it; typing before that would be overwritten.
  await pickRow('..').waitFor();
  for (let i = 0; i < 50 && !(await input().inputValue()).endsWith('/'); i++) await page.waitForTimeout(100);
  await input().fill(vsix);
  await page.waitForTimeout(500);
  await workbench.shot('install-from-vsix');
  await input().press('Enter');

  await page
    .locator(SELECTORS.notificationToast, { hasText: /Completed installing extension/ })
    .first()
    .waitFor({ timeout: 60_000 });
  // Nothing here opens it: VS Code's walkthroughs service does, for the extension it has just installed.
  await ourTitle().first().waitFor({ timeout: 30_000 });
  await walkthroughTab().first().waitFor();
  await page.locator(SELECTORS.activityEntry).waitFor();
  for (const id of STEPS) await step(id).waitFor();
  assert.deepEqual(await checkedSteps(), []);
  // The step's illustration is drawn in the theme's colours inside a webview; give it a moment to paint.
  await page.waitForTimeout(1500);
  await workbench.shot('installed');
});

test('step 1: its Sign In button runs the real Sign In; the step is checked once signed in', async () => {
  const { page } = workbench;
  await openStep('signIn');
  await stepButton('signIn', 'Sign In').click();
  await title().filter({ hasText: 'Sign In (1/4)' }).waitFor();
  await input().fill('Custom');
  await pickRow('Custom URL…').click();
  await title().filter({ hasText: '(2/5)' }).waitFor();
  await input().fill(workbench.emulatorUrl);
  await input().press('Enter');
  await title().filter({ hasText: '(3/5)' }).waitFor();
  assert.deepEqual(await checkedSteps(), [], 'nothing is checked halfway through signing in');
  await input().fill(EMULATOR_CLIENT_ID);
  await input().press('Enter');
  await title().filter({ hasText: '(4/5)' }).waitFor();
  await input().fill(EMULATOR_CLIENT_SECRET);
  await input().press('Enter');
  await title().filter({ hasText: '(5/5)' }).waitFor();
  await input().fill('Emulator');
  await input().press('Enter');
  await waitChecked('signIn');
  await page.locator('#workbench\\.parts\\.statusbar', { hasText: 'Emulator' }).first().waitFor();
  await workbench.shot('step-1-signed-in');
});

test('step 2: its button shows the view; expanding an integration checks it', async () => {
  await openStep('browseIntegrations');
  await workbench.page.waitForTimeout(800);
  await workbench.shot('step-2-browse');
  assert.deepEqual(await checkedSteps(), ['signIn'], 'showing the view alone does not count as browsing');
  await stepButton('browseIntegrations', 'Open the Integrations View').click();
  await treeRow('Voice stream (tutorial)').waitFor({ timeout: 30_000 });
  assert.deepEqual(await checkedSteps(), ['signIn'], 'rows on screen do not count as browsing either');
  await treeRow('Voice stream (tutorial)').click();
  await treeRow('default-voice-stream').waitFor();
  await waitChecked('browseIntegrations');
  await workbench.shot('step-2-integration-opened');
});

test('step 3: its button runs Apply Subscription Filter…; the step is checked after the write', async () => {
  const { page } = workbench;
  await openStep('applyFilter');
  await page.waitForTimeout(800);
  await workbench.shot('step-3-apply');
  await stepButton('applyFilter', 'Apply Subscription Filter').click();
  await title().filter({ hasText: 'Apply Subscription Filter (1/5)' }).waitFor();
  const answers = {
    integration: 'Voice stream (tutorial)',
    subscription: 'default-voice-stream',
    key: KEY,
    pattern: '^Premium',
  };
  await answerApplyFilterSteps(page, answers, async () => {
    assert.deepEqual(await checkedSteps(), ['signIn', 'browseIntegrations'], 'running the command is not applying');
  });

  const dialog = page.locator('.monaco-dialog-box');
  await dialog.filter({ hasText: 'Apply filter to default-voice-stream?' }).waitFor();
  await workbench.shot('step-3-diff-and-confirm');
  await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Apply$/ }).click();
  await page
    .locator(SELECTORS.notificationToast, { hasText: `Applied regex filter on ${KEY}` })
    .first()
    .waitFor();
  await openStep('applyFilter');
  await waitChecked('applyFilter');
  await workbench.shot('step-3-filter-applied');
});

test('step 4: its button runs Add Topic Filter…; the step is checked after the write', async () => {
  const { page } = workbench;
  await openStep('addTopicFilter');
  await page.waitForTimeout(800);
  await workbench.shot('step-4-topic');
  await stepButton('addTopicFilter', 'Add Topic Filter').click();
  await title().filter({ hasText: 'Add Topic Filter (1/2)' }).waitFor();
  await pickRow('Org events (production)').click();
  await title().filter({ hasText: '(2/2)' }).waitFor();
  // The catalogue is long and the list virtualised: filter to the row before checking it.
  await input().fill('v2.users.{id}.geolocation');
  await pickRow('v2.users.{id}.geolocation').locator('.monaco-checkbox, input[type="checkbox"]').first().click();
  await input().fill('');
  await input().press('Enter');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.filter({ hasText: 'Change topic filter of Org events (production)?' }).waitFor();
  await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Apply$/ }).click();
  await page
    .locator(SELECTORS.notificationToast, { hasText: 'Topic filter of Org events (production)' })
    .first()
    .waitFor();
  await openStep('addTopicFilter');
  await waitChecked('addTopicFilter');
  assert.deepEqual(await checkedSteps(), [...STEPS]);
  await workbench.shot('all-steps-checked');
});

test('closed, it does not open again after a reload; "Genesys Cloud: Get Started" brings it back, progress kept', async () => {
  const { page } = workbench;
  await walkthroughTab().first().locator('.tab-actions .action-label').first().click();
  await walkthroughTab().first().waitFor({ state: 'detached' });
  // As a user reloads VS Code. (The browser's own reload can restore editors from state saved before the tab was
  // closed: the workbench has no time to store its editors when the page goes away.)
  await workbench.runPaletteCommand('Developer: Reload Window');
  await page.waitForEvent('load', { timeout: 60_000 });
  await page.locator(SELECTORS.workbench).waitFor({ timeout: 60_000 });
  // The profile's status bar entry: the extension has activated again (the Genesys Cloud view was left open).
  await page.locator('#workbench\\.parts\\.statusbar', { hasText: 'Emulator' }).first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(3000);
  // Neither as its own tab nor inside a Welcome tab.
  assert.equal(await walkthroughTab().count(), 0, 'the walkthrough did not open again by itself');
  assert.equal(await ourTitle().count(), 0, 'no editor shows the walkthrough');
  await workbench.shot('after-reload-not-reopened');

  await workbench.runCommand('Get Started');
  await ourTitle().first().waitFor();
  for (const id of STEPS) await waitChecked(id);
  await page.waitForTimeout(1000);
  await workbench.shot('reopened-with-progress');
});
