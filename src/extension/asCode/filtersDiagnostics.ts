/**
 * The Problems panel for eventbridge-filters.json: what no JSON schema can know — invalid patterns at their exact
 * range inside the string, invalid topic names and keys, values that do not fit the match type, duplicates — and,
 * when signed in, integrations and subscriptions that do not exist in the org. Syntax and shape are left to VS Code's
 * JSON language service and the contributed schema, so each problem shows once. Checked as the user types (debounced),
 * again when the session changes; the org is read only for files on screen, and never while signed out.
 */
import * as vscode from 'vscode';
import type { FileProblem, TextEdit } from '../../filters/asCode/fileProblems';
import { closest } from '../../filters/asCode/parseFiltersFile';
import type { PlanProblem } from '../../filters/asCode/resolveEntries';
import { Disposable } from '../lifecycle';
import { entryProblems } from './entryPlans';
import type { FileAnalyses } from './fileAnalyses';
import { isFiltersFile, rangeOf } from './filtersFiles';
import type { OrgCache } from './orgCache';

export const DIAGNOSTIC_SOURCE = 'Genesys Cloud';
const TYPING_PAUSE_MS = 300;
/** How long the file's own problems wait for the org's before they are shown alone. */
const ORG_WAIT_MS = 400;

/** A diagnostic with the fix it offers, kept so the quick-fix provider can find it again. */
export interface FixableDiagnostic {
  range: vscode.Range;
  code: string;
  fix: { title: string; edits: TextEdit[] };
}

export class FiltersDiagnostics extends Disposable {
  readonly collection = this.register(vscode.languages.createDiagnosticCollection('genesysCloud.filtersFile'));
  private readonly fixes = new Map<string, FixableDiagnostic[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Bumped per document on each check: a slow org read for an older text must not overwrite a newer result. */
  private readonly generations = new Map<string, number>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly analyses: FileAnalyses,
    private readonly org: OrgCache,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, TYPING_PAUSE_MS)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)));
    // The org is read only for files on screen: a newly shown one gets its org check then.
    this.register(
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.schedule(e.document, 0))),
    );
    this.register(org.onDidChange(() => this.recheckAll()));
    this.register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
    this.recheckAll();
  }

  /** Quick fixes of `document` whose diagnostics intersect `range`. */
  fixesAt(document: vscode.TextDocument, range: vscode.Range): FixableDiagnostic[] {
    return (this.fixes.get(document.uri.toString()) ?? []).filter((f) => f.range.intersection(range) !== undefined);
  }

  /**
   * Checks a document now and resolves when its diagnostics are published — those of this check, or of a newer one
   * started meanwhile (an edit, the editor showing it), so that a caller always sees the latest state.
   */
  check(document: vscode.TextDocument): Promise<void> {
    if (!isFiltersFile(document)) return Promise.resolve();
    const key = document.uri.toString();
    const run = this.run(document, key);
    this.running.set(key, run);
    return this.untilSettled(key, run);
  }

  private async untilSettled(key: string, run: Promise<void>): Promise<void> {
    await run;
    const newest = this.running.get(key);
    if (newest && newest !== run) return this.untilSettled(key, newest);
    this.running.delete(key);
  }

  private async run(document: vscode.TextDocument, key: string): Promise<void> {
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const current = () => this.generations.get(key) === generation && !document.isClosed;
    const analysis = await this.analyses.analyze(document);
    if (!current()) return;
    const problems = analysis.problems.filter((p) => p.kind === 'content');
    if (!isVisible(document)) return this.publish(document, problems);
    const orgCheck = this.orgProblems(document, analysis.file.integrations).catch((err: unknown) => {
      // The org could not be read (network, permission): the file's own problems stand; the log says why.
      this.log.warn(
        `Could not check ${document.uri.fsPath} against the org: ${err instanceof Error ? err.message : String(err)}`,
      );
      return [];
    });
    // Usually the org's answers are remembered and come at once: one update, no flicker. A slow read does not hold
    // back the file's own problems.
    const quick = await Promise.race([
      orgCheck,
      new Promise<undefined>((r) => setTimeout(() => r(undefined), ORG_WAIT_MS)),
    ]);
    if (!current()) return;
    if (quick) return this.publish(document, [...problems, ...quick]);
    this.publish(document, problems);
    const orgProblems = await orgCheck;
    if (current() && orgProblems.length > 0) this.publish(document, [...problems, ...orgProblems]);
  }

  private async orgProblems(
    document: vscode.TextDocument,
    entries: Parameters<typeof entryProblems>[1][],
  ): Promise<FileProblem[]> {
    const results = await Promise.all(entries.map((entry) => entryProblems(this.org, entry)));
    const problems: FileProblem[] = [];
    for (const result of results) {
      if (result.kind !== 'problems') continue;
      for (const problem of result.problems) {
        problems.push(
          orgProblem(
            document,
            problem,
            result.integrations.map((i) => i.name),
          ),
        );
      }
    }
    return problems;
  }

  private publish(document: vscode.TextDocument, problems: FileProblem[]): void {
    const fixes: FixableDiagnostic[] = [];
    const diagnostics = problems.map((p) => {
      const range = rangeOf(document, p.span);
      const diagnostic = new vscode.Diagnostic(
        range,
        p.message,
        p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = p.code;
      if (p.fix) fixes.push({ range, code: p.code, fix: p.fix });
      return diagnostic;
    });
    this.fixes.set(document.uri.toString(), fixes);
    this.collection.set(document.uri, diagnostics);
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!isFiltersFile(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.check(document).catch((err: unknown) =>
          this.log.error(`Checking ${document.uri.fsPath} failed: ${err instanceof Error ? err.message : String(err)}`),
        );
      }, delayMs),
    );
  }

  private recheckAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.fixes.delete(key);
    this.generations.delete(key);
    this.analyses.forget(uri);
    this.collection.delete(uri);
  }
}

function isVisible(document: vscode.TextDocument): boolean {
  return vscode.window.visibleTextEditors.some((editor) => editor.document === document);
}

/** An org problem as a diagnostic, with "did you mean" when a name is a near miss of one that exists. */
function orgProblem(document: vscode.TextDocument, problem: PlanProblem, integrationNames: string[]): FileProblem {
  const found: FileProblem = {
    kind: 'org',
    severity: 'error',
    code: problem.code,
    message: problem.message,
    span: problem.span,
  };
  const written = stringAt(document.getText(rangeOf(document, problem.span)));
  const candidates =
    problem.code === 'subscriptionNotFound'
      ? (problem.available?.items ?? [])
      : problem.code === 'integrationNotFound'
        ? integrationNames
        : [];
  const suggestion = written !== undefined ? closest(written, candidates) : undefined;
  if (suggestion !== undefined && suggestion !== written) {
    found.fix = {
      title: vscode.l10n.t('Change to "{0}"', suggestion),
      edits: [{ offset: problem.span.offset, length: problem.span.length, content: JSON.stringify(suggestion) }],
    };
  }
  return found;
}

function stringAt(literal: string): string | undefined {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
