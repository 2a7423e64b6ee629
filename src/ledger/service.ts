/**
 * Ledger operations: create, update, retract, read, list, history. Pure domain code: effects
 * (store, clock) arrive as arguments. Every change writes an append-only revision holding the
 * full previous state, in the same transaction as the change.
 */
import { getRegion } from '../geo/index.js';
import { check } from '../op/index.js';
import { AppError, isValidPartialDate, partialDateEnd, partialDateStart, validationError, type Clock, type FieldIssue } from '../shared/index.js';
import type { EventLinkRecord, EventRecord, EventWrite, RevisionRecord, Store } from '../store/index.js';
import { futureDateIssues } from './future-dates.js';
import { followArea, placeAdded } from './geocode.js';
import { EventInputSchema, EventReplaceSchema, eventDocumentIssues, parseEventInput, type EventFields, type LedgerEvent } from './model.js';
import { DEFAULT_VISIBLE, STATUSES, type Status } from './taxonomy.js';

export interface LedgerDeps {
  store: Store;
  clock: Clock;
}

export interface WriteMeta {
  actor: string;
  reason?: string | null;
  origin?: string;
}

export function slugify(text: string, max = 48): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/, '') || 'event';
}

/** A readable id: <countries>-<year>-<slug of title>. */
export const deriveEventId = (f: Pick<EventFields, 'countries' | 'start' | 'title'>): string =>
  `${f.countries.slice(0, 2).join('-').toLowerCase()}-${f.start.slice(0, 4)}-${slugify(f.title)}`;

function regionNotes(regions: string[]): LedgerEvent['region_notes'] {
  const notes = regions.flatMap((code) => {
    const d = getRegion(code)?.disputed;
    return d ? [{ code, equivalents: d.equivalents, note: d.note }] : [];
  });
  return notes.length ? notes : undefined;
}

/** Assemble the public event document from validated fields and ledger metadata. */
export function buildEvent(f: EventFields, id: string, status: Status, revision: number, createdAt: string, updatedAt: string): LedgerEvent {
  const notes = regionNotes(f.regions);
  const { id: _ignored, status: _s, ...rest } = f;
  return { id, ...rest, status, revision, created_at: createdAt, updated_at: updatedAt, ...(notes ? { region_notes: notes } : {}) };
}

export function toRecord(e: LedgerEvent, origin: string): EventRecord {
  const search = [e.id, e.title, e.summary, e.subtype, ...e.tags, ...e.targets.map((t) => t.name), ...e.actors.map((a) => a.name)].join(' ').toLowerCase();
  return {
    id: e.id,
    doc: e,
    category: e.category,
    subtype: e.subtype,
    countries: e.countries,
    regions: e.regions,
    startAt: partialDateStart(e.start).toISOString(),
    endAt: e.end === null ? null : partialDateEnd(e.end).toISOString(),
    status: e.status,
    revision: e.revision,
    origin,
    search,
    updatedAt: e.updated_at,
  };
}

const asEvent = (r: EventRecord): LedgerEvent => r.doc as unknown as LedgerEvent;

function revision(e: LedgerEvent, action: string, meta: WriteMeta, previous: LedgerEvent | null): RevisionRecord {
  return {
    eventId: e.id,
    revision: e.revision,
    action,
    actor: meta.actor,
    reason: meta.reason ?? null,
    at: e.updated_at,
    previous: previous,
    current: e,
  };
}

/** Build (but do not write) a create; lets importers batch many creates into one transaction. */
export function prepareCreate(deps: Pick<LedgerDeps, 'clock'>, input: unknown, meta: WriteMeta, links: EventLinkRecord[] = []) {
  const f = parseEventInput(input);
  const now = deps.clock.now().toISOString();
  const e = buildEvent(f, f.id ?? deriveEventId(f), f.status, 1, now, now);
  return { event: e, write: { record: toRecord(e, meta.origin ?? 'api'), revision: revision(e, 'create', meta, null), expectedRevision: null, links } };
}

