/**
 * Every disposable has an owner (after vscode-pull-request-github's `src/common/lifecycle.ts`): a class that
 * holds listeners, emitters or UI objects extends `Disposable` and registers them as it creates them; disposing
 * the owner disposes them, newest first, once.
 */
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  /** Takes ownership of `disposable`; one registered after dispose() is disposed at once. */
  protected register<T extends vscode.Disposable>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.owned.push(disposable);
    return disposable;
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const disposable of this.owned.splice(0).reverse()) {
      try {
        disposable.dispose();
      } catch {
        // One failing dispose must not leave the others running; nothing useful can be done with the error here.
      }
    }
  }
}

/** A disposable from a function, for ad-hoc cleanups (`{ dispose }` without a class). */
export function toDisposable(dispose: () => void): vscode.Disposable {
  return { dispose };
}
