/**
 * Import of Access Now #KeepItOn STOP data into the ledger. Idempotent: an event's id derives
 * from its identity (stopEventKey), so a re-import updates or skips, never duplicates.
 * Ongoing events repeat once per count_year: the repeats merge into one event (the latest
 * year's row gives the fields, every row is kept as a `stop_row` link with its own text). A STOP event that a hand-written
 * seed event already describes is linked to it instead of duplicated. Near-duplicate records
 * (one shutdown listed twice, see duplicates.ts) become one event carrying both records as
 * sources and links; an event an earlier import made of the duplicate is retracted, and a file
 * imported as the whole snapshot retracts the STOP events none of its records describes; an event
 * a person edited is never retracted, only reported (retract.ts). Counts reconcile:
 * rows read = rows stored (as events, repeats or links) + rows rejected (kept with reasons).
 */
import { createHash } from 'node:crypto';
import { isAppError, latestDateBegun, partialDateEnd, partialDateStart, type Clock, type ProgressReporter } from '../../shared/index.js';
import type { EventLinkRecord, EventRecord, EventWrite, RejectRecord, Store } from '../../store/index.js';
import type { LedgerEvent } from '../model.js';
import { parseEventInput } from '../model.js';
import { prepareStatus, slugify } from '../service.js';
import { planUpsert } from '../upsert.js';
import { cited, findContained } from './contained.js';
import { findDuplicates } from './duplicates.js';
import { STOP_SHEET_URL, mapStopRow, readIssue, recordText, stopEventKey, stopLocator, type MappedRow } from './map.js';
import type { StopRow } from './parse.js';
import { heldElsewhere, slotHeldByFullerFile, latestLinked, listingKey, listingTarget, slotKey, storedListings } from './listings.js';
import { readingOrder } from './order.js';
import { STOP_ACTOR, absentFromSnapshot, planRetractions, retractionOf } from './retract.js';
import { notWholeSnapshot } from './whole.js';

export interface StopImportReport {
  file: string;
  rows_read: number;
  rows_rejected: number;
  rows_stored: number;
  /** Rows that repeat a listing of an ongoing shutdown in a later count_year, in every listing stored (folded ones included). */
  repeats_merged: number;
  /** Listings (a record with its yearly repeats) of a shutdown STOP records twice, folded into the event of the listing kept. rows_stored = events.distinct + repeats_merged + duplicates_merged. */
  duplicates_merged: number;
  /** `rule`: "near-duplicate" (duplicates.ts), "contained" (the same shutdown recorded for a whole region) or "nested" (an order inside another's area from the same day): contained.ts. `listings`: how many listings the rule folded into `kept` (their records are `duplicate_records`). */
  duplicates: { kept: string; records: number[]; duplicate_records: number[]; rule: 'near-duplicate' | 'contained' | 'nested'; listings: number }[];
  /** restored: events the importer had retracted (absent from a whole snapshot, or counted elsewhere) that a record of the file describes again; kept_retracted: events of the file's records a person retracted, left so. */
  events: {
    distinct: number;
    created: number;
    updated: number;
    unchanged: number;
    kept_user_edits: number;
    linked_to_seed: number;
    restored: number;
    kept_retracted: number;
  };
  /** The events restored, each with the importer's retraction it undid. */
  restored: { event: string; retracted: string }[];
  /** The events of the file's records that a person retracted: still retracted, with who and why. */
  retracted_kept: { event: string; retracted_by: string; reason: string }[];
  linked: { stop_event: string; ledger_event: string }[];
  /** STOP events no record of the file describes any more, retracted: only when the file is imported as the whole snapshot (`full`). */
  absent_retracted: { event: string; reason: string }[];
  /** Whether the STOP events no record describes were looked for: "done", or why not. */
  absent_check: string;
  /** Events whose stored fields come from a later count_year's listing of the same snapshot than the file holds (a part of it): left as they are, counted unchanged. */
  later_listing_kept: { event: string; stored_count_year: string; file_count_year: string }[];
  /** Events a person has edited that the import would have retracted (as a duplicate, or as absent from the whole snapshot): left as they are, for a person to decide. */
  user_edits_kept: { event: string; would_retract: string }[];
  rejects: { record: number; line: number; reason: string }[];
}

