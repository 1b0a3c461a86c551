/**
 * Add Topic Filter…, Remove Topic Filter and Select Topics by Regex… against the harness emulator: the questions
 * (typed names validated, a 403 on the topic list falling back to typing), the config diff, the versioned write, and
 * cancelling. A concurrent writer is in topicFilterConflicts.test.ts, Undo in topicFilterUndo.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TopicWriteOutcome } from '../../../src/extension/flows/topics/writeTopicEdit';
import {
  REAL_ORG_INTEGRATION_ID as REAL_ORG,
  TUTORIAL_INTEGRATION_ID as TUTORIAL,
} from '../../../src/emulator/defaultOrgData';
import { clone, openDiff, script, useFlowTestContext, type IntegrationConfig as Config } from './flowTestSetup';

describe('flows: topic filters', function () {
  this.timeout(30_000);
  const t = useFlowTestContext();

  it('Add Topic Filter…: picks from the available topics plus a typed name, shows the config diff, writes with the version', async () => {
    const original = (await t.admin.config(REAL_ORG)) as Config;
    let diff: Awaited<ReturnType<typeof openDiff>> | undefined;
    const prompter = script(t, [
      { id: 'integration', pick: 'Org events (production)' },
      {
        id: 'topics',
        check: ['v2.routing.queues.{id}.conversations'],
        add: ['v2.detail.events.conversation.{id}.acd.start'],
      },
      {
        id: 'confirm',
        confirm: async () => {
          diff = await openDiff();
          return true;
        },
      },
    ]);
    const outcome = await vscode.commands.executeCommand<TopicWriteOutcome>('genesysCloud.addTopicFilter');
    assert.equal(outcome?.attempts, 1);
    assert.deepEqual(prompter.remaining, []);
    const topics = prompter.find('topics')[0];
    assert.equal(topics.title, 'Add Topic Filter');
    assert.deepEqual([topics.step, topics.totalSteps], [2, 2]);
    assert.ok(
      !topics.items!.some((i) => original.properties.eventFilter.includes(i.label)),
      'topics already filtered are not offered again',
    );

    const expected = clone(original);
    expected.properties.eventFilter.push(
      'v2.routing.queues.{id}.conversations',
      'v2.detail.events.conversation.{id}.acd.start',
    );
    assert.equal(diff?.label, 'Org events (production): topic filter (before ↔ after)');
    assert.deepEqual(diff?.before, original);
    assert.deepEqual(diff?.after, expected);
    const stored = (await t.admin.config(REAL_ORG)) as Config;
    assert.equal(stored.version, original.version + 1);
    assert.deepEqual(
      { ...stored, version: expected.version },
      expected,
      'every other field of the config is preserved',
    );
  });

  it('Add Topic Filter… rejects an invalid typed topic name and never sends it', async () => {
    const prompter = script(t, [
      { id: 'topics', check: [], add: ['v2.users.{userId}.presence'] },
      { id: 'topics', cancel: true },
    ]);
    await vscode.commands.executeCommand('genesysCloud.addTopicFilter', { integrationId: TUTORIAL });
    assert.deepEqual(prompter.remaining, []);
    assert.match(prompter.find('topics')[0].validation[0]!.message, /placeholder/);
    assert.deepEqual(await t.admin.writes(), []);
  });

  it("when the org's topic list is not permitted (403), Add Topic Filter… falls back to typing names, validated", async () => {
    await t.admin.addFault({ method: 'GET', path: 'notifications/availabletopics', status: 403 });
    // A new session = a new client, so the per-session topic cache starts empty.
    await t.api.host.session.reload();
    const original = (await t.admin.config(TUTORIAL)) as Config;
    const prompter = script(t, [
      { id: 'topicNames', type: 'v2.users.{id}.presence v2.users..activity' },
      { id: 'topicNames', type: 'v2.users.{id}.presence, v2.users.{id}.activity' },
      { id: 'confirm', confirm: true },
    ]);
    await vscode.commands.executeCommand('genesysCloud.addTopicFilter', { integrationId: TUTORIAL });
    assert.deepEqual(prompter.remaining, []);
    const names = prompter.find('topicNames')[0];
    assert.match(names.prompt ?? '', /403/);
    assert.match(names.validation[0]!.message, /empty segment/);
    const stored = (await t.admin.config(TUTORIAL)) as Config;
    assert.deepEqual(stored.properties.eventFilter, [
      ...original.properties.eventFilter,
      'v2.users.{id}.presence',
      'v2.users.{id}.activity',
    ]);
    // The 403 is remembered for the session; a fresh one for the tests that follow.
    await t.api.host.session.reload();
  });

  it('Remove Topic Filter from a topic row asks only to confirm and removes that topic', async () => {
    const original = (await t.admin.config(REAL_ORG)) as Config;
    const prompter = script(t, [{ id: 'confirm', confirm: true }]);
    await vscode.commands.executeCommand('genesysCloud.removeTopicFilter', {
      integrationId: REAL_ORG,
      topic: 'v2.users.{id}.presence',
    });
    assert.equal(prompter.find('confirm')[0].confirm!.severity, 'warning');
    const stored = (await t.admin.config(REAL_ORG)) as Config;
    assert.deepEqual(
      stored.properties.eventFilter,
      original.properties.eventFilter.filter((x) => x !== 'v2.users.{id}.presence'),
    );
  });

  it('Remove Topic Filter: cancelling at the confirm writes nothing', async () => {
    script(t, [
      { id: 'topics', check: ['v2.audits.entitytype.{id}.entityid.{id}'] },
      { id: 'confirm', confirm: false },
    ]);
    const outcome = await vscode.commands.executeCommand('genesysCloud.removeTopicFilter', { integrationId: REAL_ORG });
    assert.equal(outcome, undefined);
    assert.deepEqual(await t.admin.writes(), []);
  });

  it('Select Topics by Regex…: validates the pattern, offers the matching topics with the current ones checked, adds and removes', async () => {
    const original = (await t.admin.config(TUTORIAL)) as Config;
    const prompter = script(t, [
      { id: 'pattern', type: '^v2\\.detail\\.events\\.conversation\\.\\{id\\}\\.(customer' },
      { id: 'pattern', type: '^v2\\.detail\\.events\\.conversation\\.\\{id\\}\\.(customer|acd)\\.' },
      {
        id: 'topics',
        check: [
          'v2.detail.events.conversation.{id}.customer.start',
          'v2.detail.events.conversation.{id}.acd.start',
          'v2.detail.events.conversation.{id}.acd.end',
        ],
      },
      { id: 'confirm', confirm: true },
    ]);
    await vscode.commands.executeCommand('genesysCloud.selectTopicsByRegex', { integrationId: TUTORIAL });
    assert.deepEqual(prompter.remaining, []);
    const [invalid, valid] = prompter.find('pattern')[0].validation;
    assert.equal(invalid?.severity, 'error');
    assert.notEqual(valid?.severity, 'error');
    const topics = prompter.find('topics')[0];
    assert.deepEqual(
      topics.items!.map((i) => i.label),
      [
        'v2.detail.events.conversation.{id}.acd.end',
        'v2.detail.events.conversation.{id}.acd.start',
        'v2.detail.events.conversation.{id}.customer.end',
        'v2.detail.events.conversation.{id}.customer.start',
      ],
    );
    assert.deepEqual(
      topics.items!.filter((i) => i.picked).map((i) => i.label),
      original.properties.eventFilter.slice().sort(),
    );
    const stored = (await t.admin.config(TUTORIAL)) as Config;
    assert.deepEqual(stored.properties.eventFilter, [
      'v2.detail.events.conversation.{id}.customer.start',
      'v2.detail.events.conversation.{id}.acd.start',
      'v2.detail.events.conversation.{id}.acd.end',
    ]);
  });

  it('Select Topics by Regex…: Back from the topics returns to the pattern (kept), Back from the pattern to the integration', async () => {
    const pattern = '^v2\\.users\\.';
    const prompter = script(t, [
      { id: 'integration', pick: 'Voice stream (tutorial)' },
      { id: 'pattern', type: pattern },
      { id: 'topics', back: true },
      { id: 'pattern', back: true },
      { id: 'integration', pick: 'Voice stream (tutorial)' },
      { id: 'pattern', type: pattern },
      { id: 'topics', cancel: true },
    ]);
    const outcome = await vscode.commands.executeCommand('genesysCloud.selectTopicsByRegex');
    assert.equal(outcome, undefined);
    assert.deepEqual(prompter.remaining, []);
    assert.deepEqual(
      prompter.prompts.map((p) => `${p.id}@${p.step}/${p.totalSteps}:${p.canGoBack}`),
      [
        'integration@1/3:false',
        'pattern@2/3:true',
        'topics@3/3:true',
        'pattern@2/3:true',
        'integration@1/3:false',
        'pattern@2/3:true',
        'topics@3/3:true',
      ],
    );
    assert.equal(prompter.find('pattern')[1].value, pattern, 'going back keeps what was typed');
    assert.deepEqual(await t.admin.writes(), [], 'Escape on the last question writes nothing');
  });
});
