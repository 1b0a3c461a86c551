/*
 * Filter Preview panel script: keyboard and pointer for the events table, the Kept/Dropped filter, and the buttons.
 * It draws nothing (the extension renders the page); it posts what the user asked for: { type: 'open', index },
 * { type: 'saveRecording' }, { type: 'otherEvents' }. Loaded by nonce under the panel's CSP; no inline handlers.
 */
/* global acquireVsCodeApi, document -- the webview page: a browser, not Node */
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const run = document.body.dataset.run;
  const table = document.getElementById('events');
  const rows = table ? Array.from(table.querySelectorAll('tbody tr')) : [];
  const chips = Array.from(document.querySelectorAll('button[data-show]'));
  /** Rows per page for PageUp/PageDown. */
  const PAGE = 10;

  const visibleRows = () => rows.filter((row) => !row.hidden);

  /** Roving tabindex: the table is one tab stop; arrow keys move inside it. */
  function focusRow(row, focus) {
    for (const other of rows) other.tabIndex = -1;
    if (!row) return;
    row.tabIndex = 0;
    if (focus) row.focus();
    save({ row: row.dataset.index });
  }

  function open(row) {
    vscode.postMessage({ type: 'open', index: Number(row.dataset.index) });
  }

  function show(which) {
    for (const chip of chips) chip.setAttribute('aria-pressed', String(chip.dataset.show === which));
    for (const row of rows) {
      row.hidden =
        which === 'changed' ? row.dataset.changed !== 'true' : which !== 'all' && row.dataset.outcome !== which;
    }
    const current = rows.find((row) => row.tabIndex === 0);
    if (!current || current.hidden) focusRow(visibleRows()[0], false);
    save({ show: which });
  }

  function save(change) {
    const state = vscode.getState();
    vscode.setState({ ...(state && state.run === run ? state : {}), run, ...change });
  }

  if (table) {
    table.addEventListener('click', (event) => {
      const row = event.target.closest('tbody tr');
      if (!row) return;
      focusRow(row, true);
      open(row);
    });
    table.addEventListener('keydown', (event) => {
      const row = event.target.closest('tbody tr');
      if (!row) return;
      const list = visibleRows();
      const at = list.indexOf(row);
      let next;
      switch (event.key) {
        case 'Enter':
        case ' ':
          event.preventDefault();
          open(row);
          return;
        case 'ArrowDown':
          next = list[at + 1];
          break;
        case 'ArrowUp':
          next = list[at - 1];
          break;
        case 'PageDown':
          next = list[Math.min(list.length - 1, at + PAGE)];
          break;
        case 'PageUp':
          next = list[Math.max(0, at - PAGE)];
          break;
        case 'Home':
          next = list[0];
          break;
        case 'End':
          next = list[list.length - 1];
          break;
        default:
          return;
      }
      event.preventDefault();
      if (next) focusRow(next, true);
    });
  }

  for (const chip of chips) chip.addEventListener('click', () => show(chip.dataset.show));
  for (const button of document.querySelectorAll('button[data-action]')) {
    button.addEventListener('click', () => vscode.postMessage({ type: button.dataset.action }));
  }

  // The same page drawn again (the tab was hidden and shown): keep the user's filter and row.
  const state = vscode.getState();
  if (state && state.run === run) {
    if (state.show) show(state.show);
    const row = rows.find((r) => r.dataset.index === state.row && !r.hidden);
    if (row) focusRow(row, false);
  }
})();