/**
 * Build (but do not write) a machine's revision of a stored event under `action`: the fields
 * given replace the event's, its status kept, the write expecting the revision as read (a
 * person's write meanwhile makes the store refuse it).
 */
export function prepareRevise(
  deps: Pick<LedgerDeps, 'clock'>,
  rec: EventRecord,
  input: unknown,
  action: string,
  meta: WriteMeta,
): { event: LedgerEvent; write: EventWrite } {
  const cur = asEvent(rec);
  const f = parseEventInput({ ...(input as object), id: cur.id, status: cur.status });
  const e = buildEvent(f, cur.id, cur.status, cur.revision + 1, cur.created_at, deps.clock.now().toISOString());
  return { event: e, write: { record: toRecord(e, rec.origin), revision: revision(e, action, meta, cur), expectedRevision: cur.revision } };
}

/** What an HTTP replacement (PUT) carries beside the event's fields. */
const REPLACE_EXTRA = ['reason'] as const;

/**
 * The one check of a user's event document (CLI file or --set, HTTP body): every key that is no
 * event field, every value the schema refuses and every date later than the clock's now, named
 * together in one VALIDATION error, whichever path sent it. `replace` checks an HTTP
 * replacement's body, its reason and revision included; `also` adds the caller's own (an id
 * that is not the edited event's).
 */
export function refuseInvalidEvent(deps: Pick<LedgerDeps, 'clock'>, input: unknown, replace = false, also: readonly FieldIssue[] = []): void {
  const extra = replace ? REPLACE_EXTRA : [];
  const issues = [
    ...also,
    ...eventDocumentIssues(input, extra, replace ? EventReplaceSchema : EventInputSchema),
    ...futureDateIssues(input, deps.clock.now().getTime()),
  ];
  if (issues.length) throw validationError(issues, 'invalid event');
}

/** An id in a replacement's body that is not the edited event's, as an issue naming `id` (an event's id does not change). */
export function otherIdIssues(id: string, input: unknown): FieldIssue[] {
  const named = (input as { id?: unknown } | null)?.id;
  if (named === undefined || named === id) return [];
  return [{ path: ['id'], message: `the body names ${JSON.stringify(named)}, the event edited is "${id}" (an event's id does not change)` }];
}

/** Add a user's event (`events add`, POST /api/events): its area is placed at once (`placeAdded`), as an import or an edit of the area does. */
export async function createEvent(deps: LedgerDeps, input: unknown, meta: WriteMeta): Promise<LedgerEvent> {
  refuseInvalidEvent(deps, input);
  const f = parseEventInput(input);
  const { event, write } = prepareCreate(deps, placeAdded(f), meta);
  await deps.store.ledger.writeEvents([write]);
  return event;
}

export async function getEvent(deps: Pick<LedgerDeps, 'store'>, id: string): Promise<LedgerEvent> {
  const r = await deps.store.ledger.getEvent(id);
  if (!r) throw new AppError('NOT_FOUND', `no event with id "${id}"`, { details: { id } });
  return asEvent(r);
}

/** A value as JSON with object keys sorted and undefined members left out: equal texts, equal documents. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonical(x))).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Whether two versions of an event say the same thing (their revision number and update time aside). */
export function sameContent(a: LedgerEvent, b: LedgerEvent): boolean {
  const strip = ({ revision: _r, updated_at: _u, ...rest }: LedgerEvent) => rest;
  return canonical(strip(a)) === canonical(strip(b));
}

/** The fields that say where an event was and who lived there: derived from its area unless a person placed it. */
const AREA_FIELDS = ['places', 'population_affected', 'geocode'] as const;

/**
 * Replace an event's fields (PUT semantics). `expectedRevision` is required: no blind writes.
 * An update that leaves the document as it is writes nothing: no revision, the current event
 * back with `changed: false` (a stale `expectedRevision` is still refused, by the store).
 */
