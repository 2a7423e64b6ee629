/**
 * Measurement evidence of a ledger event: the saved query (cc, asn, target, time span) an event
 * links, drawn as the explorer's heat map, with a link to open it in the explorer.
 */
import { getJson, hasApi } from '../api.js';
import { append, h } from '../dom.js';
import type { LedgerEvent } from '../types.js';
import { cellsOf, heatmap, normalizeCell, type Summary } from './measure-view.js';
import { empty, notAvailable, section } from './state.js';
import { text } from '../format.js';

type Q = Record<string, string>;

const QUERY_KEYS = ['probe_cc', 'cc', 'probe_asn', 'asn', 'test_name', 'target', 'since', 'until', 'grain'];

/** Pull saved measurement queries out of an event (an `evidence` field, or measurement links). */
export function evidenceQueries(e: LedgerEvent): { query: Q; summary?: unknown; label?: string; note?: string }[] {
  const out: { query: Q; summary?: unknown; label?: string; note?: string }[] = [];
  const add = (raw: unknown, summary?: unknown) => {
    let q: Record<string, unknown> = {};
    if (typeof raw === 'string') q = Object.fromEntries(new URLSearchParams(raw.replace(/^[^?]*\?/, '')));
    else if (raw && typeof raw === 'object') q = raw as Record<string, unknown>;
    const inner = (typeof q.query === 'string' ? Object.fromEntries(new URLSearchParams(q.query)) : (q.query ?? q)) as Record<string, unknown>;
    const query: Q = {};
    for (const k of QUERY_KEYS)
      if (inner[k] !== undefined && inner[k] !== null) query[k === 'probe_cc' ? 'cc' : k === 'probe_asn' ? 'asn' : k] = text(inner[k]);
    const key = new URLSearchParams(query).toString();
    const opt = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    if (key && !out.some((o) => new URLSearchParams(o.query).toString() === key))
      out.push({ query, summary: summary ?? q.summary, label: opt(q.label), note: opt(q.note) });
  };
  const ev = e.measurement_evidence ?? e.evidence;
  for (const x of Array.isArray(ev) ? ev : ev ? [ev] : []) add(x, (x as { summary?: unknown }).summary);
  for (const l of e.links ?? []) if (/measurement/.test(l.kind)) add(l.doc ?? l.target, (l.doc as { summary?: unknown } | null)?.summary);
  return out;
}

const explorerHref = (q: Q) => `/measurements?${new URLSearchParams(q).toString()}`;

export async function evidenceView(e: LedgerEvent, signal: AbortSignal): Promise<HTMLElement> {
  const queries = evidenceQueries(e);
  if (queries.length === 0) return h('div', null, empty('No measurement evidence is linked to this event.'));
  if (!(await hasApi('/api/measurements/summary')))
    return h('div', null, notAvailable('Measurement evidence', 'GET /api/measurements/summary (the measurement pipeline)'));
  const box = h('div');
  for (const { query, label, note } of queries) {
    const slot = h('div');
    append(box, [
      label ? h('h3', null, label) : null,
      note ? h('p', { class: 'note' }, note) : null,
      h(
        'p',
        null,
        'Saved query: ',
        h('code', null, new URLSearchParams(query).toString()),
        ' · ',
        h('a', { href: explorerHref(query) }, 'open in the explorer'),
      ),
      slot,
    ]);
    void section(
      slot,
      'the measurement evidence',
      () => getJson<Summary>('/api/measurements/summary', { grain: 'day', ...query }, signal),
      (r) =>
        cellsOf(r).length
          ? heatmap(cellsOf(r).map(normalizeCell), {
              title: 'Measurements behind this event',
              csvName: `${e.id}-measurements.csv`,
              href: (c) => explorerHref({ ...query, target: c.target, since: c.day, until: c.day }),
            })
          : empty('The saved query matches no measurements in this database.'),
      signal,
    );
  }
  return box;
}
