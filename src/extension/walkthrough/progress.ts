/**
 * The Get Started walkthrough's progress: each step is checked by a context key (package.json's
 * `completionEvents: ["onContext:…"]`) that is set here, when the user has really done the step — an integration
 * expanded in the view, a filter written, a topic added — never when a command merely ran or was cancelled.
 * VS Code remembers a completed step itself, so a key only has to become true once per window.
 */
import * as vscode from 'vscode';
import { IntegrationNode } from '../tree/integrationNode';
import type { TreeNode } from '../tree/treeNode';

/** The context keys the walkthrough's steps complete on (besides `genesysCloud.signedIn` for signing in). */
export const WALKTHROUGH_CONTEXT = {
  /** An integration row was expanded in the EventBridge Integrations view. */
  integrationOpened: 'genesysCloud.walkthrough.integrationOpened',
  /** Apply Subscription Filter… (or Edit Filter…) wrote an attribute filter. */
  filterApplied: 'genesysCloud.walkthrough.filterApplied',
  /** A topic write added at least one topic to an integration's topic filter. */
  topicFilterAdded: 'genesysCloud.walkthrough.topicFilterAdded',
} as const;

export type WalkthroughStep = keyof typeof WALKTHROUGH_CONTEXT;

const done = new Set<WalkthroughStep>();

/** Marks a step done (once per window; the extension's own success paths call this). */
export function completeWalkthroughStep(step: WalkthroughStep): void {
  if (done.has(step)) return;
  done.add(step);
  void vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT[step], true);
}

/** "Browse your integrations" is done when the user opens one: expanding a row, not merely showing the view. */
export function watchIntegrationsBrowsed(view: vscode.TreeView<TreeNode>): vscode.Disposable {
  return view.onDidExpandElement(({ element }) => {
    if (element instanceof IntegrationNode) completeWalkthroughStep('integrationOpened');
  });
}
