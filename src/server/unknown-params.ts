/**
 * Query parameters a route does not take are refused, never ignored: a mistyped filter
 * (`contry=RU`) would otherwise answer for every country, a wrong number with no warning. The
 * names a route takes are read from its operation's input schema (mount.ts), the schema the
 * OpenAPI document describes, so the refusal, the route and the document cannot disagree.
 *
 * Guarantees: every unknown name is listed (in the order sent, each once) with a 400 VALIDATION
 * error whose issues name each one; the message and the problem's `accepted` field list every
 * name the route takes; a name close to an accepted one (a typo, another case, a prefix, or the
 * name another route gives the same filter: country/cc, from/since, to/until) gets
 * "did you mean ...?".
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../shared/index.js';
import { nearestNames } from '../shared/near-names.js';

export { nearestNames, osaDistance } from '../shared/near-names.js';

/** The query parameter names of `url`, each once, in the order first sent. */
export function queryNames(url: string): string[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  return [...new Set([...new URLSearchParams(url.slice(q + 1)).keys()])];
}

const quoted = (s: string) => JSON.stringify(s);

/**
 * Throws a 400 VALIDATION error when `url` carries a query parameter not in `accepted`;
 * `what` names the operation (`events.list`) in the message.
 */
export function refuseUnknownParams(url: string, accepted: readonly string[], what: string): void {
  const unknown = queryNames(url).filter((k) => !accepted.includes(k));
  if (!unknown.length) return;
  const hint = (k: string) => {
    const near = nearestNames(k, accepted);
    return near.length ? `did you mean ${near.join(' or ')}?` : '';
  };
  const takes = accepted.length ? `it takes ${accepted.join(', ')}` : 'it takes no query parameters';
  const named = unknown.map((k) => `${quoted(k)}${hint(k) ? ` (${hint(k)})` : ''}`).join(', ');
  throw new AppError('VALIDATION', `unknown query parameter${unknown.length > 1 ? 's' : ''} ${named} for ${what}; ${takes}`, {
    issues: unknown.map((k) => ({ path: [k], message: ['unknown query parameter', hint(k)].filter(Boolean).join('; ') })),
    details: { unknown, accepted: [...accepted] },
  });
}

/** Route middleware for a route whose input is its path and body: any query parameter is refused, before the body is read. */
export const takesNoQuery =
  (what: string): MiddlewareHandler =>
  async (c, next) => {
    refuseUnknownParams(c.req.url, [], what);
    await next();
  };

type SchemaDef = {
  type: string;
  shape?: Record<string, unknown>;
  catchall?: { _zod: { def: { type: string } } };
  innerType?: unknown;
  in?: unknown;
  element?: unknown;
  options?: unknown[];
  getter?: () => unknown;
};
const defOf = (s: unknown): SchemaDef => (s as { _zod: { def: SchemaDef } })._zod.def;

/** The schema under optional/nullable/default/readonly/catch wrappers, pipes (their input side) and lazy schemas. */
function bare(s: unknown): SchemaDef {
  let def = defOf(s);
  for (let i = 0; i < 32; i++) {
    if (def.innerType) def = defOf(def.innerType);
    else if (def.type === 'pipe' && def.in) def = defOf(def.in);
    else if (def.type === 'lazy' && def.getter) def = defOf(def.getter());
    else break;
  }
  return def;
}

/** A key of a JSON body that its schema does not declare: where it is, and the names taken there. */
export interface UnknownField {
  path: (string | number)[];
  accepted: string[];
}

/**
 * Every key of `value` that `schema` does not declare, walking objects, lists and unions (an
 * object matching no option of a union is held to the option it misses least). An object
 * schema that takes any key (loose, a record, unknown) is not checked below it.
 */
export function unknownFields(value: unknown, schema: unknown, path: (string | number)[] = []): UnknownField[] {
  const def = bare(schema);
  if (Array.isArray(value)) {
    if (def.type === 'array' && def.element) return value.flatMap((v, i) => unknownFields(v, def.element, [...path, i]));
    if (def.type === 'union') return bestOption(value, def.options ?? [], path);
    return [];
  }
  if (value === null || typeof value !== 'object') return [];
  if (def.type === 'union') return bestOption(value, def.options ?? [], path);
  if (def.type !== 'object' || !def.shape) return [];
  const shape = def.shape;
  const open = def.catchall !== undefined && def.catchall._zod.def.type !== 'never';
  const accepted = Object.keys(shape);
  const out: UnknownField[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (Object.hasOwn(shape, k)) out.push(...unknownFields(v, shape[k], [...path, k]));
    else if (!open) out.push({ path: [...path, k], accepted });
  }
  return out;
}

function bestOption(value: unknown, options: readonly unknown[], path: (string | number)[]): UnknownField[] {
  const kind = (o: unknown) => bare(o).type;
  const fits = options.filter((o) => (Array.isArray(value) ? kind(o) === 'array' : ['object', 'union'].includes(kind(o))));
  let best: UnknownField[] | null = null;
  for (const o of fits) {
    const found = unknownFields(value, o, path);
    if (!found.length) return [];
    if (!best || found.length < best.length) best = found;
  }
  return best ?? [];
}

/**
 * Throws a 400 VALIDATION error when a JSON body carries a field its schema does not declare
 * (at any depth the schema describes): each one named with its path, the nearest accepted name
 * ("did you mean ...?", as for query parameters) and every name taken there; `what` names the
 * operation in the message.
 */
export function refuseUnknownFields(body: unknown, schema: unknown, what: string): void {
  const unknown = unknownFields(body, schema);
  if (!unknown.length) return;
  const where = (f: UnknownField) => f.path.join('.');
  const hint = (f: UnknownField) => {
    const near = nearestNames(String(f.path[f.path.length - 1]), f.accepted);
    return near.length ? `did you mean ${near.join(' or ')}?` : '';
  };
  const named = unknown.map((f) => `${quoted(where(f))}${hint(f) ? ` (${hint(f)})` : ''}`).join(', ');
  const levels = [...new Set(unknown.map((f) => f.accepted.join(', ')))];
  const takes = levels.length === 1 ? `; ${unknown[0]!.path.length > 1 ? 'there it takes' : 'it takes'} ${levels[0] || 'no fields'}` : '';
  throw new AppError('VALIDATION', `unknown field${unknown.length > 1 ? 's' : ''} ${named} in the body of ${what}${takes}`, {
    issues: unknown.map((f) => ({
      path: f.path,
      message: ['unknown field', hint(f), `accepted: ${f.accepted.join(', ') || 'none'}`].filter(Boolean).join('; '),
    })),
    details: { unknown: unknown.map(where), ...(levels.length === 1 ? { accepted: unknown[0]!.accepted } : {}) },
  });
}
