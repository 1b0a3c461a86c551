/**
 * The seam between flows and the UI that asks questions. Flows only talk to a `Prompter` (through the wizard);
 * the real one (`VsCodePrompter`) drives quick picks, input boxes and modal dialogs, and
 * extension-host tests substitute a scripted one through `FlowsApi.setPrompter`.
 * Nothing here imports `vscode`, so the shapes stay plain data.
 */

/**
 * Returned by a prompt when the user pressed the Back button. A registered symbol, so a prompter
 * compiled separately (tests load `out/`, the extension runs the bundle) returns the same value.
 */
export const BACK: unique symbol = Symbol.for('genesysCloud.flows.back');
export type Back = typeof BACK;

export type ValidationSeverity = 'error' | 'warning' | 'info';
/** An `error` blocks Enter; `warning` and `info` only inform. */
export interface ValidationMessage {
  message: string;
  severity: ValidationSeverity;
}

/** Where a prompt sits in its flow; the real prompter renders "Title (step/total)". */
export interface StepInfo {
  /** Stable identifier of the question (e.g. `integration`, `pattern`); scripted prompters check it. */
  id: string;
  title: string;
  step: number;
  totalSteps: number;
  canGoBack: boolean;
}

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  /** A codicon id such as `plug` or `filter`. */
  icon?: string;
  value: T;
  /** Checked (multi-select) or the active item (single pick: e.g. the previous answer after Back). */
  picked?: boolean;
  /** Items with a group are listed after a separator with that label (the real UI); order is kept. */
  group?: string;
}

/** Lets the user type a value that is not in the list; it is validated before it can be chosen. */
export interface FreeText<T> {
  /** undefined when acceptable, else the reason shown next to the typed text. */
  validate(text: string): string | undefined;
  toValue(text: string): T;
  /** Description shown next to the typed value, e.g. "new attribute key". */
  description: string;
}

export interface PickOptions<T> extends StepInfo {
  placeholder: string;
  /** A promise shows the picker busy until it settles. */
  items: PickItem<T>[] | Promise<PickItem<T>[]>;
  freeText?: FreeText<T>;
  /** Text shown when the (loaded) list is empty and no free text is allowed. */
  emptyMessage?: string;
}

export interface PickManyOptions<T> extends PickOptions<T> {
  /** At least one item must be checked unless this is true. */
  allowNone?: boolean;
}

/** Validates what is in the box; may be slow (a worker hop), and is cancelled when the text changes. */
export type InputValidator = (
  value: string,
  signal: AbortSignal,
) => Promise<ValidationMessage | undefined> | ValidationMessage | undefined;

export interface InputOptions extends StepInfo {
  prompt: string;
  placeholder?: string;
  value?: string;
  validate?: InputValidator;
  /** Hides what is typed (client secrets). */
  password?: boolean;
  /**
   * Runs on Enter once `validate` passes, with the box busy: e.g. a token request with the typed secret.
   * An `error` keeps the box open with that message so the user can correct the value.
   */
  accept?: (value: string, signal: AbortSignal) => Promise<ValidationMessage | undefined>;
}

export interface ConfirmOptions {
  id: string;
  message: string;
  detail?: string;
  confirmLabel: string;
  /** Warnings for destructive changes (remove), information otherwise. */
  severity?: 'info' | 'warning';
  /** More buttons beside the confirm (e.g. "Preview on Events…"); choosing one resolves with its label. */
  actions?: string[];
}

export interface NotifyOptions {
  id: string;
  message: string;
  severity: 'info' | 'warning';
  actions: string[];
}

export interface Prompter {
  /** Resolves with the chosen value or BACK; rejects with a cancellation when dismissed (Escape). */
  pick<T>(options: PickOptions<T>): Promise<T | Back>;
  pickMany<T>(options: PickManyOptions<T>): Promise<T[] | Back>;
  input(options: InputOptions): Promise<string | Back>;
  /** A modal question: true for the confirm button, an action's label, false when the user chose Cancel or closed it. */
  confirm(options: ConfirmOptions): Promise<boolean | string>;
  /** A non-modal message; resolves with the clicked action (or undefined) whenever the user gets to it. */
  notify(options: NotifyOptions): Promise<string | undefined>;
}
