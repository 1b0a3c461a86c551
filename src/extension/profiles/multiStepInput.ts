import * as vscode from 'vscode';
import { UserCancelledError } from '../errors';

/** Thrown by a prompt when the user presses Back; the driver re-runs the previous step. */
class BackSignal {}

/** A step asks one question and returns the next step, or undefined when done. */
export type InputStep = (input: MultiStepInput) => Promise<InputStep | undefined>;

export interface QuickPickParameters<T extends vscode.QuickPickItem> {
  title: string;
  step: number;
  totalSteps: number;
  items: readonly T[];
  placeholder: string;
  activeItem?: T;
}

export interface InputBoxParameters {
  title: string;
  step: number;
  totalSteps: number;
  value: string;
  prompt: string;
  placeholder?: string;
  password?: boolean;
  /** Live validation while typing. */
  validate?: (value: string) => string | vscode.InputBoxValidationMessage | undefined;
  /**
   * Runs on Enter with the box busy; returns a message to show (the step stays open so the user can
   * correct the value) or undefined to move on. Used for the token check before anything is stored.
   */
  onAccept?: (value: string) => Promise<string | undefined>;
}

/**
 * Multi-step quick input with Back buttons, after microsoft/vscode-extension-samples' quickinput-sample:
 * steps collect answers into a state object and nothing is written until the last step has returned.
 */
export class MultiStepInput {
  private current: vscode.QuickInput | undefined;
  private readonly steps: InputStep[] = [];

  static async run(start: InputStep): Promise<void> {
    const input = new MultiStepInput();
    try {
      await input.stepThrough(start);
    } finally {
      input.current?.dispose();
    }
  }

  private async stepThrough(start: InputStep): Promise<void> {
    let step: InputStep | undefined = start;
    while (step) {
      this.steps.push(step);
      try {
        step = await step(this);
      } catch (err) {
        if (!(err instanceof BackSignal)) {
          throw err;
        }
        this.steps.pop();
        step = this.steps.pop();
      }
    }
  }

  async showQuickPick<T extends vscode.QuickPickItem>(p: QuickPickParameters<T>): Promise<T> {
    const pick = vscode.window.createQuickPick<T>();
    pick.title = p.title;
    pick.step = p.step;
    pick.totalSteps = p.totalSteps;
    pick.placeholder = p.placeholder;
    pick.items = p.items;
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.ignoreFocusOut = true;
    if (p.activeItem) {
      pick.activeItems = [p.activeItem];
    }
    pick.buttons = this.steps.length > 1 ? [vscode.QuickInputButtons.Back] : [];
    return this.show(pick, (resolve, reject) => [
      pick.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && reject(new BackSignal())),
      pick.onDidAccept(() => {
        const [chosen] = pick.selectedItems;
        if (chosen) {
          resolve(chosen);
        }
      }),
    ]);
  }

  async showInputBox(p: InputBoxParameters): Promise<string> {
    const box = vscode.window.createInputBox();
    box.title = p.title;
    box.step = p.step;
    box.totalSteps = p.totalSteps;
    box.value = p.value;
    box.prompt = p.prompt;
    box.placeholder = p.placeholder;
    box.password = p.password ?? false;
    box.ignoreFocusOut = true;
    box.buttons = this.steps.length > 1 ? [vscode.QuickInputButtons.Back] : [];
    const validate = (value: string) => p.validate?.(value);
    box.validationMessage = p.value ? validate(p.value) : undefined;
    return this.show(box, (resolve, reject) => [
      box.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && reject(new BackSignal())),
      box.onDidChangeValue((value) => {
        box.validationMessage = validate(value);
      }),
      box.onDidAccept(async () => {
        const value = box.value;
        if (!box.enabled || blocks(validate(value))) {
          box.validationMessage = validate(value) ?? box.validationMessage;
          return;
        }
        if (!p.onAccept) {
          resolve(value);
          return;
        }
        box.enabled = false;
        box.busy = true;
        try {
          const problem = await p.onAccept(value);
          if (problem === undefined) {
            resolve(value);
          } else {
            box.validationMessage = { message: problem, severity: vscode.InputBoxValidationSeverity.Error };
          }
        } finally {
          box.enabled = true;
          box.busy = false;
        }
      }),
    ]);
  }

  /** Shows one quick input in place of the previous one; hiding it (Escape) cancels the whole flow. */
  private show<T>(
    input: vscode.QuickInput,
    wire: (resolve: (value: T) => void, reject: (reason: unknown) => void) => vscode.Disposable[],
  ): Promise<T> {
    const previous = this.current;
    this.current = input;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const listeners: vscode.Disposable[] = [];
      const settle = (finish: () => void) => {
        if (!settled) {
          settled = true;
          for (const l of listeners) l.dispose();
          finish();
        }
      };
      listeners.push(
        ...wire(
          (value) => settle(() => resolve(value)),
          (reason) => settle(() => reject(reason)),
        ),
      );
      listeners.push(input.onDidHide(() => settle(() => reject(new UserCancelledError('Sign-in cancelled')))));
      input.show();
      previous?.dispose();
    });
  }
}

function blocks(message: string | vscode.InputBoxValidationMessage | undefined): boolean {
  if (message === undefined || message === '') {
    return false;
  }
  return typeof message === 'string' || message.severity === vscode.InputBoxValidationSeverity.Error;
}
