/** Runs the Genesys Cloud emulator (dist/emulator.js) as a child process, as the editor tests and the demo need it. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ManagedProcess, spawnManaged, withTimeout } from './processes';
import { REPO_ROOT } from './paths';

/** The emulator's built-in credentials (DEFAULT_CLIENT_ID/SECRET in src/emulator/server.ts); passed explicitly so both sides agree. */
export const EMULATOR_CLIENT_ID = 'emulator-client';
export const EMULATOR_CLIENT_SECRET = 'emulator-secret';

export interface EmulatorProcess {
  url: string;
  clientId: string;
  clientSecret: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

export interface EmulatorProcessOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Extra command-line arguments, e.g. ['--data', file]. */
  args?: string[];
  logFile?: string;
  /** Echo the emulator's output (the demo does). */
  echo?: boolean;
}

const LISTENING = /Genesys Cloud emulator listening on (http:\/\/127\.0\.0\.1:\d+)/;

export async function startEmulatorProcess(opts: EmulatorProcessOptions = {}): Promise<EmulatorProcess> {
  const script = path.join(REPO_ROOT, 'dist', 'emulator.js');
  if (!fs.existsSync(script)) {
    throw new Error(`${path.relative(process.cwd(), script)} is missing: run \`npm run build\` first.`);
  }
  const args = [
    script,
    '--port',
    String(opts.port ?? 0),
    '--client-id',
    EMULATOR_CLIENT_ID,
    '--client-secret',
    EMULATOR_CLIENT_SECRET,
    ...(opts.args ?? []),
  ];
  let announce: (url: string) => void = () => undefined;
  const announced = new Promise<string>((resolve) => {
    announce = resolve;
  });
  const child = spawnManaged('emulator', process.execPath, args, {
    cwd: REPO_ROOT,
    logFile: opts.logFile,
    onLine: (line) => {
      const match = LISTENING.exec(line);
      if (match) announce(match[1]);
      if (opts.echo) console.log(`[emulator] ${line}`);
    },
  });
  try {
    const url = await withTimeout(
      Promise.race([
        announced,
        child.exited.then((code) => {
          throw new Error(`The emulator exited (${code}) before it was listening. Its output:\n${child.outputTail()}`);
        }),
      ]),
      15_000,
      `The emulator did not print "Genesys Cloud emulator listening on …" within 15 s. Its output:\n${child.outputTail()}`,
    );
    return {
      url,
      clientId: EMULATOR_CLIENT_ID,
      clientSecret: EMULATOR_CLIENT_SECRET,
      process: child,
      stop: () => child.stop(),
    };
  } catch (err) {
    await child.stop();
    throw err;
  }
}