export async function updateEvent(
  deps: LedgerDeps,
  id: string,
  input: unknown,
  expectedRevision: number,
  meta: WriteMeta,
): Promise<{ event: LedgerEvent; changed: boolean }> {
  // the document is checked before the event is read: a bad field is a 400 whether or not the event exists
  const doc = { ...(input as object), id };
  refuseInvalidEvent(deps, doc, true, otherIdIssues(id, input));
  const cur = await getEvent(deps, id);
  refuseWithdrawn(cur);
  // What the cost reads (places, population affected) follows an edit of the regions or area text;
  // a replacement that carries none of the area's fields is placed as an added event is.
  const given = parseEventInput(doc);
  const f = AREA_FIELDS.some((k) => (input as Record<string, unknown>)[k] !== undefined) ? followArea(cur, given) : placeAdded(given);
  const status: Status = cur.status === 'draft' && f.status === 'draft' ? 'draft' : cur.status === 'draft' ? 'active' : cur.status;
  const e = buildEvent(f, id, status, cur.revision + 1, cur.created_at, deps.clock.now().toISOString());
  if (expectedRevision === cur.revision && sameContent(e, cur)) return { event: cur, changed: false };
  const rec = await deps.store.ledger.getEvent(id);
  await deps.store.ledger.writeEvents([{ record: toRecord(e, rec?.origin ?? 'api'), revision: revision(e, 'update', meta, cur), expectedRevision }]);
  return { event: e, changed: true };
}

/** A retracted or dismissed event is not edited: it is restored first (CONFLICT saying so, whichever fields were sent). */
function refuseWithdrawn(cur: LedgerEvent): void {
  if (cur.status !== 'retracted' && cur.status !== 'dismissed') return;
  throw new AppError('CONFLICT', `cannot edit event ${cur.id}: it is ${cur.status}; restore it first (events restore, with a reason), then edit it`, {
    details: { id: cur.id, event_status: cur.status },
  });
}

/** What the ledger fixes, and why a patch cannot change it. */
const FIXED_FIELDS: Record<string, string> = {
  id: 'it names the event: add a new event and retract this one',
  revision: 'the ledger numbers revisions: to edit only if the event is still at a revision, give the expected revision',
  created_at: 'the ledger sets it',
  updated_at: 'the ledger sets it',
};

/** A patch value for the id, revision or a timestamp that differs from the event's is VALIDATION naming the field (the same value, as in a document sent back as read, is fine). */
function refuseFixedFields(patch: Record<string, unknown>, cur: LedgerEvent): void {
  const issues = Object.entries(FIXED_FIELDS)
    .filter(([k]) => k in patch && patch[k] !== cur[k as keyof LedgerEvent])
    .map(([k, why]) => ({ path: [k], message: `cannot be edited (${why}); the event has ${JSON.stringify(cur[k as keyof LedgerEvent])}` }));
  if (issues.length) throw validationError(issues, `cannot edit event ${cur.id}`);
}

/**
 * Change some fields of an event (`events edit`): the patch over the current fields, at the
 * expected revision (default: the current one). A patch that changes the id, the revision or a
 * ledger timestamp is refused, naming the field.
 */
export async function editEvent(
  deps: LedgerDeps,
  id: string,
  patch: Record<string, unknown>,
  expectedRevision: number | undefined,
  meta: WriteMeta,
): Promise<{ event: LedgerEvent; changed: boolean }> {
  const cur = await getEvent(deps, id);
  const expected = revisionEdited(patch, expectedRevision, cur);
  refuseFixedFields(patch, cur);
  // a withdrawn event is restored before it is edited, whichever fields the patch sets (its stored status is no input status)
  refuseWithdrawn(cur);
  const { revision: _r, created_at: _c, updated_at: _u, region_notes: _n, ...fields } = cur;
  return updateEvent(deps, id, { ...fields, ...patch }, expected, meta);
}

/**
 * The revision a patch was based on: `revision` in the document (as `events show` prints it, and
 * as a PUT body may carry it) or `expectedRevision`, else the current one. Two that differ are
 * VALIDATION; a revision that is not the event's is PRECONDITION_FAILED in the words the store
 * gives a stale PUT, so the CLI and HTTP answer a stale document alike.
 */
