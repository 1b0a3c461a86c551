/**
 * Add Topic Filter… when someone else writes the config too, against the harness emulator: a write between our read
 * and our PUT (a real 409 from the emulator, then re-read and re-apply), one between the diff and the confirm, and a
 * conflict that outlasts the re-reads (reported, nothing written). Nothing of theirs is ever lost.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TopicWriteOutcome } from '../../../src/extension/flows/topics/writeTopicEdit';
import { TUTORIAL_INTEGRATION_ID as TUTORIAL } from '../../../src/emulator/defaultOrgData';
import { clone, script, useFlowTestContext, type IntegrationConfig as Config } from './flowTestSetup';

describe('flows: topic filter conflicts', function () {
  this.timeout(30_000);
  const t = useFlowTestContext();

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
});
