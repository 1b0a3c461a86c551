/**
 * The sections of the preview panel: headline and counts, the filters with what each dropped, a bar per topic, and
 * the table of events. Markup only (classes, ARIA); preview.css gives the look, preview.js the keyboard.
 */
import * as vscode from 'vscode';
import { percent } from '../../filters/preview/describe';
import { esc } from './html';
import type { PreviewOutcome, PreviewRow } from './previewOutcome';

const n = (x: number): string => x.toLocaleString('en-US');
/** Topics beyond this are summed into one line: a chart, not a report. */
const MAX_BARS = 25;
const UUID = /\b([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/** Ids cut to their first 8 characters, so topics and reasons fit a table cell; the full text is in the tooltip. */
function shortIds(text: string): string {
  return text.replace(UUID, '$1…');
}

/** A topic whose distinguishing end (after its last id) never gives way to an ellipsis. */
function topicLabel(topic: string): string {
  const segments = topic.split('.');
  const lastId = segments.lastIndexOf('{id}');
  const cut = lastId >= 0 && lastId < segments.length - 1 ? lastId + 1 : Math.max(0, segments.length - 2);
  const head = segments.slice(0, cut).join('.');
  const tail = segments.slice(cut).join('.');
  return `<span class="topic" title="${esc(topic)}"><span class="head">${esc(head ? `${head}.` : '')}</span><span class="tail">${esc(tail)}</span></span>`;
}

export function header(o: PreviewOutcome): string {
  const actions = [
    `<button class="secondary" data-action="otherEvents">${esc(vscode.l10n.t('Other Events…'))}</button>`,
    o.events.recording
      ? `<button data-action="saveRecording">${esc(vscode.l10n.t('Save Recording As…'))}</button>`
      : '',
  ].join('');
  const stopped = o.stopped
    ? `<span class="stopped">${esc(vscode.l10n.t('Stopped early: the counts cover the events read until then.'))}</span>`
    : '';
  return `<header class="top">
<div>
<h1>${esc(o.filters.title)}</h1>
<p class="subtitle">${esc(vscode.l10n.t('Preview on {0}', o.events.label))}</p>
</div>
<div class="actions">${actions}</div>
</header>
<p class="headline" role="status">${esc(o.headline)}${stopped}</p>`;
}

/** SVG geometry rather than inline styles, which the CSP forbids. Widths are percentages of 100. */
function bar(kept: number, total: number, label: string): string {
  const k = total === 0 ? 0 : (kept / total) * 100;
  return `<svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label="${esc(label)}"><rect class="track" width="100" height="6"/><rect class="dropped" x="${k.toFixed(2)}" width="${(100 - k).toFixed(2)}" height="${total === 0 ? 0 : 6}"/><rect class="kept" width="${k.toFixed(2)}" height="6"/></svg>`;
}

function card(kind: string, label: string, value: number, of: number | undefined, note?: string): string {
  const share = of === undefined ? '' : `<span class="share">${esc(percent(value, of))}</span>`;
  return `<div class="card ${kind}"><div class="label">${esc(label)}</div><div class="value">${esc(n(value))}${share}</div>${note ? `<div class="note">${esc(note)}</div>` : ''}</div>`;
}

export function cards(o: PreviewOutcome): string {
  const { total, kept, dropped, before, invalid } = o.summary;
  const list = [
    card(
      'total',
      vscode.l10n.t('Events'),
      total,
      undefined,
      o.stopped ? vscode.l10n.t('read before stopping') : undefined,
    ),
    card('kept', vscode.l10n.t('Kept'), kept, total),
    card('dropped', vscode.l10n.t('Dropped'), dropped, total),
  ];
  if (before) list.push(card('before', vscode.l10n.t('Kept before the draft'), before.kept, total));
  if (invalid > 0) {
    list.push(card('invalid', vscode.l10n.t('Not evaluated'), invalid, undefined, vscode.l10n.t('not JSON objects')));
  }
  const label = vscode.l10n.t('{0} of {1} events kept', n(kept), n(total));
  return `<section class="cards" aria-label="${esc(vscode.l10n.t('Counts'))}">${list.join('')}</section>${bar(kept, total, label)}`;
}

export function notices(o: PreviewOutcome): string {
  const parts: string[] = [];
  if (o.warnings.length > 0) {
    const items = o.warnings.map((w) => `<li>${esc(w)}</li>`).join('');
    parts.push(
      `<section class="notice warning" aria-label="${esc(vscode.l10n.t('Warnings'))}"><ul>${items}</ul></section>`,
    );
  }
  if (o.invalid.length > 0) {
    const more =
      o.summary.invalid > o.invalid.length
        ? `<p class="hint">${esc(vscode.l10n.t('The first {0} of {1} are listed.', n(o.invalid.length), n(o.summary.invalid)))}</p>`
        : '';
    const items = o.invalid.map((line) => `<li class="mono">${esc(line)}</li>`).join('');
    const heading = vscode.l10n.t('Not evaluated: {0} (the other events are counted)', n(o.summary.invalid));
    parts.push(
      `<section class="notice error" aria-labelledby="invalid-h"><h2 id="invalid-h">${esc(heading)}</h2><ul>${items}</ul>${more}</section>`,
    );
  }
  return parts.join('\n');
}

export function filtersSection(o: PreviewOutcome): string {
  const out = [
    `<section class="filters" aria-labelledby="filters-h"><h2 id="filters-h">${esc(vscode.l10n.t('Filters'))}</h2>`,
  ];
  if (o.topicFilter) {
    const { entries, dropped, noTopic } = o.topicFilter;
    out.push(`<h3>${esc(vscode.l10n.t('Topic filter of {0}', o.filters.integrationName))}</h3>`);
    out.push(
      entries.length === 0
        ? `<p class="dim">${esc(vscode.l10n.t('Empty: every topic passes.'))}</p>`
        : `<ul class="entries">${entries.map((e) => `<li class="mono">${esc(e)}</li>`).join('')}</ul>`,
    );
    if (dropped + noTopic > 0) {
      const note =
        noTopic > 0
          ? vscode.l10n.t('Dropped {0} events ({1} without a topic).', n(dropped + noTopic), n(noTopic))
          : vscode.l10n.t('Dropped {0} events.', n(dropped));
      out.push(`<p class="drop-note">${esc(note)}</p>`);
    }
  }
  const subscription = o.filters.subscription?.name;
  out.push(
    `<h3>${esc(subscription ? vscode.l10n.t('Attribute filters of {0}', subscription) : vscode.l10n.t('Attribute filters'))}</h3>`,
  );
  if (o.attributeFilters.length === 0) {
    out.push(`<p class="dim">${esc(vscode.l10n.t('None: every event that passes the topic filter is kept.'))}</p>`);
  } else {
    const items = o.attributeFilters.map((f) => {
      const tags = [
        f.isDraft ? `<span class="tag draft">${esc(vscode.l10n.t('draft'))}</span>` : '',
        f.isFocus ? `<span class="tag focus">${esc(vscode.l10n.t('this filter'))}</span>` : '',
      ].join('');
      const cls = [f.isDraft ? 'draft' : '', f.isFocus ? 'focus' : ''].join(' ').trim();
      return `<li${cls ? ` class="${cls}"` : ''}><span class="mono">${esc(f.text)}</span>${tags}<span class="count">${esc(vscode.l10n.t('dropped {0}', n(f.dropped)))}</span></li>`;
    });
    out.push(`<ol class="attributes">${items.join('')}</ol>`);
  }
  if (o.draftEffect) out.push(`<p class="dim">${esc(o.draftEffect)}</p>`);
  out.push('</section>');
  return out.join('\n');
}

export function topicsSection(o: PreviewOutcome): string {
  const topics = o.summary.byTopic;
  const shown = topics.slice(0, MAX_BARS);
  const rest = topics.slice(MAX_BARS).reduce((sum, x) => sum + x.kept + x.dropped, 0);
  const items = shown.map((x) => {
    const total = x.kept + x.dropped;
    const label = vscode.l10n.t('{0}: {1} of {2} kept', x.topic, n(x.kept), n(total));
    return `<li>${topicLabel(x.topic)}${bar(x.kept, total, label)}<span class="ratio">${esc(`${n(x.kept)} / ${n(total)}`)}</span></li>`;
  });
  if (rest > 0) {
    items.push(
      `<li class="dim">${esc(vscode.l10n.t('{0} more topics: {1} events', topics.length - MAX_BARS, n(rest)))}</li>`,
    );
  }
  const body = items.length
    ? `<ul class="bars">${items.join('')}</ul>`
    : `<p class="dim">${esc(vscode.l10n.t('No events.'))}</p>`;
  const legend = `<p class="legend"><span class="swatch kept"></span>${esc(vscode.l10n.t('kept'))}<span class="swatch dropped"></span>${esc(vscode.l10n.t('dropped'))}</p>`;
  return `<section class="topics" aria-labelledby="topics-h"><h2 id="topics-h">${esc(vscode.l10n.t('By topic'))}</h2>${legend}${body}</section>`;
}

function rowHtml(row: PreviewRow, first: boolean, hasBefore: boolean): string {
  const outcome = row.kept ? 'kept' : 'dropped';
  const changed = hasBefore && row.keptBefore !== undefined && row.keptBefore !== row.kept;
  const was = changed
    ? `<span class="was">${esc(row.keptBefore ? vscode.l10n.t('was kept') : vscode.l10n.t('was dropped'))}</span>`
    : '';
  const draft = row.decidedByDraft ? `<span class="tag draft">${esc(vscode.l10n.t('draft'))}</span>` : '';
  return `<tr tabindex="${first ? 0 : -1}" data-index="${row.index}" data-outcome="${outcome}" data-changed="${changed}" aria-rowindex="${row.index + 2}">
<td class="num"><span class="idx">#${row.index}</span>${row.source ? `<span class="src">${esc(row.source)}</span>` : ''}</td>
<td><span class="badge ${outcome}">${esc(row.kept ? vscode.l10n.t('Kept') : vscode.l10n.t('Dropped'))}</span>${was}</td>
<td class="mono topic"${row.topic ? ` title="${esc(row.topic)}"` : ''}>${esc(row.topic ? shortIds(row.topic) : vscode.l10n.t('(no topic)'))}</td>
<td class="mono">${esc(row.decidedBy ?? '—')}${draft}</td>
<td class="mono">${esc(row.value ?? '')}</td>
<td class="why" title="${esc(row.reason)}">${esc(shortIds(row.reason))}</td>
</tr>`;
}

export function eventsTable(o: PreviewOutcome): string {
  const { rows } = o;
  const hasBefore = o.summary.before !== undefined;
  const count = (outcome: string) => rows.filter((r) => (r.kept ? 'kept' : 'dropped') === outcome).length;
  const changed = rows.filter((r) => r.keptBefore !== undefined && r.keptBefore !== r.kept).length;
  const chip = (show: string, label: string, value: number, pressed = false) =>
    `<button class="chip" data-show="${show}" aria-pressed="${pressed}">${esc(label)} <span class="n">${esc(n(value))}</span></button>`;
  const chips = [
    chip('all', vscode.l10n.t('All'), rows.length, true),
    chip('kept', vscode.l10n.t('Kept'), count('kept')),
    chip('dropped', vscode.l10n.t('Dropped'), count('dropped')),
    hasBefore ? chip('changed', vscode.l10n.t('Changed by the draft'), changed) : '',
  ].join('');
  const total = o.summary.total;
  const hint =
    rows.length < total
      ? vscode.l10n.t(
          'Showing the first {0} of {1} events (the counts above cover all). Enter or a click opens an event as JSON.',
          n(rows.length),
          n(total),
        )
      : vscode.l10n.t('Enter or a click opens an event as JSON; arrow keys move between events.');
  const head = [
    vscode.l10n.t('Event'),
    vscode.l10n.t('Outcome'),
    vscode.l10n.t('Topic'),
    vscode.l10n.t('Deciding filter'),
    vscode.l10n.t('Value seen'),
    vscode.l10n.t('Why'),
  ]
    .map((h) => `<th scope="col">${esc(h)}</th>`)
    .join('');
  const table =
    rows.length === 0
      ? `<p class="dim">${esc(vscode.l10n.t('No event was evaluated.'))}</p>`
      : `<table id="events" role="grid" aria-readonly="true" aria-rowcount="${total + 1}" aria-labelledby="events-h">
<thead><tr aria-rowindex="1">${head}</tr></thead>
<tbody>
${rows.map((row, i) => rowHtml(row, i === 0, hasBefore)).join('\n')}
</tbody>
</table>`;
  return `<section class="events" aria-labelledby="events-h">
<div class="table-head"><h2 id="events-h">${esc(vscode.l10n.t('Events'))}</h2><div class="chips" role="group" aria-label="${esc(vscode.l10n.t('Show'))}">${chips}</div></div>
<p class="hint">${esc(hint)}</p>
${table}
</section>`;
}
