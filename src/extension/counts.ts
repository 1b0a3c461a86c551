/**
 * Counted nouns the UI shows ("1 filter", "3 filters"), each form a message of its own so a translation can word
 * both; languages with more plural forms than two use the second for every other number.
 */
import * as vscode from 'vscode';

export const counts = {
  filters: (n: number) => (n === 1 ? vscode.l10n.t('1 filter') : vscode.l10n.t('{0} filters', n)),
  events: (n: number) => (n === 1 ? vscode.l10n.t('1 event') : vscode.l10n.t('{0} events', n)),
  attributeFilters: (n: number) =>
    n === 1 ? vscode.l10n.t('1 attribute filter') : vscode.l10n.t('{0} attribute filters', n),
  topics: (n: number) => (n === 1 ? vscode.l10n.t('1 topic') : vscode.l10n.t('{0} topics', n)),
  matchingTopics: (n: number) =>
    n === 1 ? vscode.l10n.t('1 matching topic') : vscode.l10n.t('{0} matching topics', n),
};
