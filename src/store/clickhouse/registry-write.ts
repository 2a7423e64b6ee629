/**
 * Writing one registry file on the cluster without transactions. Each import writes under a
 * fresh generation: the generation is recorded first, then the entries and ranges (inserts
 * synchronous on every shard), then the file's row, which makes the generation visible, then
 * the snapshot. A failure or a kill before the file's row leaves only invisible rows; the next
 * import of the same file deletes them, with the generation it replaces. Readers never see a
 * half-written file: they read only generations named by registry_files (registry-repo.ts), and
 * only files whose snapshot row exists.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import type { RegistryDumpLoad, RegistryDumpRows, RegistryEntryRow, RegistryRangeRow, RegistryRepo, RegistrySnapshotRecord, RejectList } from '../types.js';
import type { ChContext } from './context.js';
import { pauseAt } from '../pause.js';
import { inList, sql } from './sql.js';
import { laterWins } from './time.js';

/** Rows per insert: one synchronous insert on every shard per batch. */
const BATCH = 50_000;
const TWO64 = 1n << 64n;
const MASK64 = TWO64 - 1n;

export function snapshotRow(s: RegistrySnapshotRecord): Record<string, unknown> {
  return {
    id: s.id,
    dump_at: new Date(s.dumpAt).toISOString(),
    time_basis: s.timeBasis,
    kind: s.kind,
    complete: s.complete ? 1 : 0,
    lower_bound: s.lowerBound ? 1 : 0,
    doc: JSON.stringify(s.doc),
    updated_at: new Date(s.updatedAt).toISOString(),
    ver: laterWins(),
  };
}

/** Batches entries and ranges of one generation into synchronous inserts. */
class GenWriter {
  private entries: Record<string, unknown>[] = [];
  private ranges: Record<string, unknown>[] = [];
  private decisions = new Map<number, RegistryEntryRow>();
  constructor(
    private readonly ctx: ChContext,
    readonly gen: number,
  ) {}

  entry(e: RegistryEntryRow): void {
    this.decisions.set(e.line, e);
    this.entries.push({
      gen: this.gen,
      line: e.line,
      ips: e.ips,
      domain: e.domain,
      urls: e.urls,
      decision_body: e.decisionBody,
      decision_number: e.decisionNumber,
      decision_date: e.decisionDate,
    });
  }

  /** A range of an entry already given to entry() (it carries that entry's decision). */
  range(r: RegistryRangeRow): void {
    const e = this.decisions.get(r.line);
    this.ranges.push({
      gen: this.gen,
      line: r.line,
      family: r.family,
      first_hi: (r.first >> 64n).toString(),
      first_lo: (r.first & MASK64).toString(),
      last_hi: (r.last >> 64n).toString(),
      last_lo: (r.last & MASK64).toString(),
      prefix: r.prefix,
      decision_body: e?.decisionBody ?? '',
      decision_number: e?.decisionNumber ?? '',
      decision_date: e?.decisionDate ?? null,
    });
  }

  get full(): boolean {
    return this.entries.length + this.ranges.length >= BATCH;
  }

  async flush(): Promise<void> {
    const [entries, ranges] = [this.entries, this.ranges];
    this.entries = [];
    this.ranges = [];
    this.decisions.clear();
    await this.ctx.insert('registry_entries', entries);
    await this.ctx.insert('registry_ranges', ranges);
  }
}

/** Lines of a text file, numbered from 0. */
async function* textLines(path: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  yield* rl;
}

interface Candidate {
  line: number;
  ips: string;
  domain: string;
  urls: string;
  body: string;
  num: string;
  date: string;
}

/** The candidate entries of a staged dump, in the order of its parts (see RegistryDumpRows). */
async function* candidates(d: RegistryDumpRows): AsyncGenerator<Candidate> {
  for await (const part of d.parts) {
    if (part.kind === 'verbatim') {
      let line = part.firstLine;
      for await (const text of textLines(part.path)) {
        const f = text.split(';');
        if (f.length === 6 && f[3] !== '') yield { line, ips: f[0]!, domain: f[1]!, urls: f[2]!, body: f[3]!, num: f[4]!, date: f[5]! };
        line++;
      }
    } else {
      const parser = createReadStream(part.path, { encoding: 'utf8' }).pipe(parse({ delimiter: ';', quote: '"', escape: '"', relax_column_count: false }));
      for await (const f of parser as AsyncIterable<string[]>) {
        yield { line: Number(f[0]), ips: f[1]!, domain: f[2]!, urls: f[3]!, body: f[4]!, num: f[5]!, date: f[6]! };
      }
    }
  }
}

