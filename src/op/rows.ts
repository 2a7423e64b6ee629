/**
 * An op that answers with a list of rows (`Op.rows`) can also answer with that list as a file:
 * CSV, NDJSON or Parquet, on the CLI (`--format`, `--out`) and over HTTP (`?format=`), declared
 * once on the op. One flattening rule for every such file, the rule of the event exports:
 * - a plain value stays as it is; null or absent is an empty cell;
 * - a list of plain values is joined with "; ";
 * - an object, or a list holding objects, is JSON text (the JSON type in Parquet);
 * - the answer's own top-level fields named in `carry` (a method, a data vintage, a source) are
 *   repeated on every row, so a row copied out of the file still says where it came from.
 * Columns are the keys in the order they first appear, carried fields last. In Parquet a column
 * whose values are all numbers is BIGINT where the op's output schema declares a whole number
 * (counts, AS numbers), else DOUBLE; all booleans BOOLEAN; otherwise text.
 * A record kind that has an export of its own (events, measurements) declares its `table` once in
 * its domain: its list's CSV and Parquet files then have exactly that table's columns, cells and
 * Parquet types, the export's, whatever one page holds.
 * NDJSON keeps each row whole (nested values as they are), with the carried fields added.
 * An answer that is one page of a longer list (a non-null `next_cursor`) is a file of that page
 * only; `nextCursor` gives the cursor, and the CLI and HTTP say where the next page is.
 */
import { AppError, toCsv } from '../shared/index.js';
import type { ParquetColumn, TabularWriter } from '../store/index.js';

export const ROW_FORMATS = ['csv', 'ndjson', 'parquet'] as const;
export type RowFormat = (typeof ROW_FORMATS)[number];

/** Where an op's rows are in its answer, and which top-level fields every row carries. */
export interface RowsBinding {
  /** The list's key; a dotted path (`result.bins`) reaches a list inside an object of the answer. */
  key: string;
  carry?: readonly string[];
  /** A row's columns, for an output schema that does not declare them (a report). */
  columns?: readonly string[];
  /** The op whose answer is every row the same filters match, unpaged (an export), for a reader of one page. */
  export?: string;
  /** The flat form the record kind's export writes; its list's CSV and Parquet files use it too. */
  table?: FlatTable;
  /**
   * A page-size input a file answer defaults to its most (`all`), so a file asked for without
   * it holds every row, up to that; the answer's `total` then says whether the file was cut.
   */
  fileLimit?: { field: string; all: number };
  /**
   * The input key that makes the rows (`by` of a summary: without it the answer has no groups):
   * a file asked for without it is refused naming it (`fileWithout`), never written with no rows.
   */
  needs?: { key: string; values: readonly string[] };
}

/** A record kind's flat form, declared once in its domain for its list and its export alike. */
export interface FlatTable {
  /** The columns in order, each with its Parquet type (fixed: never read from the values). */
  columns: readonly ParquetColumn[];
  /** One row (carried fields included) as its cells. */
  flatten: (row: Record<string, unknown>) => Record<string, Flat>;
}

/** What a file answer is: the format, the row count and the body (utf8 text, or Parquet bytes). */
export interface RowsFile {
  format: RowFormat;
  rows: number;
  columns: string[];
  body: string | Buffer;
}

export type Flat = string | number | boolean | null;
const plain = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** One value as a cell: see the module header. */
export function flatCell(v: unknown): Flat {
  if (v === null || v === undefined) return null;
  if (plain(v)) return v;
  if (Array.isArray(v) && v.every(plain)) return v.join('; ');
  return JSON.stringify(v);
}

/** Refuses a format that is not one of the row formats (json is the answer itself). */
export function rowFormat(v: string, what = '--format'): RowFormat {
  if ((ROW_FORMATS as readonly string[]).includes(v)) return v as RowFormat;
  throw new AppError('VALIDATION', `${what} must be one of csv, ndjson, parquet (json is the default answer), got "${v}"`, {
    issues: [{ path: ['format'], message: `one of ${ROW_FORMATS.join(', ')}` }],
  });
}

/** The rows of `answer` (an op's output) under `binding`, with the carried fields on each. */
/** The value at a dotted path of a document (`result.bins`), or undefined. */
export const atPath = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), doc);

export function rowsOf(answer: unknown, binding: RowsBinding): Record<string, unknown>[] {
  const doc = answer as Record<string, unknown>;
  const list = atPath(doc, binding.key);
  if (!Array.isArray(list)) throw new Error(`the answer has no list at "${binding.key}"`);
  const carried = Object.fromEntries((binding.carry ?? []).map((k) => [k, doc[k] ?? null]));
  return list.map((r) => ({ ...(r !== null && typeof r === 'object' ? (r as Record<string, unknown>) : { value: r }), ...carried }));
}

/**
 * VALIDATION naming the input key a file of these rows needs, when `given` lacks it (`flag` is how
 * the caller writes it: `--by` on the CLI, `by` over HTTP); nothing when the rows need no key.
 */
