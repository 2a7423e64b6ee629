/**
 * Signal files -> points and rejects. Accepts CSV (with a header naming the fields, or IODA's
 * headerless `datasource,value,asn,as_name,timestamp`), a JSON array of records, NDJSON, and
 * IODA's API answer (`{"data": [[{entityType, entityCode, datasource, from, step, values}]]}`).
 * Every record is stored or rejected with its line (CSV, NDJSON; a CSV record whose quoted field
 * holds a line break is one record, at the line it starts on) or record number (JSON) and a
 * reason; duplicates of a point are rejected naming the line that holds it; missing values are
 * kept as missing; with a declared grain, a record off its bin boundary is a reject. Nothing here reads files or the clock: the caller passes text and "now".
 */
import { canonicalSource } from './sources.js';
import { csvRecords } from './csv-records.js';
import { FUTURE_TOLERANCE_MS } from '../shared/index.js';
import type { SignalPointRecord } from '../store/index.js';
import { entityOf, fieldOf, IODA_COLUMNS, textOf, timeOf, valueOf, type Field, type Raw } from './fields.js';

export interface SignalReject {
  line: number;
  reason: string;
  raw: string | null;
  /** The series and time the rejected record names, when both could be read (a count file's zero-fill leaves that bin empty). */
  at?: Pick<SignalPointRecord, 'source' | 'entity_type' | 'entity_code' | 't'>;
}

export interface ParsedSignals {
  format: 'csv' | 'csv-ioda' | 'json' | 'ndjson' | 'ioda-api';
  records_read: number;
  points: SignalPointRecord[];
  rejects: SignalReject[];
  missing: number;
  out_of_order: number;
}

export interface ParseOptions {
  /** Stored as the point's source_file. */
  file: string;
  /** Data source name for records that carry none (e.g. OONI counts: "ooni_measurements"). */
  source?: string;
  /** Country of entities that carry none (e.g. an ASN series). */
  cc?: string;
  nowMs: number;
  /** How far past "now" a timestamp may lie (clock skew, a bin in progress); default FUTURE_TOLERANCE_MS. */
  futureToleranceMs?: number;
  /** The file's declared grain: a record whose timestamp is not the start of a UTC day (hour) is rejected. */
  bin?: 'day' | 'hour';
}

const OFF_BIN: Record<'day' | 'hour', { ms: number; says: string }> = {
  day: { ms: 86_400_000, says: 'is not a UTC midnight: a day bin starts at 00:00 UTC' },
  hour: { ms: 3_600_000, says: 'is not on a whole UTC hour: an hour bin starts at minute 0' },
};

/** Split one CSV record (RFC 4180 quotes; a quoted line break is kept, ./csv-records.ts). */
export function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

class Collector {
  readonly points: SignalPointRecord[] = [];
  readonly rejects: SignalReject[] = [];
  missing = 0;
  outOfOrder = 0;
  read = 0;
  private readonly seen = new Map<string, { line: number; value: number | null }>();
  private readonly lastT = new Map<string, string>();
  /** The country a series' first record gave, and its line: a series has one country. */
  private readonly seriesCc = new Map<string, { cc: string; line: number }>();
  constructor(private readonly o: ParseOptions) {}

