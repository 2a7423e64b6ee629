/**
 * Day cells read from the aggregates every shard maintains at insert (migration 007): per (day,
 * country, network, test, target, status, mechanism, flags) the exact set of measurement ids, so a
 * measurement stored twice (two ingests at once) counts once. Each shard counts its own sets;
 * the counts are added and folded here into the same CellRecord the read-time GROUP BY over the
 * measurements gives (counts, mechanisms, the smallest id per status, distinct reports), in the
 * same order. Only the small aggregate table is read, not the measurements with FINAL.
 */
import type { CellRecord, MeasurementFilter } from '../types.js';
import type { ChContext } from './context.js';
import { join, Sql, sql } from './sql.js';
import { timeCmp } from './time.js';

/** Cells per answer, as the read-time query. */
const MAX_CELLS = 100_000;

function where(f: MeasurementFilter): Sql {
  const c: Sql[] = [new Sql('1')];
  if (f.probe_cc) c.push(sql`probe_cc = ${f.probe_cc}`);
  if (f.probe_asn) c.push(sql`probe_asn = ${f.probe_asn}`);
  if (f.test_name) c.push(sql`test_name = ${f.test_name}`);
  if (f.target) c.push(sql`target = ${f.target}`);
  if (f.since) c.push(timeCmp(new Sql('day'), '>=', f.since));
  if (f.until) c.push(timeCmp(new Sql('day'), '<=', f.until));
  return join(c, ' AND ');
}

const CELL = 'day, probe_cc, probe_asn, test_name, target';
const BUCKET = new Sql(`concat(replaceOne(toString(day), ' ', 'T'), 'Z') AS bucket`);

type Part = [string, string, string, string, string, string, string, number, number, number, number, string | number, string];

export async function dayCells(ctx: ChContext, f: MeasurementFilter): Promise<CellRecord[]> {
  const t = ctx.table('day_cells');
  const w = where(f);
  const [parts, reports] = await Promise.all([
    // Each shard counts its own sets and returns numbers (no merge on the initiator): all copies of
    // an id share a shard (sharding key cityHash64(id)), so the shards' counts add up exactly.
    ctx.node.tuples<Part>(sql`SELECT ${BUCKET}, probe_cc, probe_asn, test_name, target, status, mech, has_mech, failure, confirmed, anomaly,
        uniqExactMerge(ids) AS c, minMerge(example) AS ex
      FROM ${t} WHERE ${w}
      GROUP BY ${new Sql(CELL)}, status, mech, has_mech, failure, confirmed, anomaly SETTINGS distributed_group_by_no_merge = 1`),
    // A report's measurements sit on several shards: its sets are merged on the initiator.

    ctx.node.tuples<[string, string, string, string, string, string | number]>(
      sql`SELECT ${BUCKET}, probe_cc, probe_asn, test_name, target, uniqExactMerge(reports) FROM ${t} WHERE ${w} GROUP BY ${new Sql(CELL)}`,
    ),
  ]);
  const key = (r: readonly unknown[]) => `${r[0] as string}|${r[1] as string}|${r[2] as string}|${r[3] as string}|${r[4] as string}`;
  const distinctReports = new Map(reports.map((r) => [key(r), Number(r[5])]));
  const cells = new Map<string, CellRecord>();
  for (const p of parts) {
    const k = key(p);
    let cell = cells.get(k);
    if (!cell) {
      cell = {
        grain: 'day',
        bucket: p[0],
        probe_cc: p[1],
        probe_asn: p[2],
        test_name: p[3],
        target: p[4],
        n: 0,
        ok: 0,
        blocked: 0,
        likely_blocked: 0,
        down: 0,
        invalid: 0,
        insufficient: 0,
        ok_count: 0,
        anomaly_count: 0,
        confirmed_count: 0,
        failure_count: 0,
        reports: distinctReports.get(k) ?? 0,
        mechanisms: {},
        examples: {},
      };
      cells.set(k, cell);
    }
    const [status, mechanism, hasMechanism, failure, confirmed, anomaly] = [p[5], p[6], Number(p[7]), Number(p[8]), Number(p[9]), Number(p[10])];
    const c = Number(p[11]);
    cell.n += c;
    if (status === 'ok' || status === 'blocked' || status === 'likely_blocked' || status === 'down' || status === 'invalid' || status === 'insufficient')
      cell[status] += c;
    if (failure) cell.failure_count += c;
    else if (confirmed) cell.confirmed_count += c;
    else if (anomaly) cell.anomaly_count += c;
    else cell.ok_count += c;
    if (hasMechanism) cell.mechanisms[mechanism] = (cell.mechanisms[mechanism] ?? 0) + c;
    const ex = cell.examples[status];
    if (ex === undefined || p[12] < ex) cell.examples[status] = p[12];
  }
  return [...cells.values()].sort(byCell).slice(0, MAX_CELLS);
}

/** Byte order of the UTF-8 text, as ClickHouse's ORDER BY on String. */
const text = (a: string, b: string) => (a === b ? 0 : Buffer.compare(Buffer.from(a), Buffer.from(b)));
const byCell = (a: CellRecord, b: CellRecord) =>
  text(a.bucket, b.bucket) || text(a.probe_cc, b.probe_cc) || text(a.probe_asn, b.probe_asn) || text(a.test_name, b.test_name) || text(a.target, b.target);
