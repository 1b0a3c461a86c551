/**
 * The three processes every editor test needs — the Genesys Cloud emulator, code-server, headless chromium — started
 * in that order and stopped together. launchWorkbench() and runExtensionTests() differ only in what they do with the page.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, recordPageProblems, VIEWPORT } from './browser';
import { CodeServer, startCodeServer } from './codeServer';
import { EmulatorProcess, startEmulatorProcess } from './emulatorProcess';
import { REPO_ROOT } from './paths';
import { copyServerLogs } from './serverLogs';

export interface EditorStackOptions {
  /** Added to code-server's (and so the extension host's) environment. */
  env?: Record<string, string>;
  /** User settings merged over the harness defaults. */
  settings?: Record<string, unknown>;
  /** Pass GENESYS_ENV/GENESYS_CLIENT_ID/GENESYS_CLIENT_SECRET for the emulator (default true). */
  environmentProfile?: boolean;
}

export interface EditorStack {
  emulator: EmulatorProcess;
  server: CodeServer;
  browser: Browser;
  /** A blank page with the harness viewport; the caller navigates it. */
  page: Page;
  /** Browser, code-server, emulator: each stopped even if another fails. Safe to call twice. */
  close(): Promise<void>;
}

export function assertBuilt(): void {
  for (const file of ['dist/extension.js', 'dist/emulator.js']) {
    if (!fs.existsSync(path.join(REPO_ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
}

/** The environment the extension host sees: the emulator's URL always, the Environment profile on request. */
export function editorEnvironment(emulator: EmulatorProcess, environmentProfile: boolean): Record<string, string> {
  const env: Record<string, string> = { EBF_EMULATOR_URL: emulator.url };
  if (environmentProfile) {
    Object.assign(env, {
      GENESYS_ENV: emulator.url,
      GENESYS_CLIENT_ID: emulator.clientId,
      GENESYS_CLIENT_SECRET: emulator.clientSecret,
    });
  }
  return env;
}

/**
 * Starts everything, writing emulator.log, code-server.log and browser-console.log into `logDir`; close() adds the
 * extension host's logs (server-logs/).
 */
export async function startEditorStack(logDir: string, opts: EditorStackOptions = {}): Promise<EditorStack> {
  assertBuilt();
  let emulator: EmulatorProcess | undefined;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    if (server) copyServerLogs(server.userDataDir, logDir);
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await emulator?.stop().catch(() => undefined);
  };
  try {
    emulator = await startEmulatorProcess({ logFile: path.join(logDir, 'emulator.log') });
    server = await startCodeServer({
      // VS Code opens a newly installed extension's walkthrough by itself. The tests load the extension without
      // installing it, and nothing should open over what they look at; the walkthrough's own test, which installs the
      // .vsix, turns this (and VS Code's Welcome page, see codeServer.ts) back on.
      settings: { 'workbench.welcomePage.walkthroughs.openOnInstall': false, ...opts.settings },
      env: { ...editorEnvironment(emulator, opts.environmentProfile ?? true), ...opts.env },
      logFile: path.join(logDir, 'code-server.log'),
    });
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: VIEWPORT });
    recordPageProblems(page, path.join(logDir, 'browser-console.log'));
    return { emulator, server, browser, page, close };
  } catch (err) {
    await close();
    throw err;
  }
}
