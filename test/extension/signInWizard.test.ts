/**
 * Sign In on the one wizard engine, scripted like any other flow: region → Custom URL… (a step of its own) →
 * client id → secret (the token check on Enter keeps a wrong secret in the box) → profile name, with Back and the
 * derived step numbers; arguments skip the questions they answer.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import type { ExtensionApi } from '../../src/extension/main';
import { ScriptedPrompter } from './flows/scriptedPrompter';
import { extensionApi, restoreEnvironmentProfile } from './support/extensionApi';

const SECRET = 'wizard-test-secret-4d2a';

describe('Sign In through the wizard', () => {
  let api: ExtensionApi;
  let emulator: Emulator;

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator({ clientId: 'wizard-client', clientSecret: SECRET });
  });

  afterEach(async () => {
    api.flows.setPrompter(undefined);
    await restoreEnvironmentProfile(api);
  });

  after(async () => {
    await emulator.close();
  });

  it('asks every question, explains a wrong secret in the box, and stores the profile only at the end', async () => {
    const prompter = new ScriptedPrompter([
      { id: 'region', pick: 'Custom URL…' },
      { id: 'customUrl', type: 'ftp://example.com' },
      { id: 'customUrl', type: emulator.url },
      { id: 'clientId', back: true },
      { id: 'customUrl', type: emulator.url },
      { id: 'clientId', type: 'wizard-client' },
      { id: 'clientSecret', type: 'not-the-secret' },
      { id: 'clientSecret', type: SECRET },
      { id: 'profileName', type: 'Wizard org' },
    ]);
    api.flows.setPrompter(prompter);
    const profilesBefore = api.host.profiles.list().length;
    const result = await vscode.commands.executeCommand<{ id: string; name: string }>('genesysCloud.signIn');
    assert.deepEqual(prompter.remaining, []);
    assert.equal(result?.name, 'Wizard org');
    assert.deepEqual(
      prompter.prompts.map((p) => `${p.id} ${p.title} ${p.step}/${p.totalSteps}`),
      [
        'region Sign In 1/4',
        'customUrl Sign In: Custom URL 2/5',
        'clientId Sign In 3/5',
        'customUrl Sign In: Custom URL 2/5',
        'clientId Sign In 3/5',
        'clientSecret Sign In 4/5',
        'profileName Sign In 5/5',
      ],
    );
    const url = prompter.find('customUrl');
    assert.match(url[0].validation[0]?.message ?? '', /ftp/);
    assert.equal(url[1].value, emulator.url, 'Back returns to the URL with what was typed');
    const secret = prompter.find('clientSecret')[0];
    assert.equal(secret.validation[0]?.severity, 'error');
    assert.match(secret.validation[0]?.message ?? '', /invalid_client.*Correct the secret here/);
    assert.equal(api.host.profiles.list().length, profilesBefore + 1);
    assert.equal(api.host.session.activeProfile()?.name, 'Wizard org');
    assert.equal(await api.host.context.secrets.get(`genesysCloud.clientSecret.${result.id}`), SECRET);
  });

  it('Escape on the last question stores nothing, even after a good token check', async () => {
    const prompter = new ScriptedPrompter([
      { id: 'region', pick: 'Custom URL…' },
      { id: 'customUrl', type: emulator.url },
      { id: 'clientId', type: 'wizard-client' },
      { id: 'clientSecret', type: SECRET },
      { id: 'profileName', cancel: true },
    ]);
    api.flows.setPrompter(prompter);
    const stored = api.host.profiles.list().map((p) => p.id);
    const result = await vscode.commands.executeCommand('genesysCloud.signIn');
    assert.equal(result, undefined);
    assert.deepEqual(
      api.host.profiles.list().map((p) => p.id),
      stored,
    );
  });

  it('arguments skip the questions they answer: only the secret is asked, and it is checked', async () => {
    const prompter = new ScriptedPrompter([
      { id: 'clientSecret', type: 'wrong' },
      { id: 'clientSecret', type: SECRET },
      { id: 'profileName', type: 'Half given' },
    ]);
    api.flows.setPrompter(prompter);
    const result = await vscode.commands.executeCommand<{ name: string }>('genesysCloud.signIn', {
      environment: emulator.url,
      clientId: 'wizard-client',
    });
    assert.equal(result?.name, 'Half given');
    assert.equal(prompter.find('clientSecret')[0].validation[0]?.severity, 'error', 'the wrong secret was refused');
    assert.deepEqual(
      prompter.prompts.map((p) => `${p.id} ${p.step}/${p.totalSteps}`),
      ['clientSecret 1/2', 'profileName 2/2'],
    );
  });
});
