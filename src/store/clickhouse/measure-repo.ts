/**
 * ClickHouse implementation of MeasureRepo over the Distributed tables of migration 001.
 * Idempotence without transactions: a group first records its files as running, then stores
 * only the ids not already stored (asked of the cluster in chunks), then the rejects, and only
 * then marks files done; every insert is synchronous on all shards (insert_distributed_sync),
 * so a file is never "done" before its rows are on their shards. Reads use FINAL, so a copy
 * left by a crash between the check and the insert is never counted twice. Day cells come from
 * the aggregates each shard maintains at insert (migration 007, day-cells.ts), and rows found
 * already stored have their cells added again (idempotent, day-cell-repair.ts); hour cells are
 * computed at read time (GROUP BY over the shards).
 * File reading (readProjected) and fingerprints stay with the embedded store.
 */
import type { CellRecord, IngestFileRecord, MeasureRepo, MeasurementFilter, MeasurementRecord, MeasurementRejectRecord, NetworkRecord } from '../types.js';
import { chTime, firstWins, laterWins, timeCmp } from './time.js';
import { inList, join, Sql, sql, type Value } from './sql.js';
import type { ChContext } from './context.js';
import { dayCells } from './day-cells.js';
import { dayCellCounts, recountDayCells } from './day-cell-repair.js';

/** Ids per existence check: keeps each query well under max_query_size. */
const ID_CHUNK = 4000;

function where(f: MeasurementFilter, time: Sql): Sql {
  const c: Sql[] = [new Sql('1')];
  if (f.probe_cc) c.push(sql`probe_cc = ${f.probe_cc}`);
  if (f.probe_asn) c.push(sql`probe_asn = ${f.probe_asn}`);
  if (f.test_name) c.push(sql`test_name = ${f.test_name}`);
  if (f.target) c.push(sql`target = ${f.target}`);
  if (f.since) c.push(timeCmp(time, '>=', f.since));
  if (f.until) c.push(timeCmp(time, '<=', f.until));
  if (f.status) c.push(sql`status = ${f.status}`);
  return join(c, ' AND ');
}

const ISO = (col: string) => new Sql(`concat(replaceOne(toString(${col}), ' ', 'T'), 'Z')`);

const COLUMNS = new Sql(
  `id, measurement_uid, report_id, input, probe_cc, probe_asn, probe_network_name, resolver_asn, test_name, test_version, software_name, software_version, platform,
   ${ISO('measurement_start_time').text} AS measurement_start_time, target, anomaly, confirmed, failure, blocking_general, blocking_type, status, layers, mechanism, rules,
   evidence, file_id, line, byte_offset, byte_length, ingested_at`,
);

type Raw = Record<string, unknown>;
const toMeasurement = (r: Raw): MeasurementRecord & { ingested_at: string } => ({
  ...(r as unknown as MeasurementRecord & { ingested_at: string }),
  anomaly: Boolean(r.anomaly),
  confirmed: Boolean(r.confirmed),
  failure: Boolean(r.failure),
  evidence: JSON.parse(r.evidence as string) as unknown[],
});

const toFile = (r: Raw): IngestFileRecord => {
  const { ver: _ver, ...rest } = r;
  return rest as unknown as IngestFileRecord;
};

function fileRow(f: IngestFileRecord): Record<string, unknown> {
  return { ...f, ver: laterWins() };
}

function measurementRow(r: MeasurementRecord, ingestedAt: string, ver: number): Record<string, unknown> {
  return { ...r, measurement_start_time: chTime(r.measurement_start_time), evidence: JSON.stringify(r.evidence), ingested_at: ingestedAt, ver };
}

const COUNT_KEYS = [
  'n',
  'ok',
  'blocked',
  'likely_blocked',
  'down',
  'invalid',
  'insufficient',
  'ok_count',
  'anomaly_count',
  'confirmed_count',
  'failure_count',
  'reports',
] as const;

