/**
 * A Prompter that answers from a script, for extension-host tests (installed with FlowsApi.setPrompter).
 * It behaves like the real UI where it matters: input boxes run the flow's validator (and then its check on
 * Enter, `accept`) and an `error` keeps the box open (the next answer for the same question is taken), free text in a picker is
 * validated the same way, Back returns BACK, cancel rejects like Escape. Every prompt is recorded.
 */
import { UserCancelledError } from '../../../src/extension/errors';
import {
  BACK,
  type Back,
  type ConfirmOptions,
  type InputOptions,
  type NotifyOptions,
  type PickItem,
  type PickManyOptions,
  type PickOptions,
  type Prompter,
  type ValidationMessage,
} from '../../../src/extension/wizard/prompter';

export type Answer =
  | { id: string; pick: string } // a single item, by label
  | { id: string; check: string[]; add?: string[] } // a multi-select: exactly these labels, plus typed entries
  | { id: string; type: string } // text in an input box, or free text in a picker
  | { id: string; back: true }
  | { id: string; cancel: true }
  /** Escape while the picker still shows busy: waits `afterMs` (default 300) without waiting for the items. */
  | { id: string; cancelWhileLoading: true; afterMs?: number }
  /** true/false for the confirm button or Cancel, a string for one of the confirm's `actions`. */
  | {
      id: string;
      confirm: boolean | string | ((options: ConfirmOptions) => Promise<boolean | string> | boolean | string);
    };

export interface RecordedPrompt {
  kind: 'pick' | 'pickMany' | 'input' | 'confirm';
  id: string;
  title?: string;
  step?: number;
  totalSteps?: number;
  canGoBack?: boolean;
  placeholder?: string;
  prompt?: string;
  /** The box's initial value (inputs). */
  value?: string;
  items?: PickItem<unknown>[];
  /** Validation messages, one per typed answer (inputs and free text). */
  validation: (ValidationMessage | undefined)[];
  confirm?: ConfirmOptions;
  /** For `cancelWhileLoading`: whether the items were in fact still loading at the Escape. */
  loadingWhenCancelled?: boolean;
}

export class ScriptedPrompter implements Prompter {
  readonly prompts: RecordedPrompt[] = [];
  readonly notifications: NotifyOptions[] = [];
  private readonly answers: Answer[];

  /** `notifyAnswers` maps a notification id (e.g. "written") to the button to click. */
  constructor(
    answers: Answer[],
    private readonly notifyAnswers: Record<string, string> = {},
  ) {
    this.answers = [...answers];
  }

  get remaining(): Answer[] {
    return this.answers;
  }

  /** The recorded prompts with this id, in order. */
  find(id: string): RecordedPrompt[] {
    return this.prompts.filter((p) => p.id === id);
  }

  private next(kind: RecordedPrompt['kind'], id: string): Answer {
    const answer = this.answers.shift();
    if (!answer) throw new Error(`Script exhausted: unexpected ${kind} "${id}"`);
    if (answer.id !== id) throw new Error(`Script expected "${answer.id}" but the flow asked ${kind} "${id}"`);
    return answer;
  }

  async pick<T>(options: PickOptions<T>): Promise<T | Back> {
    await this.cancelIfScriptedWhileLoading('pick', options);
    const items = await options.items;
    const record = this.record('pick', options, items);
    for (;;) {
      const answer = this.next('pick', options.id);
      if ('cancel' in answer) throw new UserCancelledError();
      if ('back' in answer) return BACK;
      if ('pick' in answer) {
        const item = items.find((i) => i.label === answer.pick);
        if (!item) {
          throw new Error(
            `"${options.id}" has no item "${answer.pick}"; items: ${items.map((i) => i.label).join(' | ')}`,
          );
        }
        return item.value;
      }
      if ('type' in answer) {
        if (!options.freeText) throw new Error(`"${options.id}" does not accept free text`);
        const problem = options.freeText.validate(answer.type);
        record.validation.push(problem ? { severity: 'error', message: problem } : undefined);
        if (!problem) return options.freeText.toValue(answer.type);
        continue; // like the real picker: an invalid typed entry cannot be accepted
      }
      throw new Error(`Answer for pick "${options.id}" has the wrong shape: ${JSON.stringify(answer)}`);
    }
  }

