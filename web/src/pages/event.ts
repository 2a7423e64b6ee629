/**
 * Event page (/events/:id): every field of the ledger record, its sources as links, its
 * revision history (who, when, why, which fields changed), the cost estimate with interval
 * and inputs (for costable categories), and the measurement evidence when the event links it.
 */
import { type ElectionList, type EventCost, type EventDocument, type EventHistory, getJson, hasApi, type Source } from '../api.js';
import { COSTABLE, pageHead } from '../common.js';
import { append, h, type Child } from '../dom.js';
import { endNotRecorded } from '../../../src/ledger/end-text.js';
import { day, num, text, titleCase } from '../format.js';
import type { PageContext } from '../router.js';
import { costResultView } from '../ui/cost-view.js';
import { evidenceView } from '../ui/evidence.js';
import { empty, errorBox, loading, notAvailable, section, settle } from '../ui/state.js';
import { dataTable } from '../ui/table.js';

const link = (url: string | null | undefined, label: string): Child =>
  url && /^https?:\/\//.test(url) ? h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, label) : `${label}${url ? ` (${url})` : ''}`;

function sourceItem(s: Source): HTMLElement {
  return h(
    'li',
    null,
    link(s.url, s.title),
    ` — ${s.publisher}`,
    s.published ? `, ${s.published}` : '',
    s.archive_url ? [' · ', link(s.archive_url, 'archived copy')] : null,
    s.locator ? h('div', { class: 'note' }, `Locator: ${s.locator}`) : null,
  );
}

/** Shown in their own sections (title, sources, linked records, evidence), not in the field list. */
const KNOWN = new Set<keyof EventDocument>(['id', 'title', 'summary', 'sources', 'links', 'region_notes', 'measurement_evidence']);

function fieldValue(e: EventDocument, k: keyof EventDocument): Child {
  const v = e[k];
  switch (k) {
    case 'countries':
      return e.countries.map((c, i) => [i ? ', ' : '', h('a', { href: `/country/${c}` }, c)]);
    case 'regions':
      return e.regions.length
        ? e.regions.map((r, i) => [
            i ? ', ' : '',
            ['RU', 'CN'].includes(r.slice(0, 2)) || r.startsWith('UA-4') ? h('a', { href: `/regions/${r.startsWith('CN') ? 'CN' : 'RU'}` }, r) : r,
          ])
        : 'none (national)';
    case 'targets':
      return e.targets.map((t) => `${t.name} (${t.kind})`).join('; ') || '—';
    case 'actors':
      return e.actors.map((a) => `${a.name} (${a.role.replace(/_/g, ' ')})`).join('; ') || '—';
    case 'people_affected':
      return e.people_affected
        ? [
            `${num(e.people_affected.estimate)} ${e.people_affected.unit}`,
            e.people_affected.note ? ` — ${e.people_affected.note}` : '',
            e.people_affected.source_url ? [' · ', link(e.people_affected.source_url, 'source')] : null,
          ]
        : '—';
    case 'end':
      // an end the source did not record (or the import did not trust) is never shown as ongoing
      if (endNotRecorded(e)) return 'not recorded (the source recorded no end it trusts, and does not mark it ongoing: see notes)';
      return day(v ?? 'null (ongoing, one-off or unknown)');
    case 'start':
    case 'created_at':
    case 'updated_at':
      return day(v ?? 'null (ongoing, one-off or unknown)');
    default:
      if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return '—';
      return Array.isArray(v) ? v.map(text).join(', ') : text(v);
  }
}

function revisions(id: string, signal: AbortSignal): HTMLElement {
  const slot = h('div');
  void section(
    slot,
    'the revision history',
    () => getJson<EventHistory>(`/api/events/${encodeURIComponent(id)}/revisions`, {}, signal),
    (r) => {
      const changed = (x: (typeof r.items)[number]) =>
        x.previous
          ? Object.keys({ ...x.previous, ...x.current })
              .filter((k) => !['revision', 'updated_at'].includes(k) && JSON.stringify(x.previous?.[k]) !== JSON.stringify(x.current[k]))
              .join(', ') || '(status only)'
          : 'created';
      return dataTable(
        [
          { key: 'revision', label: 'Rev.', numeric: true },
          { key: 'action', label: 'Action' },
          { key: 'actor', label: 'By' },
          { key: 'at', label: 'When', cell: (x) => day(x.at) },
          { key: 'reason', label: 'Reason', cell: (x) => x.reason ?? '—' },
          { key: 'changed', label: 'Fields changed', cell: changed, csv: changed },
        ],
        r.items,
        { caption: 'Revisions, oldest first (each keeps the full previous state)', csvName: `${id}-revisions.csv` },
      );
    },
    signal,
  );
  return slot;
}