  add(r: Raw, line: number, raw: string | null, where = `line ${line}`): void {
    this.read++;
    let at: SignalReject['at'] = undefined; // set once the record's series and time are read
    const reject = (reason: string): void => {
      this.rejects.push({ line, reason: `${where}: ${reason}`, raw, ...(at ? { at } : {}) });
    };
    const named = textOf(r.source) ?? this.o.source ?? null;
    if (!named) return reject('no data source: add a datasource column or pass --source');
    if (!/^[a-z0-9][a-z0-9_.:-]{0,63}$/i.test(named)) return reject(`data source "${named}" must be letters, digits, _ . : - (at most 64)`);
    const source = canonicalSource(named);
    const entity = entityOf(r, this.o.cc);
    if (entity instanceof Error) return reject(entity.message);
    const t = timeOf(r.timestamp, this.o.nowMs, this.o.futureToleranceMs ?? FUTURE_TOLERANCE_MS);
    if (t instanceof Error) return reject(t.message);
    at = { source, entity_type: entity.entity_type, entity_code: entity.entity_code, t };
    if (this.o.bin && Date.parse(t) % OFF_BIN[this.o.bin].ms !== 0)
      return reject(`timestamp ${JSON.stringify(textOf(r.timestamp))} ${OFF_BIN[this.o.bin].says}`);
    const value = valueOf(r.value);
    if (value instanceof Error) return reject(value.message);
    const series = `${source}\u0000${entity.entity_type}\u0000${entity.entity_code}`;
    if (entity.cc !== null) {
      const first = this.seriesCc.get(series);
      if (first && first.cc !== entity.cc)
        return reject(`${entity.entity_code} is in ${first.cc} on line ${first.line} and in ${entity.cc} here: a series has one country (the first is kept)`);
      if (!first) this.seriesCc.set(series, { cc: entity.cc, line });
    }
    const key = `${series}\u0000${t}`;
    const prev = this.seen.get(key);
    if (prev) {
      reject(
        prev.value === value
          ? `duplicate of line ${prev.line} (same series and time)`
          : `conflicts with line ${prev.line} (same series and time, value ${prev.value} there, ${value} here): the first is kept`,
      );
      return;
    }
    this.seen.set(key, { line, value });
    const last = this.lastT.get(series);
    if (last !== undefined && t < last) this.outOfOrder++;
    else this.lastT.set(series, t);
    if (value === null) this.missing++;
    this.points.push({ source, ...entity, t, value, entity_name: textOf(r.name), source_file: this.o.file, line });
  }
}

/**
 * Why a CSV file's header cannot be read, or null: a header that names one field in two columns
 * (`value` and `count`, `cc` twice) leaves which column holds the value to a guess, so the file
 * is refused whole, naming them.
 */
export function csvHeaderProblem(text: string): string | null {
  const body = text.replace(/^\uFEFF/, '');
  const head = body.trimStart()[0];
  if (head === '[' || head === '{') return null;
  const { first, hasHeader } = csvHeader(body.split(/\r?\n/)[0] ?? '');
  if (!hasHeader) return null;
  const twice = fieldsNamedTwice(first);
  return twice.length ? `line 1: the header gives ${twice.join(' and ')}: one field in two columns, so which to read is ambiguous; nothing was stored` : null;
}

/** A CSV file's first line read as a header: it is one when it names at least two fields, the time among them. */
function csvHeader(line: string): { first: string[]; named: (Field | undefined)[]; hasHeader: boolean } {
  const first = splitCsv(line);
  const named = first.map(fieldOf);
  return { first, named, hasHeader: named.filter(Boolean).length >= 2 && named.includes('timestamp') };
}

function parseCsv(text: string, c: Collector): ParsedSignals['format'] {
  const records = csvRecords(text);
  const { named, hasHeader } = csvHeader(records[0]?.text ?? '');
  const columns: (Field | undefined)[] = hasHeader ? named : IODA_COLUMNS;
  for (let k = hasHeader ? 1 : 0; k < records.length; k++) {
    const { line: n, text: rec } = records[k]!;
    if (rec.trim() === '') continue;
    const cells = splitCsv(rec);
    if (cells.length !== columns.length) {
      c.read++;
      c.rejects.push({
        line: n,
        reason: `line ${n}: ${cells.length} fields, expected ${columns.length}${hasHeader ? ' (as the header)' : ' (IODA: datasource,value,asn,as_name,timestamp)'}`,
        raw: rec.slice(0, 500),
      });
      continue;
    }
    const r: Raw = {};
    columns.forEach((f, j) => {
      if (f) r[f] = cells[j];
    });
    c.add(r, n, rec.slice(0, 500));
  }
  return hasHeader ? 'csv' : 'csv-ioda';
}

/** Fields named by more than one of `names` (a CSV header or a record's keys with values), as "value (value, count)". */
export function fieldsNamedTwice(names: readonly string[]): string[] {
  const by = new Map<Field, string[]>();
  for (const n of names) {
    const f = fieldOf(n);
    if (f) by.set(f, [...(by.get(f) ?? []), n]);
  }
  return [...by].filter(([, ns]) => ns.length > 1).map(([f, ns]) => `${f} (${ns.map((n) => JSON.stringify(n)).join(', ')})`);
}

