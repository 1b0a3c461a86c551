/**
 * Apply / Edit / Remove / Undo against the harness emulator, driven through the real commands with a
 * scripted prompter. Each test compares what the emulator stored with the original document plus the
 * one intended change (lossless), and checks the request log for what was (not) written.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FilterWriteOutcome } from '../../../src/extension/flows/attribute/writeFilterEdit';
import type { ShownJson } from '../../../src/extension/flows/showIntegrationJson';
import type { JsonObject } from '../../../src/common/json';
import {
  MULTI_SUBSCRIPTION_INTEGRATION_ID as MULTI,
  REAL_ORG_INTEGRATION_ID as REAL_ORG,
  TUTORIAL_INTEGRATION_ID as TUTORIAL,
} from '../../../src/emulator/defaultOrgData';
import { clone, openDiff, script, useFlowTestContext } from './flowTestSetup';
import type { Answer } from './scriptedPrompter';

type Attr = { key: string; matchType: string; values?: string[] } & JsonObject;
type Doc = JsonObject & { subscriptions: (JsonObject & { name: string; filterCriteria?: { attributes: Attr[] } })[] };

function attributesOf(doc: Doc, subscription: string): Attr[] {
  return doc.subscriptions.find((s) => s.name === subscription)!.filterCriteria!.attributes;
}

const QUEUE_KEY = 'interaction.routing.queue.name';

describe('flows: attribute filters', function () {
  this.timeout(30_000);
  const t = useFlowTestContext();

  it('applies a regex filter from the palette: every step titled, invalid pattern blocked with its position, diff shown, lossless write', async () => {
    const original = (await t.admin.eventBridge(TUTORIAL)) as Doc;
    let diff: Awaited<ReturnType<typeof openDiff>> | undefined;
    const prompter = script(t, [
      { id: 'integration', pick: 'Voice stream (tutorial)' },
      { id: 'subscription', pick: 'default-voice-stream' },
      { id: 'attributeKey', type: 'interaction..queue' },
      { id: 'attributeKey', type: QUEUE_KEY },
      { id: 'matchType', pick: 'regex' },
      { id: 'pattern', type: '^(Premium' },
      { id: 'pattern', type: '^Premium' },
      {
        id: 'confirm',
        confirm: async () => {
          diff = await openDiff();
          return true;
        },
      },
    ]);
    const outcome = await vscode.commands.executeCommand<FilterWriteOutcome>('genesysCloud.applyFilter');
    assert.deepEqual(prompter.remaining, []);
    assert.equal(outcome?.status, 'written');

    const titles = prompter.prompts
      .filter((p) => p.kind !== 'confirm')
      .map((p) => `${p.title} (${p.step}/${p.totalSteps})`);
    assert.deepEqual(
      titles,
      [1, 2, 3, 4, 5].map((n) => `Apply Subscription Filter (${n}/5)`),
    );
    assert.equal(prompter.find('integration')[0].canGoBack, false);
    assert.equal(prompter.find('pattern')[0].canGoBack, true);
    assert.match(prompter.find('attributeKey')[0].validation[0]!.message, /empty segment/);

    const [invalid, valid] = prompter.find('pattern')[0].validation;
    assert.equal(invalid?.severity, 'error');
    assert.match(invalid.message, /\)/, 'the error names the missing parenthesis');
    assert.match(invalid.message, /\d/, 'the error gives a position in the pattern');
    assert.equal(valid?.severity, 'info');

    const expected = clone(original);
    attributesOf(expected, 'default-voice-stream').push({ key: QUEUE_KEY, matchType: 'regex', values: ['^Premium'] });
    assert.ok(diff, 'the diff editor was open while confirming');
    assert.equal(diff.label, `default-voice-stream: ${QUEUE_KEY} (before ↔ after)`);
    assert.deepEqual(diff.before, original);
    assert.deepEqual(diff.after, expected);
    assert.deepEqual(await t.admin.eventBridge(TUTORIAL), expected);
    const writes = await t.admin.writes();
    assert.equal(writes.length, 1);
    assert.deepEqual(writes[0].body, expected, 'what was sent is exactly the original plus one attribute');
    const confirm = prompter.find('confirm')[0].confirm!;
    assert.equal(confirm.message, 'Apply filter to default-voice-stream?');
  });

  it('Edit Filter from a filter row prefills match type and pattern and keeps unknown fields', async () => {
    const original = (await t.admin.eventBridge(MULTI)) as Doc;
    const prompter = script(t, [
      { id: 'matchType', pick: 'regex' },
      { id: 'pattern', type: '^Premium (Gold|Silver)$' },
      { id: 'confirm', confirm: true },
    ]);
    const row = { integrationId: MULTI, subscriptionName: 'premium-queues', attributeKey: QUEUE_KEY };
    const outcome = await vscode.commands.executeCommand<FilterWriteOutcome>('genesysCloud.editFilter', row);
    assert.equal(outcome?.status, 'written');
    const matchType = prompter.find('matchType')[0];
    assert.equal(matchType.title, 'Edit Filter');
    assert.deepEqual([matchType.step, matchType.totalSteps], [1, 2]);
    assert.equal(matchType.items![0].label, 'regex', 'the current match type comes first');
    assert.equal(matchType.items![0].description, 'current');
    assert.equal(prompter.find('pattern')[0].value, '^Premium.*$', 'the pattern box starts with the current pattern');

    const expected = clone(original);
    const attr = attributesOf(expected, 'premium-queues').find((a) => a.key === QUEUE_KEY)!;
    attr.values = ['^Premium (Gold|Silver)$'];
    assert.deepEqual(await t.admin.eventBridge(MULTI), expected);
  });

  it('exact values: comma-separated, or a JSON list when a value contains a comma; duplicates are refused', async () => {
    const prompter = script(t, [
      { id: 'values', type: 'Support, Support' },
      { id: 'values', type: '["Sales, EMEA", "Support"]' },
      {
        id: 'confirm',
        confirm: async (o) => {
          assert.match(o.detail ?? '', /\(new filter\)/);
          return true;
        },
      },
    ]);
    await vscode.commands.executeCommand('genesysCloud.applyFilter', {
      integrationId: TUTORIAL,
      subscriptionName: 'default-voice-stream',
      attributeKey: 'interaction.queue.division',
      matchType: 'exact',
    });
    assert.deepEqual(prompter.remaining, []);
    const values = prompter.find('values')[0];
    assert.equal(values.title, 'Apply Subscription Filter');
    assert.match(values.validation[0]!.message, /more than once/);
    const stored = (await t.admin.eventBridge(TUTORIAL)) as Doc;
    assert.deepEqual(attributesOf(stored, 'default-voice-stream'), [
      { key: 'interaction.queue.division', matchType: 'exact', values: ['Sales, EMEA', 'Support'] },
    ]);
  });

  it('Remove Filter asks only to confirm (as a warning) when the row gives everything, and removes just that attribute', async () => {
    const original = (await t.admin.eventBridge(MULTI)) as Doc;
    const prompter = script(t, [{ id: 'confirm', confirm: true }]);
    await vscode.commands.executeCommand('genesysCloud.removeFilter', {
      integrationId: MULTI,
      subscriptionName: 'digital-channels',
      attributeKey: 'interaction.mediaType',
    });
    assert.equal(prompter.find('confirm')[0].confirm!.severity, 'warning');
    assert.equal(prompter.find('confirm')[0].confirm!.confirmLabel, 'Remove');
    const expected = clone(original);
    const list = attributesOf(expected, 'digital-channels');
    list.splice(
      list.findIndex((a) => a.key === 'interaction.mediaType'),
      1,
    );
    assert.deepEqual(await t.admin.eventBridge(MULTI), expected);
  });

  it('Undo restores the previous attribute through the same re-read, diff and confirm', async () => {
    const original = (await t.admin.eventBridge(MULTI)) as Doc;
    const prompter = script(
      t,
      [
        { id: 'confirm', confirm: true },
        {
          id: 'confirm',
          confirm: async (o) => {
            assert.match(o.detail ?? '', /interaction\.direction → exact inbound \(was: exact outbound, internal\)/);
            return true;
          },
        },
      ],
      { written: 'Undo' },
    );
    const args = {
      integrationId: MULTI,
      subscriptionName: 'premium-queues',
      attributeKey: 'interaction.direction',
      matchType: 'exact',
      values: ['outbound', 'internal'],
    };
    const outcome = await vscode.commands.executeCommand<FilterWriteOutcome>('genesysCloud.applyFilter', args);
    assert.equal(outcome?.status, 'written');
    await t.api.flows.settled();
    assert.deepEqual(prompter.remaining, []);
    assert.deepEqual(
      prompter.notifications.map((n) => n.id),
      ['written', 'undone'],
    );
    assert.deepEqual(await t.admin.eventBridge(MULTI), original, 'after undo the document is exactly the original');
    assert.equal((await t.admin.writes()).length, 2);
  });

  it('rebases on a change made by someone else between the diff and the confirm: their change survives', async () => {
    const original = (await t.admin.eventBridge(MULTI)) as Doc;
    const theirs = clone(original);
    theirs.description = 'changed by a colleague';
    attributesOf(theirs, 'premium-queues').push({ key: 'interaction.language', matchType: 'exact', values: ['fr-FR'] });
    const prompter = script(t, [
      {
        id: 'confirm',
        confirm: async () => {
          await t.admin.setEventBridge(MULTI, theirs);
          return true;
        },
      },
      {
        id: 'confirmRebased',
        confirm: async (o) => {
          assert.match(o.detail ?? '', /Someone else changed/);
          return true;
        },
      },
    ]);
    const args = {
      integrationId: MULTI,
      subscriptionName: 'digital-channels',
      attributeKey: 'interaction.language',
      matchType: 'exact',
      values: ['en-US', 'en-GB'],
    };
    const outcome = await vscode.commands.executeCommand<FilterWriteOutcome>('genesysCloud.applyFilter', args);
    assert.equal(outcome?.status, 'written');
    assert.ok(outcome?.status === 'written' && outcome.rebased);
    assert.deepEqual(prompter.remaining, []);
    const expected = clone(theirs);
    attributesOf(expected, 'digital-channels').push({
      key: 'interaction.language',
      matchType: 'exact',
      values: ['en-US', 'en-GB'],
    });
    assert.deepEqual(await t.admin.eventBridge(MULTI), expected);
    assert.equal((await t.admin.writes()).length, 1, 'nothing was written before the second confirm');
  });

  const steps: Answer[] = [
    { id: 'integration', pick: 'Voice stream (tutorial)' },
    { id: 'subscription', pick: 'default-voice-stream' },
    { id: 'attributeKey', type: QUEUE_KEY },
    { id: 'matchType', pick: 'regex' },
    { id: 'pattern', type: '^Premium' },
    { id: 'confirm', confirm: true },
  ];
  for (let cancelAt = 0; cancelAt < steps.length; cancelAt++) {
    it(`cancelling at "${steps[cancelAt].id}" writes nothing`, async () => {
      const original = await t.admin.eventBridge(TUTORIAL);
      const cancel: Answer =
        steps[cancelAt].id === 'confirm' ? { id: 'confirm', confirm: false } : { id: steps[cancelAt].id, cancel: true };
      const prompter = script(t, [...steps.slice(0, cancelAt), cancel]);
      const outcome = await vscode.commands.executeCommand('genesysCloud.applyFilter');
      assert.equal(outcome, undefined);
      assert.deepEqual(prompter.remaining, []);
      assert.deepEqual(await t.admin.writes(), []);
      assert.deepEqual(await t.admin.eventBridge(TUTORIAL), original);
    });
  }

  // Keyboard users need Back on every question but the first, and it must lead to the question before.
  for (let backAt = 1; backAt < steps.length - 1; backAt++) {
    it(`Back at "${steps[backAt].id}" re-asks "${steps[backAt - 1].id}" with the same step number; nothing is written`, async () => {
      const prompter = script(t, [
        ...steps.slice(0, backAt),
        { id: steps[backAt].id, back: true },
        ...steps.slice(backAt - 1, steps.length - 1),
        { id: 'confirm', confirm: false },
      ]);
      await vscode.commands.executeCommand('genesysCloud.applyFilter');
      assert.deepEqual(prompter.remaining, []);
      const questions = prompter.prompts.filter((p) => p.kind !== 'confirm');
      assert.deepEqual(
        questions.map((p) => p.canGoBack),
        questions.map((p) => p.step! > 1),
        'Back is offered on every question but the first',
      );
      const asked = questions.map((p) => `${p.id}@${p.step}`);
      const expected = steps.slice(0, steps.length - 1).map((s, i) => `${s.id}@${i + 1}`);
      assert.deepEqual(asked, [...expected.slice(0, backAt + 1), ...expected.slice(backAt - 1)]);
      assert.deepEqual(await t.admin.writes(), []);
    });
  }

  it('Back returns to the previous question and keeps the step numbers', async () => {
    const prompter = script(t, [
      { id: 'integration', pick: 'Voice stream (tutorial)' },
      { id: 'subscription', pick: 'default-voice-stream' },
      { id: 'attributeKey', type: 'interaction.direction' },
      { id: 'matchType', back: true },
      { id: 'attributeKey', type: 'interaction.mediaType' },
      { id: 'matchType', pick: 'exists' },
      { id: 'confirm', confirm: true },
    ]);
    await vscode.commands.executeCommand('genesysCloud.applyFilter');
    assert.deepEqual(prompter.remaining, []);
    assert.deepEqual(
      prompter.find('attributeKey').map((p) => p.step),
      [3, 3],
    );
    assert.equal(prompter.find('matchType')[1].totalSteps, 5);
    const stored = (await t.admin.eventBridge(TUTORIAL)) as Doc;
    assert.deepEqual(attributesOf(stored, 'default-voice-stream'), [
      { key: 'interaction.mediaType', matchType: 'exists' },
    ]);
  });

  it('rejects malformed command arguments with a message naming the field, before anything is sent', async () => {
    const prompter = script(t, []);
    const outcome = await vscode.commands.executeCommand('genesysCloud.applyFilter', {
      integrationId: TUTORIAL,
      matchType: 'fuzzy',
    });
    assert.equal(outcome, undefined);
    assert.deepEqual(
      (await t.admin.requests()).filter((r) => r.path.includes('/eventbridge/')),
      [],
      'refused before any request',
    );
    // A regex from a keybinding gets the same validation as the pattern box.
    const badRegex = await vscode.commands.executeCommand('genesysCloud.applyFilter', {
      integrationId: TUTORIAL,
      subscriptionName: 'default-voice-stream',
      attributeKey: QUEUE_KEY,
      matchType: 'regex',
      values: ['^(Premium'],
    });
    assert.equal(badRegex, undefined);
    assert.deepEqual(prompter.prompts, [], 'refused before the diff and confirm');
    assert.deepEqual(await t.admin.writes(), []);
  });

  it('an integration whose subscription-filter endpoint answers 404 gets one calm message offering the topic commands', async () => {
    const prompter = script(t, [{ id: 'integration', pick: 'Org events (production)' }]);
    const outcome = await vscode.commands.executeCommand('genesysCloud.applyFilter');
    assert.equal(outcome, undefined);
    await t.api.flows.settled();
    assert.deepEqual(
      prompter.notifications.map((n) => n.id),
      ['subscriptionFiltersUnavailable'],
    );
    assert.match(prompter.notifications[0].message, /not available for this integration on this org/);
    assert.deepEqual(prompter.notifications[0].actions, ['Add Topic Filter…', 'Select Topics by Regex…']);
    assert.ok(t.api.services.session()!.subscriptionFilters.isUnavailable(REAL_ORG));
    // Remembered for the session: a second attempt does not ask the subscription-filter endpoint again.
    await t.admin.clearRequests();
    await vscode.commands.executeCommand('genesysCloud.applyFilter', { integrationId: REAL_ORG });
    assert.deepEqual(
      (await t.admin.requests()).filter((r) => r.path.includes('/eventbridge/')),
      [],
    );
  });

  it('Show Integration JSON opens the document read-only and formatted; for an integration without the subscription-filter endpoint the config, saying so', async () => {
    const shown = await vscode.commands.executeCommand<ShownJson>('genesysCloud.showIntegrationJson', {
      integrationId: TUTORIAL,
    });
    assert.equal(shown.source, 'eventbridge');
    const doc = await vscode.workspace.openTextDocument(shown.uri);
    assert.equal(doc.getText(), `${JSON.stringify(await t.admin.eventBridge(TUTORIAL), null, 2)}\n`);
    assert.equal(doc.languageId, 'json');

    const config = await vscode.commands.executeCommand<ShownJson>('genesysCloud.showIntegrationJson', {
      integrationId: REAL_ORG,
    });
    assert.equal(config.source, 'config');
    assert.match(decodeURIComponent(config.uri.path), /config \(attribute filters unavailable on this org\)\.json$/);
    assert.deepEqual(config.document, await t.admin.config(REAL_ORG));
  });
});
