/**
 * Detections -> draft ledger events. A draft carries the series, the times, the figures and the
 * evidence query (as an event link of kind 'measurement_query', plus the whole detection as a
 * link of kind 'detection'), and waits for a human to confirm or dismiss it. Ids are the
 * detections' deterministic ids, so re-running the detector on the same data finds its drafts
 * and creates none; a dismissed draft is not proposed again. A detection whose id is new but
 * which is the same finding as a draft or confirmed event already there (same kind, input,
 * country, network or target and layer, overlapping period: its onset moved with late data or
 * other thresholds) is reported as existing, naming that event, and not created.
 */
import { MEASUREMENT_QUERY_KIND } from '../measure/index.js';
import { prepareCreate } from '../ledger/index.js';
import { allSettledOrThrow, isAppError, type Clock } from '../shared/index.js';
import type { EventLinkRecord, EventRecord, EventWrite, Store } from '../store/index.js';
import type { Detection } from './detection.js';
import { endOutcome, type EndNotApplied } from './draft-end.js';

export interface EmitReport {
  created: number;
  existing: number;
  /** Existing events by status: draft, active (confirmed), dismissed, retracted. */
  existing_by_status: Record<string, number>;
  ids: string[];
  /** Detections with a new id that are the same finding as an event already there (draft or active): not created. */
  same_outage: { id: string; event_id: string; status: string }[];
  /** Detections the ledger cannot hold as events (e.g. a country code that is not ISO 3166-1). */
  skipped: { id: string; reason: string }[];
  /** Drafts emitted while their outage was ongoing, now given the end the data shows (a new revision of the same draft). */
  ended: { id: string; end: string }[];
  /** Events still ongoing in the ledger whose detection now has an end, which a person holds (edited or confirmed): not changed. */
  end_not_applied: EndNotApplied[];
}

const SUBTYPE: Record<Detection['kind'], (d: Omit<Detection, 'draft'>) => string> = {
  block: (d) => (d.target && d.target.includes('.') ? 'website' : 'other'),
  throttling: () => 'other',
  shutdown: () => 'other',
  outage: () => 'other',
};

/** The ledger category a detection proposes: outages are shutdowns (or large parts of one). */
const CATEGORY: Record<Detection['kind'], string> = { block: 'block', throttling: 'throttling', shutdown: 'shutdown', outage: 'shutdown' };

const NOUN: Record<Detection['kind'], string> = {
  block: 'Blocking',
  throttling: 'Throttling',
  shutdown: 'Measurement-volume collapse (possible shutdown)',
  outage: 'Outage in network signals (possible shutdown)',
};

export function draftInput(d: Omit<Detection, 'draft'>): Record<string, unknown> {
  // networks are AS numbers; an outage of a country or region entity may name none, and is then titled for its area.
  // A network's outage is that network's: the others that corroborate it stay in its detection, not in the event.
  const networkOutage = d.kind === 'outage' && d.probe_asn !== null;
  const asns = networkOutage ? [d.probe_asn!] : d.networks.filter((n) => /^AS\d+$/.test(n));
  const where = d.probe_asn
    ? `on ${d.probe_asn} in ${d.probe_cc}`
    : d.region
      ? `in ${d.region} (${d.probe_cc})`
      : asns.length
        ? `on ${asns.length} networks in ${d.probe_cc}`
        : `in ${d.probe_cc}`;
  const what = d.target ? ` of ${d.target}${d.layer ? ` (${d.layer})` : ''}` : '';
  return {
    id: d.id,
    title: `Detected: ${NOUN[d.kind]}${what} ${where} from ${d.start.slice(0, d.kind === 'throttling' ? 10 : 13).replace('T', ' ')}${d.kind === 'throttling' ? '' : 'h UTC'}`,
    summary: `${d.summary}. Proposed by the ${d.kind} detector (${d.scope} scope); a human must check the evidence and confirm or dismiss it.`,
    category: CATEGORY[d.kind],
    subtype: SUBTYPE[d.kind](d),
    countries: [d.probe_cc],
    regions: d.region ? [d.region] : [],
    // Daily detections carry days (end inclusive, as the ledger reads dates); hourly ones instants.
    start: d.kind === 'throttling' ? d.start.slice(0, 10) : d.start,
    end: d.end === null ? null : d.kind === 'throttling' ? new Date(Date.parse(d.end) - 1).toISOString().slice(0, 10) : d.end,
    date_precision: d.kind === 'throttling' ? 'day' : 'hour',
    // a region's outage is regional; a network's outage is of that network (isp); a country entity's
    // outage is national even when it names no network
    scope: d.region ? 'regional' : networkOutage ? 'isp' : d.networks.length > 1 || d.kind === 'outage' ? 'national' : 'isp',
    targets: d.target ? [{ kind: 'domain', name: d.target }] : [],
    networks: asns,
    tags: ['detected', `detector:${d.kind}`],
    confidence: d.scope === 'country' ? 'medium' : 'low',
    status: 'draft',
    sources: d.sources.map((s) => ({
      url: s.url ?? `urn:splinternet:dataset:${encodeURIComponent(s.name)}`,
      title: s.name,
      publisher: s.attribution ?? s.name,
      published: null,
      archive_url: null,
      locator: `licence: ${s.licence}`,
    })),
    notes: `Method: ${d.method} Evidence: ${d.evidence_query.cli}`,
  };
}

