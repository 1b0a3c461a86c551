/**
 * The blank-row bug: a change event for a node whose children VS Code is still fetching makes VS Code register
 * those children under a node object it then discards, and the next fetch fails ("Element with id … is already
 * registered"), leaving an expanded integration with no children. The provider must hold such events back until
 * the load has settled, then announce them once.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { JsonObject } from '../../src/common/json';
import type { GenesysClient, IntegrationPage } from '../../src/genesys/client';
import { SubscriptionFilterAvailability } from '../../src/extension/subscriptionFilterAvailability';
import { IntegrationsTreeProvider } from '../../src/extension/tree/integrationsTreeProvider';
import type { TreeNode } from '../../src/extension/tree/treeNode';
import { waitFor } from './support/extensionApi';

const INTEGRATION: IntegrationPage = {
  entities: [{ id: 'i-1', name: 'Held integration', raw: {} }],
  pageNumber: 1,
  pageCount: 1,
};

/** A provider over a fake client, with every change event it fires recorded; dispose() cleans up. */
function providerFor(client: Partial<GenesysClient>) {
  const fake = client as GenesysClient;
  const session = { client: fake, subscriptionFilters: new SubscriptionFilterAvailability(fake, () => undefined) };
  const log = vscode.window.createOutputChannel('tree-refresh-test', { log: true });
  const provider = new IntegrationsTreeProvider(
    { session: () => session, organizationId: async () => undefined, managedBy: () => undefined },
    log,
  );
  const fired: (TreeNode | undefined)[] = [];
  const listener = provider.onDidChangeTreeData((node) => fired.push(node));
  const dispose = () => {
    listener.dispose();
    provider.dispose();
    log.dispose();
  };
  return { provider, fired, dispose };
}

describe('tree: change events while a load is in flight', () => {
  it('holds back changes to a node until its children load settles, then announces them once', async () => {
    const held: ((doc: JsonObject) => void)[] = [];
    const { provider, fired, dispose } = providerFor({
      listEventBridgeIntegrationsPage: () => Promise.resolve(INTEGRATION),
      getIntegrationConfig: () => Promise.resolve({ version: 1, properties: { awsAccountId: '1', eventFilter: [] } }),
      // The subscriptions answer only when the test says so: the load stays in flight.
      getEventBridgeDocument: () => new Promise<JsonObject>((resolve) => held.push(resolve)),
    });
    try {
      const [integration] = await provider.getChildren();
      // The root's own load (and its read-ahead of each row's details) is over before the test starts.
      await new Promise((resolve) => setTimeout(resolve, 50));
      fired.length = 0;
      const loading = provider.getChildren(integration);
      await waitFor(() => held.length === 1, 'the subscriptions request');
      // The config answered during the load (a row redraw), and a write's refresh arrives too: neither may fire yet.
      provider.refresh('i-1');
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(fired, [], 'nothing announced while VS Code is fetching the children');

      held[0]({ subscriptions: [{ name: 'sub', filterCriteria: { attributes: [] } }] });
      const rows = await loading;
      assert.deepEqual(
        rows.map((r) => r.id),
        ['integration/i-1/topics', 'integration/i-1/subscription/sub'],
      );
      await waitFor(() => fired.length > 0, 'the held change');
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(fired.length, 1, 'announced once, after the load');
      const announced = fired[0] as TreeNode;
      assert.equal(announced.id, 'integration/i-1');

      // The refresh dropped the cached children: VS Code's next fetch reads again, and gets the new rows.
      const again = provider.getChildren(announced);
      await waitFor(() => held.length === 2, 'a fresh subscriptions request');
      held[1]({ subscriptions: [{ name: 'sub' }, { name: 'added by the write' }] });
      assert.deepEqual(
        (await again).map((r) => r.id),
        [
          'integration/i-1/topics',
          'integration/i-1/subscription/sub',
          'integration/i-1/subscription/added by the write',
        ],
      );
    } finally {
      dispose();
    }
  });

  it('a change to a node that is not loading is announced at once', async () => {
    const { provider, fired, dispose } = providerFor({
      listEventBridgeIntegrationsPage: () => Promise.resolve(INTEGRATION),
      getIntegrationConfig: () => Promise.resolve({ version: 1, properties: {} }),
      getEventBridgeDocument: () => Promise.resolve({ subscriptions: [] }),
    });
    try {
      const [integration] = await provider.getChildren();
      await provider.getChildren(integration);
      await new Promise((resolve) => setTimeout(resolve, 20));
      fired.length = 0;
      provider.refresh('i-1');
      assert.deepEqual(
        fired.map((n) => n?.id),
        ['integration/i-1'],
      );
    } finally {
      dispose();
    }
  });
  it("a write's refresh redraws the expanded integration once; its load redraws it again only if the row's text changed", async () => {
    let account = '111111111111';
    const { provider, fired, dispose } = providerFor({
      listEventBridgeIntegrationsPage: () => Promise.resolve(INTEGRATION),
      getIntegrationConfig: () =>
        Promise.resolve({ version: 1, properties: { awsAccountId: account, awsAccountRegion: 'eu-west-1' } }),
      getEventBridgeDocument: () => Promise.resolve({ subscriptions: [] }),
    });
    /** The write's refresh, then what VS Code does for an expanded row: fetch its children again. */
    const refreshAndRefetch = async (): Promise<string[]> => {
      fired.length = 0;
      provider.refresh('i-1');
      await provider.getChildren(fired[0]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return fired.map((n) => n?.id ?? 'root');
    };
    try {
      const [integration] = await provider.getChildren();
      await provider.getChildren(integration);
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Every redraw of an expanded row re-registers all its rows in VS Code: an inline action clicked meanwhile
      // reaches its command without its row (the command then asks "Pick an EventBridge integration").
      assert.deepEqual(await refreshAndRefetch(), ['integration/i-1'], 'same account and region: one redraw');
      account = '222222222222';
      assert.deepEqual(
        await refreshAndRefetch(),
        ['integration/i-1', 'integration/i-1'],
        'the account changed: the row is drawn again once it is known',
      );
    } finally {
      dispose();
    }
  });
});
