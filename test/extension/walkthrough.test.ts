/**
 * The Get Started walkthrough in package.json against the extension: every step completes on a context key the
 * extension really sets (a step that can never be checked is the worst kind of walkthrough), every button runs a
 * registered command, every illustration exists. The UI test (test/ui/walkthrough.test.ts) walks it for real.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SIGNED_IN_CONTEXT } from '../../src/extension/profiles/session';
import { WALKTHROUGH_CONTEXT } from '../../src/extension/walkthrough/progress';
import { WALKTHROUGH_ID } from '../../src/extension/walkthrough/walkthrough';
import { REPO_ROOT } from '../vscode/paths';
import { extensionApi } from './support/extensionApi';

interface Step {
  id: string;
  description: string;
  media: { svg?: string; image?: string; markdown?: string; altText?: string };
  completionEvents?: string[];
}
interface Manifest {
  contributes: { walkthroughs: { id: string; steps: Step[] }[] };
}

describe('the Get Started walkthrough', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
  const nlsFile = path.join(REPO_ROOT, 'package.nls.json');
  const nls = (fs.existsSync(nlsFile) ? JSON.parse(fs.readFileSync(nlsFile, 'utf8')) : {}) as Record<string, string>;
  /** package.json refers to its texts as %key% (package.nls.json). */
  const text = (value: string) => value.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? value);
  const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === WALKTHROUGH_ID);

  before(async () => {
    await extensionApi();
  });

  it('is contributed under the id the Get Started command opens, with four steps', () => {
    assert.ok(walkthrough, `no walkthrough ${WALKTHROUGH_ID}`);
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['signIn', 'browseIntegrations', 'applyFilter', 'addTopicFilter'],
    );
  });

  it('completes each step on the context key the extension sets when that step is done', () => {
    const keyOf: Record<string, string> = { signIn: SIGNED_IN_CONTEXT, ...WALKTHROUGH_CONTEXT };
    for (const step of walkthrough!.steps) {
      // The ids are shared with WalkthroughProgress.complete(), which also marks the step done by id.
      assert.deepEqual(step.completionEvents, [`onContext:${keyOf[step.id]}`], step.id);
    }
  });

  it("every step's buttons run registered commands and its illustration is in the repository", async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthrough!.steps) {
      const commands = [...text(step.description).matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
      assert.ok(commands.length > 0, `${step.id} has no button`);
      for (const command of commands) assert.ok(registered.has(command), `${step.id}: ${command} is not registered`);
      const media = step.media.svg ?? step.media.image ?? step.media.markdown;
      assert.ok(media && fs.existsSync(path.join(REPO_ROOT, media)), `${step.id}: ${media} is missing`);
      assert.ok(step.media.altText, `${step.id} has no alt text`);
    }
  });
});
