/**
 * Preview Filter on Events… in the real extension host, against the harness emulator: from a subscription row with a
 * workspace file (every outcome, a malformed line named FILE:LINE, the page's CSP and escaping, an event opened as
 * JSON), the bundled samples from the palette, a big file capped in the table, errors, and a live recording.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { JSON_DOCUMENT_SCHEME } from '../../../src/extension/flows/documents/jsonDocuments';
import {
  MULTI_SUBSCRIPTION_INTEGRATION_ID as MULTI,
  REAL_ORG_INTEGRATION_ID as REAL_ORG,
  TUTORIAL_INTEGRATION_ID as TUTORIAL,
} from '../../../src/emulator/defaultOrgData';
import { REPO_ROOT } from '../../vscode/paths';
import { logTextContaining } from '../support/extensionApi';
import { script, useFlowTestContext } from './flowTestSetup';
import { cspOf, eventBridgeEvent, topicOf, writeWorkspaceFile, type PreviewShown } from './previewFixtures';

const preview = (arg?: unknown) =>
  vscode.commands.executeCommand<PreviewShown | undefined>('genesysCloud.previewFilter', arg);

/** premium-queues: queue name ^Premium.*$, direction exact inbound, customer id exists. */
function premiumEvent(queue: string, direction: string, customer?: string) {
  const interaction = {
    routing: { queue: { name: queue } },
    direction,
    ...(customer ? { customer: { id: customer } } : {}),
  };
  return eventBridgeEvent(topicOf('acd.start'), { interaction });
}