/** Load a staged dump: every token parsed by the domain's parser, entries with a token that is not an address returned, not stored. */
async function loadDump(w: GenWriter, d: RegistryDumpRows): Promise<RegistryDumpLoad> {
  const out: RegistryDumpLoad = { stored: 0, ipv4: 0, ipv6: 0, cidr: 0, hostBits: 0, badIps: [] };
  for await (const c of candidates(d)) {
    const parsed = c.ips === '' ? [] : c.ips.split(' | ').map((t) => d.parseToken(t));
    if (parsed.some((p) => p === null)) {
      out.badIps.push({ line: c.line, ips: c.ips });
      continue;
    }
    w.entry({
      line: c.line,
      ips: c.ips,
      domain: c.domain,
      urls: c.urls,
      decisionBody: c.body,
      decisionNumber: c.num,
      decisionDate: c.date === '' ? null : c.date,
    });
    out.stored++;
    for (const p of parsed) {
      const { family, first, last, prefix, hostBits } = p!;
      w.range({ line: c.line, family, first, last, prefix });
      if (family === 4) out.ipv4++;
      else out.ipv6++;
      if (prefix < (family === 4 ? 32 : 128)) out.cidr++;
      if (hostBits) out.hostBits++;
    }
    if (w.full) await w.flush();
  }
  await w.flush();
  out.badIps.sort((a, b) => a.line - b.line);
  return out;
}

/** Delete the rows of the given generations on every shard (waited for). */
export async function dropGenerations(ctx: ChContext, gens: number[]): Promise<void> {
  if (!gens.length) return;
  for (const t of ['registry_entries', 'registry_ranges', 'registry_generations'])
    await ctx.mutateEverywhere(sql`ALTER TABLE ${ctx.local(t)} DELETE WHERE gen IN ${inList(gens)}`);
}

export const chWriteFile =
  (ctx: ChContext, writeRejects?: (l: RejectList) => Promise<void>): RegistryRepo['writeFile'] =>
  async (snapshot, sourceFile, importedAt, fill) => {
    const gen = laterWins();
    const key = sql`snapshot_id = ${snapshot.id} AND source_file = ${sourceFile}`;
    await ctx.insert('registry_generations', [{ snapshot_id: snapshot.id, source_file: sourceFile, gen, started_at: importedAt }]);
    const w = new GenWriter(ctx, gen);
    let out: Awaited<ReturnType<typeof fill>>;
    try {
      let rowWise = false;
      out = await fill({
        entry: (e) => void ((rowWise = true), w.entry(e)),
        range: (r) => void ((rowWise = true), w.range(r)),
        loadDumpRows: (d) => loadDump(w, d),
      });
      if (rowWise) await w.flush();
      // The rejects list (embedded file) before the row that makes the file visible: a kill in
      // between leaves the file unrecorded, so the rerun imports it again and writes both.
      if (out.rejects && writeRejects) await writeRejects(out.rejects);
      await pauseAt('registry.file', `file=${sourceFile} gen=${gen}`);
      const others = await ctx.node.all<{ id: number }>(sql`SELECT id FROM ${ctx.table('registry_files')} FINAL WHERE NOT (${key})`);
      const id = Math.max(0, ...others.map((o) => Number(o.id))) + 1;
      await ctx.insert('registry_files', [
        { snapshot_id: snapshot.id, source_file: sourceFile, id, gen, doc: JSON.stringify(out.doc), imported_at: new Date(importedAt).toISOString() },
      ]);
      await ctx.insert('registry_snapshots', [snapshotRow(snapshot)]);
    } catch (e) {
      await dropGenerations(ctx, [gen]).catch(() => undefined);
      throw e;
    }
    // Only older generations (never visible again); a newer one may be another import of this file still writing.
    const stale = await ctx.node.all<{ gen: number }>(sql`SELECT gen FROM ${ctx.table('registry_generations')} WHERE ${key} AND gen < ${gen}`);
    await dropGenerations(
      ctx,
      stale.map((s) => Number(s.gen)),
    );
    return out.result;
  };
