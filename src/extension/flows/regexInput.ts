/**
 * The pattern box's validator: the extension's worker-backed RegexValidator (never on the UI
 * thread), turned into one line for the input box. Errors block Enter, PCRE2-only constructs are
 * errors unless `genesysCloud.regex.allowPcre2Only` makes them warnings (the core decides the
 * severity from the option), and a valid pattern gets an info line so the user sees it was checked.
 */
import * as vscode from 'vscode';
import { describeDiagnostic, type RegexDiagnostic, type RegexValidationResult } from '../../filters/regex/validator';
import type { ExtensionServices } from '../services';
import type { InputValidator, ValidationMessage } from '../wizard/prompter';

const RANK: Record<RegexDiagnostic['severity'], number> = { error: 0, warning: 1, info: 2 };

export function regexValidator(services: ExtensionServices): InputValidator {
  return async (pattern, signal) => {
    if (pattern.length === 0) {
      return {
        severity: 'error',
        message: vscode.l10n.t('Type a regular expression (RE2 syntax), e.g. {0}', '^Premium'),
      };
    }
    const result = await services.validator.validate(pattern, { allowPcre2Only: services.allowPcre2Only() }, signal);
    return summarizeRegexResult(pattern, result);
  };
}

/** The most severe diagnostic as one line ("missing ) — opened at 8"), with a count of the others. */
export function summarizeRegexResult(pattern: string, result: RegexValidationResult): ValidationMessage {
  const sorted = [...result.diagnostics].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.start - b.start);
  const first = sorted[0];
  if (!first) return { severity: 'info', message: vscode.l10n.t('Valid RE2 pattern. Press Enter to continue.') };
  const more = sorted.length > 1 ? vscode.l10n.t(' (+{0} more)', sorted.length - 1) : '';
  const text = describeDiagnostic(pattern, first) + more;
  if (first.severity === 'error' || !result.valid) return { severity: 'error', message: text };
  if (first.severity === 'warning') {
    return {
      severity: 'warning',
      message: vscode.l10n.t('{0}. Allowed by {1}.', text, 'genesysCloud.regex.allowPcre2Only'),
    };
  }
  // The core's own info line already says the pattern is valid ("Valid RE2 pattern · 2 groups").
  return { severity: 'info', message: /\bvalid\b/i.test(text) ? text : vscode.l10n.t('Valid RE2 pattern. {0}', text) };
}
