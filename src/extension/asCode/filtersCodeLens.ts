/**
 * CodeLens on each integration entry of eventbridge-filters.json: Plan (a diff editor of the org against the file),
 * Apply (the same confirm, progress and Undo as every write), and whether the org differs from the file. The
 * comparison is made only for lenses on screen (resolveCodeLens) and only when signed in; signed out, the lens
 * offers Sign In instead of reading anything.
 */
import * as vscode from 'vscode';
import { entryLabel, type IntegrationEntry } from '../../filters/asCode/filtersFile';
import { parseFiltersFile } from '../../filters/asCode/parseFiltersFile';
import { Disposable } from '../lifecycle';
import type { ExtensionServices } from '../services';
import { planEntry } from './entryPlans';
import type { FileAnalyses } from './fileAnalyses';
import type { OrgCache } from './orgCache';

export const PLAN_COMMAND = 'genesysCloud.planFilters';
export const APPLY_COMMAND = 'genesysCloud.applyFilters';

/** The lens that compares an entry with the org, resolved when VS Code shows it. */
class DriftLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly document: vscode.TextDocument,
    readonly entry: IntegrationEntry,
  ) {
    super(range);
  }
}

export class FiltersCodeLens extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly services: ExtensionServices,
    private readonly org: OrgCache,
    private readonly analyses: FileAnalyses,
  ) {
    super();
    this.register(org.onDidChange(() => this.changed.fire()));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    // The shape is enough to place the lenses: parsing is cheap and never waits for the pattern checks.
    const { file } = parseFiltersFile(document.getText());
    const signedIn = this.services.session() !== undefined;
    return file.integrations.flatMap((entry) => {
      const range = document.lineAt(document.positionAt(entry.span.offset).line).range;
      const args = { uri: document.uri.toString(), index: entry.index };
      const label = entryLabel(entry);
      const lenses = [
        new vscode.CodeLens(range, {
          title: vscode.l10n.t('Plan'),
          tooltip: vscode.l10n.t('Show what Apply would change on "{0}": the org against this file', label),
          command: PLAN_COMMAND,
          arguments: [args],
        }),
        new vscode.CodeLens(range, {
          title: vscode.l10n.t('Apply'),
          tooltip: vscode.l10n.t('Make "{0}" in the org match this file (with a diff and a confirm first)', label),
          command: APPLY_COMMAND,
          arguments: [args],
        }),
      ];
      lenses.push(
        signedIn
          ? new DriftLens(range, document, entry)
          : new vscode.CodeLens(range, {
              title: vscode.l10n.t('$(sign-in) Sign in to compare with the org'),
              command: 'genesysCloud.signIn',
            }),
      );
      return lenses;
    });
  }

  async resolveCodeLens(lens: vscode.CodeLens): Promise<vscode.CodeLens> {
    if (!(lens instanceof DriftLens)) return lens;
    const args = [{ uri: lens.document.uri.toString(), index: lens.entry.index }];
    try {
      // The entry as the full check sees it (patterns included): one with problems of its own cannot be compared.
      const analysis = await this.analyses.analyze(lens.document);
      const entry = analysis.file.integrations.find((e) => e.index === lens.entry.index) ?? lens.entry;
      const end = entry.span.offset + entry.span.length;
      const own = analysis.problems.filter(
        (p) => p.severity === 'error' && p.span.offset >= entry.span.offset && p.span.offset < end,
      );
      if (own.length > 0) {
        lens.command = {
          title: vscode.l10n.t('$(error) Fix the problems of this entry to compare it with the org'),
          command: 'workbench.actions.view.problems',
        };
        return lens;
      }
      const result = await planEntry(this.org, entry);
      if (result.kind === 'signedOut') {
        lens.command = {
          title: vscode.l10n.t('$(sign-in) Sign in to compare with the org'),
          command: 'genesysCloud.signIn',
        };
      } else if (result.kind === 'problems') {
        lens.command = { title: `$(error) ${result.problems[0].message}`, command: PLAN_COMMAND, arguments: args };
      } else if (result.plan.changed) {
        lens.command = {
          title: vscode.l10n.t('$(diff) The org differs from this file: {0}', describeChanges(result.plan)),
          tooltip: vscode.l10n.t(
            'Someone changed the org, or this file has edits not applied yet. Plan shows the difference.',
          ),
          command: PLAN_COMMAND,
          arguments: args,
        };
      } else {
        lens.command = { title: vscode.l10n.t('$(check) Matches the org'), command: '' };
      }
    } catch (err) {
      lens.command = {
        title: vscode.l10n.t(
          '$(warning) Could not compare with the org: {0}',
          err instanceof Error ? err.message : String(err),
        ),
        command: 'genesysCloud.showLog',
      };
    }
    return lens;
  }
}

/** "2 topics, 3 filters" — what would change. */
export function describeChanges(plan: {
  topicEdit: { add: string[]; remove: string[] };
  filterEdits: unknown[];
}): string {
  const topics = plan.topicEdit.add.length + plan.topicEdit.remove.length;
  const filters = plan.filterEdits.length;
  const parts: string[] = [];
  if (topics > 0) parts.push(topics === 1 ? vscode.l10n.t('1 topic') : vscode.l10n.t('{0} topics', topics));
  if (filters > 0) parts.push(filters === 1 ? vscode.l10n.t('1 filter') : vscode.l10n.t('{0} filters', filters));
  return parts.join(', ');
}