export function draftLinks(d: Omit<Detection, 'draft'>): EventLinkRecord[] {
  return [
    { eventId: d.id, kind: MEASUREMENT_QUERY_KIND, target: d.evidence_query.api, doc: d.evidence_query },
    { eventId: d.id, kind: 'detection', target: d.id, doc: d },
  ];
}

/**
 * Attach the ledger status of each detection's event: the event with its id, else the draft or
 * confirmed event of the same finding that `emitDrafts` would name (a moved onset), else null.
 */
export async function withDrafts(store: Store, ds: Omit<Detection, 'draft'>[]): Promise<Detection[]> {
  return allSettledOrThrow(
    ds.map(async (d) => {
      const e = await store.ledger.getEvent(d.id);
      if (e) return { ...d, draft: { id: e.id, status: e.status, revision: e.revision } };
      const same = d.probe_cc === 'ZZ' ? null : await sameFinding(store, d);
      return { ...d, draft: same ? { id: same.id, status: same.status, revision: same.revision } : null };
    }),
  );
}

/** Why a detection on a network of unknown country (ZZ: the data named none) cannot be a ledger event. */
function unknownCountry(d: Omit<Detection, 'draft'>): string {
  const who = d.networks.length ? d.networks.join(', ') : 'the series';
  return `the country of ${who} is unknown (ZZ) and a ledger event needs one: give the data its country (signal files: a cc column, or signals import --cc CC) and detect again`;
}

const IDENTITY = ['kind', 'input', 'probe_cc', 'probe_asn', 'region', 'target', 'layer', 'scope'] as const;
const overlaps = (aStart: string, aEnd: string | null, bStart: string, bEnd: string | null) =>
  Date.parse(aStart) < (bEnd === null ? Infinity : Date.parse(bEnd)) && Date.parse(bStart) < (aEnd === null ? Infinity : Date.parse(aEnd));

/** A draft or confirmed event the detector proposed for the same finding over an overlapping period, or null. */
async function sameFinding(store: Store, d: Omit<Detection, 'draft'>): Promise<{ id: string; status: string; revision: number } | null> {
  const candidates = await store.ledger.listEvents({
    country: d.probe_cc,
    category: CATEGORY[d.kind],
    origin: 'detect',
    from: d.start,
    ...(d.end === null ? {} : { to: d.end }),
    statuses: ['draft', 'active'],
    limit: 1000,
  });
  for (const e of candidates) {
    const doc = (await store.ledger.listLinks(e.id)).find((l) => l.kind === 'detection')?.doc as Record<string, unknown> | undefined;
    if (!doc || !IDENTITY.every((k) => (doc[k] ?? null) === (d[k] ?? null))) continue;
    if (overlaps(d.start, d.end, String(doc.start), typeof doc.end === 'string' ? doc.end : null)) return { id: e.id, status: e.status, revision: e.revision };
  }
  return null;
}

/**
 * Create drafts for detections that have no event yet (nor one for the same finding), and give a
 * detector's ongoing draft the end its detection now shows (`draft-end.ts`), in one transaction.
 */