  async pickMany<T>(options: PickManyOptions<T>): Promise<T[] | Back> {
    await this.cancelIfScriptedWhileLoading('pickMany', options);
    const items = await options.items;
    const record = this.record('pickMany', options, items);
    for (;;) {
      const answer = this.next('pickMany', options.id);
      if ('cancel' in answer) throw new UserCancelledError();
      if ('back' in answer) return BACK;
      if (!('check' in answer)) throw new Error(`Answer for pickMany "${options.id}" needs "check"`);
      const values = answer.check.map((label) => {
        const item = items.find((i) => i.label === label);
        if (!item) {
          throw new Error(`"${options.id}" has no item "${label}"; items: ${items.map((i) => i.label).join(' | ')}`);
        }
        return item.value;
      });
      let rejected = false;
      for (const text of answer.add ?? []) {
        if (!options.freeText) throw new Error(`"${options.id}" does not accept free text`);
        const problem = options.freeText.validate(text);
        record.validation.push(problem ? { severity: 'error', message: problem } : undefined);
        if (problem) rejected = true;
        else values.push(options.freeText.toValue(text));
      }
      // Like the real picker: a rejected typed entry cannot be added, and nothing checked cannot be accepted.
      if (rejected || (values.length === 0 && !options.allowNone)) continue;
      return values;
    }
  }

  async input(options: InputOptions): Promise<string | Back> {
    const record = this.record('input', options);
    for (;;) {
      const answer = this.next('input', options.id);
      if ('cancel' in answer) throw new UserCancelledError();
      if ('back' in answer) return BACK;
      if (!('type' in answer)) throw new Error(`Answer for input "${options.id}" needs "type"`);
      let verdict = await options.validate?.(answer.type, new AbortController().signal);
      // Like the real box: the check on Enter (a token request) runs once the text is valid; an error keeps it open.
      if (verdict?.severity !== 'error' && options.accept) {
        verdict = (await options.accept(answer.type, new AbortController().signal)) ?? verdict;
      }
      record.validation.push(verdict);
      if (verdict?.severity !== 'error') return answer.type;
    }
  }

  async confirm(options: ConfirmOptions): Promise<boolean | string> {
    this.prompts.push({ kind: 'confirm', id: options.id, confirm: options, validation: [] });
    const answer = this.next('confirm', options.id);
    if (!('confirm' in answer)) throw new Error(`Answer for confirm "${options.id}" needs "confirm"`);
    const chosen = typeof answer.confirm === 'function' ? await answer.confirm(options) : answer.confirm;
    // Like the real dialog: only its own buttons can be chosen.
    if (typeof chosen === 'string' && !options.actions?.includes(chosen)) {
      throw new Error(
        `Confirm "${options.id}" has no button "${chosen}"; actions: ${options.actions?.join(' | ') ?? 'none'}`,
      );
    }
    return chosen;
  }

  async notify(options: NotifyOptions): Promise<string | undefined> {
    this.notifications.push(options);
    return this.notifyAnswers[options.id];
  }

  /** Like a user who sees the busy picker and presses Escape before the list arrives. */
  private async cancelIfScriptedWhileLoading(kind: 'pick' | 'pickMany', options: PickOptions<unknown>): Promise<void> {
    const upcoming = this.answers[0];
    if (!upcoming || upcoming.id !== options.id || !('cancelWhileLoading' in upcoming)) return;
    this.answers.shift();
    const record = this.record(kind, options);
    let loaded = false;
    Promise.resolve(options.items).then(
      () => (loaded = true),
      () => (loaded = true),
    );
    // A timer: every reaction of an items promise that settled meanwhile has run by then.
    await new Promise((resolve) => setTimeout(resolve, upcoming.afterMs ?? 300));
    record.loadingWhenCancelled = !loaded;
    throw new UserCancelledError();
  }

  private record(
    kind: RecordedPrompt['kind'],
    options: PickOptions<unknown> | InputOptions,
    items?: PickItem<unknown>[],
  ): RecordedPrompt {
    const record: RecordedPrompt = {
      kind,
      id: options.id,
      title: options.title,
      step: options.step,
      totalSteps: options.totalSteps,
      canGoBack: options.canGoBack,
      placeholder: options.placeholder,
      prompt: 'prompt' in options ? options.prompt : undefined,
      value: 'value' in options ? options.value : undefined,
      items,
      validation: [],
    };
    this.prompts.push(record);
    return record;
  }
}
