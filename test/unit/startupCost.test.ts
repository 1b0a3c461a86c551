/**
 * Start-up stays cheap (issue 9): the extension's activation and the CLI's cheap commands must not load the HTTP
 * stack (undici), the regex engine (re2-wasm), jsdiff or a command's module. Each case runs the probe in a fresh
 * process against tsc's output, where every static import is a real require(), so require.cache lists exactly the
 * modules start-up evaluated; the bundle cases check what a user's copy loads. See src/common/lazy.ts for the rule.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const PROBE = path.join(REPO, 'out', 'test', 'startup', 'probe.js');

interface Probe {
  modules: string[];
  builtins: string[];
}

function probe(kind: 'extension' | 'cli', file: string, ...args: string[]): Probe {
  const out = execFileSync(process.execPath, [PROBE, kind, path.join(REPO, file), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, GENESYS_ENV: '', GENESYS_CLIENT_ID: '', GENESYS_CLIENT_SECRET: '' },
  });
  return JSON.parse(out) as Probe;
}

/** Modules that must never load while starting: packages and our own heavy modules, by path. */
const HEAVY: Array<[what: string, test: RegExp]> = [
  ['undici', /node_modules\/undici\//],
  ['re2-wasm', /node_modules\/re2-wasm\//],
  ['jsdiff', /node_modules\/diff\//],
  [
    'the Genesys client',
    /src\/genesys\/(client|apiRequests|auth|http|httpStack|dispatcher|undiciSender|nodeSender)\.js$/,
  ],
  ['the regex validator', /src\/filters\/regex\/validator\.js$/],
  ['a command flow', /src\/extension\/(flows\/(attribute|topics)\/|flows\/showIntegrationJson|profiles\/signInWizard)/],
  ['the preview panel or core', /src\/(extension\/preview|filters\/preview)\//],
  // The gate and the file-name helpers are light; the rest (jsonc-parser, the planner, diagnostics) loads on first need.
  [
    'filters as code',
    /src\/(extension\/asCode\/(?!filtersAsCodeGate|filtersFiles)|filters\/asCode\/(?!filtersFile\.js))/,
  ],
  ['jsonc-parser', /node_modules\/jsonc-parser\//],
  ['a CLI command', /src\/cli\/commands\//],
];

function heavyIn(modules: string[], allowed: string[] = []): string[] {
  return modules.flatMap((m) =>
    HEAVY.filter(([what, test]) => test.test(m) && !allowed.includes(what)).map(([what]) => `${what}: ${m}`),
  );
}

describe('start-up cost', () => {
  it('the probe sees a lazily loaded module once it is used (so the checks below can fail)', () => {
    const { modules } = probe('cli', 'out/src/cli/run.js', 'validate', '--regex', '^a');
    const found = heavyIn(modules);
    assert.ok(
      found.some((m) => m.startsWith('the regex validator')),
      found.join('\n'),
    );
    assert.ok(
      found.some((m) => m.startsWith('re2-wasm')),
      found.join('\n'),
    );
  });

  it('activating the extension loads no HTTP stack, regex engine, diff or command module', () => {
    const { modules } = probe('extension', 'out/src/extension/main.js');
    assert.ok(modules.includes('out/src/extension/serviceHost.js'), 'the probe activated the extension');
    assert.deepEqual(heavyIn(modules), []);
  });

  it('the extension bundle activates without re2-wasm, undici or the network built-ins', () => {
    assert.ok(fs.existsSync(path.join(REPO, 'dist', 'extension.js')), 'run `npm run build` first');
    const { modules, builtins } = probe('extension', 'dist/extension.js');
    assert.deepEqual(
      modules.filter((m) => /re2-wasm|undiciSender/.test(m)),
      [],
    );
    // undici loads these on require; nothing on the activation path needs them.
    assert.deepEqual(
      builtins.filter((b) => ['http2', 'tls', 'zlib', 'worker_threads'].includes(b)),
      [],
    );
  });

  it('CLI --help and a usage error load no command, client or regex engine', () => {
    assert.deepEqual(heavyIn(probe('cli', 'out/src/cli/run.js', '--help').modules), []);
    assert.deepEqual(heavyIn(probe('cli', 'out/src/cli/run.js', 'no-such-command').modules), []);
  });

  it('CLI validate never loads the Genesys client, undici or jsdiff', () => {
    const { modules } = probe('cli', 'out/src/cli/run.js', 'validate', '--regex', '^a');
    assert.deepEqual(heavyIn(modules, ['re2-wasm', 'the regex validator', 'a CLI command']), []);
  });

  it('CLI apply with bad input stops before the client or the regex engine load', () => {
    const { modules } = probe('cli', 'out/src/cli/run.js', 'apply', '--integration-id', 'x');
    assert.deepEqual(heavyIn(modules, ['the regex validator', 'a CLI command']), []);
  });
});
