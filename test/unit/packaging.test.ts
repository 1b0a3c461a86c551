import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

// `vsce ls` lists exactly what `npm run package` puts into the .vsix, without writing one.
test('the .vsix holds the bundle, the worker and re2-wasm only: no sources, maps, tests or dev dependencies', () => {
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const files = execFileSync(process.execPath, [vsce, 'ls'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

  for (const required of [
    'package.json',
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'dist/extension.js',
    'dist/regexWorker.js',
    'dist/undiciSender.js',
    'node_modules/re2-wasm/build/wasm/re2.wasm',
    'media/genesys-cloud.svg',
    // The preview's bundled samples (two real EventBridge events) and its webview's style and script.
    'media/sample-events/v2.audits.entitytype.UserPresence__GenesysCloudBlueprints.json',
    'media/sample-events/v2.conversations.transcription__captured_thirdparty.json',
    'media/preview/preview.css',
    'media/preview/filters.css',
    'media/preview/events.css',
    'media/preview/preview.js',
    // jsonValidation's schema for eventbridge-filters.json: without it the editor has no completion or hover there.
    'schemas/eventbridge-filters.schema.json',
  ]) {
    assert.ok(files.includes(required), `${required} missing from the package: ${files.join(', ')}`);
  }
  const unwanted = files.filter(
    (f) =>
      /\.map$|\.ts$|^src\/|^test\/|^out\/|^\.ci\/|^\.vscode\//.test(f) ||
      (f.startsWith('node_modules/') && !f.startsWith('node_modules/re2-wasm/')),
  );
  assert.deepEqual(unwanted, []);
  // The CLI and the emulator are for the npm package, not for the editor.
  assert.ok(!files.includes('dist/cli.js') && !files.includes('dist/emulator.js'));
});

// `vsce ls` skips the checks `vsce package` makes (README links, manifest), so run the real script's vsce call.
test("npm run package's vsce call produces a .vsix", () => {
  const script: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.package;
  const vsceArgs = /vsce (package[^&]*?)--out \S+/.exec(script);
  assert.ok(vsceArgs, `unexpected package script: ${script}`);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ebf-vsix-')), 'test.vsix');
  try {
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    execFileSync(process.execPath, [vsce, ...vsceArgs[1].trim().split(/\s+/), '--out', out], {
      cwd: root,
      stdio: 'pipe',
    });
    const size = fs.statSync(out).size;
    assert.ok(size > 100_000 && size < 2_000_000, `unexpected .vsix size ${size}`);
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
});
