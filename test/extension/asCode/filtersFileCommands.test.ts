/**
 * The commands of eventbridge-filters.json, against the harness emulator: CodeLens per entry (Plan, Apply, whether the
 * org differs), Plan's diff (reads only), Apply through the scripted prompter with Undo, Export to File… and the
 * tree's "as code" mark. The file's diagnostics and quick fixes are in filtersFile.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { JsonObject } from '../../../src/common/json';
import {
  MULTI_SUBSCRIPTION_INTEGRATION_ID as MULTI,
  TUTORIAL_INTEGRATION_ID as TUTORIAL,
} from '../../../src/emulator/defaultOrgData';
import type { PlanCommandResult } from '../../../src/extension/asCode/planFiltersCommand';
import type { ApplyCommandResult } from '../../../src/extension/asCode/applyFiltersCommand';
import type { ExportResult } from '../../../src/extension/asCode/exportToFileCommand';
import { children, find } from '../support/extensionApi';
import { openDiff, script, useFlowTestContext, type IntegrationConfig as Config } from '../flows/flowTestSetup';
import { lensesByLine, removeFolder, useFreshFolder, writeFiltersFile } from './filtersFileSupport';

const attributes = (doc: JsonObject, subscription: string) =>
  ((doc.subscriptions as JsonObject[]).find((s) => s.name === subscription)!.filterCriteria as JsonObject)
    .attributes as JsonObject[];

describe('filters file in the editor', function () {
  this.timeout(60_000);
  const t = useFlowTestContext();
  let folder: vscode.Uri;
  useFreshFolder(t, (fresh) => (folder = fresh));

  it('CodeLens per entry: Plan, Apply, and whether the org differs from the file', async () => {
    const document = await writeFiltersFile(
      folder,
      JSON.stringify(
        {
          integrations: [
            { id: TUTORIAL, topicFilters: ((await t.admin.config(TUTORIAL)) as Config).properties.eventFilter },
            { id: MULTI, topicFilters: ['v2.users.{id}.presence'] },
          ],
        },
        null,
        2,
      ),
    );
    const lenses = await lensesByLine(document);
    const [first, second] = [...lenses.values()];
    assert.equal(lenses.size, 2, 'one line of lenses per entry');
    assert.deepEqual(
      first.map((l) => l.command?.title),
      ['Plan', 'Apply', '$(check) Matches the org'],
    );
    assert.deepEqual(
      second.map((l) => l.command?.title),
      ['Plan', 'Apply', '$(diff) The org differs from this file: 5 topics'],
    );
    assert.deepEqual(first[0].command?.arguments, [{ uri: document.uri.toString(), index: 0 }]);
    assert.equal(second[1].command?.command, 'genesysCloud.applyFilters');
  });

  it('Plan shows the org against the file in a diff editor and only reads', async () => {
    const document = await writeFiltersFile(
      folder,
      JSON.stringify({
        integrations: [
          {
            id: MULTI,
            subscriptions: [
              {
                name: 'premium-queues',
                filters: [{ key: 'interaction.routing.queue.name', matchType: 'regex', values: ['^Gold'] }],
              },
            ],
          },
        ],
      }),
    );
    await t.admin.clearRequests();
    const result = await vscode.commands.executeCommand<PlanCommandResult>('genesysCloud.planFilters', {
      uri: document.uri.toString(),
      index: 0,
    });
    assert.deepEqual(result?.subscriptions, [
      {
        name: 'premium-queues',
        add: [],
        remove: ['interaction.direction', 'interaction.customer.id'],
        change: ['interaction.routing.queue.name'],
      },
    ]);
    const diff = await openDiff();
    assert.match(diff.label, /^Contact center analytics: the org ↔ .*eventbridge-filters\.json \(3 filters\)$/);
    const before = diff.before as { eventBridgeDocument: JsonObject };
    const after = diff.after as { eventBridgeDocument: JsonObject };
    assert.deepEqual(Object.keys(after), ['eventBridgeDocument'], 'only what the entry manages');
    assert.equal(attributes(before.eventBridgeDocument, 'premium-queues').length, 3);
    assert.deepEqual(
      attributes(after.eventBridgeDocument, 'premium-queues').map((a) => a.values),
      [['^Gold']],
    );
    assert.deepEqual(await t.admin.writes(), []);
  });

  it('Apply: the topic diff and confirm, the filter diff and confirm, both written; Undo restores the filters; the lens then matches', async () => {
    const original = await t.admin.eventBridge(MULTI);
    const originalConfig = (await t.admin.config(MULTI)) as Config;
    const document = await writeFiltersFile(
      folder,
      JSON.stringify({
        integrations: [
          {
            id: MULTI,
            topicFilters: [...originalConfig.properties.eventFilter, 'v2.users.{id}.presence'],
            subscriptions: [
              {
                name: 'digital-channels',
                filters: [{ key: 'interaction.mediaType', matchType: 'exact', values: ['email'] }],
              },
            ],
          },
        ],
      }),
    );
    const prompter = script(
      t,
      [
        { id: 'confirm', confirm: true }, // the config's diff (writeTopicEdit)
        { id: 'confirm', confirm: true }, // the EventBridge document's diff (writeDocumentEdit)
        { id: 'confirm', confirm: true }, // the Undo's diff
      ],
      { filtersWritten: 'Undo' },
    );
    const result = await vscode.commands.executeCommand<ApplyCommandResult>('genesysCloud.applyFilters', {
      uri: document.uri.toString(),
      index: 0,
    });
    assert.equal(result?.topics?.written, true);
    assert.equal(result?.filters, 'written');
    const confirms = prompter.find('confirm').map((p) => p.confirm!.message);
    assert.deepEqual(confirms.slice(0, 2), [
      'Change topic filter of Contact center analytics?',
      'Apply the attribute filters of Contact center analytics from ' +
        vscode.workspace.asRelativePath(document.uri) +
        '?',
    ]);
    assert.deepEqual(((await t.admin.config(MULTI)) as Config).properties.eventFilter.at(-1), 'v2.users.{id}.presence');
    await t.api.flows.settled();
    assert.deepEqual(prompter.remaining, []);
    assert.equal(
      prompter.find('confirm')[2].confirm!.message,
      'Undo the attribute filter changes of Contact center analytics?',
    );
    assert.deepEqual(await t.admin.eventBridge(MULTI), original, 'Undo put the document back exactly');
    assert.deepEqual(
      prompter.notifications.map((n) => n.id),
      ['written', 'filtersWritten', 'filtersUndone'],
    );
    // The topic change stays (its Undo was not clicked): the lens says the file and the org agree on it, and differ on the filters again.
    const [lenses] = (await lensesByLine(document)).values();
    assert.equal(lenses[2].command?.title, '$(diff) The org differs from this file: 2 filters');
  });

  it('Export to File… writes the chosen integrations into the workspace; Plan right after has nothing to change; the tree marks them', async () => {
    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'eventbridge-filters.json');
    script(t, [{ id: 'integrations', check: ['Voice stream (tutorial)', 'Contact center analytics'] }]);
    const result = await vscode.commands.executeCommand<ExportResult>('genesysCloud.exportToFile');
    try {
      assert.deepEqual(result, { uri: target.toString(), integrations: 2 });
      const document = vscode.window.activeTextEditor!.document;
      assert.equal(document.uri.toString(), target.toString(), 'the file is opened');
      assert.match(document.getText(), /"name": "Contact center analytics"/);
      script(t, []);
      for (const index of [0, 1]) {
        const plan = await vscode.commands.executeCommand<PlanCommandResult>('genesysCloud.planFilters', {
          uri: target.toString(),
          index,
        });
        assert.equal(plan?.changed, false);
      }
      // A second export asks before replacing the file.
      const prompter = script(t, [
        { id: 'integrations', check: ['Voice stream (tutorial)'] },
        { id: 'replaceFile', confirm: false },
      ]);
      assert.equal(await vscode.commands.executeCommand('genesysCloud.exportToFile'), undefined);
      assert.equal(prompter.find('replaceFile').length, 1);
      assert.match(
        new TextDecoder().decode(await vscode.workspace.fs.readFile(target)),
        /Contact center analytics/,
        'not replaced',
      );

      await t.api.host.asCode.load().managed.refresh();
      const rows = await children(t.api);
      assert.match(find(rows, 'Contact center analytics').description, /^as code · /);
      assert.match(find(rows, 'Contact center analytics').tooltip, /Managed as code in `eventbridge-filters\.json`/);
      assert.doesNotMatch(find(rows, 'Legacy audit feed').description, /as code/);
    } finally {
      await removeFolder(t.api, target);
    }
  });
});
