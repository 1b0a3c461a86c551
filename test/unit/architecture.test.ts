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
});
