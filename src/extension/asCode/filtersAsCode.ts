/**
 * Filters as code in the editor, owned in one place: the analyses of open filters files, the org reads they share,
 * the diagnostics with their quick fixes, the CodeLens, and which integrations the workspace's files manage.
 * Everything is registered for `eventbridge-filters.json` only and does nothing until such a file is open (or the
 * tree asks), so it costs activation nothing worth measuring.
 */
import * as vscode from 'vscode';
import { Disposable } from '../lifecycle';
import type { ExtensionServices } from '../services';
import { FileAnalyses } from './fileAnalyses';
import { FiltersCodeLens } from './filtersCodeLens';
import { FiltersDiagnostics } from './filtersDiagnostics';
import { FILTERS_FILE_SELECTOR } from './filtersFiles';
import { FiltersQuickFixes } from './filtersQuickFixes';
import { ManagedIntegrations } from './managedIntegrations';
import { OrgCache } from './orgCache';

export class FiltersAsCode extends Disposable {
  readonly analyses: FileAnalyses;
  readonly org: OrgCache;
  readonly diagnostics: FiltersDiagnostics;
  readonly codeLens: FiltersCodeLens;
  readonly managed: ManagedIntegrations;

  constructor(services: ExtensionServices) {
    super();
    this.analyses = new FileAnalyses(services);
    this.org = this.register(new OrgCache(services));
    this.managed = this.register(new ManagedIntegrations());
    this.diagnostics = this.register(new FiltersDiagnostics(this.analyses, this.org, services.log));
    this.codeLens = this.register(new FiltersCodeLens(services, this.org, this.analyses));
    this.register(vscode.languages.registerCodeLensProvider(FILTERS_FILE_SELECTOR, this.codeLens));
    this.register(
      vscode.languages.registerCodeActionsProvider(FILTERS_FILE_SELECTOR, new FiltersQuickFixes(this.diagnostics), {
        providedCodeActionKinds: FiltersQuickFixes.kinds,
      }),
    );
  }
}
