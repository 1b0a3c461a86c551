/**
 * Loads one start-up path in this fresh process and prints what it cost and what it loaded, as JSON on stdout:
 *
 *   node out/test/startup/probe.js extension <main.js>   require the extension (a stub `vscode`), call activate()
 *   node out/test/startup/probe.js cli <run.js> ARGS…    runCli(ARGS) with output discarded
 *
 * `codeLoadingMs` + `activateCallMs` is what VS Code's Running Extensions view shows for an extension (the time to
 * load its main module plus the synchronous part of activate()). `modules` lists every file in require.cache
 * (relative to the repository) and `builtins` the Node built-ins loaded along the way. Run against the tsc output
 * (out/src/…), where every static import is a real require(), the lists show exactly which modules start-up
 * evaluates; against a bundle (dist/…) they show the externals (re2-wasm) and built-ins only.
 */
import Module from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createExtensionContext, createVscodeStub } from './vscodeStub';

const REPO = path.resolve(__dirname, '..', '..', '..');

interface ProbeResult {
  codeLoadingMs: number;
  activateCallMs?: number;
  /** Until the promise from activate() (or runCli) settled and the event loop had a turn. */
  settledMs: number;
  modules: string[];
  builtins: string[];
}

async function main(): Promise<void> {
  const [kind, file, ...args] = process.argv.slice(2);
  const builtinsBefore = new Set(moduleLoadList());
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const stub = createVscodeStub();
  const load = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? stub : load.call(this, request, ...rest);
  };

  const started = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the path under test is the argument
  const loaded = require(path.resolve(file)) as Record<string, (...a: unknown[]) => unknown>;
  const codeLoadingMs = performance.now() - started;
  let activateCallMs: number | undefined;
  let pending: unknown;
  if (kind === 'extension') {
    const activateStarted = performance.now();
    pending = loaded.activate(createExtensionContext());
    activateCallMs = performance.now() - activateStarted;
  } else {
    const io = { stdout: () => undefined, stderr: () => undefined, env: {} };
    pending = loaded.runCli(args, io);
  }
  await pending;
  await new Promise((resolve) => setTimeout(resolve, 50));
  const result: ProbeResult = {
    codeLoadingMs,
    activateCallMs,
    settledMs: performance.now() - started,
    modules: Object.keys(require.cache)
      .map((f) => path.relative(REPO, f))
      .filter((f) => !f.startsWith('out/test/startup/')),
    builtins: moduleLoadList()
      .filter((m) => !builtinsBefore.has(m) && m.startsWith('NativeModule '))
      .map((m) => m.slice(13)),
  };
  process.stdout.write(JSON.stringify(result));
  // The extension's session and timers are not disposed: this process only reports.
  process.exit(0);
}

function moduleLoadList(): string[] {
  return (process as unknown as { moduleLoadList: string[] }).moduleLoadList;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