export function chMeasureRepo(ctx: ChContext, embedded: MeasureRepo): MeasureRepo {
  const t = (name: string) => ctx.table(name);
  /** started_at of files this process started, kept when the finish row replaces the start row. */
  const startedAt = new Map<string, string>();

  const existing = async (ids: string[]): Promise<Set<string>> => {
    const out = new Set<string>();
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const rows = await ctx.node.all<{ id: string }>(sql`SELECT id FROM ${t('measurements')} WHERE id IN ${inList(ids.slice(i, i + ID_CHUNK))}`);
      for (const r of rows) out.add(r.id);
    }
    return out;
  };

  const repo: MeasureRepo = {
    readProjected: (path, spec, opts) => embedded.readProjected(path, spec, opts),
    readParallelism: (n) => embedded.readParallelism(n),

    async getFile(fileId) {
      const rows = await ctx.node.all<Raw>(sql`SELECT * FROM ${t('ingest_files')} FINAL WHERE file_id = ${fileId}`);
      return rows[0] ? toFile(rows[0]) : null;
    },
    async filesOf(ids, paths) {
      if (!ids.length && !paths.length) return [];
      return (
        await ctx.node.all<Raw>(sql`SELECT * FROM ${t('ingest_files')} FINAL WHERE file_id IN ${inList(ids)} OR path IN ${inList(paths)} ORDER BY started_at`)
      ).map(toFile);
    },
    async listFiles(limit) {
      return (await ctx.node.all<Raw>(sql`SELECT * FROM ${t('ingest_files')} FINAL ORDER BY started_at DESC, path LIMIT ${limit}`)).map(toFile);
    },

    async writeGroup(b, now) {
      const ingestedAt = `${now.slice(0, 19)}Z`;
      if (b.start.length) {
        const ids = b.start.map((f) => f.file_id);
        const had = await ctx.node.all<{ n: number }>(sql`SELECT count() AS n FROM ${t('measurement_rejects')} WHERE file_id IN ${inList(ids)}`);
        if (Number(had[0]?.n)) await ctx.mutateEverywhere(sql`ALTER TABLE ${ctx.local('measurement_rejects')} DELETE WHERE file_id IN ${inList(ids)}`);
        for (const f of b.start) startedAt.set(f.file_id, f.started_at);
        await ctx.insert('ingest_files', b.start.map(fileRow));
      }
      let inserted: string[] = [];
      if (b.rows.length) {
        const have = await existing(b.rows.map((r) => r.id));
        const seen = new Set<string>();
        const fresh = b.rows.filter((r) => !have.has(r.id) && !seen.has(r.id) && Boolean(seen.add(r.id)));
        const ver = firstWins();
        await ctx.insert(
          'measurements',
          fresh.map((r) => measurementRow(r, ingestedAt, ver)),
        );
        inserted = fresh.map((r) => r.id);
        // rows found stored may lack their day cells (a shard stopped between the two writes)
        await recountDayCells(ctx, [...have]);
      }
      if (b.rejects.length) {
        const ver = laterWins();
        await ctx.insert(
          'measurement_rejects',
          b.rejects.map((j) => ({ ...j, ver })),
        );
      }
      if (b.finish.length)
        await ctx.insert(
          'ingest_files',
          b.finish.map((f) => fileRow({ ...f, started_at: startedAt.get(f.file_id) ?? f.started_at })),
        );
      return inserted;
    },
    async storedUids(ids) {
      const out: { id: string; measurement_uid: string | null }[] = [];
      for (let i = 0; i < ids.length; i += ID_CHUNK) {
        out.push(
          ...(await ctx.node.all<{ id: string; measurement_uid: string | null }>(
            sql`SELECT id, measurement_uid FROM ${t('measurements')} WHERE id IN ${inList(ids.slice(i, i + ID_CHUNK))}`,
          )),
        );
      }
      return out;
    },
    writeBatch: async (rows, rejects, now) => (await repo.writeGroup({ rows, rejects, start: [], finish: [] }, now)).length,
    refreshCells: () => Promise.resolve({ keys: 0, cells: 0 }),
    dayCellCounts: () => dayCellCounts(ctx),

    async cells(f) {
      if (f.grain === 'day') return dayCells(ctx, f);
      const grain = f.grain === 'hour' ? new Sql('toStartOfHour') : new Sql('toStartOfDay');
      const inner = sql`SELECT ${grain}(measurement_start_time) AS b, * FROM ${t('measurements')} FINAL WHERE ${where({ ...f, since: undefined, until: undefined, status: undefined }, new Sql('measurement_start_time'))}`;
      const outer = where({ since: f.since, until: f.until }, new Sql('b'));
      const key = new Sql('b, probe_cc, probe_asn, test_name, target');
      const [counts, mech, ex] = await Promise.all([
        ctx.node.all<Raw>(sql`SELECT ${ISO('b')} AS bucket, probe_cc, probe_asn, test_name, target, count() AS n,
            countIf(status = 'ok') AS ok, countIf(status = 'blocked') AS blocked, countIf(status = 'likely_blocked') AS likely_blocked,
            countIf(status = 'down') AS down, countIf(status = 'invalid') AS invalid, countIf(status = 'insufficient') AS insufficient,
            countIf(NOT failure AND NOT confirmed AND NOT anomaly) AS ok_count, countIf(NOT failure AND NOT confirmed AND anomaly) AS anomaly_count,
            countIf(NOT failure AND confirmed) AS confirmed_count, countIf(failure) AS failure_count, ifNull(uniqExact(report_id), 0) AS reports
          FROM (${inner}) WHERE ${outer} GROUP BY ${key} ORDER BY ${key} LIMIT 100000`),
        ctx.node.all<Raw>(sql`SELECT ${ISO('b')} AS bucket, probe_cc, probe_asn, test_name, target, assumeNotNull(mechanism) AS m, count() AS c
          FROM (${inner}) WHERE ${outer} AND mechanism IS NOT NULL GROUP BY ${key}, mechanism`),
        ctx.node.all<Raw>(sql`SELECT ${ISO('b')} AS bucket, probe_cc, probe_asn, test_name, target, status, min(id) AS id
          FROM (${inner}) WHERE ${outer} GROUP BY ${key}, status`),
      ]);
      const k = (r: Raw) => `${r.bucket as string}|${r.probe_cc as string}|${r.probe_asn as string}|${r.test_name as string}|${r.target as string}`;
      const mechanisms = new Map<string, Record<string, number>>();
      for (const r of mech) (mechanisms.get(k(r)) ?? mechanisms.set(k(r), {}).get(k(r))!)[r.m as string] = Number(r.c);
      const examples = new Map<string, Record<string, string>>();
      for (const r of ex) (examples.get(k(r)) ?? examples.set(k(r), {}).get(k(r))!)[r.status as string] = r.id as string;
      return counts.map((r): CellRecord => {
        const cell = { grain: f.grain, bucket: r.bucket, probe_cc: r.probe_cc, probe_asn: r.probe_asn, test_name: r.test_name, target: r.target } as CellRecord;
        for (const c of COUNT_KEYS) cell[c] = Number(r[c]);
        cell.mechanisms = mechanisms.get(k(r)) ?? {};
        cell.examples = examples.get(k(r)) ?? {};
        return cell;
      });
    },

    async list(f) {
      let w = where(f, new Sql('measurement_start_time'));
      if (f.after) {
        const at = chTime(f.after.start);
        w = sql`${w} AND (measurement_start_time < toDateTime(${at}, 'UTC') OR (measurement_start_time = toDateTime(${at}, 'UTC') AND id > ${f.after.id}))`;
      }
      // The ISO text is aliased to the column's own name: filter and limit inside, format outside.
      const rows = await ctx.node.all<Raw>(
        sql`SELECT ${COLUMNS} FROM (SELECT * FROM ${t('measurements')} FINAL WHERE ${w} ORDER BY measurement_start_time DESC, id LIMIT ${f.limit}) ORDER BY measurement_start_time DESC, id`,
      );
      return rows.map(toMeasurement);
    },
    async get(id) {
      const rows = await ctx.node.all<Raw>(sql`SELECT ${COLUMNS} FROM ${t('measurements')} FINAL WHERE id = ${id} LIMIT 1`);
      if (!rows[0]) return null;
      const m = toMeasurement(rows[0]);
      const file = await ctx.node.all<{ path: string }>(sql`SELECT path FROM ${t('ingest_files')} FINAL WHERE file_id = ${m.file_id}`);
      return { ...m, path: file[0]?.path ?? null };
    },
    async networks(f) {
      const rows = await ctx.node.all<Raw>(sql`SELECT probe_cc, probe_asn, arraySort(groupUniqArray(probe_network_name)) AS names, count() AS measurements,
          countIf(anomaly AND NOT confirmed AND NOT failure) AS anomaly_count, countIf(confirmed AND NOT failure) AS confirmed_count,
          ${ISO('min(measurement_start_time)')} AS first, ${ISO('max(measurement_start_time)')} AS last
        FROM ${t('measurements')} FINAL WHERE ${where({ probe_cc: f.probe_cc }, new Sql('measurement_start_time'))}
        GROUP BY probe_cc, probe_asn ORDER BY measurements DESC, probe_asn`);
      return rows.map(
        (r) =>
          ({
            ...r,
            names: (r.names as string[]).length ? r.names : null,
            measurements: Number(r.measurements),
            anomaly_count: Number(r.anomaly_count),
            confirmed_count: Number(r.confirmed_count),
          }) as unknown as NetworkRecord,
      );
    },
    async rejects(f) {
      const cond: Value = f.file_id ?? null;
      // `ver` is selected (and dropped below) because 18.16 loses the version column of a FINAL
      // read through a Distributed table that has ORDER BY or LIMIT and no WHERE unless the
      // query names it ("Cannot find column ver in source stream").
      const rows = await ctx.node.all<Raw>(
        cond === null
          ? sql`SELECT file_id, path, line, byte_offset, reason, detail, raw_prefix, ver FROM ${t('measurement_rejects')} FINAL ORDER BY path, line LIMIT ${f.limit}`
          : sql`SELECT file_id, path, line, byte_offset, reason, detail, raw_prefix, ver FROM ${t('measurement_rejects')} FINAL WHERE file_id = ${cond} ORDER BY line LIMIT ${f.limit}`,
      );
      return rows.map(({ ver: _ver, ...r }) => r) as unknown as MeasurementRejectRecord[];
    },
    async counts() {
      const [m, fl, rj] = await Promise.all([
        ctx.node.all<{ n: number; cells: number }>(sql`SELECT count() AS n,
            uniqExact(toStartOfDay(measurement_start_time), probe_cc, probe_asn, test_name, target) + uniqExact(toStartOfHour(measurement_start_time), probe_cc, probe_asn, test_name, target) AS cells
          FROM ${t('measurements')} FINAL`),
        ctx.node.all<{ n: number }>(sql`SELECT count() AS n FROM ${t('ingest_files')} FINAL`),
        ctx.node.all<{ n: number }>(sql`SELECT count() AS n FROM ${t('measurement_rejects')} FINAL`),
      ]);
      return { measurements: Number(m[0]?.n ?? 0), files: Number(fl[0]?.n ?? 0), rejects: Number(rj[0]?.n ?? 0), cells: Number(m[0]?.cells ?? 0) };
    },
    replaceFingerprints: (sets) => embedded.replaceFingerprints(sets),
    listFingerprints: () => embedded.listFingerprints(),
    fingerprintSources: () => embedded.fingerprintSources(),
  };
  return repo;
}
