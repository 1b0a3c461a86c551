/**
 * eventbridge-filters.json in the editor, checked against the harness emulator: diagnostics at their exact ranges
 * (through JSON escapes), the schema's own diagnostics for what it covers, quick fixes, and, signed out, the file still
 * checked with no request to the org and a lens offering Sign In. The lenses' commands are in
 * filtersFileCommands.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MULTI_SUBSCRIPTION_INTEGRATION_ID as MULTI } from '../../../src/emulator/defaultOrgData';
import { restoreEnvironmentProfile, waitFor } from '../support/extensionApi';
import { useFlowTestContext } from '../flows/flowTestSetup';
import { lensesByLine, ourDiagnostics, useFreshFolder, writeFiltersFile } from './filtersFileSupport';

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

describe('filters file in the editor', function () {
  this.timeout(60_000);
  const t = useFlowTestContext();
  let folder: vscode.Uri;
  useFreshFolder(t, (fresh) => (folder = fresh));

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
