/**
 * DuckDB implementation of LedgerRepo. The event document is stored whole (JSON) and a few of
 * its fields are copied into columns for filtering. Writes check the expected revision inside
 * the same transaction that writes, so two racing editors cannot both win.
 */
import { AppError } from '../../shared/index.js';
import type { EventLinkRecord, EventQuery, EventRecord, EventWrite, IndicatorValueRecord, LedgerRepo, RejectRecord, RevisionRecord } from '../types.js';
import type { DuckDb, Param, Row, Sql } from './db.js';
import { replaceRejectsIn } from './rejects.js';

const EVENT_COLS = `id, doc::VARCHAR AS doc, category, subtype, countries, regions, start_at, end_at, status,
  revision, origin, search, updated_at`;

const parseJson = (v: unknown): Record<string, unknown> => (typeof v === 'string' ? JSON.parse(v) : (v as Record<string, unknown>));

function toEvent(r: Row): EventRecord {
  return {
    id: r.id as string,
    doc: parseJson(r.doc),
    category: r.category as string,
    subtype: r.subtype as string,
    countries: r.countries as string[],
    regions: r.regions as string[],
    startAt: r.start_at as string,
    endAt: (r.end_at as string | null) ?? null,
    status: r.status as string,
    revision: r.revision as number,
    origin: r.origin as string,
    search: r.search as string,
    updatedAt: r.updated_at as string,
  };
}

/** WHERE clause and parameters for an event query; `$n` placeholders numbered from 1. */
function where(q: Omit<EventQuery, 'limit'>): { sql: string; params: Param[] } {
  const parts: string[] = [];
  const params: Param[] = [];
  const p = (v: Param) => {
    params.push(v);
    return `$${params.length}`;
  };
  parts.push(`status IN (SELECT unnest(json_transform(${p(JSON.stringify(q.statuses))}, '["VARCHAR"]')))`);
  if (q.country) parts.push(`list_contains(countries, ${p(q.country)})`);
  if (q.regions?.length) parts.push(`list_has_any(regions, json_transform(${p(JSON.stringify(q.regions))}, '["VARCHAR"]'))`);
  if (q.category) parts.push(`category = ${p(q.category)}`);
  if (q.subtype) parts.push(`subtype = ${p(q.subtype)}`);
  if (q.origin) parts.push(`origin = ${p(q.origin)}`);
  if (q.from) parts.push(`coalesce(end_at, 'infinity'::TIMESTAMPTZ) >= ${p(q.from)}::TIMESTAMPTZ`);
  if (q.to) parts.push(`start_at <= ${p(q.to)}::TIMESTAMPTZ`);
  if (q.startedFrom) parts.push(`start_at >= ${p(q.startedFrom)}::TIMESTAMPTZ`);
  if (q.q) parts.push(`contains(search, ${p(q.q.toLowerCase())})`);
  if (q.changedAfter) parts.push(`updated_at > ${p(q.changedAfter)}::TIMESTAMPTZ`);
  if (q.after) {
    const s = p(q.after.startAt);
    const i = p(q.after.id);
    parts.push(`(start_at < ${s}::TIMESTAMPTZ OR (start_at = ${s}::TIMESTAMPTZ AND id > ${i}))`);
  }
  return { sql: parts.join(' AND '), params };
}

