/** The EventBridge Integrations tree against the emulators: rows, the 404 row, error and empty rows, paging. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/main';
import { SubscriptionFilterAvailability } from '../../src/extension/subscriptionFilterAvailability';
import { subscriptionFiltersUnavailableLabel } from '../../src/extension/tree/integrationChildren';
import { IntegrationNode } from '../../src/extension/tree/integrationNode';
import type { TreeNode } from '../../src/extension/tree/treeNode';
import type { GenesysClient } from '../../src/genesys/client';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import {
  defaultOrgData,
  DISABLED_INTEGRATION_ID,
  MULTI_SUBSCRIPTION_INTEGRATION_ID,
  REAL_ORG_INTEGRATION_ID,
} from '../../src/emulator/defaultOrgData';
import { EVENTBRIDGE_TYPE_ID } from '../../src/genesys/integrations';
import type { JsonObject } from '../../src/common/json';
import {
  children,
  extensionApi,
  find,
  logTextContaining,
  restoreEnvironmentProfile,
  rowOf,
  waitFor,
  withProfile,
} from './support/extensionApi';

describe('integrations tree', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await extensionApi();
    await restoreEnvironmentProfile(api);
    await fetch(`${process.env.EBF_EMULATOR_URL}/__emulator/reset`, { method: 'POST' });
    api.services.refresh();
  });

  after(async () => {
    await fetch(`${process.env.EBF_EMULATOR_URL}/__emulator/reset`, { method: 'POST' });
    api.services.refresh();
  });

  it('lists the EventBridge integrations only, with state and warning icons', async () => {
    const rows = await children(api);
    const labels = rows.map((r) => r.label);
    for (const name of [
      'Voice stream (tutorial)',
      'Contact center analytics',
      'Legacy audit feed',
      'Org events (production)',
    ]) {
      assert.ok(labels.includes(name), `missing ${name} in ${labels.join(', ')}`);
    }
    assert.ok(!labels.includes('CRM web services'), 'non-EventBridge integrations are not listed');
    const legacy = find(rows, 'Legacy audit feed');
    assert.match(legacy.description, /ERROR/);
    assert.equal(legacy.icon, 'warning');
    assert.match(legacy.contextValue ?? '', /^integration/);
    assert.equal((legacy.node as unknown as { integrationId: string }).integrationId, DISABLED_INTEGRATION_ID);
    const analytics = find(rows, 'Contact center analytics');
    assert.equal(analytics.contextValue, 'integration');
    // A small org's configs are read ahead, so rows show account · region · state without being expanded.
    await waitFor(
      () => rowOf(api, legacy.node).description === '345678901234 · us-west-2 · ERROR',
      'the row details of Legacy audit feed',
    );
    assert.equal(analytics.icon, 'radio-tower');
    assert.ok(analytics.collapsible);
  });

  it('expands an integration into topic filters and subscriptions, and a subscription into filters', async () => {
    const analytics = find(await children(api), 'Contact center analytics');
    const below = await children(api, analytics.node);
    const topics = find(below, 'Topic filters');
    assert.equal(topics.contextValue, 'topicFilters');
    assert.equal(topics.description, '4 topics');
    const topicRows = await children(api, topics.node);
    assert.ok(topicRows.some((r) => r.label === 'v2.routing.queues.{id}.conversations' && r.contextValue === 'topic'));
    assert.equal((topicRows[0].node as unknown as { topic: string }).topic, topicRows[0].label);

    const premium = find(below, 'premium-queues');
    assert.equal(premium.contextValue, 'subscription');
    assert.match(premium.description, /^\d+ filters? · \d+ events?$/);
    const filters = await children(api, premium.node);
    assert.ok(filters.length > 0);
    for (const f of filters) {
      assert.match(f.contextValue ?? '', /^filter:(regex|exact|exists|notexists)$/);
      assert.equal((f.node as unknown as { attributeKey: string }).attributeKey, f.label);
      assert.equal((f.node as unknown as { subscriptionName: string }).subscriptionName, 'premium-queues');
      assert.match(f.description, /^(regex|exact|exists|notexists)/);
    }

    // Once the config is read, the integration row shows account · region · state and the event source.
    const redrawn = find(await children(api), 'Contact center analytics');
    assert.equal(redrawn.description, '210987654321 · eu-west-1 · ACTIVE');
    assert.match(redrawn.tooltip, /aws\.partner\/genesys\.com\/cloud\/[0-9a-f-]+\/cc-analytics/);
  });

  it('shows one calm row when the subscription-filter endpoint answers 404, and asks only once per session', async () => {
    const admin = process.env.EBF_EMULATOR_URL!;
    await fetch(`${admin}/__emulator/requests`, { method: 'DELETE' });
    const org = find(await children(api), 'Org events (production)');
    const below = await children(api, org.node);
    assert.equal(find(below, 'Topic filters').description, '5 topics');
    const calm = find(below, subscriptionFiltersUnavailableLabel());
    assert.equal(calm.icon, 'info');
    assert.equal(calm.description, '(the subscription-filter endpoint is not part of the public API)');
    assert.equal(below.length, 2, 'topic filters + one informative row, nothing else');
    assert.ok(api.services.session()!.subscriptionFilters.isUnavailable(REAL_ORG_INTEGRATION_ID));

    // A flow's refresh of this integration (after a topic edit) must not ask again.
    api.services.refresh(REAL_ORG_INTEGRATION_ID);
    const again = await children(api, find(await children(api), 'Org events (production)').node);
    find(again, subscriptionFiltersUnavailableLabel());
    const requests = (await (await fetch(`${admin}/__emulator/requests`)).json()) as {
      method: string;
      path: string;
      status: number;
    }[];
    const documentCalls = requests.filter((r) =>
      r.path.startsWith(`/api/v2/integrations/eventbridge/${REAL_ORG_INTEGRATION_ID}`),
    );
    assert.equal(documentCalls.length, 1, `subscription-filter endpoint asked ${documentCalls.length} times`);
    assert.equal(documentCalls[0].status, 404);
    assert.ok(
      requests.some((r) => r.path === `/api/v2/integrations/${REAL_ORG_INTEGRATION_ID}/config/current`),
      'the config is re-read on refresh',
    );

    // So must a flow's refresh of an integration the tree has not loaded (it still reloads the tree).
    api.services.refresh('00000000-0000-4000-8000-00000000dead');
    assert.ok(
      api.services.session()!.subscriptionFilters.isUnavailable(REAL_ORG_INTEGRATION_ID),
      'a one-integration refresh kept the 404 memory',
    );

    // The whole-tree Refresh forgets it.
    await vscode.commands.executeCommand('genesysCloud.refresh');
    assert.ok(!api.services.session()!.subscriptionFilters.isUnavailable(REAL_ORG_INTEGRATION_ID));
  });

  it('Copy ID puts the integration id on the clipboard', async () => {
    const voice = find(await children(api), 'Voice stream (tutorial)');
    const before = await vscode.env.clipboard.readText();
    try {
      await vscode.commands.executeCommand('genesysCloud.copyId', voice.node);
      assert.equal(
        await vscode.env.clipboard.readText(),
        (voice.node as unknown as { integrationId: string }).integrationId,
      );
    } finally {
      await vscode.env.clipboard.writeText(before);
    }
  });

  it('shares one load between concurrent expansions of a node', async () => {
    const admin = process.env.EBF_EMULATOR_URL!;
    const voice = find(await children(api), 'Voice stream (tutorial)');
    await fetch(`${admin}/__emulator/requests`, { method: 'DELETE' });
    const [a, b] = await Promise.all([api.host.tree.getChildren(voice.node), api.host.tree.getChildren(voice.node)]);
    assert.equal(a, b);
    const requests = (await (await fetch(`${admin}/__emulator/requests`)).json()) as { path: string }[];
    // The config may already have been read ahead (small orgs); the subscriptions are read on expansion, once.
    assert.ok(requests.filter((r) => r.path.includes('/config/current')).length <= 1);
    assert.equal(requests.filter((r) => r.path.startsWith('/api/v2/integrations/eventbridge/')).length, 1);
  });

  it('a config read answering after a refresh started a newer one never draws its stale values', async () => {
    // Two reads in flight for one row, answered out of order: the older one (from before the refresh) last.
    const pending: ((config: JsonObject) => void)[] = [];
    const client = {
      getIntegrationConfig: () => new Promise<JsonObject>((resolve) => pending.push(resolve)),
    } as unknown as GenesysClient;
    const redrawn: TreeNode[] = [];
    const node = new IntegrationNode(
      undefined,
      { id: 'race', name: 'Race', raw: {} },
      {
        session: () => ({ client, subscriptionFilters: new SubscriptionFilterAvailability(client, () => undefined) }),
        organizationId: async () => undefined,
        rowChanged: (n) => redrawn.push(n),
      },
    );
    const signal = new AbortController().signal;
    const config = (account: string, topics: string[]): JsonObject => ({
      properties: { awsAccountId: account, awsAccountRegion: 'eu-west-1', eventFilter: topics },
    });
    const stale = node.loadDetails(signal);
    node.forgetDetails(); // what a refresh of this integration does, e.g. right after a write
    const topicsGroup = node.loadChildren(signal);
    await waitFor(() => pending.length === 2, 'the second config read');
    pending[1](config('222222222222', ['v2.users.{id}.presence']));
    await waitFor(() => redrawn.length === 1, 'the row redrawn with the fresh config');
    pending[0](config('111111111111', []));
    await stale;
    assert.equal(redrawn.length, 1, 'the stale answer did not redraw the row');
    assert.equal(rowOf(api, node).description, '222222222222 · eu-west-1');
    const [topics] = await topicsGroup.catch(() => [] as TreeNode[]);
    assert.equal(rowOf(api, topics).description, '1 topic', 'the topic group is built from its own (fresh) read');
  });

  describe('against its own emulators', () => {
    let emulator: Emulator | undefined;
    afterEach(async () => {
      await emulator?.close();
      emulator = undefined;
    });

    it('turns a failed listing into an error row with a retry, never an empty tree', async () => {
      emulator = await startEmulator();
      const em = emulator;
      await withProfile(
        api,
        { environment: em.url, clientId: em.clientId, clientSecret: em.clientSecret, name: 'Faulty org' },
        async () => {
          em.addFault({
            method: 'GET',
            path: '/api/v2/integrations?',
            status: 403,
            times: 1,
            body: {
              status: 403,
              code: 'missing.permissions',
              message: 'Missing permission integrations:integration:view',
            },
          });
          api.services.refresh();
          const rows = await children(api);
          assert.equal(rows.length, 1);
          assert.equal(rows[0].icon, 'error');
          assert.equal(rows[0].contextValue, 'error');
          assert.match(rows[0].label, /^Could not load integrations: .*integrations:integration:view/);
          assert.equal(rows[0].command, 'genesysCloud.refresh', 'clicking the row retries');

          await vscode.commands.executeCommand('genesysCloud.refresh', rows[0].node);
          const retried = await children(api);
          find(retried, 'Voice stream (tutorial)');
        },
      );
    });

    it('waits out a 429 as the platform asks, logs the wait, and still shows the rows', async () => {
      emulator = await startEmulator();
      const em = emulator;
      await withProfile(
        api,
        { environment: em.url, clientId: em.clientId, clientSecret: em.clientSecret, name: 'Busy org' },
        async () => {
          em.addFault({ method: 'GET', path: '/api/v2/integrations?', status: 429, retryAfter: 1, times: 1 });
          api.services.refresh();
          const started = Date.now();
          const rows = await children(api);
          assert.ok(Date.now() - started >= 900, 'Retry-After: 1 was honoured');
          find(rows, 'Voice stream (tutorial)');
          await logTextContaining(api, 'waiting 1 s before attempt 2 of 5');
        },
      );
    });

    it('says so when the org has no EventBridge integrations', async () => {
      const orgData = defaultOrgData();
      orgData.integrations = orgData.integrations.filter(
        (i) => (i.integrationType as JsonObject).id !== EVENTBRIDGE_TYPE_ID,
      );
      emulator = await startEmulator({ data: orgData });
      const em = emulator;
      await withProfile(
        api,
        { environment: em.url, clientId: em.clientId, clientSecret: em.clientSecret, name: 'Empty org' },
        async () => {
          const rows = await children(api);
          assert.deepEqual(
            rows.map((r) => r.label),
            ['No EventBridge integrations in this org'],
          );
          assert.equal(rows[0].icon, 'info');
        },
      );
    });

    it('pages a 1,000-integration org: page 1 only before the first render, then "Load more…" until all are shown', async () => {
      const orgData = defaultOrgData();
      const template = orgData.integrations.find((i) => i.id === MULTI_SUBSCRIPTION_INTEGRATION_ID)!;
      const many: JsonObject[] = [];
      for (let n = 0; n < 1000; n++) {
        many.push({
          ...template,
          id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
          name: `Bulk integration ${String(n).padStart(4, '0')}`,
        });
      }
      orgData.integrations = many;
      orgData.eventBridgeDocuments = {};
      orgData.configs = {};
      emulator = await startEmulator({ data: orgData });
      const em = emulator;
      await withProfile(
        api,
        { environment: em.url, clientId: em.clientId, clientSecret: em.clientSecret, name: 'Large org' },
        async () => {
          em.requests.length = 0; // the sign-in's token check is not part of the first render
          const first = await children(api);
          assert.equal(first.length, 101);
          const more = first[100];
          assert.equal(more.label, 'Load more…');
          assert.equal(more.description, '100 shown · page 1 of 10');
          assert.equal(more.command, 'genesysCloud.loadMore');
          const apiCalls = () => em.requests.filter((r) => r.path.startsWith('/api/v2/'));
          const listCalls = () => apiCalls().filter((r) => r.path.startsWith('/api/v2/integrations?'));
          assert.deepEqual(
            apiCalls().map((r) => r.path),
            ['/api/v2/integrations?pageSize=100&pageNumber=1'],
            'the first render reads page 1 and nothing else (no per-integration reads ahead in a large org)',
          );
          // Still nothing more a moment later: no background reads of details or further pages.
          await new Promise((r) => setTimeout(r, 300));
          assert.equal(apiCalls().length, 1);

          let rows = first;
          for (let page = 2; page <= 10; page++) {
            await vscode.commands.executeCommand('genesysCloud.loadMore', rows.at(-1)!.node);
            rows = await children(api);
            assert.equal(listCalls().length, page, `one request per "Load more…" (page ${page})`);
            assert.equal(rows[0].label, 'Bulk integration 0000', 'earlier rows keep their place');
          }
          assert.equal(rows.length, 1000, 'no "Load more…" row once every page is read');
          assert.equal(new Set(rows.map((r) => r.node.id)).size, 1000, 'ids are unique');
          assert.equal(apiCalls().length, 10, 'only list pages were read');
        },
      );
    });
  });
});
