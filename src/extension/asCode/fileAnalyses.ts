/**
 * The offline checks of an open filters file (shape, content, RE2 patterns), once per document version: diagnostics,
 * CodeLens and the commands all read the same analysis instead of parsing again.
 */
import type * as vscode from 'vscode';
import type { FileProblem } from '../../filters/asCode/fileProblems';
import type { FiltersFile } from '../../filters/asCode/filtersFile';
import { validateFiltersFile } from '../../filters/asCode/validateFiltersFile';
import type { ExtensionServices } from '../services';

export interface FileAnalysis {
  version: number;
  text: string;
  file: FiltersFile;
  problems: FileProblem[];
}

export class FileAnalyses {
  private readonly latest = new Map<string, { version: number; analysis: Promise<FileAnalysis> }>();

  constructor(private readonly services: ExtensionServices) {}

  analyze(document: vscode.TextDocument): Promise<FileAnalysis> {
    const key = document.uri.toString();
    const cached = this.latest.get(key);
    if (cached && cached.version === document.version) return cached.analysis;
    const text = document.getText();
    const version = document.version;
    const analysis = validateFiltersFile(text, this.services.validator, {
      allowPcre2Only: this.services.allowPcre2Only(),
    }).then(({ file, problems }) => ({ version, text, file, problems }));
    // A failed analysis (the validator's worker gone) is not kept: the next edit asks again.
    analysis.catch(() => this.latest.delete(key));
    this.latest.set(key, { version, analysis });
    return analysis;
  }

  forget(uri: vscode.Uri): void {
    this.latest.delete(uri.toString());
  }
}