async function writeOne(tx: Sql, w: EventWrite): Promise<void> {
  const cur = await tx.all<{ revision: number }>('SELECT revision FROM events WHERE id = $1', [w.record.id]);
  const current = cur[0]?.revision ?? null;
  if (w.expectedRevision === null && current !== null) {
    throw new AppError('CONFLICT', `event ${w.record.id} already exists (revision ${current})`, {
      details: { id: w.record.id, revision: current },
    });
  }
  if (w.expectedRevision !== null && current !== w.expectedRevision) {
    throw new AppError(
      current === null ? 'NOT_FOUND' : 'PRECONDITION_FAILED',
      current === null
        ? `event ${w.record.id} does not exist`
        : `event ${w.record.id} is at revision ${current}, not ${w.expectedRevision}: reload it and apply your change again`,
      { details: { id: w.record.id, current_revision: current, expected_revision: w.expectedRevision } },
    );
  }
  const r = w.record;
  const values: Param[] = [
    r.id,
    JSON.stringify(r.doc),
    r.category,
    r.subtype,
    JSON.stringify(r.countries),
    JSON.stringify(r.regions),
    r.startAt,
    r.endAt,
    r.status,
    r.revision,
    r.origin,
    r.search,
    r.updatedAt,
  ];
  const cols = `$1, $2::JSON, $3, $4, json_transform($5, '["VARCHAR"]'), json_transform($6, '["VARCHAR"]'),
    $7::TIMESTAMPTZ, $8::TIMESTAMPTZ, $9, $10, $11, $12, $13::TIMESTAMPTZ`;
  if (current === null) await tx.run(`INSERT INTO events VALUES (${cols})`, values);
  else {
    await tx.run('DELETE FROM events WHERE id = $1', [r.id]);
    await tx.run(`INSERT INTO events VALUES (${cols})`, values);
  }
  const v = w.revision;
  await tx.run('INSERT INTO event_revisions VALUES ($1, $2, $3, $4, $5, $6::TIMESTAMPTZ, $7::JSON, $8::JSON)', [
    v.eventId,
    v.revision,
    v.action,
    v.actor,
    v.reason,
    v.at,
    v.previous === null ? null : JSON.stringify(v.previous),
    JSON.stringify(v.current),
  ]);
  for (const l of w.links ?? []) await insertLink(tx, l);
}

const insertLink = (tx: Sql, l: EventLinkRecord) =>
  tx.run('INSERT INTO event_links VALUES ($1, $2, $3, $4::JSON) ON CONFLICT DO NOTHING', [
    l.eventId,
    l.kind,
    l.target,
    l.doc === null ? null : JSON.stringify(l.doc),
  ]);

/**
 * Store links in one statement (rows travel as one JSON parameter); a link already stored takes
 * the doc given here, and the last doc given for a link wins, as an upsert may not touch one row twice.
 */
async function upsertLinks(sql: Sql, links: EventLinkRecord[]): Promise<void> {
  const rows = [...new Map(links.map((l) => [`${l.eventId}\u0000${l.kind}\u0000${l.target}`, l])).values()].map((l) => ({
    event_id: l.eventId,
    kind: l.kind,
    target: l.target,
    doc: l.doc === null ? null : JSON.stringify(l.doc),
  }));
  if (!rows.length) return;
  await sql.run(
    `INSERT INTO event_links SELECT event_id, kind, target, doc::JSON
     FROM (SELECT unnest(json_transform($1, '[{"event_id":"VARCHAR","kind":"VARCHAR","target":"VARCHAR","doc":"VARCHAR"}]'), recursive := true))
     ON CONFLICT (event_id, kind, target) DO UPDATE SET doc = excluded.doc`,
    [JSON.stringify(rows)],
  );
}

const BULK_MIN = 20;

/**
 * Many creates in three statements: rows travel as one JSON parameter that DuckDB unnests,
 * instead of thousands of single-row INSERTs (the seed's STOP import: ~2,000 events).
 */
