/**
 * Measurement evidence of a ledger event: the saved query (cc, asn, target, time span) an event
 * links, drawn as the explorer's heat map, with a link to open it in the explorer.
 */
import { type EventDocument, getJson, hasApi, type MeasurementSummary } from '../api.js';
import { append, h } from '../dom.js';
import { heatmap, normalizeCell } from './measure-view.js';
import { empty, notAvailable, section } from './state.js';
import { text } from '../format.js';

type Q = Record<string, string>;

const QUERY_KEYS = ['probe_cc', 'cc', 'probe_asn', 'asn', 'test_name', 'target', 'since', 'until', 'grain'];

/**
 * The saved measurement queries of an event: its `measurement_evidence` (one per measurement
 * link, with the link's label and note), and any other measurement link the server did not
 * summarise; each query once.
 */
export function evidenceQueries(e: EventDocument): { query: Q; label?: string; note?: string }[] {
  const out: { query: Q; label?: string; note?: string }[] = [];
  const add = (raw: unknown, label?: string | null, note?: string | null) => {
    let q: Record<string, unknown> = {};
    if (typeof raw === 'string') q = Object.fromEntries(new URLSearchParams(raw.replace(/^[^?]*\?/, '')));
    else if (raw && typeof raw === 'object') q = raw as Record<string, unknown>;
    const inner = (typeof q.query === 'string' ? Object.fromEntries(new URLSearchParams(q.query)) : (q.query ?? q)) as Record<string, unknown>;
    const query: Q = {};
    for (const k of QUERY_KEYS)
      if (inner[k] !== undefined && inner[k] !== null) query[k === 'probe_cc' ? 'cc' : k === 'probe_asn' ? 'asn' : k] = text(inner[k]);
    const key = new URLSearchParams(query).toString();
    const opt = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    if (key && !out.some((o) => new URLSearchParams(o.query).toString() === key)) out.push({ query, label: opt(label ?? q.label), note: opt(note ?? q.note) });
  };
  for (const x of e.measurement_evidence ?? []) add(x.query, x.label, x.note);
  for (const l of e.links) if (/measurement/.test(l.kind)) add(l.doc ?? l.target);
  return out;
}

/** The explorer's address of a saved query: its filters (the explorer always draws days, so a saved grain is not carried). */
const explorerHref = (q: Q) => `/measurements?${new URLSearchParams(Object.entries(q).filter(([k]) => k !== 'grain')).toString()}`;

export async function evidenceView(e: EventDocument, signal: AbortSignal): Promise<HTMLElement> {
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
      () => getJson<MeasurementSummary>('/api/measurements/summary', { grain: 'day', ...query }, signal),
      (r) =>
        r.cells.length
          ? heatmap(r.cells.map(normalizeCell), {
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
