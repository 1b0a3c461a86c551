import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// Tests run from out/test/unit; the sources live at <repo>/src.
const REPO = join(__dirname, '..', '..', '..');
const SRC = join(REPO, 'src');

/** import … from 'vscode', import 'vscode', import('vscode'), require('vscode'), export … from 'vscode'. */
const VSCODE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"`])vscode\1/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

describe('architecture', () => {
  it('the import detector recognises every form (so the check below can fail)', () => {
    for (const line of [
      "import * as vscode from 'vscode';",
      'import type { Uri } from "vscode";',
      "import 'vscode';",
      "const vscode = require('vscode');",
      "const v = await import('vscode');",
      "export { window } from 'vscode';",
    ]) {
      assert.match(line, VSCODE_IMPORT, line);
    }
    for (const line of [
      "import { x } from './vscodeHelpers';",
      "import x from 'vscode-uri';",
      '// talks to vscode later',
    ]) {
      assert.doesNotMatch(line, VSCODE_IMPORT, line);
    }
  });

  it("nothing under src/ outside src/extension/ imports 'vscode'", () => {
    const files = sourceFiles(SRC).filter((f) => !relative(SRC, f).startsWith(`extension${sep}`));
    assert.ok(
      files.some((f) => f.endsWith(join('genesys', 'client.ts'))),
      'the scan sees the core sources',
    );
    const offenders = files.filter((f) => VSCODE_IMPORT.test(readFileSync(f, 'utf8'))).map((f) => relative(REPO, f));
    assert.deepEqual(offenders, [], `these core files import vscode: ${offenders.join(', ')}`);
  });

  it('layers import only downwards: common ← genesys ← filters ← cli | extension | emulator', () => {
    // What each folder under src/ may import from the others (besides itself).
    const allowed: Record<string, string[]> = {
      common: [],
      genesys: ['common'],
      filters: ['common', 'genesys'],
      cli: ['common', 'genesys', 'filters'],
      extension: ['common', 'genesys', 'filters'],
      emulator: ['common', 'genesys', 'filters'],
    };
    const layerOf = (file: string) => relative(SRC, file).split(sep)[0];
    const offenders: string[] = [];
    const files = sourceFiles(SRC);
    assert.ok(
      files.some((f) => layerOf(f) === 'common'),
      'the scan sees src/common',
    );
    for (const file of files) {
      const layer = layerOf(file);
      assert.ok(layer in allowed, `${relative(REPO, file)} is in no known layer: add its folder to this test`);
      for (const match of readFileSync(file, 'utf8').matchAll(
        /(?:from\s*|import\s*\(?\s*|require\s*\(\s*)['"](\.[^'"]*)['"]/g,
      )) {
        const target = join(file, '..', match[1]);
        const targetLayer = relative(SRC, target).split(sep)[0];
        if (targetLayer !== layer && !allowed[layer].includes(targetLayer)) {
          offenders.push(`${relative(REPO, file)} → ${match[1]}`);
        }
      }
    }
    assert.deepEqual(offenders, [], `imports against the layering:\n${offenders.join('\n')}`);
  });
});
