import * as path from 'node:path';

/** The repository root. Harness files run from out/test/vscode/, three levels below it. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Where first-use downloads live (gitignored, like @vscode/test-electron's cache). */
export const VSCODE_TEST_DIR = path.join(REPO_ROOT, '.vscode-test');

/** Screenshots and logs that a person looks at after a run (gitignored). */
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');

export const EXTENSION_ID = 'eventbridge-filters.eventbridge-filters-genesys';

/** Prefix of the mocha report lines the extension host prints, so the harness can tell them from workbench noise. */
export const MOCHA_OUTPUT_MARKER = '[ebf-mocha] ';
