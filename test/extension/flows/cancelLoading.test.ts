/**
 * Escape on a picker whose list is still loading stops the load: the request is aborted, not left
 * running in the background. The emulator holds the integrations listing for 3 s and records a held
 * request only if the client is still connected when the hold ends (server.ts: `res.destroyed`), so
 * "no listing in the request log after the hold" proves the abort reached the server.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { script, useFlowTestContext } from './flowTestSetup';

const HOLD_MS = 3000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('flows: Escape while a picker loads', function () {
  this.timeout(30_000);
  const t = useFlowTestContext();

  for (const command of ['genesysCloud.showIntegrationJson', 'genesysCloud.applyFilter']) {
    it(`${command}: Escape on the loading integration list ends the command at once and aborts the listing; nothing is written`, async () => {
      // "?" keeps the rule to the listing (/api/v2/integrations?pageSize…), not /integrations/{id}/… reads.
      await t.admin.addFault({ method: 'GET', path: '/api/v2/integrations?', delayMs: HOLD_MS });
      const prompter = script(t, [{ id: 'integration', cancelWhileLoading: true, afterMs: 500 }]);
      const started = Date.now();
      const outcome = await vscode.commands.executeCommand(command);
      const elapsed = Date.now() - started;
      assert.equal(outcome, undefined, 'a cancelled command returns nothing and shows no error');
      assert.deepEqual(prompter.remaining, []);
      assert.equal(
        prompter.find('integration')[0].loadingWhenCancelled,
        true,
        'Escape came while the list was still loading',
      );
      assert.ok(elapsed < 2000, `the command ended at the Escape, not after the held listing (${elapsed} ms)`);

      // Past the hold (plus a margin): a listing that was still connected would be answered and logged by now.
      await sleep(started + HOLD_MS + 700 - Date.now());
      const listings = (await t.admin.requests()).filter(
        (r) => r.method === 'GET' && r.path.startsWith('/api/v2/integrations?'),
      );
      assert.deepEqual(listings, [], 'the held listing was aborted: the emulator never answered it');
      assert.deepEqual(await t.admin.writes(), []);
    });
  }
});