const rawOf = (o: Record<string, unknown>): Raw => {
  const r: Raw = {};
  for (const [k, v] of Object.entries(o)) {
    const f = fieldOf(k);
    if (f && r[f] === undefined) r[f] = v;
  }
  return r;
};

/** Add a JSON record; one that gives a field under two keys is a reject naming them, never read from either. */
function addObject(c: Collector, o: Record<string, unknown>, line: number, raw: string | null, where = `line ${line}`): void {
  const twice = fieldsNamedTwice(Object.keys(o).filter((k) => o[k] !== undefined && o[k] !== null));
  if (twice.length === 0) return c.add(rawOf(o), line, raw, where);
  c.read++;
  c.rejects.push({ line, reason: `${where}: gives ${twice.join(' and ')}: one field under two names, so which to read is ambiguous`, raw });
}

/** IODA API v2: series objects with from/step/values, possibly nested one level in arrays. */
function parseIodaApi(doc: { data: unknown }, c: Collector): void {
  const series = (Array.isArray(doc.data) ? doc.data : [doc.data]).flat(2) as Record<string, unknown>[];
  series.forEach((s, si) => {
    const values = Array.isArray(s.values) ? (s.values as unknown[]) : null;
    const from = Number(s.from);
    const step = Number(s.step);
    const where = `data series ${si}`;
    if (!values || !Number.isFinite(from) || !(step > 0)) {
      c.read++;
      c.rejects.push({ line: si + 1, reason: `${where}: needs values[], from (Unix seconds) and step (seconds > 0)`, raw: JSON.stringify(s).slice(0, 500) });
      return;
    }
    const base: Raw = rawOf({ ...s, values: undefined, from: undefined });
    const type = typeof s.entityType === 'string' ? s.entityType.toLowerCase() : '';
    if (type) Object.assign(base, { entity_type: type, entity_code: s.entityCode });
    values.forEach((v, vi) => c.add({ ...base, value: v, timestamp: String(from + vi * step) }, si + 1, null, `${where} values[${vi}]`));
  });
}

export function parseSignals(text: string, o: ParseOptions): ParsedSignals {
  const c = new Collector(o);
  const body = text.replace(/^\uFEFF/, '');
  const head = body.trimStart()[0];
  let format: ParsedSignals['format'];
  if (head === '[' || head === '{') {
    let doc: unknown;
    try {
      doc = JSON.parse(body);
    } catch {
      doc = undefined;
    }
    if (doc === undefined) {
      format = 'ndjson';
      body.split(/\r?\n/).forEach((line, i) => {
        if (!line.trim()) return;
        try {
          const obj = JSON.parse(line) as unknown;
          if (obj && typeof obj === 'object' && !Array.isArray(obj)) addObject(c, obj as Record<string, unknown>, i + 1, line.slice(0, 500));
          else throw new Error('not an object');
        } catch (e) {
          c.read++;
          c.rejects.push({ line: i + 1, reason: `line ${i + 1}: not a JSON object (${(e as Error).message})`, raw: line.slice(0, 500) });
        }
      });
    } else if (Array.isArray(doc)) {
      format = 'json';
      doc.forEach((obj, i) => {
        if (obj && typeof obj === 'object' && !Array.isArray(obj)) addObject(c, obj as Record<string, unknown>, i + 1, null, `record ${i + 1}`);
        else {
          c.read++;
          c.rejects.push({ line: i + 1, reason: `record ${i + 1}: not an object`, raw: JSON.stringify(obj)?.slice(0, 500) ?? null });
        }
      });
    } else if (doc && typeof doc === 'object' && 'data' in doc) {
      format = 'ioda-api';
      parseIodaApi(doc, c);
    } else {
      format = 'ndjson';
      addObject(c, doc as Record<string, unknown>, 1, body.slice(0, 500));
    }
  } else format = parseCsv(body, c);
  return { format, records_read: c.read, points: c.points, rejects: c.rejects, missing: c.missing, out_of_order: c.outOfOrder };
}
