/** Helpers for MarkdownString tooltips built from server data (names, ids, topics). */

/** Escapes text for a MarkdownString so names cannot inject links or formatting. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** Inline code in a MarkdownString; escapes do not work inside code spans, so the fence adapts instead. */
export function code(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
