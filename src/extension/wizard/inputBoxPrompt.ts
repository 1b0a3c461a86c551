/** A question as a VS Code input box: live validation as the user types, and an optional check on Enter. */
import * as vscode from 'vscode';
import { UserCancelledError } from '../errors';
import { LiveValidation } from './liveValidation';
import { BACK, type Back, type InputOptions, type ValidationMessage } from './prompter';
import { stepTitle } from './quickPickPrompt';

const SEVERITY: Record<ValidationMessage['severity'], vscode.InputBoxValidationSeverity> = {
  error: vscode.InputBoxValidationSeverity.Error,
  warning: vscode.InputBoxValidationSeverity.Warning,
  info: vscode.InputBoxValidationSeverity.Info,
};

/** Resolves with the accepted text or BACK; rejects with a cancellation on Escape. */
export function showInputBox(options: InputOptions): Promise<string | Back> {
  const box = vscode.window.createInputBox();
  box.title = stepTitle(options);
  box.prompt = options.prompt;
  box.placeholder = options.placeholder;
  box.value = options.value ?? '';
  box.password = options.password ?? false;
  box.ignoreFocusOut = true;
  box.buttons = options.canGoBack ? [vscode.QuickInputButtons.Back] : [];
  const show = (m: ValidationMessage | undefined) => {
    box.validationMessage = m ? { message: m.message, severity: SEVERITY[m.severity] } : undefined;
  };
  const live = options.validate
    ? new LiveValidation(
        {
          get value() {
            return box.value;
          },
          set value(v: string) {
            box.value = v;
          },
          get busy() {
            return box.busy;
          },
          set busy(b: boolean) {
            box.busy = b;
          },
          showValidation: show,
        },
        options.validate,
      )
    : undefined;
  /** Aborts a running `accept` check (a token request) when the box goes away. */
  const accepting = new AbortController();
  const listeners: vscode.Disposable[] = [];
  return new Promise<string | Back>((resolve, reject) => {
    let settled = false;
    let busyAccepting = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      live?.dispose();
      accepting.abort();
      action();
      for (const listener of listeners) listener.dispose();
      box.dispose();
    };
    const accept = async () => {
      if (busyAccepting) return;
      busyAccepting = true;
      try {
        // Re-validate what is in the box now: the live result may be stale or still running.
        let value = box.value;
        let verdict = await live?.settle();
        while (live && box.value !== value) {
          value = box.value;
          verdict = await live.settle();
        }
        if (verdict?.severity === 'error') return;
        if (options.accept) {
          box.busy = true;
          box.enabled = false;
          const problem = await options.accept(value, accepting.signal).finally(() => {
            box.busy = false;
            box.enabled = true;
          });
          if (problem?.severity === 'error') return show(problem);
        }
        finish(() => resolve(value));
      } catch (err) {
        if (!settled) show({ severity: 'error', message: err instanceof Error ? err.message : String(err) });
      } finally {
        busyAccepting = false;
      }
    };
    listeners.push(
      box.onDidTriggerButton((b) => {
        if (b === vscode.QuickInputButtons.Back) finish(() => resolve(BACK));
      }),
      box.onDidChangeValue((v) => live?.onDidChangeValue(v)),
      box.onDidAccept(() => void accept()),
      box.onDidHide(() => finish(() => reject(new UserCancelledError()))),
    );
    box.show();
    if (live && box.value) live.onDidChangeValue(box.value);
  });
}
