/**
 * Entry point the extension host loads (payload `extensionTestsPath`): runs every out/test/extension/**\/*.test.js
 * with mocha. Reporter output goes to console.log, which the harness receives through codeAutomationLog.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';
import { MOCHA_OUTPUT_MARKER } from '../vscode/paths';

export function run(): Promise<void> {
  // The workbench forwards its own console too; the marker lets the harness print only the test report
  // (and format it here, where printf-style arguments are still attached to their format string).
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(MOCHA_OUTPUT_MARKER + util.format(...args));
  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, reporter: 'spec', color: false });
  const files = (fs.readdirSync(__dirname, { recursive: true }) as string[])
    .filter((rel) => rel.endsWith('.test.js'))
    .sort()
    .map((rel) => path.join(__dirname, rel));
  for (const file of files) mocha.addFile(file);
  if (process.env.EBF_SELF_TEST_FAIL === '1') {
    // Proves a failing assertion fails the whole run; never part of the normal suite (see test/vscode/selfTest).
    mocha.addFile(path.join(__dirname, '..', 'vscode', 'selfTest', 'failingExtensionTest.js'));
  }
  return new Promise<void>((resolve, reject) => {
    if (files.length === 0) throw new Error(`No *.test.js files under ${__dirname}: was the project compiled?`);
    // mocha.run throws synchronously when a test file fails to load; the Promise constructor turns that into a rejection.
    mocha.run((failures) =>
      failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed.`)) : resolve(),
    );
  }).catch((err: unknown) => {
    Mocha.reporters.Base.consoleLog(err instanceof Error ? (err.stack ?? err.message) : String(err));
    throw err;
  });
}
