/** A question as a VS Code quick pick: single or multi-select, items that may still be loading, typed entries. */
import * as vscode from 'vscode';
import { UserCancelledError } from '../errors';
import { BACK, type Back, type FreeText, type PickItem, type PickOptions, type StepInfo } from './prompter';

type Item<T> = vscode.QuickPickItem & { value?: T; custom?: string; invalid?: boolean };

/** "Title (2/5)"; a one-question flow shows just the title. */
export function stepTitle(info: StepInfo): string {
  return info.totalSteps > 1 ? `${info.title} (${info.step}/${info.totalSteps})` : info.title;
}

/** Items as VS Code shows them, with a separator wherever the group changes. */
function toItems<T>(items: PickItem<T>[]): Item<T>[] {
  const shown: Item<T>[] = [];
  let group: string | undefined;
  for (const item of items) {
    if (item.group !== undefined && item.group !== group) {
      shown.push({ label: item.group, kind: vscode.QuickPickItemKind.Separator });
    }
    group = item.group;
    shown.push({
      label: item.label,
      description: item.description,
      detail: item.detail,
      iconPath: item.icon ? new vscode.ThemeIcon(item.icon) : undefined,
      picked: item.picked,
      value: item.value,
    });
  }
  return shown;
}

/** The entry for typed text that is not in the list, marked invalid with the reason when it is not acceptable. */
function customItem<T>(text: string, freeText: FreeText<T>): Item<T> {
  const problem = freeText.validate(text);
  const [description, icon] = problem ? [problem, 'error'] : [freeText.description, 'edit'];
  return {
    label: text,
    description,
    iconPath: new vscode.ThemeIcon(icon),
    custom: text,
    invalid: problem !== undefined,
    alwaysShow: true,
  };
}

/** Resolves with the chosen values (one for a single pick) or BACK; rejects with a cancellation on Escape. */
export function showQuickPick<T>(options: PickOptions<T>, many: boolean, allowNone = false): Promise<T[] | Back> {
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
  const listeners: vscode.Disposable[] = [];
  return new Promise<T[] | Back>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      for (const listener of listeners) listener.dispose();
      pick.dispose();
    };
    const accept = () => {
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
      const values = chosen.map((i) => (i.custom !== undefined ? options.freeText!.toValue(i.custom) : (i.value as T)));
      finish(() => resolve(values));
    };
    listeners.push(
      pick.onDidTriggerButton((b) => {
        if (b === vscode.QuickInputButtons.Back) finish(() => resolve(BACK));
      }),
      pick.onDidChangeValue(() => {
        if (options.freeText) render();
      }),
      pick.onDidAccept(accept),
      pick.onDidHide(() => finish(() => reject(new UserCancelledError()))),
    );
    pick.busy = true;
    pick.show();
    Promise.resolve(options.items).then(
      (items) => {
        if (settled) return;
        listed = toItems(items);
        if (listed.length === 0 && !options.freeText && options.emptyMessage) pick.placeholder = options.emptyMessage;
        render();
        const preselected = pick.items.filter((i) => i.picked);
        if (many) pick.selectedItems = preselected;
        else if (preselected.length > 0) pick.activeItems = preselected.slice(0, 1);
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
