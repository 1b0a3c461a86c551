/** Starts code-server (a real VS Code) on 127.0.0.1 with throwaway user data, extensions and XDG folders. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureCodeServer } from './installCodeServer';
import { delay, freePort, makeTempDir, ManagedProcess, removeTempDir, spawnManaged } from './processes';

export interface CodeServer {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** An empty folder opened as the workspace. */
  workspaceDir: string;
  userDataDir: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** Merged over the defaults that keep the screen clean. */
  settings?: Record<string, unknown>;
  /** Added to the server's environment (the extension host inherits it). */
  env?: Record<string, string>;
  /** File that receives code-server's stdout/stderr. */
  logFile?: string;
  /** A fixed port (the demo's --port); default: a free one. */
  port?: number;
}

/** Settings for a quiet, deterministic workbench: no welcome page, update checks, tips or telemetry. */
const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'window.commandCenter': false,
};

/** Variables that must not leak from the caller's shell into the test editor. */
const INHERITED_VARIABLES_TO_DROP = /^(GENESYS_|EBF_EMULATOR_URL$|VSCODE_|ELECTRON_RUN_AS_NODE$)/;

export async function startCodeServer(opts: CodeServerOptions = {}): Promise<CodeServer> {
  const entry = await ensureCodeServer();
  const root = makeTempDir('code-server');
  const dirs = {
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    workspace: path.join(root, 'workspace'),
    config: path.join(root, 'xdg-config'),
    data: path.join(root, 'xdg-data'),
    cache: path.join(root, 'xdg-cache'),
    tmp: path.join(root, 'tmp'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  // The extension host of a remote window (code-server's is one) reads machine-scoped settings, such as
  // workbench.welcomePage.walkthroughs.openOnInstall, from the server's Machine settings, not from the User ones:
  // both get the same values, so the workbench and the extension see the same settings.
  for (const scope of ['User', 'Machine']) {
    fs.mkdirSync(path.join(dirs.userData, scope), { recursive: true });
    fs.writeFileSync(
      path.join(dirs.userData, scope, 'settings.json'),
      JSON.stringify({ ...DEFAULT_SETTINGS, ...opts.settings }, null, 2),
    );
  }

  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!INHERITED_VARIABLES_TO_DROP.test(key)) env[key] = value;
  }
  Object.assign(env, {
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
    ...opts.env,
  });

  // A free port can be taken between asking and binding; a few attempts make that race harmless.
  let lastError: Error | undefined;
  const attempts = opts.port ? 1 : 3;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = opts.port ?? (await freePort());
    const server = spawnManaged(
      'code-server',
      process.execPath,
      [
        entry,
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--auth',
        'none',
        '--user-data-dir',
        dirs.userData,
        '--extensions-dir',
        dirs.extensions,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
      ],
      { cwd: dirs.workspace, env, logFile: opts.logFile },
    );
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForHealthy(url, server);
      return {
        url,
        port,
        workspaceDir: dirs.workspace,
        userDataDir: dirs.userData,
        process: server,
        stop: async () => {
          await server.stop();
          removeTempDir(root);
        },
      };
    } catch (err) {
      lastError = err as Error;
      await server.stop();
    }
  }
  removeTempDir(root);
  throw lastError ?? new Error('code-server did not start');
}

async function waitForHealthy(url: string, server: ManagedProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.hasExited()) {
      throw new Error(`code-server exited before it was ready. Its output:\n${server.outputTail()}`);
    }
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await delay(150);
  }
  throw new Error(
    `code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s. Its output:\n${server.outputTail()}`,
  );
}
