/**
 * Extension activation as VS Code itself reports it: the number in "Developer: Show Running Extensions", which is
 * the extension host's codeLoadingTime + activateCallTime (loading dist/extension.js, then the synchronous part of
 * activate()). A real code-server (VS Code 1.100.3) loads the extension from this repository, signed in through the
 * Environment profile against the emulator; each round opens a fresh workbench (a new extension host), shows the
 * Genesys Cloud view (which activates us) and reads our row of the Running Extensions editor.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { workbenchUrl } from '../vscode/browser';
import { startEditorStack } from '../vscode/editorStack';
import { SELECTORS } from '../vscode/harness';
import { ARTIFACTS_DIR, EXTENSION_ID, REPO_ROOT } from '../vscode/paths';
import { measureProcess } from './processTiming';
import { median, ms, type BenchRow, type BenchSection } from './section';

const ROUNDS = Number(process.env.BENCH_ACTIVATION_ROUNDS ?? 9);
/** An extension loaded from a folder has no Marketplace entry: the editor names it by its id. */
const NAME = EXTENSION_ID;
/** Another build to measure instead (a folder with package.json and dist/), e.g. a copy of the previous release. */
const EXTENSION_PATH = process.env.BENCH_EXTENSION_PATH ?? REPO_ROOT;
/** A second build measured in the same editor, alternating start by start with the first (paired before/after). */
const COMPARE_PATH = process.env.BENCH_EXTENSION_COMPARE;
/** Peers read from the same editor for scale (built-in extensions that activate on start-up here). */
const PEERS = ['Git'];

export const activationSection: BenchSection = {
  name: 'extension activation',
  async run() {
    const logDir = path.join(ARTIFACTS_DIR, 'logs', 'bench-activation');
    fs.rmSync(logDir, { recursive: true, force: true });
    fs.mkdirSync(logDir, { recursive: true });
    const stack = await startEditorStack(logDir);
    try {
      const { page } = stack;
      page.setDefaultTimeout(60_000);
      const builds = [{ label: '', path: EXTENSION_PATH, ours: [] as number[], git: [] as number[] }];
      if (COMPARE_PATH) builds.push({ label: ` — ${COMPARE_PATH}`, path: COMPARE_PATH, ours: [], git: [] });
      for (let round = 0; round < ROUNDS; round++) {
        for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
          await page.goto(workbenchUrl(stack.server, { extensionDevelopmentPath: build.path }));
          await page.locator(SELECTORS.activityBar).waitFor();
          const entry = page.locator(SELECTORS.activityEntry);
          await entry.waitFor();
          if ((await page.locator(SELECTORS.activeActivityEntry).count()) === 0) await entry.click();
          const times = await readRunningExtensions(page, [NAME, ...PEERS]);
          build.ours.push(times.get(NAME) as number);
          const git = times.get(PEERS[0]);
          if (git !== undefined) build.git.push(git);
          process.stderr.write(`  start ${round + 1}${build.label}: ${times.get(NAME)} ms (Git ${git ?? '?'} ms)\n`);
          if (round === 0) await page.screenshot({ path: path.join(logDir, 'running-extensions.png') });
        }
      }
      return builds.flatMap((build): BenchRow[] => [
        {
          measure: `extension activation in VS Code 1.100.3 (Running Extensions: load + activate()), ${ROUNDS} starts${build.label}`,
          value: ms(median(build.ours)),
          baseline: `range ${Math.min(...build.ours)}–${Math.max(...build.ours)} ms`,
          goal: '< 30 ms',
        },
        { measure: `  for scale: built-in Git in the same starts${build.label}`, value: ms(median(build.git)) },
      ]);
    } finally {
      await stack.close();
    }
  },
};

/**
 * Opens Developer: Show Running Extensions and returns "Activation: N ms" per display name. Waits until ours has
 * activated (the row says "Activating..." until then). The list is virtual: rows out of view are scrolled to.
 */
async function readRunningExtensions(page: Page, names: string[]): Promise<Map<string, number>> {
  const editor = page.locator('.runtime-extensions-editor');
  // A reload restores the editor when it was open; otherwise open it from the palette (retried: the first F1 may
  // land before the workbench takes keys).
  for (let attempt = 1; !(await editor.isVisible()); attempt++) {
    try {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator(SELECTORS.quickInputBox);
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill('>Developer: Show Running Extensions');
      // The best match is selected first (a recently-used entry may be listed twice): Enter runs it.
      await page
        .locator(SELECTORS.quickInputRow)
        .filter({ has: page.locator('.label-name', { hasText: /^Developer: Show Running Extensions$/ }) })
        .first()
        .waitFor({ state: 'attached', timeout: 10_000 });
      await page.keyboard.press('Enter');
      await editor.waitFor({ timeout: 10_000 });
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
  const found = new Map<string, number>();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !found.has(names[0])) {
    for (const element of await editor.locator('.extension').all()) {
      const name = (await element.locator('.name').textContent())?.trim() ?? '';
      const time = /(\d+)ms/.exec((await element.locator('.activation-time').textContent()) ?? '');
      if (names.includes(name) && time) found.set(name, Number(time[1]));
    }
    if (!found.has(names[0])) {
      await editor.hover();
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(200);
    }
  }
  if (!found.has(names[0])) throw new Error(`"${names[0]}" never showed an activation time in Running Extensions`);
  return found;
}

const PROBE_ROUNDS = Number(process.env.BENCH_PROBE_ROUNDS ?? 15);

/**
 * The same two numbers measured in plain Node (a fresh process each round, a stub `vscode`): require the bundle,
 * call activate(). No editor needed, so it runs anywhere; VS Code's own number is higher because its extension host
 * is busy starting other extensions at the same time.
 */
export const activationInNodeSection: BenchSection = {
  name: 'extension activation in Node',
  async run() {
    const probe = path.join(REPO_ROOT, 'out', 'test', 'startup', 'probe.js');
    const builds = [{ label: '', path: EXTENSION_PATH, loading: [] as number[], total: [] as number[] }];
    if (COMPARE_PATH) builds.push({ label: ` — ${COMPARE_PATH}`, path: COMPARE_PATH, loading: [], total: [] });
    for (let round = 0; round < PROBE_ROUNDS; round++) {
      for (const build of builds) {
        const bundle = path.join(build.path, 'dist', 'extension.js');
        const { stdout, exitCode, stderr } = await measureProcess(process.execPath, [probe, 'extension', bundle]);
        if (exitCode !== 0) throw new Error(`probe failed: ${stderr}`);
        const result = JSON.parse(stdout) as { codeLoadingMs: number; activateCallMs: number };
        build.loading.push(result.codeLoadingMs);
        build.total.push(result.codeLoadingMs + result.activateCallMs);
      }
    }
    return builds.map((build) => ({
      measure: `extension activation in Node with a stub \`vscode\` (load + activate()), ${PROBE_ROUNDS} processes${build.label}`,
      value: ms(median(build.total), 1),
      baseline: `of which loading the bundle ${ms(median(build.loading), 1)}`,
    }));
  },
};
