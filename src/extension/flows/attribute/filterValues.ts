/**
 * The values box for `exact` filters: one box, values separated by commas. A value that itself
 * contains a comma can be given by typing a JSON list instead, e.g. ["Sales, EMEA", "Support"].
 */
import * as vscode from 'vscode';
import { validateFilterValues } from '../../../filters/attributeKey';

export function parseExactValues(text: string): string[] | string {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (err) {
      return vscode.l10n.t('not a valid JSON list: {0}', (err as Error).message);
    }
    if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === 'string')) {
      return vscode.l10n.t('a JSON list must contain only strings');
    }
    return parsed;
  }
  return trimmed
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** undefined when fine, else the reason (parse problems and the core's value rules). */
export function exactValuesProblem(text: string): string | undefined {
  const values = parseExactValues(text);
  if (typeof values === 'string') return values;
  return validateFilterValues('exact', values);
}

/** The inverse of parseExactValues, used to prefill the box when editing. */
export function formatExactValues(values: string[]): string {
  return values.some((v) => v.includes(',')) ? JSON.stringify(values) : values.join(', ');
}
