/**
 * `npm run demo`: the product against the bundled Genesys Cloud emulator, nothing to configure.
 *  1. starts the emulator on 127.0.0.1;
 *  2. runs the Go tutorial's example through the CLI (apply a regex filter) and prints its diff;
 *  3. starts a real VS Code (code-server) with the extension loaded from this folder and the "Environment"
 *     profile pointing at the emulator, prints the URL to open, and runs until Ctrl+C (then stops everything by PID).
 *     The window opens on the Genesys Cloud view and the Get Started walkthrough, which demoOpener.ts opens with the
 *     view's focus command and "Genesys Cloud: Get Started" (the extension opens neither by itself).
 *
 *   node out/test/vscode/demo.js [--no-editor] [--port N]
 *
 * Linux x64 only for step 3 (code-server is installed for linux-x64, first run ~1–2 min, needs libkrb5-dev, g++,
 * make, python3); `--no-editor` (steps 1–2) runs wherever Node 20 does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { workbenchUrl } from './browser';
import { startCodeServer } from './codeServer';
import { EmulatorProcess, startEmulatorProcess } from './emulatorProcess';
import { editorEnvironment } from './editorStack';
import { ensureCodeServer } from './installCodeServer';
import { TUTORIAL_ARGS } from '../tutorialExample';
import { REPO_ROOT } from './paths';
import { runToExit, spawnManaged } from './processes';

/** Shows the view and the walkthrough once the window has started (see demoOpener.ts). */
const OPENER = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'demoOpener.js');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { 'no-editor': { type: 'boolean', default: false }, port: { type: 'string' } },
  });
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (`npm run demo` does).');

  const emulator = await startEmulatorProcess();
  console.log(`Genesys Cloud emulator: ${emulator.url}  (client id ${emulator.clientId})`);

  console.log('\n$ GENESYS_ENV=… GENESYS_CLIENT_ID=… GENESYS_CLIENT_SECRET=… \\');
  console.log(`  eventbridge-filter ${TUTORIAL_ARGS.map(shellQuote).join(' ')}\n`);
  const cliCode = await runCli(cli, emulator);
  if (cliCode !== 0) {
    console.error(`\nThe CLI exited with ${cliCode}; stopping the demo.`);
    return typeof cliCode === 'number' ? cliCode : 1;
  }
  if (values['no-editor']) return 0;

  await ensureCodeServer();
  const port = values.port ? Number(values.port) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new Error(`--port must be a port number, got "${values.port}".`);
  }
  const server = await startCodeServer({ env: editorEnvironment(emulator, true), port });
  const url = workbenchUrl(server, { extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: OPENER });
  console.log(
    '\nVS Code (code-server) with the extension loaded, signed in to the emulator through the "Environment" profile;\n' +
      'it opens on the Genesys Cloud view and the Get Started walkthrough.',
  );
  console.log(
    `Open this URL in a browser on this machine${port ? '' : ' (the port is picked at random each run)'}:\n\n  ${url}\n`,
  );
  console.log('Press Ctrl+C to stop the editor and the emulator.');
  // Runs until Ctrl+C (processes.ts stops every child by PID) or until a server dies on its own.
  const which = await Promise.race([
    server.process.exited.then(() => 'code-server'),
    emulator.process.exited.then(() => 'the emulator'),
  ]);
  if (stopping) return 130;
  console.error(`${which} exited unexpectedly; stopping.`);
  return 1;
}

function runCli(cli: string, emulator: EmulatorProcess): Promise<number | string> {
  const child = spawnManaged('eventbridge-filter', process.execPath, [cli, ...TUTORIAL_ARGS], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      GENESYS_ENV: emulator.url,
      GENESYS_CLIENT_ID: emulator.clientId,
      GENESYS_CLIENT_SECRET: emulator.clientSecret,
    },
    onLine: (line, stream) => (stream === 'stderr' ? process.stderr : process.stdout).write(`${line}\n`),
  });
  return child.exited.finally(() => child.stop());
}

function shellQuote(arg: string): string {
  return /^[\w./:=@-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Set on Ctrl+C or `kill <pid>`: the servers then exit because processes.ts stops them, which is not worth a
 * warning (without SIGTERM here, `kill` printed "the emulator exited unexpectedly").
 */
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    stopping = true;
    console.log('\nStopping the editor and the emulator…');
  });
}
runToExit(main);