async function cost(e: EventDocument, signal: AbortSignal): Promise<HTMLElement> {
  const slot = h('div');
  if (!COSTABLE.includes(e.category))
    return h(
      'div',
      null,
      empty(`No cost estimate: the cost engine prices shutdowns, throttling and blocks; this event is a ${e.category.replace(/_/g, ' ')}.`),
    );
  if (!(await hasApi('/api/events/{id}/cost'))) return h('div', null, notAvailable('Cost estimate', 'GET /api/events/:id/cost (the cost engine)'));
  void section(
    slot,
    'the cost estimate',
    () => getJson<EventCost>(`/api/events/${encodeURIComponent(e.id)}/cost`, {}, signal),
    (r) =>
      r.estimates.length || r.missing.length
        ? costResultView(r, 'Estimated cost of this event')
        : empty('The cost engine returned no estimate for this event.'),
    signal,
  );
  return slot;
}

/** Elections whose data this event is about (e.g. Moscow 2021's e-voting), linked both ways. */
async function electionLinks(id: string, signal: AbortSignal): Promise<HTMLElement | null> {
  if (!(await hasApi('/api/elections'))) return null;
  const r = await getJson<ElectionList>('/api/elections', {}, signal).catch(() => null);
  const hits = r?.items.filter((x) => x.ledger_events.includes(id)) ?? [];
  if (!hits.length) return null;
  return h(
    'p',
    null,
    h('strong', null, 'Election data: '),
    ...hits.flatMap((x, i) => [i ? ', ' : '', h('a', { href: `/elections/${x.id}` }, `${x.title} (${x.id}): paper vs electronic, fingerprints`)]),
  );
}

export default async function eventPage({ root, params, signal }: PageContext): Promise<void> {
  const id = params.id ?? '';
  const body = h('div', null, loading('the event'));
  root.append(body);
  let e: EventDocument;
  try {
    e = await getJson<EventDocument>(`/api/events/${encodeURIComponent(id)}`, {}, signal);
  } catch (err) {
    if (!signal.aborted) {
      document.title = 'Event not found · Splinternet Observatory';
      body.replaceChildren(h('h1', null, `Event ${id}`), errorBox(err, `event ${id}`));
    }
    return;
  }
  if (signal.aborted) return;
  body.remove();
  pageHead(root, e.title, e.summary);
  const fields = (Object.keys(e) as (keyof EventDocument)[]).filter((k) => !KNOWN.has(k));
  append(root, [
    h(
      'p',
      null,
      h('span', { class: 'badge' }, titleCase(e.category)),
      ' ',
      h('span', { class: 'badge' }, e.subtype.replace(/_/g, ' ')),
      ' ',
      h('span', { class: 'badge' }, `status: ${e.status}`),
      ' ',
      h('span', { class: 'badge' }, `confidence: ${e.confidence}`),
    ),
    h('h2', null, 'Record'),
    h(
      'dl',
      { class: 'kv event-fields' },
      fields.map((k) => [h('dt', null, k), h('dd', { 'data-field': k }, fieldValue(e, k))]),
    ),
    e.region_notes?.length
      ? h(
          'div',
          { class: 'state unavailable', role: 'note' },
          e.region_notes.map((n) => h('p', null, h('strong', null, `${n.code} (also ${n.equivalents.join(', ')}): `), n.note)),
        )
      : null,
    h('h2', null, `Sources (${e.sources.length})`),
    h('ol', { class: 'sources' }, e.sources.map(sourceItem)),
  ]);
  if (e.links.length) {
    root.append(
      h('h2', null, 'Linked records'),
      dataTable(
        [
          { key: 'kind', label: 'Kind' },
          { key: 'target', label: 'Target' },
          { key: 'doc', label: 'Details', cell: (l) => (l.doc ? JSON.stringify(l.doc) : '—') },
        ],
        e.links,
        { caption: 'Links from this event to imports, evidence queries and snapshots' },
      ),
    );
  }
  const elections = h('div', { class: 'election-links' });
  root.append(elections);
  settle(
    elections,
    'the election links',
    electionLinks(e.id, signal).then((el) => el && !signal.aborted && elections.replaceChildren(el)),
    signal,
  );
  const evidence = h('div');
  const costSlot = h('div', null, loading('the cost estimate'));
  root.append(h('h2', null, 'Cost'), costSlot, h('h2', null, 'Measurement evidence'), evidence, h('h2', null, 'Revision history'), revisions(e.id, signal));
  settle(
    costSlot,
    'the cost estimate',
    cost(e, signal).then((el) => !signal.aborted && costSlot.replaceChildren(el)),
    signal,
  );
  settle(
    evidence,
    'the measurement evidence',
    evidenceView(e, signal).then((el) => !signal.aborted && evidence.replaceChildren(el)),
    signal,
  );
}
