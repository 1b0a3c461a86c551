/**
 * Undo after a topic filter write, against the harness emulator: through the same diff, confirm and versioned write
 * as the edit, eventFilter restored exactly (a removed topic back at its old position) and every other field kept,
 * even when a colleague changed the config before Undo was clicked.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TopicWriteOutcome } from '../../../src/extension/flows/topics/writeTopicEdit';
import {
  REAL_ORG_INTEGRATION_ID as REAL_ORG,
  TUTORIAL_INTEGRATION_ID as TUTORIAL,
} from '../../../src/emulator/defaultOrgData';
import { clone, openDiff, script, useFlowTestContext, type IntegrationConfig as Config } from './flowTestSetup';

describe('flows: topic filter undo', function () {
  this.timeout(30_000);
  const t = useFlowTestContext();

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
