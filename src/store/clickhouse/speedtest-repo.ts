/**
 * ClickHouse implementation of SpeedTestRepo. A re-import of a file writes its rows under a new
 * generation (migration 005), then the file's marker naming that generation, and only then
 * deletes the replaced generation (a mutation on every shard, waited for): a re-import that
 * fails or is killed leaves the previous version visible, and readers read only the latest
 * committed generation of each file, so they never see a file half-written. The
 * per-day counts and medians are computed here in the same arithmetic as src/detect/throttle.ts
 * (medians as (a + b) / 2 of the sorted middle pair), from rows the cluster returns in
 * (country, network, time, dataset, file, line) order.
 */
import type { RejectList, SpeedTestDays, SpeedTestFilter, SpeedTestPoint, SpeedTestRepo, SpeedTestSourceRecord } from '../types.js';
import type { ChContext } from './context.js';
import { inList, join, Sql, sql } from './sql.js';
import { chTime, laterWins, timeCmp } from './time.js';

/** Rows of committed generations only: each file's latest marker (markers of one file may sit on several shards). */
const committed = (db: Sql) => sql`(dataset, source_file, gen) GLOBAL IN (SELECT dataset, source_file, max(gen) FROM ${db} GROUP BY dataset, source_file)`;

function whereOf(f: SpeedTestFilter, visible: Sql): Sql {
  const c: Sql[] = [visible, new Sql('as_country IS NOT NULL AND asn IS NOT NULL')];
  if (f.dataset) c.push(sql`dataset = ${f.dataset}`);
  if (f.datasets) c.push(sql`dataset IN ${inList(f.datasets)}`);
  if (f.cc) c.push(sql`as_country = ${f.cc}`);
  if (f.asn !== undefined) c.push(sql`asn = ${f.asn}`);
  if (f.since) c.push(timeCmp(new Sql('datetime_rounded'), '>=', f.since));
  if (f.until) c.push(timeCmp(new Sql('datetime_rounded'), '<', f.until));
  return join(c, ' AND ');
}

const median = (xs: number[]): number | null => {
  const n = xs.length;
  if (!n) return null;
  const s = [...xs].sort((a, b) => a - b);
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
};

const ORDER = new Sql('ORDER BY as_country, asn, datetime_rounded, dataset, source_file, line');
const DAY = new Sql("formatDateTime(datetime_rounded, '%Y-%m-%d')");

