/** ProfileStore rules on in-memory storage: which profile is active, where the secret goes, what survives bad data. */
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { ProfileStore } from '../../src/extension/profiles/profileStore';

class MemoryMemento implements vscode.Memento {
  readonly data = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.data.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.data.has(key) ? (this.data.get(key) as T) : fallback;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, value);
  }
}

class MemorySecrets implements vscode.SecretStorage {
  readonly data = new Map<string, string>();
  onDidChange: vscode.Event<vscode.SecretStorageChangeEvent> = () => ({ dispose() {} });
  async get(key: string): Promise<string | undefined> {
    return this.data.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.data.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.data.delete(key);
  }
}

const ENV = {
  GENESYS_ENV: 'mypurecloud.ie',
  GENESYS_CLIENT_ID: 'env-client',
  GENESYS_CLIENT_SECRET: 'env-secret-value',
};

describe('ProfileStore', () => {
  it('uses the Environment profile only while no other profile exists, and never stores its secret', async () => {
    const state = new MemoryMemento();
    const secrets = new MemorySecrets();
    const store = new ProfileStore(state, secrets, ENV);
    assert.equal(store.active()?.name, 'Environment');
    assert.equal(await store.secretOf(store.active()!), 'env-secret-value');
    const saved = await store.add(
      { name: 'Prod', environment: 'mypurecloud.com', clientId: 'prod-client' },
      'prod-secret',
    );
    assert.equal(store.active()?.id, saved.id, 'a stored profile wins over the Environment profile');
    assert.deepEqual(
      store.list().map((p) => p.name),
      ['Prod', 'Environment'],
    );
    const everything = JSON.stringify([...state.data]) + JSON.stringify([...secrets.data]);
    assert.ok(!everything.includes('env-secret-value'));
    assert.ok(!JSON.stringify([...state.data]).includes('prod-secret'), 'globalState holds no secret');
    assert.equal(secrets.data.get(`genesysCloud.clientSecret.${saved.id}`), 'prod-secret');
  });

  it('without the three variables there is no Environment profile', () => {
    const store = new ProfileStore(new MemoryMemento(), new MemorySecrets(), {
      GENESYS_ENV: 'mypurecloud.ie',
      GENESYS_CLIENT_ID: 'x',
    });
    assert.deepEqual(store.list(), []);
    assert.equal(store.active(), undefined);
  });

  it('after Sign Out nothing is active until the user picks a profile', async () => {
    const store = new ProfileStore(new MemoryMemento(), new MemorySecrets(), ENV);
    await store.setActive(undefined);
    assert.equal(store.active(), undefined);
    await store.setActive('environment');
    assert.equal(store.active()?.name, 'Environment');
  });

  it('a profile saved under an existing name replaces it (same id, new secret)', async () => {
    const secrets = new MemorySecrets();
    const store = new ProfileStore(new MemoryMemento(), secrets, {});
    const first = await store.add({ name: 'Org', environment: 'mypurecloud.com', clientId: 'a' }, 'one');
    const second = await store.add({ name: 'Org', environment: 'mypurecloud.de', clientId: 'b' }, 'two');
    assert.equal(second.id, first.id);
    assert.equal(store.list().length, 1);
    assert.equal(store.get(first.id)?.clientId, 'b');
    assert.equal(secrets.data.get(`genesysCloud.clientSecret.${first.id}`), 'two');
  });

  it('remove deletes the secret and the entry; the Environment profile cannot be removed', async () => {
    const secrets = new MemorySecrets();
    const store = new ProfileStore(new MemoryMemento(), secrets, ENV);
    const saved = await store.add({ name: 'Org', environment: 'mypurecloud.com', clientId: 'a' }, 'one');
    await store.remove(saved.id);
    await store.remove('environment');
    assert.equal(secrets.data.size, 0);
    assert.deepEqual(
      store.list().map((p) => p.name),
      ['Environment'],
    );
  });

  it('ignores malformed entries in globalState instead of failing', () => {
    const state = new MemoryMemento();
    state.data.set('genesysCloud.profiles', [
      null,
      42,
      { id: 'x' },
      { id: 'ok', name: 'Good', environment: 'mypurecloud.com', clientId: 'c' },
    ]);
    const store = new ProfileStore(state, new MemorySecrets(), {});
    assert.deepEqual(
      store.list().map((p) => p.name),
      ['Good'],
    );
  });

  it('maps its SecretStorage keys back to profile ids, and only its own', () => {
    assert.equal(ProfileStore.profileIdOfSecretKey('genesysCloud.clientSecret.abc'), 'abc');
    assert.equal(ProfileStore.profileIdOfSecretKey('other.extension.key'), undefined);
  });
});
