/**
 * The preview panel's page: drawn here, in TypeScript, from the outcome, with every text escaped. A strict CSP
 * (`default-src 'none'`; styles only from the extension's media folder; one script, by nonce; no inline style or
 * handler anywhere — the bars are SVG geometry, not styles) and only VS Code's theme variables for colours, so it
 * follows every light, dark and high-contrast theme.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { esc } from './html';
import type { PreviewOutcome } from './previewOutcome';
import { cards, eventsTable, filtersSection, header, notices, topicsSection } from './panelSections';

export interface PanelResources {
  /** `webview.cspSource`. */
  cspSource: string;
  /** preview.css (page, header, counts, notices), filters.css (filters, bars per topic), events.css (the table). */
  styleUris: string[];
  scriptUri: string;
}

export function renderPanel(outcome: PreviewOutcome, resources: PanelResources, runId: number): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `style-src ${resources.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${resources.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${esc(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${resources.styleUris.map((uri) => `<link rel="stylesheet" href="${esc(uri)}">`).join('\n')}
<title>${esc(vscode.l10n.t('Filter Preview'))}</title>
</head>
<body data-run="${runId}">
<main>
${header(outcome)}
${cards(outcome)}
${notices(outcome)}
<div class="columns">
${filtersSection(outcome)}
${topicsSection(outcome)}
</div>
${eventsTable(outcome)}
</main>
<script nonce="${nonce}" src="${esc(resources.scriptUri)}"></script>
</body>
</html>`;
}
