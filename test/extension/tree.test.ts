/** The EventBridge Integrations tree against the emulators: rows, the 404 row, error and empty rows, paging. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/main';
import { SEED_ENDPOINT_UNAVAILABLE } from '../../src/extension/tree/integrationNode';
import type { LoadMoreNode } from '../../src/extension/tree/loadMoreNode';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { defaultSeed, DISABLED_INTEGRATION_ID, EVENTBRIDGE_TYPE_ID, MULTI_SUBSCRIPTION_INTEGRATION_ID, REAL_ORG_INTEGRATION_ID } from '../../src/emulator/seed';
import type { JsonObject } from '../../src/filters/json';
import { children, extensionApi, find, logTextContaining, restoreEnvironmentProfile, rowOf, waitFor, withProfile } from './support/extensionApi';

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
    for (const name of ['Voice stream (tutorial)', 'Contact center analytics', 'Legacy audit feed', 'Org events (production)']) {
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
    await waitFor(() => rowOf(api, legacy.node).description === '345678901234 · us-west-2 · ERROR', 'the row details of Legacy audit feed');
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

  it('shows one calm row when the seed endpoint answers 404, and asks only once per session', async () => {
    const admin = process.env.EBF_EMULATOR_URL!;
    await fetch(`${admin}/__emulator/requests`, { method: 'DELETE' });
    const org = find(await children(api), 'Org events (production)');
    const below = await children(api, org.node);
    assert.equal(find(below, 'Topic filters').description, '5 topics');
    const calm = find(below, SEED_ENDPOINT_UNAVAILABLE);
    assert.equal(calm.icon, 'info');
    assert.equal(calm.description, '(the subscription-filter endpoint is not part of the public API)');
    assert.equal(below.length, 2, 'topic filters + one informative row, nothing else');
    assert.ok(api.services.seedEndpointUnavailable.has(REAL_ORG_INTEGRATION_ID));

    // A flow's refresh of this integration (after a topic edit) must not ask again.
    api.services.refresh(REAL_ORG_INTEGRATION_ID);
    const again = await children(api, find(await children(api), 'Org events (production)').node);
    find(again, SEED_ENDPOINT_UNAVAILABLE);
    const requests = (await (await fetch(`${admin}/__emulator/requests`)).json()) as { method: string; path: string; status: number }[];
    const seedCalls = requests.filter((r) => r.path.startsWith(`/api/v2/integrations/eventbridge/${REAL_ORG_INTEGRATION_ID}`));
    assert.equal(seedCalls.length, 1, `seed endpoint asked ${seedCalls.length} times`);
    assert.equal(seedCalls[0].status, 404);
    assert.ok(requests.some((r) => r.path === `/api/v2/integrations/${REAL_ORG_INTEGRATION_ID}/config/current`), 'the config is re-read on refresh');

    // The whole-tree Refresh forgets it.
    await vscode.commands.executeCommand('genesysCloud.refresh');
    assert.equal(api.services.seedEndpointUnavailable.size, 0);
  });

  it('Copy ID puts the integration id on the clipboard', async () => {
    const voice = find(await children(api), 'Voice stream (tutorial)');
    const before = await vscode.env.clipboard.readText();
    try {
      await vscode.commands.executeCommand('genesysCloud.copyId', voice.node);
      assert.equal(await vscode.env.clipboard.readText(), (voice.node as unknown as { integrationId: string }).integrationId);
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

  describe('against its own emulators', () => {
    let emulator: Emulator | undefined;
    afterEach(async () => {
      await emulator?.close();
      emulator = undefined;
    });

    it('turns a failed listing into an error row with a retry, never an empty tree', async () => {
      emulator = await startEmulator();
      const em = emulator;
      await withProfile(api, { environment: em.url, clientId: em.clientId, clientSecret: em.clientSecret, name: 'Faulty org' }, async () => {
        em.addFault({ method: 'GET', path: '/api/v2/integrations?', status: 403, times: 1,
          body: { status: 403, code: 'missing.permissions', message: 'Missing permission integrations:integration:view' } });
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
      });
    });

    it('waits out a 429 as the platform asks, logs the wait, and still shows the rows', async () => {
      emulator = await startEmulator();
      const em = emulator;
      await withProfile(api, { environment: em.url, clientId: em.clientId, clientSecret: em.clientSecret, name: 'Busy org' }, async () => {
        em.addFault({ method: 'GET', path: '/api/v2/integrations?', status: 429, retryAfter: 1, times: 1 });
        api.services.refresh();
        const started = Date.now();
        const rows = await children(api);
        assert.ok(Date.now() - started >= 900, 'Retry-After: 1 was honoured');
        find(rows, 'Voice stream (tutorial)');
        await logTextContaining(api, 'waiting 1s before attempt 2 of 5');
      });
    });

    it('says so when the org has no EventBridge integrations', async () => {
      const seed = defaultSeed();
      seed.integrations = seed.integrations.filter((i) => (i.integrationType as JsonObject).id !== EVENTBRIDGE_TYPE_ID);
      emulator = await startEmulator({ seed });
      const em = emulator;
      await withProfile(api, { environment: em.url, clientId: em.clientId, clientSecret: em.clientSecret, name: 'Empty org' }, async () => {
        const rows = await children(api);
        assert.deepEqual(rows.map((r) => r.label), ['No EventBridge integrations in this org']);
        assert.equal(rows[0].icon, 'info');
      });
    });

    it('pages a large org: 100 rows, then "Load more…" until all are shown', async () => {
      const seed = defaultSeed();
      const template = seed.integrations.find((i) => i.id === MULTI_SUBSCRIPTION_INTEGRATION_ID)!;
      const many: JsonObject[] = [];
      for (let n = 0; n < 230; n++) {
        many.push({ ...template, id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name: `Bulk integration ${String(n).padStart(3, '0')}` });
      }
      seed.integrations = many;
      seed.eventBridgeDocuments = {};
      seed.configs = {};
      emulator = await startEmulator({ seed });
      const em = emulator;
      await withProfile(api, { environment: em.url, clientId: em.clientId, clientSecret: em.clientSecret, name: 'Large org' }, async () => {
        const first = await children(api);
        assert.equal(first.length, 101);
        const more = first[100];
        assert.equal(more.label, 'Load more…');
        assert.equal(more.description, '100 of 230');
        assert.equal(more.command, 'genesysCloud.loadMore');
        const listCalls = () => em.requests.filter((r) => r.path.startsWith('/api/v2/integrations?')).length;
        assert.equal(listCalls(), 1, 'only page 1 was read');

        await vscode.commands.executeCommand('genesysCloud.loadMore', more.node as LoadMoreNode);
        const second = await children(api);
        assert.equal(second.length, 201);
        assert.equal(second[0].label, 'Bulk integration 000', 'earlier rows keep their place');
        await vscode.commands.executeCommand('genesysCloud.loadMore', second[200].node as LoadMoreNode);
        const all = await children(api);
        assert.equal(all.length, 230);
        assert.equal(new Set(all.map((r) => r.node.id)).size, 230, 'ids are unique');
        assert.equal(listCalls(), 3);
      });
    });
  });
});