/** `writeRejects` stores a file's rejects list (in the embedded file) before the file's rows are made visible. */
export function chSpeedTestRepo(ctx: ChContext, writeRejects?: (l: RejectList) => Promise<void>): SpeedTestRepo {
  const st = ctx.table('speedtest_rows');
  const visible = committed(ctx.table('speedtest_files'));
  const where = (f: SpeedTestFilter) => whereOf(f, visible);
  return {
    async upsertSource(s) {
      await ctx.insert('speedtest_sources', [
        {
          dataset: s.dataset,
          name: s.name,
          url: s.url,
          licence: s.licence,
          attribution: s.attribution,
          target_host: s.targetHost,
          control_note: s.controlNote,
          path: s.path,
          imported_at: s.importedAt,
          ver: laterWins(),
        },
      ]);
    },
    async replaceFile(dataset, file, rows, rejects, sha256) {
      const key = sql`dataset = ${dataset} AND source_file = ${file}`;
      const before = await ctx.node.all<{ n: number }>(sql`SELECT count() AS n FROM ${st} WHERE ${visible} AND ${key}`);
      const gen = laterWins();
      for (let i = 0; i < rows.length; i += 50_000) {
        await ctx.insert(
          'speedtest_rows',
          rows.slice(i, i + 50_000).map((r) => ({ ...r, dataset, source_file: file, gen, datetime_rounded: chTime(r.datetime_rounded) })),
        );
      }
      if (rejects && writeRejects) await writeRejects(rejects);
      await ctx.insert('speedtest_files', [{ dataset, source_file: file, gen, sha256: sha256 ?? '' }]);
      // Only older generations: they can never be the file's latest marker again. A newer one may be
      // another import of this file still writing, whose rows must stay.
      const stale = await ctx.node.all<{ n: number }>(sql`SELECT count() AS n FROM ${st} WHERE ${key} AND gen < ${gen}`);
      if (Number(stale[0]?.n)) await ctx.mutateEverywhere(sql`ALTER TABLE ${ctx.local('speedtest_rows')} DELETE WHERE ${key} AND gen < ${gen}`);
      return { previous: Number(before[0]?.n ?? 0) };
    },
    async fileWithHash(sha256) {
      // each file's latest marker: the hash its visible rows were read from
      const rows = await ctx.node.all<{ dataset: string; source_file: string }>(
        sql`SELECT dataset, source_file FROM ${ctx.table('speedtest_files')} GROUP BY dataset, source_file HAVING argMax(sha256, gen) = ${sha256} ORDER BY dataset, source_file LIMIT 1`,
      );
      return rows[0] ? { dataset: rows[0].dataset, sourceFile: rows[0].source_file } : null;
    },
    async filesWithoutHash() {
      const rows = await ctx.node.all<{ dataset: string; source_file: string; path: string; imported_at: string }>(
        sql`SELECT f.dataset AS dataset, f.source_file AS source_file, s.path AS path, s.imported_at AS imported_at
            FROM (SELECT dataset, source_file FROM ${ctx.table('speedtest_files')} GROUP BY dataset, source_file HAVING argMax(sha256, gen) = '') AS f
            INNER JOIN (SELECT dataset, argMax(path, ver) AS path, toString(argMax(imported_at, ver)) AS imported_at FROM ${ctx.table('speedtest_sources')} GROUP BY dataset) AS s
            ON s.dataset = f.dataset ORDER BY dataset, source_file`,
      );
      return rows.map((r) => ({ dataset: r.dataset, sourceFile: r.source_file, path: r.path, importedAt: r.imported_at }));
    },
    async recordHash(dataset, file, sha256) {
      // the file's markers without a hash (its latest among them) take it; its rows stay as they are
      await ctx.mutateEverywhere(
        sql`ALTER TABLE ${ctx.local('speedtest_files')} UPDATE sha256 = ${sha256} WHERE dataset = ${dataset} AND source_file = ${file} AND sha256 = ''`,
      );
    },
    async listSources() {
      const rows = await ctx.node.all<Record<string, string | null>>(sql`SELECT * FROM ${ctx.table('speedtest_sources')} FINAL ORDER BY dataset`);
      return rows.map((r): SpeedTestSourceRecord => ({
        dataset: r.dataset!,
        name: r.name!,
        url: r.url ?? null,
        licence: r.licence!,
        attribution: r.attribution ?? null,
        targetHost: r.target_host ?? null,
        controlNote: r.control_note ?? null,
        path: r.path!,
        importedAt: r.imported_at!,
      }));
    },
    async points(f) {
      return ctx.node.all<SpeedTestPoint>(sql`SELECT dataset, as_country, asn, as_organization, ${DAY} AS day, test_result, control_result, control_taco_result
        FROM ${st} WHERE ${where(f)} ${ORDER}`);
    },
    async days(f, p) {
      const rows = await ctx.node.all<Omit<SpeedTestPoint, 'dataset' | 'control_taco_result'>>(
        sql`SELECT as_country, asn, as_organization, ${DAY} AS day, test_result, control_result FROM ${st} WHERE ${where(f)} ${ORDER}`,
      );
      interface Cell {
        as_country: string;
        asn: number;
        day: string;
        name: string | null;
        read: number;
        n: number;
        k: number;
        tr: number[];
        cr: number[];
      }
      const cells = new Map<string, Cell>();
      for (const r of rows) {
        const key = `${r.as_country}|${r.asn}|${r.day}`;
        let c = cells.get(key);
        if (!c) cells.set(key, (c = { as_country: r.as_country, asn: Number(r.asn), day: r.day, name: null, read: 0, n: 0, k: 0, tr: [], cr: [] }));
        if (c.name === null && r.as_organization) c.name = r.as_organization;
        c.read++;
        if (r.control_result >= p.minControlKbps) {
          c.n++;
          if (r.test_result <= p.maxRatio * r.control_result) c.k++;
          c.tr.push(r.test_result);
          c.cr.push(r.control_result);
        }
      }
      const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
      const days: SpeedTestDays['days'] = [...cells.values()]
        .sort((x, y) => cmp(x.as_country, y.as_country) || x.asn - y.asn || cmp(x.day, y.day))
        .map((c) => ({
          as_country: c.as_country,
          asn: c.asn,
          day: c.day,
          as_name: c.name,
          n_read: c.read,
          n: c.n,
          k: c.k,
          median_target: median(c.tr),
          median_control: median(c.cr),
        }));
      const ds = await ctx.node.all<{ dataset: string }>(sql`SELECT DISTINCT dataset FROM ${st} WHERE ${where(f)} ORDER BY dataset`);
      return { days, datasets: ds.map((d) => d.dataset) };
    },
    async count(dataset) {
      const r = await ctx.node.all<{ total: number; unattributed: number }>(
        sql`SELECT count() AS total, countIf(as_country IS NULL OR asn IS NULL) AS unattributed FROM ${st} WHERE ${visible} ${dataset ? sql`AND dataset = ${dataset}` : new Sql('')}`,
      );
      return { total: Number(r[0]?.total ?? 0), unattributed: Number(r[0]?.unattributed ?? 0) };
    },
  };
}
