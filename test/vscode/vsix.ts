/**
 * The .vsix exactly as `npm run package` makes it: the package script's own vsce call (read from package.json, so the
 * two cannot drift apart), run on the current build. The packaging unit test checks its contents; the walkthrough's
 * UI test installs it the way a user does.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';

/** The file name `npm run package` writes. */
export const VSIX_NAME = 'eventbridge-filters-genesys.vsix';

/** The package script (`npm run build && vsce package … --out <file>`). */
export function packageScript(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return manifest.scripts.package;
}

/** The script's vsce arguments without `--out`, e.g. `['package', '--no-gitHubIssueLinking']`. */
export function packageScriptVsceArgs(): string[] {
  const script = packageScript();
  const match = /vsce (package[^&]*?)--out \S+/.exec(script);
  if (!match) throw new Error(`unexpected package script: ${script}`);
  return match[1].trim().split(/\s+/);
}

export interface VsixResult {
  /** vsce's exit status (0: the file was written). */
  status: number | null;
  /** vsce's stdout and stderr. */
  output: string;
}

/**
 * Runs the package script's vsce call with `--out outFile` on what is in dist/ now (without the script's
 * `npm run build`: the caller has built). About 10 s.
 */
export function packageVsix(outFile: string): VsixResult {
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const run = spawnSync(process.execPath, [vsce, ...packageScriptVsceArgs(), '--out', outFile], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}
