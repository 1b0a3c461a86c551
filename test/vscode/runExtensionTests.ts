/**
 * Runs the mocha suites inside the real extension host of code-server.
 *
 * code-server has no --extensionTestsPath flag, but its workbench honours @vscode/test-web's `payload` query
 * parameter: with `extensionTestsPath` set, the extension host loads that module, calls `run()`, and the workbench
 * reports the host's console through window.codeAutomationLog and the exit code through window.codeAutomationExit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import { workbenchUrl } from './browser';
import { assertBuilt, EditorStack, startEditorStack } from './editorStack';
import { ARTIFACTS_DIR, EXTENSION_ID, MOCHA_OUTPUT_MARKER, REPO_ROOT } from './paths';
import { withTimeout } from './processes';
import { serverLogFiles } from './serverLogs';

export interface ExtensionTestOptions {
  /** The whole run fails after this long (default 5 minutes). */
  timeoutMs?: number;
  /** Added to the extension host's environment. */
  env?: Record<string, string>;
  /** Each line of mocha's report, e.g. for counting "N passing". */
  onReportLine?: (line: string) => void;
}

const TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'extension', 'index.js');
const LOG_DIR = path.join(ARTIFACTS_DIR, 'logs', 'extension-host-tests');

/** Returns mocha's exit code (0 = all passed); any harness failure or timeout is reported and returns 1. */
export async function runExtensionTests(opts: ExtensionTestOptions = {}): Promise<number> {
  assertBuilt();
  if (!fs.existsSync(TESTS_ENTRY)) {
    throw new Error(`${path.relative(REPO_ROOT, TESTS_ENTRY)} is missing: run \`npm run build\` first.`);
  }
  fs.rmSync(LOG_DIR, { recursive: true, force: true });
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const hostConsolePath = path.join(LOG_DIR, 'extension-host-console.log');
  const hostConsole = fs.createWriteStream(hostConsolePath);

  let stack: EditorStack | undefined;
  try {
    stack = await startEditorStack(LOG_DIR, { env: opts.env });
    const { page, server } = stack;

    let reportExit: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => {
      reportExit = resolve;
    });
    // Receives the workbench's and the extension host's console: the mocha report goes to the terminal,
    // everything goes to extension-host-console.log.
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      hostConsole.write(`[${type}] ${text}\n`);
      if (text.startsWith(MOCHA_OUTPUT_MARKER)) {
        const line = text.slice(MOCHA_OUTPUT_MARKER.length);
        process.stdout.write(`${line}\n`);
        opts.onReportLine?.(line);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));

    await page.goto(
      workbenchUrl(server, {
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath: TESTS_ENTRY,
      }),
    );
    const timeoutMs = opts.timeoutMs ?? 5 * 60_000;
    const code = await withTimeout(
      exitCode,
      timeoutMs,
      `The extension-host tests did not finish within ${timeoutMs / 1000} s (logs in ${path.relative(REPO_ROOT, LOG_DIR)}).`,
    );
    if (code !== 0) {
      console.error(
        `Extension-host tests exited with ${code}; the full console is in ${path.relative(REPO_ROOT, hostConsolePath)}.`,
      );
    }
    await page.screenshot({ path: path.join(LOG_DIR, 'workbench-at-exit.png') }).catch(() => undefined);

    const activationErrors = findActivationErrors(server.userDataDir);
    if (activationErrors.length > 0) {
      console.error(`\nThe extension host log has errors about ${EXTENSION_ID}:\n${activationErrors.join('\n')}`);
      return code === 0 ? 1 : code;
    }
    return code;
  } catch (err) {
    console.error(`\nExtension-host test run failed: ${(err as Error).message}`);
    return 1;
  } finally {
    hostConsole.end();
    await stack?.close();
  }
}

/**
 * Error entries the extension host logged about our extension (e.g. "Activating extension … failed due to an error:"
 * followed by the stack on the next lines). Entries start with a timestamp; continuation lines belong to the entry.
 */
export function findActivationErrors(userDataDir: string): string[] {
  const errors: string[] = [];
  for (const file of serverLogFiles(userDataDir).filter((f) => /exthost/i.test(path.basename(f)))) {
    const entries: string[] = [];
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (/^\d{4}-\d\d-\d\d /.test(line) || entries.length === 0) entries.push(line);
      else entries[entries.length - 1] += `\n${line}`;
    }
    const isError = (entry: string | undefined): boolean => entry !== undefined && /^\S+ \S+ \[error\]/.test(entry);
    const oursDist = path.join(REPO_ROOT, 'dist') + path.sep;
    entries.forEach((entry, i) => {
      // "Activating extension <id> failed" names us; the error itself follows as the next entry. An uncaught error
      // thrown by our bundle has its path in the stack instead.
      const aboutUs = entry.includes(EXTENSION_ID) || entry.includes(oursDist);
      if (!isError(entry) || !aboutUs) return;
      const detail = entry.includes(EXTENSION_ID) && isError(entries[i + 1]) ? `\n${entries[i + 1]}` : '';
      errors.push(`${path.basename(file)}: ${(entry + detail).split('\n').slice(0, 12).join('\n')}`);
    });
  }
  return errors;
}