function revisionEdited(patch: Record<string, unknown>, expectedRevision: number | undefined, cur: LedgerEvent): number {
  const inDoc = patch.revision;
  if (inDoc === undefined) return expectedRevision ?? cur.revision;
  if (typeof inDoc !== 'number' || !Number.isInteger(inDoc) || inDoc < 1)
    throw validationError([{ path: ['revision'], message: `must be a whole number from 1, got ${JSON.stringify(inDoc)}` }], `cannot edit event ${cur.id}`);
  if (expectedRevision !== undefined && expectedRevision !== inDoc)
    throw new AppError('VALIDATION', `revision: the document says ${inDoc}, --expect-revision says ${expectedRevision}; give one, or the same in both`, {
      issues: [{ path: ['revision'], message: `differs from the expected revision (${expectedRevision})` }],
    });
  if (inDoc !== cur.revision)
    throw new AppError('PRECONDITION_FAILED', `event ${cur.id} is at revision ${cur.revision}, not ${inDoc}: reload it and apply your change again`, {
      details: { id: cur.id, current_revision: cur.revision, expected_revision: inDoc },
    });
  return inDoc;
}

type StatusAction = 'retract' | 'restore' | 'confirm' | 'dismiss';

/**
 * The status a withdrawn (retracted or dismissed) event had before it was withdrawn: the
 * previous status of the latest revision that entered its current status. A draft comes back a
 * draft (only a confirm makes it active); with no such revision the answer is active.
 */
export function statusBeforeWithdrawal(revs: readonly RevisionRecord[], current: Status): Status {
  const statusOf = (doc: unknown) => (doc as { status?: Status } | null)?.status;
  for (let i = revs.length - 1; i >= 0; i--) {
    const r = revs[i]!;
    const before = statusOf(r.previous);
    if (statusOf(r.current) !== current || before === current) continue;
    return before === 'draft' ? 'draft' : 'active';
  }
  return 'active';
}

/**
 * Build (but do not write) a status change of a stored event, so an importer can write it in the
 * transaction of its other writes. Refuses (CONFLICT) a change the event's status does not allow;
 * the write expects the event's revision as read, so the store refuses it if the event changed since.
 * A restore goes to `restoreTo` (the status before the withdrawal, `statusBeforeWithdrawal`).
 */
export function prepareStatus(
  deps: Pick<LedgerDeps, 'clock'>,
  rec: EventRecord,
  action: StatusAction,
  meta: WriteMeta & { reason: string },
  expectedRevision?: number,
  restoreTo: Status = 'active',
): { event: LedgerEvent; write: EventWrite } {
  const cur = asEvent(rec);
  const allowed: Record<StatusAction, Status[]> = {
    retract: ['active', 'draft'],
    restore: ['retracted', 'dismissed'],
    confirm: ['draft'],
    dismiss: ['draft'],
  };
  if (!allowed[action].includes(cur.status)) {
    throw new AppError('CONFLICT', `cannot ${action} event ${rec.id}: its status is ${cur.status}`);
  }
  const next: Record<StatusAction, Status> = { retract: 'retracted', restore: restoreTo, confirm: 'active', dismiss: 'dismissed' };
  const e: LedgerEvent = { ...cur, status: next[action], revision: cur.revision + 1, updated_at: deps.clock.now().toISOString() };
  return {
    event: e,
    write: { record: toRecord(e, rec.origin), revision: revision(e, action, meta, cur), expectedRevision: expectedRevision ?? cur.revision },
  };
}

/** Change only the status (retract, restore, confirm, dismiss). A reason is required; a restore returns the status before the withdrawal. */
export async function setStatus(
  deps: LedgerDeps,
  id: string,
  action: StatusAction,
  meta: WriteMeta & { reason: string },
  expectedRevision?: number,
): Promise<LedgerEvent> {
  if (!meta.reason || meta.reason.trim().length < 3) {
    throw new AppError('VALIDATION', `${action} needs a reason (at least 3 characters)`, { issues: [{ path: ['reason'], message: 'required' }] });
  }
  const rec = await deps.store.ledger.getEvent(id);
  if (!rec) throw new AppError('NOT_FOUND', `no event with id "${id}"`);
  const restoreTo = action === 'restore' ? statusBeforeWithdrawal(await deps.store.ledger.listRevisions(id), asEvent(rec).status) : undefined;
  const { event, write } = prepareStatus(deps, rec, action, meta, expectedRevision, restoreTo);
  await deps.store.ledger.writeEvents([write]);
  return event;
}

