/** Sign in / out, the Environment profile, secrets only in SecretStorage, and never in the log. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/main';
import { checkCredentials, signInFailureMessage } from '../../src/extension/profiles/signIn';
import { isGenesysError } from '../../src/genesys/errors';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { extensionApi, logTextContaining, restoreEnvironmentProfile, waitFor } from './support/extensionApi';

/** Distinctive, so finding it anywhere is unambiguous. */
const SECRET = 'Sup3r-s3cret-for-the-log-search-7f1c';

describe('profiles and sign-in', () => {
  let api: ExtensionApi;
  let emulator: Emulator;

  before(async () => {
    api = await extensionApi();
    emulator = await startEmulator({ clientId: 'profile-test-client', clientSecret: SECRET });
  });

  after(async () => {
    await restoreEnvironmentProfile(api);
    await emulator.close();
  });

  it('offers the Environment profile from GENESYS_ENV and uses it when no other profile exists', async () => {
    assert.ok(process.env.GENESYS_ENV, 'the harness sets GENESYS_ENV');
    const env = api.host.profiles.list().find((p) => p.source === 'environment');
    assert.ok(env, 'Environment profile missing');
    assert.equal(env.name, 'Environment');
    assert.equal(env.clientId, process.env.GENESYS_CLIENT_ID);
    assert.equal(api.host.session.activeProfile()?.id, env.id);
    assert.ok(api.services.session()?.client, 'signed in through the Environment profile');
    assert.equal(
      await api.host.context.secrets.get(`genesysCloud.clientSecret.${env.id}`),
      undefined,
      'its secret is never stored',
    );
  });

  it('signs in with valid credentials: secret in SecretStorage only, profile active', async () => {
    const before = api.services.session()?.client;
    const result = await vscode.commands.executeCommand<{ id: string; name: string }>('genesysCloud.signIn', {
      environment: emulator.url,
      clientId: 'profile-test-client',
      clientSecret: SECRET,
      name: 'Test org',
    });
    assert.ok(result, 'signIn returned nothing');
    assert.equal(result.name, 'Test org');
    assert.equal(api.host.session.activeProfile()?.name, 'Test org');
    assert.notEqual(api.services.session()?.client, before, 'a new client for the new profile');
    assert.equal(api.services.session()?.client?.clientId, 'profile-test-client');
    assert.equal(await api.host.context.secrets.get(`genesysCloud.clientSecret.${result.id}`), SECRET);

    const state = api.host.context.globalState;
    const stored = JSON.stringify(state.keys().map((k) => [k, state.get(k)]));
    assert.ok(stored.includes('profile-test-client'), 'the profile itself is in globalState');
    assert.ok(!stored.includes(SECRET), 'globalState must not contain the secret');
    // The token request went to the emulator with these credentials.
    assert.ok(emulator.requests.some((r) => r.method === 'POST' && r.path === '/oauth/token' && r.status === 200));
  });

  it('rejects wrong credentials before storing anything, with the reason', async () => {
    const profilesBefore = api.host.profiles.list().map((p) => p.id);
    const activeBefore = api.host.session.activeProfile()?.id;
    const result = await vscode.commands.executeCommand('genesysCloud.signIn', {
      environment: emulator.url,
      clientId: 'profile-test-client',
      clientSecret: 'wrong-secret',
      name: 'Broken',
    });
    assert.equal(result, undefined);
    assert.deepEqual(
      api.host.profiles.list().map((p) => p.id),
      profilesBefore,
      'no profile stored',
    );
    assert.equal(api.host.session.activeProfile()?.id, activeBefore, 'active profile unchanged');
    assert.ok(!api.host.profiles.list().some((p) => p.name === 'Broken'));

    // The reason the sign-in box shows:
    const err = await checkCredentials(api.host.session, {
      environment: emulator.url,
      clientId: 'profile-test-client',
      clientSecret: 'wrong-secret',
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(
      isGenesysError(err) && err.kind === 'authentication',
      `expected an authentication error, got ${String(err)}`,
    );
    const message = signInFailureMessage(err);
    assert.match(message, /invalid_client/);
    assert.match(message, /client id and secret/);
    assert.ok(!message.includes('wrong-secret'));
  });

  it('explains an unreachable host in the sign-in box', async () => {
    const err = await checkCredentials(api.host.session, {
      environment: 'http://127.0.0.1:9',
      clientId: 'x',
      clientSecret: 'y',
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(isGenesysError(err), String(err));
    assert.match(signInFailureMessage(err), /region or URL/);
  });

  it("reloads the client when another window changes the active profile's secret", async () => {
    const profile = api.host.session.activeProfile();
    assert.equal(profile?.name, 'Test org');
    const client = api.services.session()?.client;
    let fired = false;
    const listener = api.services.onDidChangeSession(() => (fired = true));
    try {
      await api.host.context.secrets.store(`genesysCloud.clientSecret.${profile.id}`, `${SECRET}-rotated`);
      await waitFor(
        () => fired && api.services.session()?.client !== client,
        'a session reload after secrets.onDidChange',
      );
    } finally {
      listener.dispose();
    }
  });

  it('does not reload for its own write of the same secret', async () => {
    const profile = api.host.session.activeProfile()!;
    const client = api.services.session()?.client;
    const key = `genesysCloud.clientSecret.${profile.id}`;
    // The event must really arrive, or this test would pass without testing anything.
    let raised = false;
    const listener = api.host.context.secrets.onDidChange((e) => {
      if (e.key === key) raised = true;
    });
    try {
      await api.host.context.secrets.store(key, `${SECRET}-rotated`);
      await waitFor(() => raised, 'secrets.onDidChange for our own write');
    } finally {
      listener.dispose();
    }
    await new Promise((r) => setTimeout(r, 300)); // the session's handler reads the secret back (async)
    assert.equal(api.services.session()?.client, client);
  });

  it('switches profiles by id', async () => {
    const result = await vscode.commands.executeCommand<{ id: string }>('genesysCloud.switchProfile', {
      profileId: 'environment',
    });
    assert.equal(result?.id, 'environment');
    assert.equal(api.host.session.activeProfile()?.name, 'Environment');
    const back = await vscode.commands.executeCommand<{ id: string }>('genesysCloud.switchProfile', {
      name: 'Test org',
    });
    assert.ok(back);
    assert.equal(api.host.session.activeProfile()?.name, 'Test org');
  });

  it('signs out: deletes the secret, drops the client, shows the welcome state', async () => {
    const profile = api.host.session.activeProfile();
    assert.equal(profile?.name, 'Test org');
    await vscode.commands.executeCommand('genesysCloud.signOut');
    assert.equal(api.services.session()?.client, undefined);
    assert.equal(await api.host.context.secrets.get(`genesysCloud.clientSecret.${profile.id}`), undefined);
    assert.ok(!api.host.profiles.list().some((p) => p.id === profile.id));
    assert.deepEqual(await api.host.tree.getChildren(), [], 'no rows when signed out, so viewsWelcome shows');
  });

  it('never writes the secret to the log', async () => {
    // The log must be the one we think: it has the token requests of the sign-ins above.
    const text = await logTextContaining(api, '/oauth/token');
    assert.ok(!text.includes(SECRET), 'the client secret appears in the log');
    assert.ok(!/Bearer\s+\S/.test(text), 'a bearer token appears in the log');
  });
});
