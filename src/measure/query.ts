/**
 * Reading measurements back: the cell summary ("is Telegram blocked on Rostelecom this week?"),
 * the per-measurement list, one measurement with its raw JSON (re-read from its source file),
 * networks per country, and the method/source note every figure carries.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { check } from '../op/index.js';
import { AppError, isValidTimeBound, TIME_BOUND_FORMS, timeBoundEnd, timeBoundStart } from '../shared/index.js';
import type { CellRecord, MeasurementFilter, MeasurementRecord, Store } from '../store/index.js';
import { STATUSES, type Envelope } from './model.js';
import { gunzipFile } from './reader/gzip-members.js';
import { parseMeasurement } from './reader/parse.js';
import { RULES_VERSION } from './verdict/index.js';

export interface QueryInput {
  cc?: string;
  asn?: string;
  test_name?: string;
  target?: string;
  since?: string;
  until?: string;
  status?: string;
}

export const METHOD =
  'OONI raw measurements, each scored by our per-layer rules (docs/design/020-measurement-pipeline.md) and by OONI fastpath-compatible flags; ' +
  'cells count measurements per (time bucket, probe_cc, probe_asn, test_name, target). ok_count/anomaly_count/confirmed_count/failure_count are mutually exclusive as in OONI MAT.';
export const SOURCE = 'OONI (Open Observatory of Network Interference) measurements, CC BY-NC-SA 4.0, https://ooni.org/data';

const ts = (iso: Date) => iso.toISOString().replace('T', ' ').slice(0, 23);

/** Validate and normalise filters: ASN as AS<n>, dates to inclusive UTC bounds. */
export function toFilter(q: QueryInput): MeasurementFilter {
  const issues: { path: string[]; message: string }[] = [];
  for (const k of ['since', 'until'] as const) if (q[k] && !isValidTimeBound(q[k])) issues.push({ path: [k], message: `a date: ${TIME_BOUND_FORMS}` });
  const ccProblem = q.cc ? check.countryProblem(q.cc, true) : null;
  if (ccProblem) issues.push({ path: ['cc'], message: ccProblem });
  if (q.asn && !/^(AS)?\d+$/i.test(q.asn)) issues.push({ path: ['asn'], message: 'an AS number, e.g. AS12389' });
  if (q.status && !(STATUSES as readonly string[]).includes(q.status)) issues.push({ path: ['status'], message: `one of ${STATUSES.join(', ')}` });
  if (issues.length) throw new AppError('VALIDATION', `invalid filter: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { issues });
  return {
    probe_cc: q.cc?.toUpperCase(),
    probe_asn: q.asn ? `AS${q.asn.replace(/^AS/i, '')}` : undefined,
    test_name: q.test_name,
    target: q.target?.toLowerCase().replace(/^www\./, ''),
    since: q.since ? ts(timeBoundStart(q.since)) : undefined,
    until: q.until ? ts(timeBoundEnd(q.until)) : undefined,
    status: q.status,
  };
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
] as const;
type Counts = Record<(typeof COUNT_KEYS)[number], number> & { mechanisms: Record<string, number>; examples: Record<string, string> };

/** The counts of a group of cells; `mechanisms` lists the most frequent first (ties by name). */
export function foldCells(cells: CellRecord[]): Counts {
  const out = Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as unknown as Counts;
  out.mechanisms = {};
  out.examples = {};
  for (const c of cells) {
    for (const k of COUNT_KEYS) out[k] += c[k];
    for (const [m, n] of Object.entries(c.mechanisms)) out.mechanisms[m] = (out.mechanisms[m] ?? 0) + n;
    for (const [s, id] of Object.entries(c.examples)) out.examples[s] ??= id;
  }
  // one key order on every store, whatever order its cells came in: count descending, then name (byte order)
  const byCount = Object.entries(out.mechanisms).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  out.mechanisms = Object.fromEntries(byCount);
  return out;
}

const CELL_MS = { day: 86_400_000, hour: 3_600_000 } as const;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const msOf = (t: string) => Date.parse(`${t.replace(' ', 'T')}Z`);

/**
 * The whole cells a filter's window touches: since moved back to the start of its cell, until
 * moved on to the end of its cell (given as the next cell's start, exclusive). `widened` says
 * whether either bound moved, so a window inside a cell counts that cell's measurements and says
 * which period they cover, never 0 for measurements the listing shows.
 */
export function cellWindow(filter: MeasurementFilter, grain: 'day' | 'hour') {
  const size = CELL_MS[grain];
  const start = filter.since ? msOf(filter.since) : null;
  const endExcl = filter.until ? msOf(filter.until) + 1 : null;
  const from = start === null ? null : Math.floor(start / size) * size;
  const to = endExcl === null ? null : Math.ceil(endExcl / size) * size;
  return { since: from === null ? null : iso(from), until: to === null ? null : iso(to), widened: from !== start || to !== endExcl };
}

export async function measurementSummary(deps: { store: Store }, q: QueryInput & { grain?: 'day' | 'hour' }) {
  const filter = toFilter(q);
  const grain = q.grain ?? 'day';
  const window = cellWindow(filter, grain);
  const cellSince = window.since ? ts(new Date(window.since)) : undefined;
  const cells = await deps.store.measure.cells({ ...filter, since: cellSince, grain });
  const groups = new Map<string, CellRecord[]>();
  for (const c of cells) {
    const k = `${c.probe_cc}|${c.test_name}|${c.target}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  const byTarget = [...groups.values()].map((g) => ({
    probe_cc: g[0]!.probe_cc,
    test_name: g[0]!.test_name,
    target: g[0]!.target,
    networks: new Set(g.map((c) => c.probe_asn)).size,
    ...foldCells(g),
  }));
  byTarget.sort((a, b) => b.anomaly_count + b.confirmed_count - (a.anomaly_count + a.confirmed_count) || b.n - a.n || a.target.localeCompare(b.target));
  const buckets = cells.map((c) => c.bucket).sort();
  return {
    filters: { ...filter, grain },
    window,
    totals: foldCells(cells),
    by_target: byTarget,
    cells,
    method: METHOD,
    source: SOURCE,
    data_vintage: { first_bucket: buckets[0] ?? null, last_bucket: buckets.at(-1) ?? null },
    rules_version: RULES_VERSION,
  };
}

/** The list row shape: exactly the issue's fields plus target and network name. */
export const LIST_FIELDS = [
  'id',
  'report_id',
  'input',
  'probe_cc',
  'probe_asn',
  'probe_network_name',
  'test_name',
  'target',
  'measurement_start_time',
  'anomaly',
  'confirmed',
  'failure',
  'status',
  'layers',
  'mechanism',
  'rules',
] as const;

export const listRow = (m: MeasurementRecord) => Object.fromEntries(LIST_FIELDS.map((k) => [k, m[k]])) as Pick<MeasurementRecord, (typeof LIST_FIELDS)[number]>;

/** The store's key for a page boundary (the cursor carries the ISO time as sent). */
const afterMeasurement = ({ key, id }: { key: string; id: string }) => ({ start: key.replace('T', ' ').replace('Z', ''), id });

export async function listMeasurements(deps: { store: Store }, q: QueryInput & { limit?: number; cursor?: string }) {
  const limit = q.limit ?? 100;
  const rows = await deps.store.measure.list({
    ...toFilter(q),
    limit: limit + 1,
    after: q.cursor ? afterMeasurement(check.decodeCursor(q.cursor)) : undefined,
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map(listRow),
    next_cursor: rows.length > limit && page.length ? check.encodeCursor(page.at(-1)!.measurement_start_time, page.at(-1)!.id) : null,
    source: SOURCE,
  };
}

/** Read the raw line back: plain files by offset, gzip by streaming to the offset. */
export async function readRawLine(path: string, offset: number, length: number): Promise<string> {
  if (!path.endsWith('.gz')) {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(length);
      await fh.read(buf, 0, length, offset);
      return buf.toString('utf8');
    } finally {
      await fh.close();
    }
  }
  const parts: Buffer[] = [];
  let pos = 0;
  for await (const chunk of gunzipFile(path)) {
    const end = pos + chunk.length;
    if (end > offset) parts.push(chunk.subarray(Math.max(0, offset - pos), Math.min(chunk.length, offset + length - pos)));
    pos = end;
    if (pos >= offset + length) break;
  }
  return Buffer.concat(parts).toString('utf8');
}

/** sha256 of a file's bytes, as ingest records it in the manifest (reader/line-source.ts). */
async function sha256Of(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) h.update(chunk);
  return h.digest('hex');
}