describe('flows: Preview Filter on Events…', function () {
  this.timeout(60_000);
  const t = useFlowTestContext();

  it('from a subscription row on a workspace file: every outcome, FILE:LINE for a malformed line, a safe page, events open as JSON', async () => {
    const file = writeWorkspaceFile('events/premium.jsonl', [
      premiumEvent('Premium Gold', 'inbound', 'c1'),
      premiumEvent('Standard <script>alert(1)</script>', 'inbound', 'c2'),
      premiumEvent('Premium Silver', 'outbound', 'c3'),
      eventBridgeEvent('v2.users.278522be-1683-4877-8257-4164a177be89.presence', { id: 'u1' }),
      '{"broken": ',
      premiumEvent('Premium Gold', 'inbound'),
    ]);
    const prompter = script(t, [{ id: 'events', pick: 'events/premium.jsonl' }]);
    // What a subscription row passes to its menu command.
    const shown = await preview({ integrationId: MULTI, subscriptionName: 'premium-queues' });
    assert.ok(shown, 'the command returned the preview');
    assert.deepEqual(prompter.remaining, []);
    assert.deepEqual(
      prompter.prompts.map((p) => p.id),
      ['events'],
      'the row answers integration and subscription',
    );
    const { outcome, panel } = shown;
    const { summary } = outcome;
    assert.deepEqual([summary.total, summary.kept, summary.dropped, summary.invalid], [5, 1, 4, 1]);
    assert.deepEqual(summary.droppedBy, { 'filter:0': 1, 'filter:1': 1, topic: 1, 'filter:2': 1 });
    assert.equal(outcome.headline, 'Keeps 1 of 5 events (20%)');
    assert.match(outcome.invalid[0], /^events\/premium\.jsonl:5: /, 'a malformed line is named FILE:LINE');
    const standard = outcome.rows[1];
    assert.equal(standard.decidedBy, '1. interaction.routing.queue.name regex "^Premium.*$"');
    assert.equal(standard.value, '"Standard <script>alert(1)</script>"');
    assert.equal(standard.source, 'line 2', 'one file: the line is enough');
    assert.equal(outcome.rows[3].decidedBy, 'topic filter');
    assert.ok(
      outcome.warnings.some((w) => /combine/.test(w)),
      'unknown filter fields are named, never ignored silently',
    );

    const html = panel.html;
    const csp = cspOf(html);
    assert.match(
      csp,
      /^default-src 'none'; style-src [^;']*'self'[^;]*; script-src 'nonce-[A-Za-z0-9+/=]+'; img-src [^;]+$/,
    );
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    assert.equal((html.match(/<script\b/g) ?? []).length, 1, 'one script');
    assert.match(
      html,
      new RegExp(`<script nonce="${nonce.replace(/[+/=]/g, '\\$&')}" src="[^"]+preview\\.js"></script>`),
    );
    assert.doesNotMatch(html, /\sstyle=|\son[a-z]+=/i, 'no inline style or handler');
    assert.doesNotMatch(html, /<script>alert/, 'event values are escaped');
    assert.match(html, /&#60;script&#62;alert\(1\)/);
    assert.match(html, /Keeps 1 of 5 events \(20%\)/);
    assert.match(html, /events\/premium\.jsonl:5: /);
    assert.equal((html.match(/<tr tabindex=/g) ?? []).length, 5);
    assert.match(html, /<table id="events" role="grid" aria-readonly="true" aria-rowcount="6"/);
    assert.equal((html.match(/<tr tabindex="0"/g) ?? []).length, 1, 'one tab stop in the table');
    assert.ok(file);

    await panel.receive({ type: 'open', index: 1 });
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.scheme, JSON_DOCUMENT_SCHEME);
    assert.deepEqual(
      JSON.parse(editor.document.getText()).detail.eventBody.interaction.routing.queue.name,
      'Standard <script>alert(1)</script>',
    );
    // Malformed messages from the page are ignored.
    await panel.receive({ type: 'open', index: -1 });
    await panel.receive('open');
    await panel.receive({ type: 'runSomething' });

    // "Other Events…": the same filters, the event question again (the events used last come first).
    const again = script(t, [{ id: 'events', pick: 'Bundled samples' }]);
    await panel.receive({ type: 'otherEvents' });
    assert.deepEqual(again.remaining, []);
    assert.equal(again.find('events')[0].items![0].description, 'used last');
    assert.match(panel.html, /Preview on the bundled samples/);
    assert.match(panel.html, /Keeps 0 of 2 events \(0%\)/);
  });

  it('from a filter row: the panel marks that filter and says what each filter dropped', async () => {
    const file = writeWorkspaceFile('events/direction.jsonl', [
      premiumEvent('Premium Gold', 'inbound', 'c1'),
      premiumEvent('Premium Gold', 'outbound', 'c2'),
      premiumEvent('Premium Gold', 'outbound', 'c3'),
    ]);
    script(t, []);
    const shown = await preview({
      integrationId: MULTI,
      subscriptionName: 'premium-queues',
      attributeKey: 'interaction.direction',
      events: file,
    });
    assert.ok(shown);
    assert.deepEqual(
      shown.outcome.attributeFilters.map((f) => [f.text, f.isFocus, f.dropped]),
      [
        ['interaction.routing.queue.name regex "^Premium.*$"', false, 0],
        ['interaction.direction exact "inbound"', true, 2],
        ['interaction.customer.id exists', false, 0],
      ],
    );
    assert.match(
      shown.panel.html,
      /<li class="focus"><span class="mono">interaction\.direction exact &#34;inbound&#34;<\/span><span class="tag focus">this filter<\/span><span class="count">dropped 2<\/span>/,
    );
  });

  it('is offered in the palette and on subscription, filter and Topic filters rows', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const rows = (manifest.contributes.menus['view/item/context'] as { command: string; when: string }[])
      .filter((m) => m.command === 'genesysCloud.previewFilter')
      .map((m) => /viewItem (?:==|=~) (\S+)/.exec(m.when)![1]);
    assert.deepEqual([...new Set(rows)].sort(), ['/^filter:/', 'subscription', 'topicFilters']);
    const hidden = (manifest.contributes.menus.commandPalette as { command: string; when: string }[]).filter(
      (m) => m.command === 'genesysCloud.previewFilter',
    );
    assert.deepEqual(hidden, [], 'not hidden from the palette');
  });

  it('from the palette on the bundled samples: an org without attribute filters previews its topic filter and says so', async () => {
    const prompter = script(t, [
      { id: 'integration', pick: 'Org events (production)' },
      { id: 'events', pick: 'Bundled samples' },
    ]);
    const shown = await preview();
    assert.ok(shown);
    assert.deepEqual(prompter.remaining, []);
    const labels = prompter.find('events')[0].items!.map((i) => i.label);
    for (const label of ['Bundled samples', 'Record live events…', 'Browse…']) assert.ok(labels.includes(label), label);
    const { outcome } = shown;
    assert.deepEqual([outcome.summary.total, outcome.summary.kept, outcome.summary.invalid], [2, 2, 0]);
    assert.ok(outcome.warnings.some((w) => /Attribute filters are not available/.test(w)));
    assert.deepEqual(outcome.topicFilter?.entries.length, 5);
    assert.deepEqual(
      outcome.rows.map((r) => r.reason),
      [
        'topic matches v2.audits.entitytype.{id}.entityid.{id}; no attribute filters',
        'topic matches v2.conversations.{id}.transcription; no attribute filters',
      ],
    );
    assert.equal(outcome.events.label, 'the bundled samples');
  });

  it('a big file: the counts cover every event, the table the first 500 (and says so)', async () => {
    const lines = Array.from({ length: 1_200 }, (_, i) =>
      premiumEvent(i % 3 === 0 ? 'Premium' : 'Basic', 'inbound', 'c'),
    );
    writeWorkspaceFile('events/big.jsonl', lines);
    script(t, [{ id: 'events', pick: 'events/big.jsonl' }]);
    const shown = await preview({ integrationId: MULTI, subscriptionName: 'premium-queues' });
    assert.ok(shown);
    assert.deepEqual([shown.outcome.summary.total, shown.outcome.summary.kept], [1_200, 400]);
    assert.equal(shown.outcome.rows.length, 500);
    assert.equal(shown.outcome.eventsByIndex.size, 500);
    assert.match(shown.panel.html, /Showing the first 500 of 1,200 events/);
  });

  it('an invalid draft pattern is refused with its position, before any event is read', async () => {
    const file = writeWorkspaceFile('events/one.jsonl', [premiumEvent('Premium', 'inbound', 'c')]);
    script(t, []);
    const shown = await preview({
      integrationId: TUTORIAL,
      subscriptionName: 'default-voice-stream',
      attributeKey: 'queueId',
      matchType: 'regex',
      values: ['^(4f1c'],
      events: file,
    });
    assert.equal(shown, undefined);
    const log = await logTextContaining(t.api, 'cannot be evaluated with RE2');
    assert.match(log, /The pattern "\^\(4f1c" of the draft \(queueId\) cannot be evaluated with RE2: missing \)/);
  });

  it('a file that cannot be read is reported as an input, not a crash', async () => {
    script(t, []);
    const shown = await preview({ integrationId: REAL_ORG, topicFilterOnly: true, events: ['events/missing.jsonl'] });
    assert.ok(shown);
    assert.equal(shown.outcome.summary.total, 0);
    assert.match(shown.outcome.invalid[0], /^events\/missing\.jsonl: cannot read the file \(ENOENT/);
  });

  it('records live events: says which topics cannot be recorded, asks the ids, unsubscribes, previews the recording', async () => {
    const agent = '278522be-1683-4877-8257-4164a177be89';
    const prompter = script(t, [
      { id: 'integration', pick: 'Contact center analytics' },
      { id: 'previewSubscription', pick: 'Topic filter only' },
      { id: 'events', pick: 'Record live events…' },
      { id: 'liveTopics', check: ['v2.users.{id}.routingStatus'] },
      { id: 'liveIds', type: 'not.an id' },
      { id: 'liveIds', type: agent },
      { id: 'liveSeconds', type: '2' },
    ]);
    const shown = await preview();
    assert.ok(shown);
    assert.deepEqual(prompter.remaining, []);
    const refused = prompter.notifications.find((n) => n.id === 'notRecordable');
    assert.match(refused?.message ?? '', /2 of the integration's 4 topics cannot be recorded live/);
    assert.match(refused!.message, /acd\.start.*acd\.end/);
    assert.deepEqual(
      prompter.find('liveTopics')[0].items!.map((i) => i.label),
      ['v2.routing.queues.{id}.conversations', 'v2.users.{id}.routingStatus'],
    );
    assert.match(
      prompter.find('liveIds')[0].validation[0]!.message,
      /"not\.an id" is not an id: no spaces, dots or braces/,
    );
    assert.match(
      prompter.find('liveIds')[0].prompt!,
      /in place of \{id\} after "users\." in v2\.users\.\{id\}\.routingStatus/,
    );
    const { outcome } = shown;
    assert.equal(outcome.events.recording, true);
    assert.ok(outcome.summary.total >= 3, `events recorded: ${outcome.summary.total}`);
    assert.equal(outcome.summary.kept, outcome.summary.total, 'the topic filter lets routingStatus through');
    assert.ok(outcome.rows.every((r) => r.topic === `v2.users.${agent}.routingStatus`));
    const state = (await (await fetch(`${t.admin.url}/__emulator/notifications`)).json()) as {
      channels: { topics: string[] }[];
    };
    assert.deepEqual(
      state.channels.map((c) => c.topics),
      [[]],
      'the channel is unsubscribed at the end',
    );
  });
});
