/**
 * Add Topic Filter…, Remove Topic Filter and Select Topics by Regex… against the harness emulator:
 * the diff of the config, the versioned write, a concurrent writer between our read and our PUT
 * (a real 409 from the emulator, then re-read and re-apply), and cancellation.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TopicWriteOutcome } from '../../../src/extension/flows/topics/writeTopicEdit';
import type { JsonObject } from '../../../src/common/json';
import {
  REAL_ORG_INTEGRATION_ID as REAL_ORG,
  TUTORIAL_INTEGRATION_ID as TUTORIAL,
} from '../../../src/emulator/defaultOrgData';
import { clone, openDiff, script, useFlowTestContext } from './flowTestSetup';

type Config = JsonObject & { version: number; properties: JsonObject & { eventFilter: string[] } };

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

  it('a concurrent writer between our read and our PUT gets a 409; the edit is re-applied and nothing of theirs is lost', async () => {
    const original = (await t.admin.config(TUTORIAL)) as Config;
    const prompter = script(t, [
      {
        id: 'confirm',
        confirm: async () => {
          // Hold our PUT at the emulator while a colleague writes a newer version.
          await t.admin.addFault({ method: 'PUT', path: `integrations/${TUTORIAL}/config/current`, delayMs: 1500 });
          setTimeout(() => {
            void t.admin.config(TUTORIAL).then((current) => {
              const theirs = clone(current) as Config;
              theirs.properties.eventFilter.push('v2.users.{id}.presence');
              theirs.notes = 'edited by a colleague';
              return t.admin.setConfig(TUTORIAL, theirs);
            });
          }, 400);
          return true;
        },
      },
    ]);
    const outcome = await vscode.commands.executeCommand<TopicWriteOutcome>('genesysCloud.addTopicFilter', {
      integrationId: TUTORIAL,
      topics: ['v2.routing.queues.{id}.users'],
    });
    assert.deepEqual(prompter.remaining, []);
    assert.ok(outcome && outcome.attempts > 1, 'the write needed a re-read');
    const puts = (await t.admin.writes()).filter((r) => r.method === 'PUT');
    assert.deepEqual(
      puts.map((r) => r.status),
      [409, 200],
    );
    const stored = (await t.admin.config(TUTORIAL)) as Config;
    assert.equal(stored.notes, 'edited by a colleague');
    assert.deepEqual(stored.properties.eventFilter, [
      ...original.properties.eventFilter,
      'v2.users.{id}.presence',
      'v2.routing.queues.{id}.users',
    ]);
    assert.match(prompter.notifications.at(-1)!.message, /re-applied on top of theirs/);
  });

  it("a colleague's change between the diff and the confirm survives, and the message says the edit was re-applied", async () => {
    const original = (await t.admin.config(TUTORIAL)) as Config;
    const prompter = script(t, [
      {
        id: 'confirm',
        confirm: async () => {
          const theirs = clone(original);
          theirs.properties.eventFilter.push('v2.users.{id}.presence');
          theirs.notes = 'edited by a colleague';
          await t.admin.setConfig(TUTORIAL, theirs);
          return true;
        },
      },
    ]);
    const outcome = await vscode.commands.executeCommand<TopicWriteOutcome>('genesysCloud.addTopicFilter', {
      integrationId: TUTORIAL,
      topics: ['v2.routing.queues.{id}.users'],
    });
    assert.equal(
      outcome?.attempts,
      2,
      'the version check refused the write made on the old config; it was redone on theirs',
    );
    const stored = (await t.admin.config(TUTORIAL)) as Config;
    assert.equal(stored.notes, 'edited by a colleague');
    assert.deepEqual(stored.properties.eventFilter, [
      ...original.properties.eventFilter,
      'v2.users.{id}.presence',
      'v2.routing.queues.{id}.users',
    ]);
    assert.match(
      prompter.notifications.at(-1)!.message,
      /re-applied on top of theirs/,
      'the user learns the config had changed',
    );
  });

  it('a conflict that survives the re-reads is reported and writes nothing', async () => {
    const original = await t.admin.config(TUTORIAL);
    script(t, [{ id: 'confirm', confirm: true }]);
    await t.admin.addFault({ method: 'PUT', path: 'config/current', status: 409, times: 10 });
    const outcome = await vscode.commands.executeCommand('genesysCloud.addTopicFilter', {
      integrationId: TUTORIAL,
      topics: ['v2.users.{id}.presence'],
    });
    assert.equal(outcome, undefined);
    const puts = (await t.admin.writes()).filter((r) => r.method === 'PUT');
    assert.ok(
      puts.length >= 2 && puts.length <= 5,
      `re-read and retried a few times, then gave up (${puts.length} PUTs)`,
    );
    assert.ok(puts.every((r) => r.status === 409));
    assert.deepEqual(await t.admin.config(TUTORIAL), original);
    await vscode.commands.executeCommand('notifications.clearAll');
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

  it('Undo after Add Topic Filter… restores eventFilter exactly through the same diff, confirm and versioned write; every other field kept', async () => {
    const original = (await t.admin.config(TUTORIAL)) as Config;
    const added = ['v2.users.{id}.presence', 'v2.routing.queues.{id}.users'];
    let undoDiff: Awaited<ReturnType<typeof openDiff>> | undefined;
    const prompter = script(
      t,
      [
        { id: 'confirm', confirm: true },
        {
          id: 'confirm',
          confirm: async (o) => {
            assert.equal(o.confirmLabel, 'Undo');
            assert.match(o.detail ?? '', /^Remove v2\.users\.\{id\}\.presence, v2\.routing\.queues\.\{id\}\.users\./);
            undoDiff = await openDiff();
            return true;
          },
        },
      ],
      { written: 'Undo' },
    );
    const outcome = await vscode.commands.executeCommand<TopicWriteOutcome>('genesysCloud.addTopicFilter', {
      integrationId: TUTORIAL,
      topics: added,
    });
    assert.equal(outcome?.written, true);
    await t.api.flows.settled();
    assert.deepEqual(prompter.remaining, []);
    assert.deepEqual(
      prompter.notifications.map((n) => [n.id, n.actions]),
      [
        ['written', ['Undo']],
        ['undone', []],
      ],
    );

    const afterAdd = clone(original);
    afterAdd.properties.eventFilter.push(...added);
    assert.deepEqual(
      { ...(undoDiff!.before as Config), version: original.version },
      afterAdd,
      'the Undo diff starts from the config as written',
    );
    assert.deepEqual(
      { ...(undoDiff!.after as Config), version: original.version },
      original,
      'and shows the original config',
    );
    const stored = (await t.admin.config(TUTORIAL)) as Config;
    assert.equal(stored.version, original.version + 2, 'two versioned writes: the add and the undo');
    assert.deepEqual(
      stored.properties.eventFilter,
      original.properties.eventFilter,
      'eventFilter restored exactly, order included',
    );
    assert.deepEqual({ ...stored, version: original.version }, original, 'every other config field is preserved');
    const puts = (await t.admin.writes()).filter((r) => r.method === 'PUT');
    assert.deepEqual(
      puts.map((r) => r.status),
      [200, 200],
    );
  });

  it("Undo after Remove Topic Filter adds the topic back at its old position; a colleague's change made in between survives the Undo", async () => {
    const original = (await t.admin.config(REAL_ORG)) as Config;
    const removed = 'v2.users.{id}.presence';
    const prompter = script(
      t,
      [
        {
          id: 'confirm',
          confirm: true,
        },
        {
          id: 'confirm',
          confirm: async (o) => {
            assert.match(o.detail ?? '', /^Add v2\.users\.\{id\}\.presence\./);
            return true;
          },
        },
      ],
      {},
    );
    // Click Undo only after a colleague has changed the config.
    prompter.notify = async (options) => {
      prompter.notifications.push(options);
      if (options.id !== 'written') return undefined;
      const current = (await t.admin.config(REAL_ORG)) as Config;
      current.notes = 'edited by a colleague';
      current.properties.eventFilter.push('v2.routing.queues.{id}.users');
      await t.admin.setConfig(REAL_ORG, current);
      return 'Undo';
    };
    await vscode.commands.executeCommand('genesysCloud.removeTopicFilter', { integrationId: REAL_ORG, topic: removed });
    await t.api.flows.settled();
    assert.deepEqual(prompter.remaining, []);
    assert.deepEqual(
      prompter.notifications.map((n) => n.id),
      ['written', 'undone'],
    );
    const stored = (await t.admin.config(REAL_ORG)) as Config;
    assert.equal(stored.notes, 'edited by a colleague');
    const position = original.properties.eventFilter.indexOf(removed);
    assert.ok(
      position >= 0 && position < original.properties.eventFilter.length - 1,
      'the org data has the removed topic before the end, so an append would show',
    );
    const expected = [...original.properties.eventFilter, 'v2.routing.queues.{id}.users'];
    assert.deepEqual(
      stored.properties.eventFilter,
      expected,
      'our topic is back at its old position; theirs is kept at the end',
    );
    assert.equal(stored.properties.eventFilter.indexOf(removed), position);
  });
});
