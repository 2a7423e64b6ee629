/**
 * The one place where values become ClickHouse SQL text. ClickHouse 18.16 (Debian's server)
 * has no query parameters ({name:Type} arrived in 19.x), so every value a query carries goes
 * through `q` below: strings are quoted with every backslash and quote escaped, numbers must be
 * finite, booleans become 1/0, arrays are escaped element-wise, and anything else is refused.
 * Identifiers (database, table, cluster names) are checked against a plain-name pattern and
 * never come from a request. Queries are written as tagged templates: sql`... ${value} ...`.
 */
import { AppError } from '../../shared/index.js';

/** A fragment already in SQL form (produced only by this module's helpers). */
export class Sql {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Value = string | number | bigint | boolean | null | undefined | Sql | readonly Value[];

/** Quote a string: backslash first, then the quote, then control characters that break a line. */
export function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/\0/g, '\\0')}'`;
}

export function literal(v: Value): string {
  if (v instanceof Sql) return v.text;
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new AppError('INTERNAL', `not a finite number in a query: ${v}`);
    return String(v);
  }
  if (Array.isArray(v)) return `[${(v as readonly Value[]).map(literal).join(', ')}]`;
  throw new AppError('INTERNAL', `value of type ${typeof v} cannot go into a query`);
}

/** sql`SELECT ... WHERE a = ${x}`: every interpolation is escaped by `literal`. */
export function sql(parts: TemplateStringsArray, ...values: Value[]): Sql {
  let out = parts[0]!;
  values.forEach((v, i) => (out += literal(v) + parts[i + 1]!));
  return new Sql(out);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A database/table/cluster name, checked. */
export function ident(name: string): Sql {
  if (!NAME.test(name)) throw new AppError('INTERNAL', `not a plain identifier: ${name}`);
  return new Sql(name);
}

/** Join fragments with a separator. */
export function join(parts: Sql[], sep: string): Sql {
  return new Sql(parts.map((p) => p.text).join(sep));
}

/** A list for IN (...): ('a', 'b'); an empty list matches nothing. */
export function inList(values: readonly (string | number)[]): Sql {
  return new Sql(values.length ? `(${values.map((v) => literal(v)).join(', ')})` : '(NULL)');
}