const DAY = 86_400_000;

/**
 * Is this seed event the same thing as the STOP event? Same country, dates overlap ±3 days, same
 * kind, and a shared target, region or source (a page both cite besides STOP and Access Now's
 * own: a seed written from the record's sources whose regions name only a part of its area).
 */
function sameAs(seed: LedgerEvent, stop: LedgerEvent): boolean {
  if (!stop.countries.some((c) => seed.countries.includes(c))) return false;
  // A platform blocked (STOP "Shutdown" of a service) or throttled is one restriction, however
  // each source names it: those two categories match when they share a target (below).
  const restriction = (c: string) => (c === 'block' || c === 'throttling' ? 'restriction' : c);
  if (
    seed.category !== stop.category &&
    !(restriction(seed.category) === 'restriction' && restriction(stop.category) === 'restriction' && stop.targets.length > 0)
  )
    return false;
  const s = partialDateStart(stop.start).getTime();
  const lo = partialDateStart(seed.start).getTime() - 3 * DAY;
  const hi = (seed.end ? partialDateEnd(seed.end) : partialDateEnd(seed.start)).getTime() + 3 * DAY;
  if (s < lo || s > hi) return false;
  const names = (e: LedgerEvent) => new Set(e.targets.map((t) => t.name.toLowerCase()));
  const seedTargets = names(seed);
  const sharedTarget = [...names(stop)].some((n) => seedTargets.has(n));
  const sharedRegion = stop.regions.some((r) => seed.regions.includes(r));
  const seedSources = cited(seed);
  const sharedSource = [...cited(stop)].some((u) => seedSources.has(u));
  return sharedTarget || sharedRegion || sharedSource || (seed.scope === 'national' && stop.scope === 'national' && seedTargets.size === 0);
}

