/** The real `Prompter`: VS Code quick picks, input boxes and modal dialogs. */
import * as vscode from 'vscode';
import { showInputBox } from './inputBoxPrompt';
import type {
  Back,
  ConfirmOptions,
  InputOptions,
  NotifyOptions,
  PickManyOptions,
  PickOptions,
  Prompter,
} from './prompter';
import { BACK } from './prompter';
import { showQuickPick } from './quickPickPrompt';

export class VsCodePrompter implements Prompter {
  async pick<T>(options: PickOptions<T>): Promise<T | Back> {
    const answer = await showQuickPick(options, false);
    return answer === BACK ? BACK : answer[0];
  }

  pickMany<T>(options: PickManyOptions<T>): Promise<T[] | Back> {
    return showQuickPick(options, true, options.allowNone);
  }

  input(options: InputOptions): Promise<string | Back> {
    return showInputBox(options);
  }

  async confirm(options: ConfirmOptions): Promise<boolean | string> {
    const show =
      options.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    const actions = options.actions ?? [];
    const answer = await show(
      options.message,
      { modal: true, detail: options.detail },
      options.confirmLabel,
      ...actions,
    );
    if (answer === options.confirmLabel) return true;
    return answer !== undefined && actions.includes(answer) ? answer : false;
  }

  notify(options: NotifyOptions): Promise<string | undefined> {
    const show =
      options.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return Promise.resolve(show(options.message, ...options.actions));
  }
}
