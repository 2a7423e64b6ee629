/**
 * ClickHouse implementation of the register's snapshots, files, entries and ranges (migration
 * 004); the daily size series and the IPv4-to-AS table are small and stay in the embedded store.
 * Every read first resolves the committed files (registry_files FINAL whose snapshot exists),
 * then reads only their generations, so an unfinished import is never seen. Ranges come back
 * from every shard merged in (first, last) order; the address-space union (src/registry) runs
 * over that one ordered stream, so ranges that overlap across shards are counted once.
 */
import type { RegistryFileRecord, RegistryMatchRecord, RegistryRepo, RegistrySnapshotRecord, RejectList } from '../types.js';
import { toMatchRecord } from '../contracts/registry.js';
import type { ChContext } from './context.js';
import { inList, Sql, sql } from './sql.js';
import { chWriteFile, snapshotRow } from './registry-write.js';

type ChRegistry = Omit<RegistryRepo, 'replaceDailyStats' | 'listDailyStats' | 'asnMeta' | 'loadAsnCsv' | 'asnTable'>;

interface Committed {
  id: number;
  gen: number;
  snapshotId: string;
  sourceFile: string;
  doc: string;
  importedAt: string;
  dumpAt: string;
}

const toSnapshot = (r: Record<string, unknown>): RegistrySnapshotRecord => ({
  id: r.id as string,
  dumpAt: r.dump_at as string,
  timeBasis: r.time_basis as string,
  kind: r.kind as string,
  complete: Boolean(Number(r.complete)),
  lowerBound: Boolean(Number(r.lower_bound)),
  doc: JSON.parse(r.doc as string) as Record<string, unknown>,
  updatedAt: r.updated_at as string,
});

const big = (hi: string | number, lo: string | number) => (BigInt(hi) << 64n) | BigInt(lo);
const MASK64 = (1n << 64n) - 1n;
/** A row count for LIMIT (at least 1); no limit is every row. */
const limitOf = (n?: number) => (n === undefined ? Number.MAX_SAFE_INTEGER : Math.max(1, Math.floor(n)));
type Hit = { family: 4 | 6; first: bigint; prefix: number };

