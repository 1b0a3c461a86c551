/**
 * launchWorkbench(): a real VS Code (code-server) with our extension loaded from this repo (or, on request, without it
 * until the test installs the .vsix), an emulator behind it, and a headless chromium page on the workbench. UI tests drive `page` and keep a screenshot of each step.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { workbenchUrl } from './browser';
import { EditorStackOptions, startEditorStack } from './editorStack';
import { ARTIFACTS_DIR, REPO_ROOT } from './paths';

export interface Workbench {
  page: Page;
  emulatorUrl: string;
  /** The folder opened as the workspace (empty at start): files a user would have, e.g. recorded events. */
  workspaceDir: string;
  /** PNG into test-artifacts/screenshots/<test>/<nn>-<name>.png; returns its path. */
  shot(name: string): Promise<string>;
  /** F1, type ">Genesys Cloud: <title>", run the entry with exactly that label. */
  runCommand(title: string): Promise<void>;
  /** F1, type ">" and the whole label (any command, e.g. "Extensions: Install from VSIX..."), run that entry. */
  runPaletteCommand(label: string): Promise<void>;
  /**
   * Takes the entry `label` of the open context or "…" menu: points at it, and presses Enter once it is highlighted.
   * Not a click: VS Code's menu items accept mouse-up only 100 ms after they are drawn, and on a busy machine a
   * synthetic click can land before that and be lost.
   */
  chooseMenuItem(label: string): Promise<void>;
  /** "Notifications: Clear All Notifications" from the palette, then waits until no toast is on screen. */
  clearNotifications(): Promise<void>;
  /** Shows the "Genesys Cloud" activity-bar container (does not toggle it closed when it is already shown). */
  openView(): Promise<void>;
  /** Visible rows' label texts of the "EventBridge Integrations" tree. */
  treeRows(): Promise<string[]>;
  /** Browser, code-server and emulator: all stopped by PID, temp folders removed. Safe to call twice. */
  close(): Promise<void>;
}

/** env, settings, environmentProfile (default true): see EditorStackOptions. */
export interface LaunchOptions extends EditorStackOptions {
  /**
   * Load our extension from this repository (the payload's `extensionDevelopmentPath`; default true). False: the
   * workbench a user has before installing it — the test installs the .vsix itself (see test/vscode/vsix.ts).
   */
  loadExtension?: boolean;
}

export const CONTAINER_TITLE = 'Genesys Cloud';
export const VIEW_NAME = 'EventBridge Integrations';
export const COMMAND_CATEGORY = 'Genesys Cloud';

export const SELECTORS = {
  workbench: '.monaco-workbench',
  activityBar: '#workbench\\.parts\\.activitybar',
  activityEntry: `#workbench\\.parts\\.activitybar a.action-label[aria-label^="${CONTAINER_TITLE}"]`,
  activeActivityEntry: `#workbench\\.parts\\.activitybar li.action-item.checked a.action-label[aria-label^="${CONTAINER_TITLE}"]`,
  sidebar: '#workbench\\.parts\\.sidebar',
  tree: `.monaco-list[role="tree"][aria-label="${VIEW_NAME}"]`,
  treeRow: '.monaco-list-row[role="treeitem"]',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget input.input',
  quickInputRow: '.quick-input-list .monaco-list-row',
  // Not `.notification-fade-in-done`: VS Code adds it on transitionend, which never comes for a toast that had to wait
  // for room (at most three show at once). Locators wait for visibility instead.
  notificationToast: '.notifications-toasts .notification-toast',
} as const;

/**
 * Locators the UI tests share. Rows are matched by their `.label-name` text, never by accessible name
 * (that becomes the tooltip once one is set). `page` is read lazily because workbenches start in `before()`.
 */
export function uiLocators(page: () => Page) {
  const byLabel = (selector: string, label: string) =>
    page()
      .locator(selector, { has: page().locator('.label-name', { hasText: label }) })
      .first();
  return {
    title: () => page().locator(`${SELECTORS.quickInput} .quick-input-title`),
    message: () => page().locator(`${SELECTORS.quickInput} .quick-input-message`),
    input: () => page().locator(SELECTORS.quickInputBox),
    pickRow: (label: string) => byLabel(SELECTORS.quickInputRow, label),
    treeRow: (label: string) => byLabel(`${SELECTORS.tree} ${SELECTORS.treeRow}`, label),
  };
}

