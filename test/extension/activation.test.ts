/** The extension, loaded by extensionDevelopmentPath into a real VS Code, activates and registers its commands. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { commandAction } from '../../src/extension/commands/registerCommands';
import { EXTENSION_ID, REPO_ROOT } from '../vscode/paths';

interface Manifest {
  contributes: { commands: { command: string }[] };
}

describe('extension activation', () => {
  it('activates without throwing and returns its API', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded in the extension host`);
    const api = (await extension.activate()) as { services?: unknown; flows?: unknown } | undefined;
    assert.equal(extension.isActive, true);
    assert.ok(api && api.services && api.flows, 'activate() should return { services, flows }');
  });

  it('registers every command contributed in package.json', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.ok(contributed.length >= 10, 'package.json should contribute the Genesys Cloud commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('names every contributed command in its own words when it fails ("Could not apply filter: …")', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
    // Without a phrase of its own a command falls back to 'run "<title>"': correct, but not how people say it.
    const unnamed = manifest.contributes.commands.map((c) => c.command).filter((id) => /^run /.test(commandAction(id)));
    assert.deepEqual(unnamed, [], 'give these a case in commandAction (src/extension/commands/registerCommands.ts)');
    assert.equal(commandAction('genesysCloud.applyFilter'), 'apply filter');
  });
});
