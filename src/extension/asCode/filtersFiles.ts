/** Which documents are filters files, and how the core's offsets become editor ranges. */
import * as vscode from 'vscode';
import { FILTERS_FILE_NAME, type Span } from '../../filters/asCode/filtersFile';

/** The providers' selector: only eventbridge-filters.json, whatever language mode it is in. */
export const FILTERS_FILE_SELECTOR: vscode.DocumentSelector = [{ pattern: `**/${FILTERS_FILE_NAME}` }];

export function isFiltersFile(document: vscode.TextDocument): boolean {
  return document.uri.path.split('/').pop() === FILTERS_FILE_NAME;
}

export function rangeOf(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.offset), document.positionAt(span.offset + span.length));
}

/** The file's name as the user knows it: relative to its workspace folder. */
export function displayName(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}