/** Everything a launch produces that a person may want after a failure. */
function artifactDirs(testName: string): { screenshots: string; logs: string } {
  const safe = testName.replace(/[^A-Za-z0-9._-]+/g, '-');
  const dirs = {
    screenshots: path.join(ARTIFACTS_DIR, 'screenshots', safe),
    logs: path.join(ARTIFACTS_DIR, 'logs', safe),
  };
  for (const dir of Object.values(dirs)) {
    fs.rmSync(dir, { recursive: true, force: true }); // stale screenshots from an earlier run would mislead
    fs.mkdirSync(dir, { recursive: true });
  }
  return dirs;
}

export async function launchWorkbench(testName: string, opts: LaunchOptions = {}): Promise<Workbench> {
  const dirs = artifactDirs(testName);
  const stack = await startEditorStack(dirs.logs, opts);
  try {
    const { page } = stack;
    page.setDefaultTimeout(20_000);
    const loadExtension = opts.loadExtension ?? true;
    await page.goto(workbenchUrl(stack.server, loadExtension ? { extensionDevelopmentPath: REPO_ROOT } : {}));
    await page.locator(SELECTORS.workbench).waitFor({ timeout: 60_000 });
    await page.locator(SELECTORS.activityBar).waitFor();
    // The last thing on screen, kept with the logs: after a failure, where the test was waiting.
    const close = async (): Promise<void> => {
      await page.screenshot({ path: path.join(dirs.logs, 'workbench-at-close.png') }).catch(() => undefined);
      await stack.close();
    };
    const workbench = () =>
      createWorkbench(page, stack.emulator.url, stack.server.workspaceDir, dirs.screenshots, close);
    if (!loadExtension) return workbench();
    await page
      .locator(SELECTORS.activityEntry)
      .waitFor({ timeout: 60_000 })
      .catch(() => {
        throw new Error(
          `The "${CONTAINER_TITLE}" activity-bar entry did not appear: was the extension loaded? See ${dirs.logs}.`,
        );
      });
    return workbench();
  } catch (err) {
    await stack.close();
    throw err;
  }
}

function createWorkbench(
  page: Page,
  emulatorUrl: string,
  workspaceDir: string,
  screenshotDir: string,
  close: () => Promise<void>,
): Workbench {
  let shotCount = 0;
  async function runPaletteCommand(label: string): Promise<void> {
    const input = page.locator(SELECTORS.quickInputBox);
    // Click the entry whose label is exactly `label`: Enter would run whatever fuzzy match ranks first.
    const row = page
      .locator(SELECTORS.quickInputRow)
      .filter({
        has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }),
      })
      .first();
    // The palette lists what is available when it opens. Some of VS Code's own commands appear only once the
    // workbench has restored (Install from VSIX... waits for the extension servers): reopen it, as a person would.
    const deadline = Date.now() + 15_000;
    for (;;) {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${label}`);
      const found = await row
        .waitFor({ timeout: 2_500 })
        .then(() => true)
        .catch(() => false);
      if (found) break;
      if (Date.now() > deadline) throw new Error(`The command palette has no entry "${label}".`);
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden' });
    }
    await row.click();
  }
  return {
    page,
    emulatorUrl,
    workspaceDir,
    close,
    async shot(name) {
      shotCount += 1;
      const file = path.join(
        screenshotDir,
        `${String(shotCount).padStart(2, '0')}-${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`,
      );
      await page.screenshot({ path: file });
      return file;
    },
    async openView() {
      if ((await page.locator(SELECTORS.activeActivityEntry).count()) === 0) {
        await page.locator(SELECTORS.activityEntry).click();
      }
      await page.locator(SELECTORS.activeActivityEntry).waitFor();
      await page.locator(`${SELECTORS.sidebar} .pane-body`).first().waitFor();
    },
    async treeRows() {
      const tree = page.locator(SELECTORS.tree);
      if ((await tree.count()) === 0) return [];
      return tree
        .locator(`${SELECTORS.treeRow} .label-name`)
        .allTextContents()
        .then((labels) => labels.map((label) => label.trim()));
    },
    async runCommand(title) {
      await runPaletteCommand(`${COMMAND_CATEGORY}: ${title}`);
    },
    runPaletteCommand,
    async clearNotifications() {
      await runPaletteCommand('Notifications: Clear All Notifications');
      await page.locator(SELECTORS.notificationToast).filter({ visible: true }).first().waitFor({ state: 'hidden' });
    },
    async chooseMenuItem(label) {
      const exactly = new RegExp(`^${escapeRegExp(label)}$`);
      const entry = page.locator('.monaco-menu .action-item', {
        has: page.locator('.action-label', { hasText: exactly }),
      });
      await entry.locator('.action-menu-item').hover();
      await page
        .locator('.monaco-menu .action-item.focused', { has: page.locator('.action-label', { hasText: exactly }) })
        .waitFor();
      await page.keyboard.press('Enter');
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
