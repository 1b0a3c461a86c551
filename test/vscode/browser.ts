/** Debian's chromium driven by playwright-core (never `playwright install`: these machines cannot download browsers). */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { makeTempDir, removeTempDir } from './processes';
import { installDebianPackages } from './debianPackages';

export const VIEWPORT = { width: 1400, height: 900 };

/** Flags that keep chromium from reaching the network or needing a GPU, a sandbox or a large /dev/shm. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

let installing = false;

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      /* not on PATH */
    }
  }
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  if (!installing) {
    installing = true;
    installDebianPackages(
      ['chromium'],
      "The UI tests drive Debian's Chromium, which is not installed (or set CHROMIUM_PATH).",
    );
    return findChromium();
  }
  throw new Error('Chromium was not found after installing it. Set CHROMIUM_PATH to a Chromium/Chrome binary.');
}

export async function launchBrowser(): Promise<Browser> {
  // Loaded lazily so a missing dev dependency shows up as a clear error where it is needed.
  const { chromium } = await import('playwright-core');
  // Chromium's crash reporter and dconf write under ~/.config and ~/.cache: keep them in a throwaway folder.
  const home = makeTempDir('chromium');
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') };
  try {
    const browser = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: CHROMIUM_ARGS,
      env,
      timeout: 60_000,
    });
    browser.on('disconnected', () => removeTempDir(home));
    return browser;
  } catch (err) {
    removeTempDir(home);
    throw err;
  }
}

/**
 * The workbench URL. code-server has no --extensionDevelopmentPath flag, but its workbench honours the `payload`
 * query parameter that @vscode/test-web uses; paths are vscode-remote URIs whose authority is the page's own host.
 */
export function workbenchUrl(server: CodeServer, payload: Record<string, string>): string {
  const authority = new URL(server.url).host;
  const entries = Object.entries(payload).map(([key, fsPath]) => [key, `vscode-remote://${authority}${fsPath}`]);
  return `${server.url}/?folder=${encodeURIComponent(server.workspaceDir)}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
}

/** Appends the page's console errors and crashes to `logFile`, which helps when a UI test fails. */
export function recordPageProblems(page: Page, logFile: string): void {
  const write = (line: string): void => {
    try {
      fs.appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
    } catch {
      /* dir removed */
    }
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') write(`[console.${msg.type()}] ${msg.text()}`);
  });
  page.on('pageerror', (err) => write(`[pageerror] ${err.message}`));
  page.on('crash', () => write('[crash] the page crashed'));
}