const ENVELOPE_FIELDS = [
  'report_id',
  'measurement_uid',
  'test_name',
  'input',
  'measurement_start_time',
  'probe_cc',
  'probe_asn',
  'probe_network_name',
  'resolver_asn',
  'test_version',
  'software_name',
  'software_version',
  'platform',
] as const satisfies readonly (keyof Envelope)[];

/** The first envelope field where the re-read line differs from the stored row, as "field is X, stored Y"; null when all agree. */
function envelopeDifference(stored: MeasurementRecord, text: string): string | null {
  const p = parseMeasurement(text);
  if (!p.ok) return `it does not read as a measurement (${p.reason}: ${p.detail.slice(0, 80)})`;
  const instant = (v: string) => Date.parse(`${v.replace(' ', 'T').replace(/Z$/, '')}Z`);
  for (const k of ENVELOPE_FIELDS) {
    const a = stored[k];
    const b = p.value.envelope[k];
    const same = k === 'measurement_start_time' ? instant(String(a)) === instant(String(b)) : (a ?? null) === (b ?? null);
    if (!same) return `its ${k} is ${JSON.stringify(b)}, stored ${JSON.stringify(a)}`;
  }
  return null;
}

/** A file system error saying the path names nothing (any more). */
const gone = (e: unknown): boolean => ['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '');

/**
 * One measurement with its raw line re-read from the source file. The raw is given only when
 * the file still holds the bytes that were ingested: its sha256 is the manifest's (for a file
 * read to the end), and the line at the recorded place carries the stored envelope. Otherwise raw
 * is null and raw_error says the source changed, or that the file is no longer there (never a bare
 * system error).
 */
export async function showMeasurement(deps: { store: Store }, id: string) {
  const m = await deps.store.measure.get(id);
  if (!m) throw new AppError('NOT_FOUND', `no measurement ${id}`);
  let raw: unknown = null;
  let raw_error: string | null = null;
  if (!m.path) raw_error = 'the source file is not in the ingest manifest';
  else {
    try {
      await stat(m.path);
      const changed = (why: string) => new Error(`the source file changed since it was ingested: ${why}`);
      const file = await deps.store.measure.getFile(m.file_id);
      if (file?.status === 'done' && file.checksum && (await sha256Of(m.path)) !== file.checksum)
        throw changed(`its sha256 is no longer the ${file.checksum.slice(0, 12)}… recorded then`);
      const text = await readRawLine(m.path, m.byte_offset, m.byte_length);
      const differs = envelopeDifference(m, text);
      if (differs) throw changed(`the record at the recorded place is another measurement (${differs})`);
      raw = JSON.parse(text) as unknown;
    } catch (e) {
      raw_error = gone(e)
        ? `raw measurement unavailable: its source file ${m.path} is no longer there (moved or deleted since it was ingested; a file sent as an upload is removed once imported), so only the stored verdict and evidence remain`
        : `raw measurement unavailable from ${m.path}: ${(e as Error).message}`;
    }
  }
  return { ...m, raw, raw_error, source: SOURCE, rules_version: RULES_VERSION };
}

export async function listNetworks(deps: { store: Store }, q: { cc?: string }) {
  const f = toFilter({ cc: q.cc });
  return { items: await deps.store.measure.networks({ probe_cc: f.probe_cc }), source: SOURCE };
}