/** `writeRejects` stores a file's rejects list (in the embedded file) before the file is made visible. */
export function chRegistryRepo(ctx: ChContext, writeRejects?: (l: RejectList) => Promise<void>): ChRegistry {
  const snapshots = ctx.table('registry_snapshots');
  const files = ctx.table('registry_files');
  const entries = ctx.table('registry_entries');
  const ranges = ctx.table('registry_ranges');

  const listSnapshots = async () => (await ctx.node.all<Record<string, unknown>>(sql`SELECT * FROM ${snapshots} FINAL ORDER BY dump_at, id`)).map(toSnapshot);

  /** Committed files (of one snapshot), in (dump time, source file) order. */
  const committed = async (snapshotId?: string): Promise<Committed[]> => {
    const [snaps, rows] = await Promise.all([
      listSnapshots(),
      ctx.node.all<{ id: number; gen: number; snapshot_id: string; source_file: string; doc: string; imported_at: string }>(
        sql`SELECT id, gen, snapshot_id, source_file, doc, imported_at FROM ${files} FINAL ${snapshotId === undefined ? new Sql('') : sql`WHERE snapshot_id = ${snapshotId}`}`,
      ),
    ]);
    const dumpAt = new Map(snaps.map((s) => [s.id, s.dumpAt]));
    return rows
      .filter((r) => dumpAt.has(r.snapshot_id))
      .map((r) => ({
        id: Number(r.id),
        gen: Number(r.gen),
        snapshotId: r.snapshot_id,
        sourceFile: r.source_file,
        doc: r.doc,
        importedAt: r.imported_at,
        dumpAt: dumpAt.get(r.snapshot_id)!,
      }))
      .sort((a, b) => (a.dumpAt < b.dumpAt ? -1 : a.dumpAt > b.dumpAt ? 1 : a.sourceFile < b.sourceFile ? -1 : a.sourceFile > b.sourceFile ? 1 : 0));
  };

  const gensOf = (fs: Committed[]) => inList(fs.map((f) => f.gen));

  /** Entries matching `cond` in (dump time, source file, line) order, with where they came from. */
  const matches = async (cond: Sql, limit: number | undefined, hits?: Map<string, Hit[]>): Promise<RegistryMatchRecord[]> => {
    const fs = await committed();
    if (!fs.length) return [];
    const byGen = new Map(fs.map((f) => [f.gen, f]));
    const rank = sql`transform(gen, ${fs.map((f) => f.gen)}, ${fs.map((_, i) => i)}, 0)`;
    const rows = await ctx.node.all<Record<string, unknown>>(
      sql`SELECT gen, line, ips, domain, urls, decision_body, decision_number, decision_date FROM ${entries}
          WHERE gen IN ${gensOf(fs)} AND ${cond} ORDER BY ${rank}, line LIMIT ${limitOf(limit)}`,
    );
    const out = rows.flatMap((r): RegistryMatchRecord[] => {
      const f = byGen.get(Number(r.gen))!;
      // An address lookup gives one match per containing range, as a join of ranges with entries would.
      return hits ? (hits.get(`${Number(r.gen)}|${Number(r.line)}`) ?? []).map((range) => toMatchRecord(r, f, range)) : [toMatchRecord(r, f, null)];
    });
    return out.slice(0, limitOf(limit));
  };

  const decisionCond = (decision?: readonly string[]) => (decision === undefined ? new Sql('1') : sql`decision_number IN ${inList(decision)}`);

  return {
    writeFile: chWriteFile(ctx, writeRejects),
    async upsertSnapshot(s) {
      await ctx.insert('registry_snapshots', [snapshotRow(s)]);
    },
    listSnapshots,
    async listFiles(snapshotId) {
      const fs = await committed(snapshotId);
      return fs
        .map((f): RegistryFileRecord => ({
          id: f.id,
          snapshotId: f.snapshotId,
          sourceFile: f.sourceFile,
          doc: JSON.parse(f.doc) as Record<string, unknown>,
          importedAt: f.importedAt,
        }))
        .sort((a, b) =>
          a.snapshotId < b.snapshotId ? -1 : a.snapshotId > b.snapshotId ? 1 : a.sourceFile < b.sourceFile ? -1 : a.sourceFile > b.sourceFile ? 1 : 0,
        );
    },
    async ipv4Ranges(snapshotId, decision) {
      const fs = await committed(snapshotId);
      const empty = { first: new Float64Array(0), last: new Float64Array(0), key: new Int32Array(0), keys: [] };
      if (!fs.length) return empty;
      const keys = await ctx.node.tuples<[string, string, string]>(
        sql`SELECT DISTINCT decision_number, decision_body, ifNull(decision_date, '') AS d FROM ${entries}
            WHERE gen IN ${gensOf(fs)} AND ${decisionCond(decision)} ORDER BY decision_number, decision_body, d`,
      );
      const index = new Map(keys.map((k, i) => [k.join('\t'), i]));
      const rows = await ctx.node.tuples<[number, number, string, string, string]>(
        sql`SELECT first_lo, last_lo, decision_number, decision_body, ifNull(decision_date, '') FROM ${ranges}
            WHERE gen IN ${gensOf(fs)} AND family = 4 AND ${decisionCond(decision)} ORDER BY first_lo, last_lo`,
      );
      const first = new Float64Array(rows.length);
      const last = new Float64Array(rows.length);
      const key = new Int32Array(rows.length);
      rows.forEach((r, i) => {
        first[i] = Number(r[0]);
        last[i] = Number(r[1]);
        key[i] = index.get(`${r[2]}\t${r[3]}\t${r[4]}`) ?? -1;
      });
      return { first, last, key, keys: keys.map(([n, b, d]) => ({ decisionNumber: n, decisionBody: b, decisionDate: d || null })) };
    },
    async ipv6Ranges(snapshotId, decision) {
      const fs = await committed(snapshotId);
      if (!fs.length) return [];
      const rows = await ctx.node.tuples<[string, string, string, string, string]>(
        sql`SELECT toString(first_hi), toString(first_lo), toString(last_hi), toString(last_lo), decision_number FROM ${ranges}
            WHERE gen IN ${gensOf(fs)} AND family = 6 AND ${decisionCond(decision)} ORDER BY first_hi, first_lo, last_hi, last_lo`,
      );
      return rows.map((r) => ({ first: big(r[0], r[1]), last: big(r[2], r[3]), decisionNumber: r[4] }));
    },
    async decisionCounts(snapshotId) {
      const fs = await committed(snapshotId);
      if (!fs.length) return [];
      const rows = await ctx.node.all<Record<string, unknown>>(
        sql`SELECT decision_number, decision_body, decision_date, count() AS entries, countIf(domain != '') AS with_domain,
              countIf(urls != '') AS with_urls, countIf(ips != '') AS with_ips
            FROM ${entries} WHERE gen IN ${gensOf(fs)}
            GROUP BY decision_number, decision_body, decision_date ORDER BY entries DESC, decision_number, decision_body, decision_date`,
      );
      return rows.map((r) => ({
        decisionNumber: r.decision_number as string,
        decisionBody: r.decision_body as string,
        decisionDate: (r.decision_date as string | null) ?? null,
        entries: Number(r.entries),
        withDomain: Number(r.with_domain),
        withUrls: Number(r.with_urls),
        withIps: Number(r.with_ips),
      }));
    },
    async ipLiteralDomains(snapshotId) {
      const fs = await committed(snapshotId);
      if (!fs.length) return [];
      return ctx.node.all<{ domain: string; decisionNumber: string }>(
        sql`SELECT DISTINCT domain, decision_number AS decisionNumber FROM ${entries}
            WHERE gen IN ${gensOf(fs)} AND match(domain, '^[0-9]{1,3}([.][0-9]{1,3}){3}$') ORDER BY domain, decisionNumber`,
      );
    },
    async findAddress(family, value, limit) {
      const fs = await committed();
      if (!fs.length) return [];
      const [hi, lo] = [(value >> 64n).toString(), (value & MASK64).toString()];
      const at = sql`(toUInt64(${new Sql(hi)}), toUInt64(${new Sql(lo)}))`;
      const hits = await ctx.node.tuples<[number, number, number, string, string, number]>(
        sql`SELECT gen, line, family, toString(first_hi), toString(first_lo), prefix FROM ${ranges}
            WHERE gen IN ${gensOf(fs)} AND family = ${family} AND (first_hi, first_lo) <= ${at} AND (last_hi, last_lo) >= ${at}`,
      );
      if (!hits.length) return [];
      const byEntry = new Map<string, Hit[]>();
      for (const h of hits.sort((a, b) => Number(a[5]) - Number(b[5]) || (big(a[3], a[4]) < big(b[3], b[4]) ? -1 : 1))) {
        const k = `${Number(h[0])}|${Number(h[1])}`;
        byEntry.set(k, [...(byEntry.get(k) ?? []), { family: Number(h[2]) as 4 | 6, first: big(h[3], h[4]), prefix: Number(h[5]) }]);
      }
      const pairs = new Sql(`(${[...byEntry.keys()].map((k) => `(${k.replace('|', ', ')})`).join(', ')})`);
      return matches(sql`(gen, line) IN ${pairs}`, limit, byEntry);
    },
    async findDomain(domain, limit) {
      const parents = domain
        .split('.')
        .map((_, i, parts) => `*.${parts.slice(i + 1).join('.')}`)
        .filter((d) => d !== '*.');
      // A stored domain is compared without its trailing root dot(s), as DuckDB's rtrim(d, '.') does.
      const stored = new Sql(`replaceRegexpOne(lowerUTF8(domain), '[.]+$', '')`);
      return matches(sql`(${stored} = ${domain.toLowerCase()} OR ${stored} IN ${inList(parents.map((p) => p.toLowerCase()))})`, limit);
    },
    decisionEntries: (decisionNumbers, limit) => matches(sql`decision_number IN ${inList(decisionNumbers)}`, limit),
  };
}