export function fileWithout(binding: RowsBinding, given: Record<string, unknown>, flag: (key: string) => string): void {
  const needs = binding.needs;
  if (!needs || given[needs.key] !== undefined) return;
  throw new AppError(
    'VALIDATION',
    `a file of rows needs ${flag(needs.key)} ${needs.values.join('|')}: its rows are the ${binding.key}; without it the answer is JSON only`,
    {
      issues: [{ path: [needs.key], message: `required with a file format (${needs.values.join(' or ')})` }],
    },
  );
}

/** The cursor of the next page when the answer is one page of a longer list, else null. */
export function nextCursor(answer: unknown): string | null {
  const c = (answer as { next_cursor?: unknown } | null)?.next_cursor;
  return typeof c === 'string' && c !== '' ? c : null;
}

/** True when the answer says whether a next page exists (it has `next_cursor`, null on the last page). */
export const isPaged = (answer: unknown): boolean => answer !== null && typeof answer === 'object' && 'next_cursor' in answer;

/**
 * Column names: the keys the output schema gives a row (so an empty answer still has its header),
 * then any other key in first-seen order, the carried fields last.
 */
export function columnsOf(rows: readonly Record<string, unknown>[], carry: readonly string[] = [], known: readonly string[] = []): string[] {
  const seen = new Set<string>(known.filter((k) => !carry.includes(k)));
  for (const r of rows) for (const k of Object.keys(r)) if (!carry.includes(k)) seen.add(k);
  return [...seen, ...carry];
}

type Shaped = { shape?: Record<string, Shaped>; element?: Shaped; unwrap?: () => Shaped };

/** The schema of one row: the element of the list at the binding's key in the op's output schema (undefined when it does not say). */
function rowSchema(output: unknown, binding: RowsBinding): Shaped | undefined {
  let list: Shaped | undefined = output as Shaped;
  for (const k of binding.key.split('.')) {
    const s: Shaped | undefined = list?.shape ? list : list?.unwrap?.();
    list = s?.shape?.[k];
  }
  return list?.element ?? list?.unwrap?.().element;
}

/** The keys of a row as the op's output schema declares them (none when the schema does not say). */
export function schemaColumns(output: unknown, binding: RowsBinding): string[] {
  const element = rowSchema(output, binding);
  return element?.shape ? Object.keys(element.shape) : [...(binding.columns ?? [])];
}

type NumberLike = { def?: { type?: string }; format?: string | null; unwrap?: () => NumberLike };

/**
 * The columns the op's output schema declares as whole numbers (counts, AS numbers, years): their
 * Parquet type is BIGINT whatever one file's values are, so the same column has the same type in
 * every file and joins without casts.
 */
export function schemaIntColumns(output: unknown, binding: RowsBinding): Set<string> {
  const element = rowSchema(output, binding);
  const out = new Set<string>();
  for (const [name, col] of Object.entries(element?.shape ?? {})) {
    let x = col as unknown as NumberLike | undefined;
    for (let i = 0; x && x.def?.type !== 'number' && x.unwrap && i < 8; i++) x = x.unwrap();
    if (x?.def?.type === 'number' && x.format === 'safeint') out.add(name);
  }
  return out;
}

function parquetType(values: unknown[]): ParquetColumn['type'] {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length && present.every((v) => typeof v === 'number')) return 'DOUBLE';
  if (present.length && present.every((v) => typeof v === 'boolean')) return 'BOOLEAN';
  if (present.length && present.every((v) => typeof v === 'object' && !(Array.isArray(v) && v.every(plain)))) return 'JSON';
  return 'VARCHAR';
}

/** The answer's rows as a file. */
export async function rowsFile(
  answer: unknown,
  binding: RowsBinding,
  format: RowFormat,
  tabular: () => TabularWriter,
  known: readonly string[] = [],
  ints: ReadonlySet<string> = new Set(),
): Promise<RowsFile> {
  const rows = rowsOf(answer, binding);
  const table = binding.table;
  if (table && format !== 'ndjson') {
    const names = table.columns.map((c) => c.name);
    const flat = rows.map(table.flatten);
    const body = format === 'csv' ? toCsv(names, flat) : await tabular().toParquet([...table.columns], flat);
    return { format, rows: rows.length, columns: names, body };
  }
  const columns = columnsOf(rows, binding.carry, known);
  if (format === 'ndjson') return { format, rows: rows.length, columns, body: rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '') };
  if (format === 'csv') return { format, rows: rows.length, columns, body: toCsv(columns, rows, (r, c) => flatCell(r[c])) };
  const types = columns.map((name) => {
    const type = parquetType(rows.map((r) => r[name]));
    return { name, type: type === 'DOUBLE' && ints.has(name) ? ('BIGINT' as const) : type };
  });
  const flat = rows.map((r) =>
    Object.fromEntries(
      types.map(({ name, type }) => [name, type === 'DOUBLE' || type === 'BIGINT' || type === 'BOOLEAN' ? (r[name] ?? null) : flatCell(r[name])]),
    ),
  );
  return { format, rows: rows.length, columns, body: await tabular().toParquet(types, flat) };
}