export async function importStop(
  deps: { store: Store; clock: Clock; progress: ProgressReporter },
  rows: StopRow[],
  file: string,
  snapshot: string,
  opts: { full?: boolean; allowShrink?: boolean } = {},
): Promise<StopImportReport> {
  const now = deps.clock.now().toISOString();
  const report: StopImportReport = {
    file,
    rows_read: rows.length,
    rows_rejected: 0,
    rows_stored: 0,
    repeats_merged: 0,
    duplicates_merged: 0,
    duplicates: [],
    events: { distinct: 0, created: 0, updated: 0, unchanged: 0, kept_user_edits: 0, linked_to_seed: 0, restored: 0, kept_retracted: 0 },
    restored: [],
    retracted_kept: [],
    linked: [],
    absent_retracted: [],
    absent_check: '',
    later_listing_kept: [],
    user_edits_kept: [],
    rejects: [],
  };
  const rejects: RejectRecord[] = [];
  const reject = (r: StopRow, reason: string) => {
    report.rejects.push({ record: r._record, line: r._line, reason });
    rejects.push({ importKind: 'stop', sourceFile: file, line: r._line, reason: `record ${r._record}: ${reason}`, raw: JSON.stringify(r).slice(0, 4000) });
  };

  // A record whose values do not line up with the header's columns, or that is wrong by itself
  // (a value STOP does not use, a count_year before its start), is rejected as it is read: a
  // group's later record gives the event's fields, so an earlier one is checked here.
  const today = latestDateBegun(deps.clock.now().getTime());
  const readable = rows.filter((r) => r._unreadable === undefined);
  for (const r of rows) if (r._unreadable !== undefined) reject(r, r._unreadable);
  const valid = readable.filter((r) => {
    const issue = readIssue(r, snapshot, today);
    if (issue) reject(r, issue);
    return !issue;
  });
  report.rows_rejected += rows.length - valid.length;

  // Group the yearly repeats. Two rows of the same count_year are never one event. The records
  // are read in an order of their own (order.ts), not the file's: a reordered copy of the sheet
  // gives the same groups, keys and event ids.
  const groups = new Map<string, StopRow[]>();
  for (const r of [...valid].sort(readingOrder)) {
    const base = stopEventKey(r);
    let n = 0;
    while (groups.get(n ? `${base}#${n}` : base)?.some((x) => x.count_year === r.count_year)) n++;
    const key = n ? `${base}#${n}` : base;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }

  const latestOf = (rows: StopRow[]) => [...rows].sort((a, b) => b.count_year.localeCompare(a.count_year))[0]!;
  const mappedOf = new Map([...groups].map(([key, rows]) => [key, mapStopRow(latestOf(rows), snapshot, file, today)] as const));
  const dupOf = findDuplicates(groups);
  const placed = new Map([...mappedOf].filter((x): x is [string, MappedRow] => !('reject' in x[1])));
  const contained = findContained(placed, new Set([...dupOf.keys(), ...dupOf.values()]));
  for (const [folded, { kept }] of contained) dupOf.set(folded, kept);
  const dupsOf = new Map<string, string[]>();
  for (const [dup, kept] of dupOf) dupsOf.set(kept, [...(dupsOf.get(kept) ?? []), dup]);
  const retire: { id: string; kept: string }[] = [];
  // The events this file describes (written, unchanged, linked or folded) and the keys of the records it rejects.
  const described = new Set<string>();
  const rejectedKeys = new Set<string>();

  const seeds = (await deps.store.ledger.listEvents({ statuses: ['active', 'draft'], origin: 'seed', limit: 100_000 })).map(
    (r) => r.doc as unknown as LedgerEvent,
  );
  const listings = await storedListings(deps.store, snapshot);
  // The events this file makes of its own records (kept or folded): a group held by one of them in the store is not held elsewhere.
  const fileEvents = new Set([...placed].map(([k, m]) => eventId(k, latestOf(groups.get(k)!), m)));
  const fileSlots = new Map<string, number>();
  for (const [k, rows] of groups) for (const r of rows) fileSlots.set(slotKey(k, r.count_year), (fileSlots.get(slotKey(k, r.count_year)) ?? 0) + 1);
  // The events the file makes, as stored before the import, read in one query (the writes land
  // after the loop, so every read below sees the store as it was); any other id is read alone.
  const before = new Map<string, EventRecord | null>([...fileEvents].map((id) => [id, null]));
  for (const r of await deps.store.ledger.getEvents([...fileEvents])) before.set(r.id, r);
  const storedEvent = async (id: string): Promise<EventRecord | null> => (before.has(id) ? before.get(id)! : deps.store.ledger.getEvent(id));
  const writes: EventWrite[] = [];
  const links: EventLinkRecord[] = [];
  deps.progress.start('import STOP', groups.size, 'events');
  let done = 0;
  for (const [key, group] of groups) {
    deps.progress.update(++done, { rejected: report.rows_rejected });
    if (dupOf.has(key)) continue; // stored with the group it duplicates
    const dupKeys = dupsOf.get(key) ?? [];
    const dupRows = dupKeys.flatMap((k) => groups.get(k)!);
    const all = [...group, ...dupRows];
    const latest = latestOf(group);
    const mapped = mappedOf.get(key)!;
    if ('reject' in mapped) {
      for (const k of [key, ...dupKeys]) rejectedKeys.add(k);
      for (const r of all) reject(r, mapped.reject);
      report.rows_rejected += all.length;
      continue;
    }
    // a nested order is another order, cited once as a nested record (foldNested), not a repeat of this one
    const repeatRows = dupKeys.filter((k) => contained.get(k)?.rule !== 'nested').flatMap((k) => groups.get(k)!);
    if (repeatRows.length) foldDuplicates(mapped, latest, repeatRows, snapshot, file);
    for (const k of dupKeys.filter((k) => contained.get(k)?.rule === 'contained')) foldContained(mapped, latest, latestOf(groups.get(k)!));
    for (const k of dupKeys.filter((k) => contained.get(k)?.rule === 'nested')) foldNested(mapped, latestOf(groups.get(k)!), snapshot, file);
    let fields;
    try {
      fields = parseEventInput(mapped.fields, 'row does not make a valid event');
    } catch (e) {
      const reason = isAppError(e) ? e.message : String(e);
      for (const k of [key, ...dupKeys]) rejectedKeys.add(k);
      for (const r of all) reject(r, reason);
      report.rows_rejected += all.length;
      continue;
    }
    const id = eventId(key, latest, mapped);
    described.add(id);
    const rowLinks = (eventId: string) =>
      [...group.map((r) => ({ r, k: key })), ...dupKeys.flatMap((k) => groups.get(k)!.map((r) => ({ r, k })))].map(({ r, k }) => ({
        eventId,
        kind: 'stop_row',
        target: `${snapshot}:${k}:${r.count_year}`,
        doc: {
          file,
          record: r._record,
          line: r._line,
          count_year: r.count_year,
          stop_event_id: id,
          source: 'Access Now #KeepItOn STOP',
          ...(k !== key ? { duplicate_of_record: latest._record } : {}),
          // The record's own text: the event's summary is the latest record's, and what an
          // earlier record said (a platform restored early) is read from here (record-texts.ts).
          ...(recordText(r) ? { text: recordText(r) } : {}),
        },
      }));
    report.events.distinct++;
    report.rows_stored += all.length;
    report.repeats_merged += group.length - 1 + dupKeys.reduce((n, k) => n + groups.get(k)!.length - 1, 0);
    if (dupKeys.length) {
      report.duplicates_merged += dupKeys.length;
      for (const rule of ['near-duplicate', 'contained', 'nested'] as const) {
        const keys = dupKeys.filter((k) => (contained.get(k)?.rule ?? 'near-duplicate') === rule);
        if (keys.length)
          report.duplicates.push({
            kept: id,
            records: group.map((r) => r._record),
            duplicate_records: keys.flatMap((k) => groups.get(k)!.map((r) => r._record)),
            rule,
            listings: keys.length,
          });
      }
      for (const k of dupKeys) {
        const m = mappedOf.get(k)!;
        if (!('reject' in m)) retire.push({ id: eventId(k, latestOf(groups.get(k)!), m), kept: id });
        else rejectedKeys.add(k);
      }
    }
    const asEvent = { ...fields, id, revision: 0, created_at: now, updated_at: now, status: 'active' } as LedgerEvent;
    const seed = seeds.find((s) => sameAs(s, asEvent));
    if (seed) {
      report.events.linked_to_seed++;
      report.linked.push({ stop_event: id, ledger_event: seed.id });
      links.push(...rowLinks(seed.id));
      retire.push({ id, kept: seed.id });
      continue;
    }
    // A part of the snapshot holding a listing the store counts in another event (folded there by a
    // fuller file: an earlier year's listing, a duplicate record), or one of two records sharing a
    // key and count_year whose slot it cannot tell, adds no event for it and changes none.
    const targets = group.map((r) => listingTarget(snapshot, key, r.count_year));
    const sharedSlot = slotHeldByFullerFile(
      listings,
      fileSlots,
      key,
      group.map((r) => r.count_year),
    );
    const holder = sharedSlot ?? (dupKeys.length ? null : heldElsewhere(listings, targets, id, fileEvents));
    const held = holder ? await storedEvent(holder) : null;
    if (held && (held.status === 'active' || held.status === 'draft')) {
      described.add(held.id);
      report.events.unchanged++;
      report.later_listing_kept.push({ event: held.id, stored_count_year: latestLinked(listings, held.id), file_count_year: latest.count_year });
      continue;
    }
    // An event retracted by a person stays so; one the importer retracted is described again, so restored.
    const stored = await storedEvent(id);
    const gone = stored ? await retractionOf(deps.store, stored) : null;
    links.push(...rowLinks(id));
    if (gone && gone.actor !== STOP_ACTOR) {
      report.events.kept_retracted++;
      report.retracted_kept.push({ event: id, retracted_by: gone.actor, reason: gone.reason });
      continue;
    }
    // A part of the snapshot holding only an earlier year's listing of a shutdown whose later
    // listing the store holds says less than the store: the event keeps the later listing's fields.
    const storedYear = listings.latest.get(listingKey(id, key));
    if (stored && !gone && storedYear !== undefined && storedYear > latest.count_year) {
      report.events.unchanged++;
      report.later_listing_kept.push({ event: id, stored_count_year: storedYear, file_count_year: latest.count_year });
      continue;
    }
    let current = stored;
    if (stored && gone) {
      const reason = `record ${latest._record} (line ${latest._line}) of ${file} (the ${snapshot} snapshot) describes this event again; the import had retracted it: ${gone.reason}`;
      const back = prepareStatus(deps, stored, 'restore', { actor: STOP_ACTOR, reason }, undefined, gone.restoreTo).write;
      writes.push(back);
      current = back.record;
      report.events.restored++;
      report.restored.push({ event: id, retracted: gone.reason });
    }
    const plan = await planUpsert(
      deps.store,
      fields,
      id,
      { actor: STOP_ACTOR, origin: 'stop', reason: `imported from Access Now STOP (${snapshot} snapshot)`, now },
      withoutSnapshotLocators(snapshot),
      current,
    );
    if (!gone) report.events[plan.outcome]++;
    if (plan.write) writes.push(plan.write);
  }
  deps.progress.stop();
  // An earlier import (before the duplicate rule, or before a seed event described the shutdown)
  // may have made an event of a record now counted elsewhere; a whole snapshot also retracts the
  // STOP events none of its records describes. A file with a record it cannot read cannot tell
  // which records are absent: it retracts none. An event a person edited is left and reported.
  const wanted = retire.map(({ id, kept }) => ({ id, reason: `duplicate STOP record of the shutdown in ${kept}: counted once there` }));
  for (const { id } of retire) described.add(id);
  // A file that cannot be the whole snapshot (no record, an older snapshot, far fewer records
  // than the store holds of the latest: whole.ts) retracts nothing either.
  const unread = rows.length - valid.length;
  const notWhole = opts.full ? await notWholeSnapshot(deps.store, rows.length, snapshot, opts.allowShrink === true) : null;
  report.absent_check = !opts.full
    ? 'not asked: the file may be a part of the snapshot (--full says it is the whole)'
    : (notWhole ?? (unread ? `not done: ${unread} record(s) rejected as read, so which records are absent cannot be told` : 'done'));
  const absent = report.absent_check === 'done' ? await absentFromSnapshot(deps.store, described, keptForRejects(groups, rejectedKeys), snapshot, file) : [];
  const { writes: retractions, left } = await planRetractions(deps, [...wanted, ...absent]);
  report.user_edits_kept = left;
  const leftIds = new Set(left.map((l) => l.event));
  report.absent_retracted = absent.filter((a) => !leftIds.has(a.id)).map((a) => ({ event: a.id, reason: a.reason }));
  // One transaction: the events, every record's link, this file's rejects list and the
  // retractions. A failure or a kill anywhere leaves the store as it was before the import (rows
  // read = rows stored + rows rejected holds before and after, never in between), and a rerun
  // gives what one uninterrupted import gives. Each link is written again: a link stored by an
  // earlier import takes the doc this import gives it (the record's text, its line), whether or
  // not its event changed.
  await deps.store.ledger.writeEvents([...writes, ...retractions], {
    links,
    rejects: { importKind: 'stop', sourceFile: file, records: rejects },
  });
  return report;
}

