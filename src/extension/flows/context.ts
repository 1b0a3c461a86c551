/** What every flow needs: the extension's services, the prompter (replaceable in tests) and the virtual documents. */
import type { ExtensionServices } from '../services';
import type { JsonDocuments } from './documents/jsonDocuments';
import type { Prompter } from './input/prompter';

export interface FlowContext {
  readonly services: ExtensionServices;
  readonly documents: JsonDocuments;
  /** Looked up on every use, so a test's `setPrompter` also applies to flows already running. */
  prompter(): Prompter;
  /**
   * Runs work that outlives the command that started it (an Undo button clicked later, a follow-up
   * command offered in a message). Errors get the same single message the command wrapper gives.
   */
  background(action: string, work: () => Promise<unknown>): void;
}