export interface ListFilters {
  country?: string;
  region?: string;
  category?: string;
  subtype?: string;
  from?: string;
  to?: string;
  started_from?: string;
  q?: string;
  include_retracted?: boolean;
  status?: Status;
  origin?: string;
  cursor?: string;
  limit?: number;
}

const afterEvent = ({ key, id }: { key: string; id: string }) => ({ startAt: key, id });

export function statusesFor(f: Pick<ListFilters, 'include_retracted' | 'status'>): Status[] {
  if (f.status) return [f.status];
  return f.include_retracted ? [...STATUSES] : DEFAULT_VISIBLE;
}

/** A date filter as given: YYYY[-MM[-DD]] or an ISO date-time with a real calendar date, else VALIDATION naming it. */
function dateFilter(name: 'from' | 'to' | 'started_from', value: string | undefined): string | undefined {
  if (value === undefined || isValidPartialDate(value)) return value;
  throw new AppError('VALIDATION', `${name}: "${value}" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time`, {
    issues: [{ path: [name], message: 'not a date' }],
  });
}

/** A region code and the codes equivalent to it (Crimea: UA-43 and RU-CR; Sevastopol: UA-40 and RU-SEV), so a filter by either finds events filed under both. */
const regionAndEquivalents = (code: string): string[] => [code, ...(getRegion(code)?.disputed?.equivalents ?? [])];

/** List filters as a store query (partial dates widened to instants; statuses resolved); a range that ends before it begins is VALIDATION. */
export const toEventQuery = (f: Omit<ListFilters, 'cursor' | 'limit'>) => {
  const from = dateFilter('from', f.from) ? partialDateStart(f.from!).toISOString() : undefined;
  const to = dateFilter('to', f.to) ? partialDateEnd(f.to!).toISOString() : undefined;
  const startedFrom = dateFilter('started_from', f.started_from) ? partialDateStart(f.started_from!).toISOString() : undefined;
  for (const [name, start] of [['from', from] as const, ['started_from', startedFrom] as const])
    if (start && to && to < start)
      throw new AppError('VALIDATION', `to: "${f.to}" ends before ${name} "${f[name]}" begins`, {
        issues: [{ path: ['to'], message: `ends before ${name} (${f[name]})` }],
      });
  return {
    country: f.country,
    regions: f.region ? regionAndEquivalents(f.region) : undefined,
    category: f.category,
    subtype: f.subtype,
    from,
    to,
    startedFrom,
    q: f.q,
    origin: f.origin,
    statuses: statusesFor(f),
  };
};

export async function listEvents(
  deps: Pick<LedgerDeps, 'store'>,
  f: ListFilters,
): Promise<{ items: LedgerEvent[]; next_cursor: string | null; total: number }> {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 1000);
  const base = toEventQuery(f);
  const rows = await deps.store.ledger.listEvents({ ...base, after: f.cursor ? afterEvent(check.decodeCursor(f.cursor)) : undefined, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(asEvent),
    next_cursor: rows.length > limit && last ? check.encodeCursor(last.startAt, last.id) : null,
    total: await deps.store.ledger.countEvents(base),
  };
}

export async function eventHistory(deps: Pick<LedgerDeps, 'store'>, id: string) {
  const revs = await deps.store.ledger.listRevisions(id);
  if (revs.length === 0) throw new AppError('NOT_FOUND', `no event with id "${id}"`);
  return revs.map((r) => ({ revision: r.revision, action: r.action, actor: r.actor, reason: r.reason, at: r.at, previous: r.previous, current: r.current }));
}
