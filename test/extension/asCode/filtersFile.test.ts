/**
 * eventbridge-filters.json in the editor, against the harness emulator: diagnostics at their exact ranges (through
 * JSON escapes), the schema's own diagnostics for what it covers, quick fixes, CodeLens (Plan, Apply, whether the org
 * differs), Plan's diff and Apply through the scripted prompter with Undo, Export to File…, the tree's "as code" mark,
 * and no request to the org while signed out.
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
import { children, find, restoreEnvironmentProfile, waitFor } from '../support/extensionApi';
import { openDiff, script, useFlowTestContext } from '../flows/flowTestSetup';
import { freshFolder, ourDiagnostics, removeFolder, writeFiltersFile } from './filtersFileSupport';

type Config = JsonObject & { version: number; properties: JsonObject & { eventFilter: string[] } };
const attributes = (doc: JsonObject, subscription: string) =>
  ((doc.subscriptions as JsonObject[]).find((s) => s.name === subscription)!.filterCriteria as JsonObject)
    .attributes as JsonObject[];

const FILE = String.raw`// the analytics team's filters
{
  "integrations": [
    {
      "id": "${MULTI}",
      "topicFilters": ["v2.detail.events.conversation.{id}.acd.start", "v2.users.{userId}.presence"],
      "subscriptions": [
        { "name": "premium-queues", "filters": [
          { "key": "interaction.routing.queue.name", "matchType": "regex", "values": ["^\\d+(Premium"] },
          { "key": "interaction.direction", "matchType": "exact", "values": ["inbound"] },
          { "key": "interaction.direction", "matchType": "exists" }
        ] },
        { "name": "digital-channel", "filters": [] }
      ]
    },
    { "name": "Voice stream (tutorial)", "topicFilter": [] }
  ]
}
`;

/** The resolved lenses of a document by line (in file order), each line's as Plan, Apply, then the comparison. */
async function lensesByLine(document: vscode.TextDocument): Promise<Map<number, vscode.CodeLens[]>> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
    'vscode.executeCodeLensProvider',
    document.uri,
    100,
  );
  const byLine = new Map<number, vscode.CodeLens[]>();
  for (const lens of lenses) byLine.set(lens.range.start.line, [...(byLine.get(lens.range.start.line) ?? []), lens]);
  const rank = (lens: vscode.CodeLens) => ['Plan', 'Apply'].indexOf(lens.command?.title ?? '') >>> 0;
  for (const line of byLine.values()) line.sort((a, b) => rank(a) - rank(b));
  return new Map([...byLine.entries()].sort((a, b) => a[0] - b[0]));
}

describe('filters file in the editor', function () {
  this.timeout(60_000);
  const t = useFlowTestContext();
  let folder: vscode.Uri;
  beforeEach(() => {
    folder = freshFolder();
  });
  afterEach(async () => {
    await removeFolder(t.api, folder);
    const left = await vscode.workspace.findFiles('**/eventbridge-filters.json');
    assert.deepEqual(
      left.map((u) => u.fsPath),
      [],
      'files left',
    );
    assert.equal(
      t.api.host.asCode.load().managed.managedBy({ id: MULTI, name: '' }),
      undefined,
      'the tree forgot the file',
    );
  });

  it('diagnostics at their exact ranges: the pattern inside its JSON escapes, a topic, a duplicate key, a subscription the org lacks', async () => {
    const document = await writeFiltersFile(folder, FILE);
    assert.equal(document.languageId, 'jsonc', 'eventbridge-filters.json is JSON with comments');
    const found = await ourDiagnostics(t.api, document);
    const line = (text: string) =>
      document
        .getText()
        .split('\n')
        .findIndex((l) => l.includes(text));
    const byCode = (code: string) => found.find((d) => d.code === code);

    const pattern = byCode('pattern.missingParen');
    assert.ok(pattern, JSON.stringify(found.map((d) => d.code)));
    // In the pattern ^\d+(Premium the "(" is at 4; in the file ^\\d+( puts it one column further.
    assert.equal(pattern.line, line('^\\\\d+(Premium'));
    assert.equal(pattern.character, document.lineAt(pattern.line).text.indexOf('(Premium'));
    assert.ok(pattern.text.startsWith('('), pattern.text);
    assert.match(pattern.message, /^Regex: missing \) — group opened at 4 is never closed/);

    assert.equal(byCode('invalidTopic')?.text, '"v2.users.{userId}.presence"');
    const duplicate = byCode('duplicateFilterKey');
    assert.equal(duplicate?.text, '"interaction.direction"');
    assert.equal(duplicate?.line, line('"matchType": "exists"'), 'the second one is marked');
    const missing = byCode('subscriptionNotFound');
    assert.equal(missing?.text, '"digital-channel"');
    assert.match(missing.message, /has no subscription "digital-channel"/);
    assert.ok(!found.some((d) => d.code === 'unknownProperty'), 'shape problems are left to the schema');

    // ...which the contributed JSON schema reports through VS Code's JSON language service.
    await waitFor(
      () =>
        vscode.languages
          .getDiagnostics(document.uri)
          .some((d) => /topicFilter/.test(d.message) && d.source !== 'Genesys Cloud'),
      'the schema diagnostic for "topicFilter"',
      20_000,
    );
  });

  it('quick fixes: the placeholder written {id}, a near-miss subscription name; the diagnostics go away', async () => {
    const document = await writeFiltersFile(folder, FILE);
    const fixFor = async (code: string) => {
      const target = (await ourDiagnostics(t.api, document)).find((d) => d.code === code)!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        target.diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      // Ours only (the JSON language service may offer its own); executeCodeActionProvider drops `diagnostics`.
      return actions.filter((a) => /^(Write the placeholder|Change to|Remove the second)/.test(a.title));
    };
    const [topicFix] = await fixFor('invalidTopic');
    assert.equal(topicFix?.title, 'Write the placeholder as {id}: v2.users.{id}.presence');
    await vscode.workspace.applyEdit(topicFix.edit!);
    const [subscriptionFix] = await fixFor('subscriptionNotFound');
    assert.equal(subscriptionFix?.title, 'Change to "digital-channels"');
    await vscode.workspace.applyEdit(subscriptionFix.edit!);
    assert.match(document.getText(), /"v2\.users\.\{id\}\.presence"/);
    assert.match(document.getText(), /\{ "name": "digital-channels"/);
    const left = (await ourDiagnostics(t.api, document)).map((d) => d.code);
    assert.deepEqual(left.sort(), ['duplicateFilterKey', 'pattern.missingParen']);
  });

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

  it('signed out, the file is still checked but the org is not read: the lens offers Sign In', async () => {
    const document = await writeFiltersFile(folder, FILE);
    await t.api.host.profiles.setActive(undefined);
    await t.api.host.session.reload();
    try {
      assert.equal(t.api.services.session(), undefined);
      await t.admin.clearRequests();
      const codes = (await ourDiagnostics(t.api, document)).map((d) => d.code);
      assert.ok(codes.includes('pattern.missingParen') && !codes.includes('subscriptionNotFound'), codes.join());
      const [lenses] = (await lensesByLine(document)).values();
      assert.deepEqual(
        lenses.map((l) => l.command?.title),
        ['Plan', 'Apply', '$(sign-in) Sign in to compare with the org'],
      );
      assert.deepEqual(await t.admin.requests(), [], 'no request while signed out');
    } finally {
      await restoreEnvironmentProfile(t.api);
    }
  });
});
