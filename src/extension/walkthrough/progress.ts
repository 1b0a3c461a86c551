/**
 * The Get Started walkthrough's progress: a step is checked when the user has really done it — signed in, expanded
 * an integration in the view, written a filter, added a topic — never when a command merely ran or was cancelled.
 * package.json completes the steps on context keys (`onContext:…`), which this class sets from the success paths.
 * It also marks the step done directly: VS Code ignores an `onContext` event whose key was already true when it
 * registered the walkthrough (the Environment profile signs in while VS Code starts, so that race is real), and
 * VS Code keeps a completed step completed, so marking twice is harmless.
 */
import * as vscode from 'vscode';
import { Disposable } from '../lifecycle';
import type { Session } from '../profiles/session';
import { IntegrationNode } from '../tree/integrationNode';
import type { TreeNode } from '../tree/treeNode';
import { WALKTHROUGH_ID } from './walkthroughId';

/** The steps, by their package.json ids. */
export type WalkthroughStep = 'signIn' | 'browseIntegrations' | 'applyFilter' | 'addTopicFilter';

/** The context keys the steps complete on (signing in uses the session's own `genesysCloud.signedIn`). */
export const WALKTHROUGH_CONTEXT = {
  /** An integration row was expanded in the EventBridge Integrations view. */
  browseIntegrations: 'genesysCloud.walkthrough.integrationOpened',
  /** Apply Subscription Filter… (or Edit Filter…) wrote an attribute filter. */
  applyFilter: 'genesysCloud.walkthrough.filterApplied',
  /** A topic write added at least one topic to an integration's topic filter. */
  addTopicFilter: 'genesysCloud.walkthrough.topicFilterAdded',
} as const satisfies Partial<Record<WalkthroughStep, string>>;

export class WalkthroughProgress extends Disposable {
  private readonly done = new Set<WalkthroughStep>();

  constructor(
    private readonly extensionId: string,
    treeView: vscode.TreeView<TreeNode>,
    session: Session,
  ) {
    super();
    // Browsing is opening an integration, not merely showing the view (the step's own button shows it).
    this.register(
      treeView.onDidExpandElement(({ element }) => {
        if (element instanceof IntegrationNode) this.complete('browseIntegrations');
      }),
    );
    this.register(
      session.onDidChange(() => {
        if (session.getClient()) this.complete('signIn');
      }),
    );
  }

  /** The user has done `step` (the extension's success paths call this). */
  complete(step: WalkthroughStep): void {
    if (this.done.has(step)) return;
    this.done.add(step);
    if (step !== 'signIn') void vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT[step], true);
    void this.mark(step);
  }

  /** Once the walkthrough is shown (it is registered by then): the steps done before VS Code could see them. */
  async markDone(): Promise<void> {
    for (const step of this.done) await this.mark(step);
  }

  private async mark(step: WalkthroughStep): Promise<void> {
    try {
      await vscode.commands.executeCommand('welcome.markStepComplete', `${this.extensionId}#${WALKTHROUGH_ID}#${step}`);
    } catch {
      // The walkthrough is not registered yet (markDone() catches up when it is shown), or this VS Code has no such
      // command: the context key still completes the step.
    }
  }
}
