/**
 * The fast read of raw OONI files (docs/design/020 §1): DuckDB's C++ JSON reader parses each
 * line on its own threads and keeps only the fields a ProjectionSpec names, so JavaScript gets a
 * slim JSON per measurement (a few hundred bytes instead of tens of KB) and the HTTP bodies as
 * plain strings beside it. The SQL is generated from the spec, which lives next to the rules.
 */
import type { DuckDBListValue } from '@duckdb/node-api';
import type { ProjectedChunk, ProjectedRow, ProjectionSpec } from '../types.js';
import type { DuckDb } from './db.js';

type Node = ProjectionSpec[string];
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkKey(k: string): string {
  if (!KEY.test(k)) throw new Error(`projection key ${JSON.stringify(k)} is not a plain identifier`);
  return `"${k}"`;
}

/** DuckDB type of a spec node. */
function typeOf(n: Node): string {
  if (n === 'json') return 'JSON';
  if (n === 'body') return 'VARCHAR';
  if (Array.isArray(n)) return `${typeOf(n[0])}[]`;
  return `STRUCT(${Object.entries(n)
    .map(([k, v]) => `${checkKey(k)} ${typeOf(v)}`)
    .join(', ')})`;
}

const hasData = (n: Node): boolean => n === 'json' || (n !== 'body' && (Array.isArray(n) ? hasData(n[0]) : Object.values(n).some(hasData)));

/** The slim value of a node without its body leaves; NULL stays NULL at every level. */
function slimExpr(n: Node, ref: string, depth: number): string {
  if (n === 'json') return ref;
  if (Array.isArray(n)) return `list_transform(${ref}, lambda x${depth}: ${slimExpr(n[0], `x${depth}`, depth + 1)})`;
  if (n === 'body') throw new Error('unreachable');
  const fields = Object.entries(n)
    .filter(([, v]) => hasData(v))
    .map(([k, v]) => `${checkKey(k)}: ${slimExpr(v, `${ref}.${checkKey(k)}`, depth)}`);
  return `CASE WHEN ${ref} IS NULL THEN NULL ELSE {${fields.join(', ')}} END`;
}

/** The expression listing the body leaf's values: one list of bodies in the order of the list that holds it. */
function bodiesExpr(spec: ProjectionSpec): string {
  const find = (n: Node, ref: string, path: string[]): string | null => {
    if (n === 'body') return `${ref}${path.map((k) => `.${checkKey(k)}`).join('')}`;
    if (n === 'json') return null;
    if (Array.isArray(n)) {
      const inner = find(n[0], 'b', []);
      return inner ? `list_transform(${ref}${path.map((k) => `.${checkKey(k)}`).join('')}, lambda b: ${inner})` : null;
    }
    for (const [k, v] of Object.entries(n)) {
      const hit = find(v, ref, [...path, k]);
      if (hit) return hit;
    }
    return null;
  };
  for (const [k, v] of Object.entries(spec)) {
    const hit = find(v, checkKey(k), []);
    if (hit) return hit;
  }
  return 'NULL::VARCHAR[]';
}

export function projectionSql(spec: ProjectionSpec, maxObjectBytes: number): string {
  const columns = Object.entries(spec)
    .map(([k, v]) => `${checkKey(k).replace(/"/g, "'")}: '${typeOf(v)}'`)
    .join(', ');
  const top = Object.entries(spec)
    .filter(([, v]) => hasData(v))
    .map(([k, v]) => `${checkKey(k)}: ${slimExpr(v, checkKey(k), 0)}`)
    .join(', ');
  return `SELECT to_json({${top}})::VARCHAR AS slim, ${bodiesExpr(spec)} AS bodies
    FROM read_json($1, format = 'newline_delimited', ignore_errors = false, maximum_object_size = ${Math.floor(maxObjectBytes)}, columns = {${columns}})`;
}

export async function* readProjected(db: DuckDb, path: string, spec: ProjectionSpec, opts: { maxObjectBytes: number }): AsyncGenerator<ProjectedChunk> {
  for await (const chunk of db.stream(projectionSql(spec, opts.maxObjectBytes), [path])) {
    const slim = chunk.getColumnVector(0);
    const bodies = chunk.getColumnVector(1);
    yield {
      rowCount: chunk.rowCount,
      row: (i: number): ProjectedRow => {
        const b = bodies.getItem(i);
        return { slim: slim.getItem(i) as string, bodies: isList(b) ? (b.items as (string | null)[]) : null };
      },
    };
  }
}

/** A LIST value (DuckDBListValue): checked by shape, so this module does not load DuckDB at start. */
const isList = (v: unknown): v is DuckDBListValue => typeof v === 'object' && v !== null && Array.isArray((v as { items?: unknown }).items);
