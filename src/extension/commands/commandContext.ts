/**
 * What every command gets: the extension's services and host, the prompter (replaceable in tests), the virtual
 * JSON documents, and a way to run work that outlives the command. Also the API extension-host tests drive it by.
 */
import { JsonDocuments } from '../flows/documents/jsonDocuments';
import { recentProgress, type ProgressRecord } from '../flows/progress';
import { reportFailure } from '../errors';
import type { ServiceHost } from '../serviceHost';
import type { ExtensionServices } from '../services';
import type { Prompter } from '../wizard/prompter';
import { VsCodePrompter } from '../wizard/vscodePrompter';

export interface CommandContext {
  readonly host: ServiceHost;
  readonly services: ExtensionServices;
  readonly documents: JsonDocuments;
  /** Looked up on every use, so a test's `setPrompter` also applies to flows already running. */
  prompter(): Prompter;
  /**
   * Runs work that outlives the command that started it (an Undo button clicked later, a follow-up command
   * offered in a message). Its errors get the same single message a command's errors get.
   */
  background(action: string, work: () => Promise<unknown>): void;
}

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

export function createCommandContext(host: ServiceHost): { ctx: CommandContext; api: FlowsApi } {
  const real = new VsCodePrompter();
  let prompter: Prompter = real;
  const documents = host.own(new JsonDocuments());
  const pending = new Set<Promise<unknown>>();
  const ctx: CommandContext = {
    host,
    services: host.services,
    documents,
    prompter: () => prompter,
    background(action, work) {
      const run = work().catch((err: unknown) => reportFailure(host.log, err, action));
      pending.add(run);
      void run.finally(() => pending.delete(run));
    },
  };
  const api: FlowsApi = {
    setPrompter(p) {
      prompter = p ?? real;
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    documents,
    progress: recentProgress,
  };
  return { ctx, api };
}
