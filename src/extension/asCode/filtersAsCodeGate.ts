/**
 * Filters as code costs activation nothing: this gate, created at activation, only listens for a filters file being
 * opened. The implementation (diagnostics, CodeLens, quick fixes, the managed-integrations index, and with them
 * jsonc-parser, the planner and the regex validator) loads on first need — a filters file opened or already open
 * when the editor restores, the tree asking which integrations a file manages, or one of the filters commands.
 */
import * as vscode from 'vscode';
import { lazy } from '../../common/lazy';
import { Disposable } from '../lifecycle';
import type { ExtensionServices } from '../services';
import type { FiltersAsCode } from './filtersAsCode';
import { isFiltersFile } from './filtersFiles';

const implementation = lazy(() => require('./filtersAsCode') as typeof import('./filtersAsCode'));

export class FiltersAsCodeGate extends Disposable {
  private loaded: FiltersAsCode | undefined;

  constructor(
    private readonly services: ExtensionServices,
    /** Told when the files say something new about which integrations they manage (the tree redraws). */
    private readonly onManagedChange: () => void,
  ) {
    super();
    this.register(
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (isFiltersFile(document)) this.load();
      }),
    );
    // After activation, not inside it: a filters file the editor restored still gets its diagnostics and lenses.
    const restored = setTimeout(() => {
      if (vscode.workspace.textDocuments.some(isFiltersFile)) this.load();
    }, 0);
    this.register({ dispose: () => clearTimeout(restored) });
  }

  /** The implementation, loaded (and its providers registered) on the first call. */
  load(): FiltersAsCode {
    if (!this.loaded) {
      const loaded = this.register(new (implementation().FiltersAsCode)(this.services));
      this.register(loaded.managed.onDidChange(this.onManagedChange));
      this.loaded = loaded;
    }
    return this.loaded;
  }
}
