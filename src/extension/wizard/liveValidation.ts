/**
 * Validation as the user types, without ever letting a slow answer overwrite a newer one.
 * Every keystroke starts a new round with a higher sequence number and aborts the previous
 * round's signal; only the newest round may touch the box. The box shows `busy` while the
 * newest round is pending. `settle()` gives the verdict for the text currently in the box,
 * which is what Enter must wait for.
 */
import * as vscode from 'vscode';
import type { InputValidator, ValidationMessage } from './prompter';

/** The parts of an input box this needs; a plain object in tests, `vscode.InputBox` for real. */
export interface ValidatedBox {
  value: string;
  busy: boolean;
  showValidation(message: ValidationMessage | undefined): void;
}

export class LiveValidation {
  private sequence = 0;
  private controller: AbortController | undefined;
  private pending: Promise<ValidationMessage | undefined> | undefined;
  private latest: { value: string; result: ValidationMessage | undefined } | undefined;

  constructor(
    private readonly box: ValidatedBox,
    private readonly validator: InputValidator,
  ) {}

  /** Call on every change of the box's value. */
  onDidChangeValue(value: string): void {
    void this.validate(value);
  }

  /** The validation result for what is in the box now (reuses a finished or running round). */
  async settle(): Promise<ValidationMessage | undefined> {
    const value = this.box.value;
    if (this.latest?.value === value) return this.latest.result;
    if (this.pending && this.pendingValue === value) return this.pending;
    return this.validate(value);
  }

  dispose(): void {
    this.controller?.abort();
    this.sequence++;
  }

  private pendingValue: string | undefined;

  private validate(value: string): Promise<ValidationMessage | undefined> {
    const sequence = ++this.sequence;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.box.busy = true;
    this.pendingValue = value;
    const run = (async () => {
      let result: ValidationMessage | undefined;
      try {
        result = await this.validator(value, controller.signal);
      } catch (err) {
        // An aborted round is simply superseded; any other failure must not leave Enter open silently.
        if (controller.signal.aborted) return undefined;
        result = {
          severity: 'error',
          message: vscode.l10n.t('Could not validate: {0}', err instanceof Error ? err.message : String(err)),
        };
      }
      if (sequence === this.sequence) {
        this.latest = { value, result };
        this.pending = undefined;
        this.box.busy = false;
        this.box.showValidation(result);
      }
      return result;
    })();
    this.pending = run;
    return run;
  }
}
