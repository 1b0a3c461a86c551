/**
 * The flows' command table and the API extension-host tests use to drive them.
 * Every command goes through the core's `registerCommand` wrapper (one message per error,
 * cancellation silent) and accepts a tree node or an args object.
 */
import type * as vscode from 'vscode';
import { registerCommand } from '../commands/registerCommand';
import { isUserCancellation, showError } from '../errors';
import type { ExtensionServices } from '../services';
import { applyFilterCommand, editFilterCommand, removeFilterCommand } from './attribute/filterCommands';
import type { FlowContext } from './context';
import { JsonDocuments } from './documents/jsonDocuments';
import type { Prompter } from './input/prompter';
import { VsCodePrompter } from './input/vscodePrompter';
import { recentProgress, type ProgressRecord } from './progress';
import { showIntegrationJsonCommand } from './showIntegrationJson';
import { addTopicFilterCommand, removeTopicFilterCommand, selectTopicsByRegexCommand } from './topics/topicCommands';

export interface FlowsApi {
  /** Replaces the UI that asks questions (tests pass a scripted one); undefined restores the real one. */
  setPrompter(prompter: Prompter | undefined): void;
  /** Resolves when work started after a command returned (Undo, follow-up offers) has finished. */
  settled(): Promise<void>;
  /** Virtual JSON documents (scheme `genesys-cloud-json`) shown by the diff and Show Integration JSON. */
  readonly documents: JsonDocuments;
  /** The last few write progress notifications (messages shown, and the Cancel button's action). */
  progress(): readonly ProgressRecord[];
}

const COMMANDS: Record<string, (ctx: FlowContext) => (...args: unknown[]) => unknown> = {
  'genesysCloud.applyFilter': applyFilterCommand,
  'genesysCloud.editFilter': editFilterCommand,
  'genesysCloud.removeFilter': removeFilterCommand,
  'genesysCloud.showIntegrationJson': showIntegrationJsonCommand,
  'genesysCloud.addTopicFilter': addTopicFilterCommand,
  'genesysCloud.removeTopicFilter': removeTopicFilterCommand,
  'genesysCloud.selectTopicsByRegex': selectTopicsByRegexCommand,
};

export function registerFlowCommands(context: vscode.ExtensionContext, services: ExtensionServices): FlowsApi {
  const real = new VsCodePrompter();
  let prompter: Prompter = real;
  const documents = new JsonDocuments();
  context.subscriptions.push(documents);
  const pending = new Set<Promise<unknown>>();

  const ctx: FlowContext = {
    services,
    documents,
    prompter: () => prompter,
    background(action, work) {
      const run = work().catch((err: unknown) => {
        if (isUserCancellation(err)) return;
        services.log.error(`Could not ${action}: ${err instanceof Error ? err.message : String(err)}`);
        void showError(services, err, action);
      });
      pending.add(run);
      void run.finally(() => pending.delete(run));
    },
  };

  for (const [id, factory] of Object.entries(COMMANDS)) {
    registerCommand(context, services, id, factory(ctx));
  }

  return {
    setPrompter(p) {
      prompter = p ?? real;
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    documents,
    progress: recentProgress,
  };
}
