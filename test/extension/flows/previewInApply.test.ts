/**
 * The preview inside Apply Subscription Filter…: "Preview on Events…" in the confirm previews the draft and comes back
 * to the confirm, which then says what the change does to those events; and the attribute-key step's suggestions
 * (keys of loaded events and of the integration's topic schemas, each with an example; a 403 means none from schemas).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FilterWriteOutcome } from '../../../src/extension/flows/attribute/writeFilterEdit';
import { TUTORIAL_INTEGRATION_ID as TUTORIAL } from '../../../src/emulator/defaultOrgData';
import { withProfile } from '../support/extensionApi';
import { script, useFlowTestContext } from './flowTestSetup';
import { eventBridgeEvent, SAMPLES_DIR, topicOf, writeWorkspaceFile } from './previewFixtures';
import type { Answer, ScriptedPrompter } from './scriptedPrompter';

const PREVIEW = 'Preview on Events…';
const apply = () => vscode.commands.executeCommand<FilterWriteOutcome | undefined>('genesysCloud.applyFilter');

/** The tutorial integration sends customer.start and customer.end; its subscription has no filters yet. */
function tutorialEvents(): string {
  return writeWorkspaceFile('events/tutorial.jsonl', [
    eventBridgeEvent(topicOf('customer.start'), { mediaType: 'VOICE', direction: 'INBOUND' }),
    eventBridgeEvent(topicOf('customer.end'), { mediaType: 'VOICE', direction: 'INBOUND' }),
    eventBridgeEvent(topicOf('customer.start'), { mediaType: 'CHAT', direction: 'INBOUND' }),
    eventBridgeEvent(topicOf('acd.start'), { mediaType: 'VOICE', queueId: 'q1' }),
  ]);
}

const draftSteps: Answer[] = [
  { id: 'integration', pick: 'Voice stream (tutorial)' },
  { id: 'subscription', pick: 'default-voice-stream' },
  { id: 'attributeKey', type: 'mediaType' },
  { id: 'matchType', pick: 'exact' },
  { id: 'values', type: 'VOICE' },
];

describe('flows: the preview inside Apply Subscription Filter…', function () {
  this.timeout(60_000);
  const t = useFlowTestContext();

  it('"Preview on Events…" in the confirm previews the draft, then the confirm says what it does to those events', async () => {
    tutorialEvents();
    const prompter = script(t, [
      ...draftSteps,
      { id: 'confirm', confirm: PREVIEW },
      { id: 'events', pick: 'events/tutorial.jsonl' },
      { id: 'confirm', confirm: true },
    ]);
    const outcome = await apply();
    assert.deepEqual(prompter.remaining, []);
    assert.equal(outcome?.status, 'written');
    const [first, second] = prompter.find('confirm').map((p) => p.confirm!);
    assert.deepEqual(first.actions, [PREVIEW]);
    assert.doesNotMatch(first.detail ?? '', /On /, 'no counts before events were chosen');
    assert.match(
      second.detail ?? '',
      /\n\nOn events\/tutorial\.jsonl: keeps 2 of 4 events \(50%\); before: 3 \(75%\)$/,
      "the confirm says what the change does, in the CLI's words",
    );
    assert.equal(prompter.find('events')[0].title, 'Preview on Events');
    const stored = await t.admin.eventBridge(TUTORIAL);
    assert.deepEqual(
      (stored.subscriptions as { filterCriteria: { attributes: unknown[] } }[])[0].filterCriteria.attributes,
      [{ key: 'mediaType', matchType: 'exact', values: ['VOICE'] }],
    );
  });

  it('Escape while choosing events goes back to the same confirm; nothing is lost or written', async () => {
    const prompter = script(t, [
      ...draftSteps,
      { id: 'confirm', confirm: PREVIEW },
      { id: 'events', cancel: true },
      { id: 'confirm', confirm: false },
    ]);
    assert.equal(await apply(), undefined);
    assert.deepEqual(prompter.remaining, []);
    const [first, second] = prompter.find('confirm').map((p) => p.confirm!);
    assert.equal(second.detail, first.detail);
    assert.deepEqual(await t.admin.writes(), []);
  });

  it('the attribute-key step suggests keys of the loaded events and of the topic schemas, with examples; cached per session', async () => {
    const sample = path.join(SAMPLES_DIR, 'v2.audits.entitytype.UserPresence__GenesysCloudBlueprints.json');
    const emulator = { environment: t.admin.url, clientId: 'emulator-client', clientSecret: 'emulator-secret' };
    await withProfile(t.api, { ...emulator, name: 'Fresh session' }, async () => {
      script(t, []);
      await vscode.commands.executeCommand('genesysCloud.previewFilter', {
        integrationId: TUTORIAL,
        subscriptionName: 'default-voice-stream',
        events: sample,
      });
      const first = await askKeys(t);
      const keys = new Map(first.find('attributeKey')[0].items!.map((i) => [i.label, i]));
      const fromEvents = keys.get('propertyChanges.newValues');
      assert.equal(fromEvents?.description, 'e.g. "Available"');
      assert.equal(fromEvents?.group, 'Keys in v2.audits.entitytype.UserPresence__GenesysCloudBlueprints.json');
      const fromSchema = keys.get('mediaType');
      assert.equal(fromSchema?.description, 'e.g. "VOICE"');
      assert.equal(fromSchema?.group, "Keys in the schemas of the integration's topics");
      assert.ok(!keys.has('presenceDefinition'), "only the schemas of the integration's topics");
      await askKeys(t);
      const schemaReads = (await t.admin.requests()).filter((r) => r.path.includes('expand=schema'));
      assert.equal(schemaReads.length, 1, 'read once per session');
    });
  });

  it('a 403 on the topic catalogue just means no schema suggestions', async () => {
    const emulator = { environment: t.admin.url, clientId: 'emulator-client', clientSecret: 'emulator-secret' };
    await withProfile(t.api, { ...emulator, name: 'No catalogue' }, async () => {
      await t.admin.addFault({ path: '/api/v2/notifications/availabletopics', status: 403 });
      const prompter = await askKeys(t);
      const groups = new Set(prompter.find('attributeKey')[0].items!.map((i) => i.group));
      assert.ok(![...groups].some((g) => g?.includes('schemas')), [...groups].join(', '));
    });
  });
});

/** Runs Apply up to the attribute-key step and cancels there. */
async function askKeys(t: ReturnType<typeof useFlowTestContext>): Promise<ScriptedPrompter> {
  const prompter = script(t, [
    { id: 'integration', pick: 'Voice stream (tutorial)' },
    { id: 'subscription', pick: 'default-voice-stream' },
    { id: 'attributeKey', cancel: true },
  ]);
  await apply();
  assert.deepEqual(prompter.remaining, []);
  return prompter;
}
