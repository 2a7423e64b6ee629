/**
 * The ledger's storage contract: events with their revisions and links, indicator series, and the rejects of ledger imports. Writes of one call are atomic; a stale revision is refused.
 */
/** One event as stored: the full JSON document plus the columns used to filter it. */
export interface EventRecord {
  id: string;
  doc: Record<string, unknown>;
  category: string;
  subtype: string;
  countries: string[];
  regions: string[];
  startAt: string; // ISO instant, earliest the (partial) start date may denote
  endAt: string | null;
  status: string;
  revision: number;
  origin: string; // 'seed' | 'stop' | 'api' | 'cli' | 'detect'
  search: string; // lower-cased text for q=
  updatedAt: string;
}

export interface RevisionRecord {
  eventId: string;
  revision: number;
  action: string; // create | update | retract | restore | confirm | dismiss
  actor: string;
  reason: string | null;
  at: string;
  previous: Record<string, unknown> | null;
  current: Record<string, unknown>;
}

export interface EventLinkRecord {
  eventId: string;
  kind: string; // 'stop_row' | 'measurement_query' | 'registry_snapshot' | ...
  target: string;
  doc: Record<string, unknown> | null;
}

export interface EventQuery {
  country?: string;
  /** Events listing any of these region codes (a disputed region's equivalent codes together). */
  regions?: string[];
  category?: string;
  subtype?: string;
  from?: string; // ISO instant: events ending on/after
  to?: string; // ISO instant: events starting on/before
  startedFrom?: string; // ISO instant: events starting on/after
  q?: string;
  statuses: string[]; // which statuses to include
  origin?: string;
  /** ISO instant: only events written (created or revised) strictly after it. */
  changedAfter?: string;
  after?: { startAt: string; id: string }; // keyset cursor (ordering: start_at DESC, id ASC)
  limit: number;
}

/** How many events a country has in a category, by the year the event started. */
export interface EventCountRecord {
  country: string;
  category: string;
  year: number;
  count: number;
}

/** One write of one event: the new state, its revision record, and the revision expected now. */
export interface EventWrite {
  record: EventRecord;
  revision: RevisionRecord;
  /** null = must not exist yet (create); a number = current revision must equal it. */
  expectedRevision: number | null;
  links?: EventLinkRecord[];
}

export interface IndicatorSeriesRecord {
  id: string;
  doc: Record<string, unknown>;
  country: string | null;
  origin: string;
}

/** Values to remove: of these series, for this period, whose source locator is one of `locators`. */
export interface RetiredValues {
  seriesIds: string[];
  period: string;
  locators: string[];
}

export interface IndicatorValueRecord {
  seriesId: string;
  valueKey: string;
  period: string;
  value: number;
  doc: Record<string, unknown>;
}

export interface RejectRecord {
  importKind: string;
  sourceFile: string;
  line: number;
  reason: string;
  raw: string | null;
}

/** What an import stores beside its events, in the same transaction as them. */
export interface EventWriteAlso {
  /** Links; a link already stored takes the doc given here (as putLinks). */
  links?: EventLinkRecord[];
  /**
   * Links of these kinds of these events are removed before `links` are written: a revision whose
   * link target moves (a detector's evidence query given its end) keeps the new link only.
   */
  replaceLinks?: { eventId: string; kind: string }[];
  /** The rejects of this import of one file: that file's list is replaced by these (as replaceRejects). */
  rejects?: RejectList;
}

/** The rejects of one import of one file, written by an importer's store call in the transaction of the file's rows. */
export interface RejectList {
  importKind: string;
  sourceFile: string;
  records: RejectRecord[];
}

export interface LedgerRepo {
  getEvent(id: string): Promise<EventRecord | null>;
  /** The stored events among `ids`, in one read (an id not stored is absent from the answer). */
  getEvents(ids: readonly string[]): Promise<EventRecord[]>;
  listEvents(query: EventQuery): Promise<EventRecord[]>;
  countEvents(query: Omit<EventQuery, 'after' | 'limit'>): Promise<number>;
  /** The most recently written events first (updated_at DESC, id ASC): what changed lately. */
  listChanged(query: Omit<EventQuery, 'after'>): Promise<EventRecord[]>;
  /** Event counts per (country, category, start year) for the dashboard's maps and comparisons. */
  countEventsBy(query: Omit<EventQuery, 'after' | 'limit'>): Promise<EventCountRecord[]>;
  /**
   * All writes in one transaction, and what `also` names stored in the same one: a failure or a
   * kill anywhere leaves none of them. Throws AppError PRECONDITION_FAILED / CONFLICT on a stale
   * write (an expected revision is checked inside the transaction, so an event revised since the
   * caller read it fails the whole call).
   */
  writeEvents(writes: EventWrite[], also?: EventWriteAlso): Promise<void>;
  listRevisions(id: string): Promise<RevisionRecord[]>;
  listLinks(id: string): Promise<EventLinkRecord[]>;
  /** Links of a kind across all events (e.g. which STOP rows are already imported). */
  linksOfKind(kind: string): Promise<EventLinkRecord[]>;
  /** Adds links; a link already stored (same event, kind and target) is left as it is. */
  addLinks(links: EventLinkRecord[]): Promise<void>;
  /** Adds links; a link already stored takes the doc given here (an import refreshing what it keeps beside each link). */
  putLinks(links: EventLinkRecord[]): Promise<void>;
  /**
   * Writes series and values in one transaction; `retire` first removes the values of a period
   * whose source locator is one of those named (a figure another value now speaks for).
   */
  upsertIndicators(series: IndicatorSeriesRecord[], values: IndicatorValueRecord[], retire?: RetiredValues[]): Promise<void>;
  listIndicatorSeries(filter: { country?: string; id?: string }): Promise<IndicatorSeriesRecord[]>;
  listIndicatorValues(seriesIds: string[]): Promise<IndicatorValueRecord[]>;
  /** Replace the rejects of one import of one file (a re-import starts that file's list afresh). */
  replaceRejects(importKind: string, sourceFile: string, rejects: RejectRecord[]): Promise<void>;
  listRejects(importKind: string, sourceFile?: string): Promise<RejectRecord[]>;
}
