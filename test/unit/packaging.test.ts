import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageScript, packageVsix } from '../vscode/vsix';

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
    'media/icon.png',
    'media/walkthrough/sign-in.svg',
    'package.nls.json',
    'l10n/bundle.l10n.json',
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

// `vsce ls` skips the checks `vsce package` makes (README links, manifest), so run the real script's vsce call, then
// read the .vsix the way a gallery does: its README's images must resolve through `repository`, and vsce must not warn.
test("npm run package's vsce call produces a .vsix a listing can show, without warnings", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.doesNotMatch(
    packageScript(),
    /--no-rewrite-relative-links/,
    'relative links must become absolute for the listing',
  );
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ebf-vsix-')), 'test.vsix');
  try {
    const run = packageVsix(out);
    assert.equal(run.status, 0, `vsce failed:\n${run.output}`);
    assert.doesNotMatch(run.output, /WARNING|ERROR/, 'vsce warned');
    const size = fs.statSync(out).size;
    assert.ok(size > 100_000 && size < 2_000_000, `unexpected .vsix size ${size}`);

    const unzip = (entry: string) => execFileSync('unzip', ['-p', out, entry], { maxBuffer: 32 * 1024 * 1024 });
    const readme = unzip('extension/readme.md').toString('utf8');
    const rawBase = `${manifest.repository.url.replace(/\.git$/, '')}/raw/HEAD/`;
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)|<img[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    assert.ok(images.length >= 3, `the README shows screenshots: ${images.join(', ')}`);
    for (const image of images) {
      assert.ok(image.startsWith(rawBase), `${image} does not resolve through the repository URL`);
      assert.ok(
        fs.existsSync(path.join(root, image.slice(rawBase.length))),
        `${image}: no such file in the repository`,
      );
    }
    // vsce's issue linking also rewrites "#0" inside code blocks; the README is packaged with it off.
    assert.doesNotMatch(readme, /\]\([^)]*\/issues\/\d+\)/, 'vsce turned "#N" into issue links');

    const icon = unzip(`extension/${manifest.icon}`);
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG', 'the icon is a PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128], 'the icon is 128×128');
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
});