/**
 * An event with the locators of its citations of this snapshot left out: a record of the
 * snapshot read again from another file (another name, BOM, line ends or column order) makes an
 * event that differs only there, and is unchanged; the stored citation still names a record of
 * the snapshot saying the same. A citation of another snapshot keeps its locator.
 */
const withoutSnapshotLocators =
  (snapshot: string) =>
  (e: LedgerEvent): LedgerEvent => ({
    ...e,
    sources: e.sources.map((s) => (s.url === STOP_SHEET_URL && s.published === snapshot ? { ...s, locator: null } : s)),
  });

/**
 * The key hashes of the rejected records whose event a whole snapshot leaves alone (the reject
 * says why). A rejected record shares its key with an accepted one of the same count_year (the
 * key and `#1`) only by the order the two take its slots; an event of that key may then be the
 * accepted record's, made under the other slot by an earlier import, so it is not kept for the
 * reject: it is retracted if no record describes it (and restored if one does again).
 */
function keptForRejects(groups: ReadonlyMap<string, StopRow[]>, rejected: ReadonlySet<string>): Set<string> {
  const baseOf = (k: string) => k.replace(/#\d+$/, '');
  const accepted = new Set([...groups.keys()].filter((k) => !rejected.has(k)).map(baseOf));
  return new Set([...rejected].filter((k) => !accepted.has(baseOf(k))).map(keyHash));
}

/** The hash of a record key that ends its event's id. */
const keyHash = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 6);

