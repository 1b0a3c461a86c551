/** Quick fixes for the filters file's diagnostics where the fix is obvious (a placeholder spelled {id}, a near-miss name…). */
import * as vscode from 'vscode';
import type { FiltersDiagnostics } from './filtersDiagnostics';

export class FiltersQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: FiltersDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const published = this.diagnostics.collection.get(document.uri) ?? [];
    return this.diagnostics.fixesAt(document, range).map((fixable) => {
      const action = new vscode.CodeAction(fixable.fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      for (const edit of fixable.fix.edits) {
        const target = new vscode.Range(
          document.positionAt(edit.offset),
          document.positionAt(edit.offset + edit.length),
        );
        action.edit.replace(document.uri, target, edit.content);
      }
      action.diagnostics = published.filter((d) => d.code === fixable.code && d.range.isEqual(fixable.range));
      action.isPreferred = true;
      return action;
    });
  }
}
