/** The real `Prompter`: VS Code quick picks, input boxes and modal dialogs. */
import * as vscode from 'vscode';
import { UserCancelledError } from '../../errors';
import { LiveValidation } from './liveValidation';
import {
  BACK,
  type Back,
  type ConfirmOptions,
  type FreeText,
  type InputOptions,
  type NotifyOptions,
  type PickItem,
  type PickManyOptions,
  type PickOptions,
  type Prompter,
  type StepInfo,
  type ValidationMessage,
} from './prompter';

type Item<T> = vscode.QuickPickItem & { value?: T; custom?: string; invalid?: boolean };

const SEVERITY: Record<ValidationMessage['severity'], vscode.InputBoxValidationSeverity> = {
  error: vscode.InputBoxValidationSeverity.Error,
  warning: vscode.InputBoxValidationSeverity.Warning,
  info: vscode.InputBoxValidationSeverity.Info,
};

export function stepTitle(info: StepInfo): string {
  return info.totalSteps > 1 ? `${info.title} (${info.step}/${info.totalSteps})` : info.title;
}

function toItem<T>(item: PickItem<T>): Item<T> {
  return {
    label: item.label,
    description: item.description,
    detail: item.detail,
    iconPath: item.icon ? new vscode.ThemeIcon(item.icon) : undefined,
    picked: item.picked,
    value: item.value,
  };
}

/** The entry for typed text that is not in the list, marked invalid with the reason when it is not acceptable. */
function customItem<T>(text: string, freeText: FreeText<T>): Item<T> {
  const problem = freeText.validate(text);
  return problem
    ? {
        label: text,
        description: problem,
        iconPath: new vscode.ThemeIcon('error'),
        custom: text,
        invalid: true,
        alwaysShow: true,
      }
    : {
        label: text,
        description: freeText.description,
        iconPath: new vscode.ThemeIcon('edit'),
        custom: text,
        alwaysShow: true,
      };
}

export class VsCodePrompter implements Prompter {
  pick<T>(options: PickOptions<T>): Promise<T | Back> {
    return this.runPick(options, false).then((r) => (r === BACK ? BACK : r[0]));
  }

  pickMany<T>(options: PickManyOptions<T>): Promise<T[] | Back> {
    return this.runPick(options, true, options.allowNone);
  }

  private runPick<T>(options: PickOptions<T>, many: boolean, allowNone = false): Promise<T[] | Back> {
    const pick = vscode.window.createQuickPick<Item<T>>();
    pick.title = stepTitle(options);
    pick.placeholder = options.placeholder;
    pick.canSelectMany = many;
    pick.ignoreFocusOut = true;
    pick.matchOnDescription = true;
    pick.buttons = options.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    let listed: Item<T>[] = [];
    /** Typed entries the user already added (multi-select only); they stay checked across typing. */
    let added: Item<T>[] = [];
    /** The entry for what is typed in the box right now, if it is not in the list. */
    let typedItem: Item<T> | undefined;
    const render = () => {
      const typed = pick.value.trim();
      const known = new Set([...listed, ...added].map((i) => i.custom ?? i.label));
      typedItem = options.freeText && typed && !known.has(typed) ? customItem(typed, options.freeText) : undefined;
      const selected = pick.selectedItems;
      pick.items = [...(typedItem ? [typedItem] : []), ...added, ...listed];
      if (many) pick.selectedItems = pick.items.filter((i) => selected.includes(i) || added.includes(i));
    };
    const disposables: vscode.Disposable[] = [pick];
    return new Promise<T[] | Back>((resolve, reject) => {
      let settled = false;
      const finish = (action: () => void) => {
        if (settled) return;
        settled = true;
        action();
        for (const d of disposables) d.dispose();
      };
      disposables.push(
        pick.onDidTriggerButton((b) => {
          if (b === vscode.QuickInputButtons.Back) finish(() => resolve(BACK));
        }),
        pick.onDidChangeValue(() => {
          if (options.freeText) render();
        }),
        pick.onDidAccept(() => {
          if (pick.busy) return;
          const active = pick.activeItems[0];
          if (many && typedItem) {
            // Enter on typed text adds it to the selection (checked); Enter again, with nothing typed, continues.
            // (A multi-select has no active item until the user moves, so this goes by the typed entry.)
            if (typedItem.invalid) return; // the reason is already shown next to the typed text
            added = [...added, typedItem];
            pick.value = '';
            render();
            return;
          }
          if (active?.invalid) return;
          const chosen = many ? pick.selectedItems.filter((i) => !i.invalid) : active ? [active] : [];
          if (chosen.length === 0 && !(many && allowNone)) return;
          const values = chosen.map((i) =>
            i.custom !== undefined ? options.freeText!.toValue(i.custom) : (i.value as T),
          );
          finish(() => resolve(values));
        }),
        pick.onDidHide(() => finish(() => reject(new UserCancelledError()))),
      );
      pick.busy = true;
      pick.show();
      Promise.resolve(options.items).then(
        (items) => {
          if (settled) return;
          listed = items.map(toItem);
          if (listed.length === 0 && !options.freeText && options.emptyMessage) pick.placeholder = options.emptyMessage;
          render();
          if (many) pick.selectedItems = pick.items.filter((i) => i.picked);
          pick.busy = false;
        },
        (err) =>
          finish(() => {
            reject(err);
            pick.hide();
          }),
      );
    });
  }

  input(options: InputOptions): Promise<string | Back> {
    const box = vscode.window.createInputBox();
    box.title = stepTitle(options);
    box.prompt = options.prompt;
    box.placeholder = options.placeholder;
    box.value = options.value ?? '';
    box.ignoreFocusOut = true;
    box.buttons = options.canGoBack ? [vscode.QuickInputButtons.Back] : [];
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
            showValidation: (m) => {
              box.validationMessage = m ? { message: m.message, severity: SEVERITY[m.severity] } : undefined;
            },
          },
          options.validate,
        )
      : undefined;
    const disposables: vscode.Disposable[] = [box];
    return new Promise<string | Back>((resolve, reject) => {
      let settled = false;
      let accepting = false;
      const finish = (action: () => void) => {
        if (settled) return;
        settled = true;
        live?.dispose();
        action();
        for (const d of disposables) d.dispose();
      };
      disposables.push(
        box.onDidTriggerButton((b) => {
          if (b === vscode.QuickInputButtons.Back) finish(() => resolve(BACK));
        }),
        box.onDidChangeValue((v) => live?.onDidChangeValue(v)),
        box.onDidAccept(async () => {
          if (accepting) return;
          accepting = true;
          try {
            // Re-validate what is in the box now: the live result may be stale or still running.
            let value = box.value;
            let verdict = await live?.settle();
            while (live && box.value !== value) {
              value = box.value;
              verdict = await live.settle();
            }
            if (verdict?.severity === 'error') return;
            finish(() => resolve(value));
          } finally {
            accepting = false;
          }
        }),
        box.onDidHide(() => finish(() => reject(new UserCancelledError()))),
      );
      box.show();
      if (live && box.value) live.onDidChangeValue(box.value);
    });
  }

  async confirm(options: ConfirmOptions): Promise<boolean> {
    const show =
      options.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    const answer = await show(options.message, { modal: true, detail: options.detail }, options.confirmLabel);
    return answer === options.confirmLabel;
  }

  notify(options: NotifyOptions): Promise<string | undefined> {
    const show =
      options.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return Promise.resolve(show(options.message, ...options.actions));
  }
}