function eventId(key: string, latest: StopRow, mapped: MappedRow): string {
  return `stop-${mapped.countries[0]!.toLowerCase()}-${latest.start_date}-${slugify(latest.area_name || latest.shutdown_type, 32)}-${keyHash(key)}`;
}

/**
 * The kept record's event says the other record is the same shutdown recorded for a whole region.
 * Notes name records by what they say, never by number: a record's number and line are its
 * citation's locator, which moves with the file it is read from (another file of the snapshot
 * must leave the event unchanged).
 */
function foldContained(mapped: MappedRow, kept: StopRow, outer: StopRow): void {
  const f = mapped.fields as { notes: string | null };
  const note = `A STOP record cited beside this one records this shutdown for the whole of ${outer.area_name.trim()} (${outer.start_date} to ${outer.end_date}), citing the same source; counted once, for this record's area (${kept.area_name.trim()}).`;
  f.notes = f.notes ? `${f.notes} ${note}` : note;
}

/** The kept (outer) record's event cites the order nested in its area, and says it counts the place once. */
function foldNested(mapped: MappedRow, inner: StopRow, snapshot: string, file: string): void {
  const f = mapped.fields as { sources: Record<string, unknown>[]; notes: string | null };
  const first = f.sources[0]!;
  f.sources = [first, { ...first, title: `${String(first.title)} (nested record)`, locator: stopLocator(inner, snapshot, file) }, ...f.sources.slice(1)];
  const note = `A STOP record cited beside this one (the nested record) records an order for ${inner.area_name.trim()}, inside this area, from the same day (${inner.start_date} to ${inner.end_date}); counted once, as this area.`;
  f.notes = f.notes ? `${f.notes} ${note}` : note;
}

/** The kept record's event also cites the duplicate records, and says it counts them once. */
function foldDuplicates(mapped: MappedRow, kept: StopRow, dups: StopRow[], snapshot: string, file: string): void {
  const f = mapped.fields as { sources: Record<string, unknown>[]; notes: string | null; end: string | null };
  const first = f.sources[0]!;
  const extra = dups.map((d) => ({
    ...first,
    title: `${String(first.title)} (duplicate record)`,
    locator: stopLocator(d, snapshot, file),
  }));
  f.sources = [first, ...extra, ...f.sources.slice(1)];
  const ends = dups.map((d) => d.end_date || 'open').join(', ');
  const note = `STOP lists this shutdown ${dups.length + 1} times (the record kept, cited first, ends ${kept.end_date || 'open'}; the duplicate record${dups.length > 1 ? 's' : ''} cited beside it end${dups.length > 1 ? '' : 's'} ${ends}); counted once, with the kept record's dates.`;
  f.notes = f.notes ? `${f.notes} ${note}` : note;
}