export async function emitDrafts(deps: { store: Store; clock: Clock; actor: string }, ds: Omit<Detection, 'draft'>[]): Promise<EmitReport> {
  const report: EmitReport = { created: 0, existing: 0, existing_by_status: {}, ids: [], same_outage: [], skipped: [], ended: [], end_not_applied: [] };
  const writes: EventWrite[] = [];
  const links: EventLinkRecord[] = [];
  const replaces: { eventId: string; kind: string }[] = [];
  const revised = new Set<string>();
  const planned = new Set<string>();
  const follow = async (rec: EventRecord, d: Omit<Detection, 'draft'>) => {
    if (revised.has(rec.id)) return;
    const input = draftInput(d);
    const o = await endOutcome(deps, rec, d, input);
    if (o === null) return;
    if ('notApplied' in o) {
      report.end_not_applied.push(o.notApplied);
      return;
    }
    revised.add(rec.id);
    writes.push(o.write);
    links.push(...o.links);
    replaces.push(...o.replaces.map((kind) => ({ eventId: rec.id, kind })));
    report.ended.push({ id: rec.id, end: String(input.end) });
  };
  for (const d of ds) {
    const cur = await deps.store.ledger.getEvent(d.id);
    if (cur) {
      report.existing++;
      report.existing_by_status[cur.status] = (report.existing_by_status[cur.status] ?? 0) + 1;
      await follow(cur, d);
      continue;
    }
    if (d.probe_cc === 'ZZ') {
      report.skipped.push({ id: d.id, reason: unknownCountry(d) });
      continue;
    }
    const same = await sameFinding(deps.store, d);
    if (same) {
      report.existing++;
      report.existing_by_status[same.status] = (report.existing_by_status[same.status] ?? 0) + 1;
      report.same_outage.push({ id: d.id, event_id: same.id, status: same.status });
      const rec = await deps.store.ledger.getEvent(same.id);
      if (rec) await follow(rec, d);
      continue;
    }
    if (planned.has(d.id)) {
      // two detections of one run with one id: the first is written, the second would only collide with it
      report.skipped.push({ id: d.id, reason: `another detection of this run has the same id ${d.id}; only the first is drafted` });
      continue;
    }
    try {
      writes.push(prepareCreate(deps, draftInput(d), { actor: deps.actor, origin: 'detect', reason: 'proposed by the detector' }, draftLinks(d)).write);
    } catch (e) {
      if (!isAppError(e)) throw e;
      report.skipped.push({ id: d.id, reason: e.message });
      continue;
    }
    planned.add(d.id);
  }
  await writeEach(deps.store, writes, { links, replaceLinks: replaces }, report);
  return report;
}

/**
 * Write the drafts and revisions in one transaction; when the ledger refuses it (an event written
 * meanwhile by another process, a record it will not hold), write them one by one, so each refused
 * one is reported in `skipped` with the ledger's reason and every other is written.
 */
async function writeEach(
  store: Store,
  writes: EventWrite[],
  also: { links: EventLinkRecord[]; replaceLinks: { eventId: string; kind: string }[] },
  report: EmitReport,
): Promise<void> {
  const { links, replaceLinks } = also;
  const created = (w: EventWrite) => w.expectedRevision === null;
  const done = (ws: EventWrite[]) => {
    for (const w of ws.filter(created)) {
      report.created++;
      report.ids.push(w.record.id);
    }
  };
  if (!writes.length) return;
  try {
    await store.ledger.writeEvents(writes, links.length ? { links, replaceLinks } : undefined);
    done(writes);
    return;
  } catch (e) {
    if (!isAppError(e)) throw e;
  }
  for (const w of writes) {
    const own = links.filter((l) => l.eventId === w.record.id);
    const ownReplaced = replaceLinks.filter((r) => r.eventId === w.record.id);
    try {
      await store.ledger.writeEvents([w], own.length ? { links: own, replaceLinks: ownReplaced } : undefined);
      done([w]);
    } catch (e) {
      if (!isAppError(e)) throw e;
      report.skipped.push({ id: w.record.id, reason: `not written: ${e.message}` });
      report.ended = report.ended.filter((x) => x.id !== w.record.id || created(w));
    }
  }
}