async function bulkCreate(tx: Sql, writes: EventWrite[]): Promise<void> {
  const ids = JSON.stringify(writes.map((w) => w.record.id));
  const taken = await tx.all<{ id: string; revision: number }>(
    `SELECT id, revision FROM events WHERE id IN (SELECT unnest(json_transform($1, '["VARCHAR"]')))`,
    [ids],
  );
  if (taken[0]) throw new AppError('CONFLICT', `event ${taken[0].id} already exists (revision ${taken[0].revision})`, { details: { id: taken[0].id } });
  const events = writes.map(({ record: r }) => ({
    id: r.id,
    doc: JSON.stringify(r.doc),
    category: r.category,
    subtype: r.subtype,
    countries: r.countries,
    regions: r.regions,
    start_at: r.startAt,
    end_at: r.endAt,
    status: r.status,
    revision: r.revision,
    origin: r.origin,
    search: r.search,
    updated_at: r.updatedAt,
  }));
  await tx.run(
    `INSERT INTO events SELECT id, doc::JSON, category, subtype, countries, regions, start_at::TIMESTAMPTZ, end_at::TIMESTAMPTZ,
       status, revision, origin, search, updated_at::TIMESTAMPTZ
     FROM (SELECT unnest(json_transform($1, '[{"id":"VARCHAR","doc":"VARCHAR","category":"VARCHAR","subtype":"VARCHAR",
       "countries":["VARCHAR"],"regions":["VARCHAR"],"start_at":"VARCHAR","end_at":"VARCHAR","status":"VARCHAR","revision":"INTEGER",
       "origin":"VARCHAR","search":"VARCHAR","updated_at":"VARCHAR"}]'), recursive := true))`,
    [JSON.stringify(events)],
  );
  const revisions = writes.map(({ revision: v }) => ({
    event_id: v.eventId,
    revision: v.revision,
    action: v.action,
    actor: v.actor,
    reason: v.reason,
    revised_at: v.at,
    previous: v.previous === null ? null : JSON.stringify(v.previous),
    current: JSON.stringify(v.current),
  }));
  await tx.run(
    `INSERT INTO event_revisions SELECT event_id, revision, action, actor, reason, revised_at::TIMESTAMPTZ, previous::JSON, current::JSON
     FROM (SELECT unnest(json_transform($1, '[{"event_id":"VARCHAR","revision":"INTEGER","action":"VARCHAR","actor":"VARCHAR",
       "reason":"VARCHAR","revised_at":"VARCHAR","previous":"VARCHAR","current":"VARCHAR"}]'), recursive := true))`,
    [JSON.stringify(revisions)],
  );
  const links = writes
    .flatMap((w) => w.links ?? [])
    .map((l) => ({ event_id: l.eventId, kind: l.kind, target: l.target, doc: l.doc === null ? null : JSON.stringify(l.doc) }));
  if (links.length) {
    await tx.run(
      `INSERT INTO event_links SELECT DISTINCT event_id, kind, target, doc::JSON
       FROM (SELECT unnest(json_transform($1, '[{"event_id":"VARCHAR","kind":"VARCHAR","target":"VARCHAR","doc":"VARCHAR"}]'), recursive := true))
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(links)],
    );
  }
}

const toLink = (r: Row): EventLinkRecord => ({
  eventId: r.event_id as string,
  kind: r.kind as string,
  target: r.target as string,
  doc: r.doc === null ? null : parseJson(r.doc),
});

export function duckLedgerRepo(db: DuckDb): LedgerRepo {
  return {
    async getEvent(id) {
      const rows = await db.cachedAll(`SELECT ${EVENT_COLS} FROM events WHERE id = $1`, [id]);
      return rows[0] ? toEvent(rows[0]) : null;
    },
    async getEvents(ids) {
      if (!ids.length) return [];
      const rows = await db.all(`SELECT ${EVENT_COLS} FROM events WHERE id IN (SELECT unnest(json_transform($1, '["VARCHAR"]')))`, [JSON.stringify(ids)]);
      return rows.map(toEvent);
    },
    async listEvents(q) {
      const w = where(q);
      const rows = await db.cachedAll(
        `SELECT ${EVENT_COLS} FROM events WHERE ${w.sql} ORDER BY start_at DESC, id ASC LIMIT ${Math.max(1, Math.floor(q.limit))}`,
        w.params,
      );
      return rows.map(toEvent);
    },
    async listChanged(q) {
      const w = where(q);
      const rows = await db.cachedAll(
        `SELECT ${EVENT_COLS} FROM events WHERE ${w.sql} ORDER BY updated_at DESC, start_at DESC, id ASC LIMIT ${Math.max(1, Math.floor(q.limit))}`,
        w.params,
      );
      return rows.map(toEvent);
    },
    async countEvents(q) {
      const w = where(q);
      const rows = await db.cachedAll<{ n: number }>(`SELECT count(*) AS n FROM events WHERE ${w.sql}`, w.params);
      return rows[0]?.n ?? 0;
    },
    async countEventsBy(q) {
      const w = where(q);
      // The year is read from the event's own start field (YYYY...), not from a time zone.
      const rows = await db.all(
        `SELECT country, category, CAST(left(doc->>'start', 4) AS INTEGER) AS year, count(*) AS n
         FROM (SELECT unnest(countries) AS country, category, doc FROM events WHERE ${w.sql})
         GROUP BY ALL ORDER BY country, category, year`,
        w.params,
      );
      // With a country filter, an event's other countries are not part of the answer.
      return rows
        .map((r) => ({ country: r.country as string, category: r.category as string, year: Number(r.year), count: Number(r.n) }))
        .filter((r) => !q.country || r.country === q.country);
    },
    writeEvents: (writes, also = {}) =>
      db.tx(async (tx) => {
        const creates = writes.filter((w) => w.expectedRevision === null);
        if (creates.length >= BULK_MIN) await bulkCreate(tx, creates);
        for (const w of creates.length >= BULK_MIN ? writes.filter((x) => x.expectedRevision !== null) : writes) await writeOne(tx, w);
        for (const r of also.replaceLinks ?? []) await tx.run('DELETE FROM event_links WHERE event_id = $1 AND kind = $2', [r.eventId, r.kind]);
        const links = also.links ?? [];
        await upsertLinks(tx, links);
        const r = also.rejects;
        if (r) await replaceRejectsIn(tx, r.importKind, r.sourceFile, r.records);
        await db.pauseInTx('ledger.events', `events=${writes.length} links=${links.length}${r ? ` rejects=${r.records.length}` : ''}`);
      }),
    async listRevisions(id) {
      const rows = await db.all(
        `SELECT event_id, revision, action, actor, reason, revised_at, previous::VARCHAR AS previous, current::VARCHAR AS current
         FROM event_revisions WHERE event_id = $1 ORDER BY revision`,
        [id],
      );
      return rows.map((r): RevisionRecord => ({
        eventId: r.event_id as string,
        revision: r.revision as number,
        action: r.action as string,
        actor: r.actor as string,
        reason: (r.reason as string | null) ?? null,
        at: r.revised_at as string,
        previous: r.previous === null ? null : parseJson(r.previous),
        current: parseJson(r.current),
      }));
    },
    async listLinks(id) {
      const rows = await db.cachedAll('SELECT event_id, kind, target, doc::VARCHAR AS doc FROM event_links WHERE event_id = $1 ORDER BY kind, target', [id]);
      return rows.map(toLink);
    },
    async linksOfKind(kind) {
      const rows = await db.all('SELECT event_id, kind, target, doc::VARCHAR AS doc FROM event_links WHERE kind = $1', [kind]);
      return rows.map(toLink);
    },
    addLinks: (links) =>
      db.tx(async (tx) => {
        for (const l of links) await insertLink(tx, l);
      }),
    putLinks: (links) => upsertLinks(db, links),
    upsertIndicators: (series, values, retire = []) =>
      db.tx(async (tx) => {
        for (const r of retire) {
          if (!r.seriesIds.length || !r.locators.length) continue;
          await tx.run(
            `DELETE FROM indicator_values WHERE period = $1
               AND series_id IN (SELECT unnest(json_transform($2, '["VARCHAR"]')))
               AND coalesce(doc->>'$.source.locator', '') IN (SELECT unnest(json_transform($3, '["VARCHAR"]')))`,
            [r.period, JSON.stringify(r.seriesIds), JSON.stringify(r.locators)],
          );
        }
        for (const s of series) {
          await tx.run('DELETE FROM indicator_series WHERE id = $1', [s.id]);
          await tx.run('INSERT INTO indicator_series VALUES ($1, $2::JSON, $3, $4)', [s.id, JSON.stringify(s.doc), s.country, s.origin]);
        }
        // One statement for all values (rows travel as one JSON parameter): a per-row upsert costs
        // ~2.5 ms here, so the registry's daily series (~15,000 values) took 35 s. Last value per key wins.
        const latest = [...new Map(values.map((v) => [`${v.seriesId}\u0000${v.valueKey}`, v])).values()];
        if (latest.length === 0) return;
        const rows = latest.map((v) => ({ series_id: v.seriesId, value_key: v.valueKey, period: v.period, value: v.value, doc: JSON.stringify(v.doc) }));
        // A value replaces the stored value of its series and period from the same source (url,
        // published date and locator): that is the source corrected or counted again, not a
        // second source disagreeing, which stays beside it.
        const text = (x: unknown) => (typeof x === 'string' ? x : '');
        const sources = latest.map((v) => {
          const src = (v.doc.source ?? {}) as Record<string, unknown>;
          return {
            series_id: v.seriesId,
            value_key: v.valueKey,
            period: v.period,
            url: text(src.url),
            published: text(src.published),
            locator: text(src.locator),
          };
        });
        await tx.run(
          `DELETE FROM indicator_values AS v WHERE EXISTS (
             SELECT 1 FROM (SELECT unnest(json_transform($1, '[{"series_id":"VARCHAR","value_key":"VARCHAR","period":"VARCHAR","url":"VARCHAR","published":"VARCHAR","locator":"VARCHAR"}]'), recursive := true)) AS n
             WHERE v.series_id = n.series_id AND v.period = n.period AND v.value_key <> n.value_key
               AND coalesce(v.doc->>'$.source.url', '') = n.url AND coalesce(v.doc->>'$.source.published', '') = n.published
               AND coalesce(v.doc->>'$.source.locator', '') = n.locator)`,
          [JSON.stringify(sources)],
        );
        await tx.run(
          `INSERT INTO indicator_values SELECT series_id, value_key, period, value, doc::JSON
           FROM (SELECT unnest(json_transform($1, '[{"series_id":"VARCHAR","value_key":"VARCHAR","period":"VARCHAR","value":"DOUBLE","doc":"VARCHAR"}]'), recursive := true))
           ON CONFLICT (series_id, value_key) DO UPDATE SET period = excluded.period, value = excluded.value, doc = excluded.doc`,
          [JSON.stringify(rows)],
        );
      }),
    async listIndicatorSeries(f) {
      const params: Param[] = [];
      const conds: string[] = [];
      if (f.country) conds.push(`country = $${params.push(f.country)}`);
      if (f.id) conds.push(`id = $${params.push(f.id)}`);
      const rows = await db.all(
        `SELECT id, doc::VARCHAR AS doc, country, origin FROM indicator_series ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY id`,
        params,
      );
      return rows.map((r) => ({ id: r.id as string, doc: parseJson(r.doc), country: (r.country as string | null) ?? null, origin: r.origin as string }));
    },
    async listIndicatorValues(ids) {
      if (ids.length === 0) return [];
      const rows = await db.all(
        `SELECT series_id, value_key, period, value, doc::VARCHAR AS doc FROM indicator_values
         WHERE series_id IN (SELECT unnest(json_transform($1, '["VARCHAR"]'))) ORDER BY series_id, period, value_key`,
        [JSON.stringify(ids)],
      );
      return rows.map((r): IndicatorValueRecord => ({
        seriesId: r.series_id as string,
        valueKey: r.value_key as string,
        period: r.period as string,
        value: r.value as number,
        doc: parseJson(r.doc),
      }));
    },
    replaceRejects: (kind, file, rejects) => db.tx((tx) => replaceRejectsIn(tx, kind, file, rejects)),
    async listRejects(kind, file) {
      const rows = await db.all(
        `SELECT import_kind, source_file, line, reason, raw FROM import_rejects WHERE import_kind = $1 ${file ? 'AND source_file = $2' : ''} ORDER BY source_file, line`,
        file ? [kind, file] : [kind],
      );
      return rows.map((r): RejectRecord => ({
        importKind: r.import_kind as string,
        sourceFile: r.source_file as string,
        line: r.line as number,
        reason: r.reason as string,
        raw: (r.raw as string | null) ?? null,
      }));
    },
  };
}
