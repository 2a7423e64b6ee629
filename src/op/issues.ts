/**
 * One refusal names every invalid field of an input, whichever other field is wrong. An input is
 * checked in two layers: its schema (types, forms, ranges) and the checks of meaning that need
 * several fields or a parsed value (a date range's order, a cost scenario's rules). The second
 * layer runs on the fields the schema took, even when others failed, and the two lists are
 * merged: a field the schema refused is named for what was sent, never again as missing.
 */
import type { z } from 'zod';
import { issuesFromZod, type FieldIssue } from '../shared/index.js';

/** The checks of meaning of an input: given the fields that parsed (others absent), the fields at fault. */
export type MeaningCheck<T> = (part: Partial<T>) => FieldIssue[];

type ObjectLike = z.ZodType & { partial?: () => z.ZodType; _zod: { def: { type: string; shape?: Record<string, z.ZodType> } } };

/**
 * The fields of `raw` that `schema` (an object schema) takes, leaving out the top-level keys
 * `refused` names; null when the schema is not an object or the rest does not parse. An object
 * with refinements of its own (which zod cannot make partial) is read field by field: each key
 * the schema has is parsed by its own schema, and a key it does not have is left out.
 */
function parsedPart(schema: z.ZodType, raw: unknown, refused: ReadonlySet<string>): Record<string, unknown> | null {
  const s = schema as ObjectLike;
  if (s._zod.def.type !== 'object' || typeof s.partial !== 'function') return null;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const rest = Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter(([k]) => !refused.has(k)));
  try {
    const r = s.partial().safeParse(rest);
    return r.success ? (r.data as Record<string, unknown>) : null;
  } catch {
    const shape = s._zod.def.shape ?? {};
    const part: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) {
      if (!Object.hasOwn(shape, k)) continue;
      const r = shape[k]!.safeParse(v);
      if (!r.success) return null;
      if (r.data !== undefined) part[k] = r.data;
    }
    return part;
  }
}

const key = (i: FieldIssue) => `${i.path.join('\0')}\u0001${i.message}`;

/**
 * Every fault of `raw`: the schema's issues, then `meaning`'s on the fields that parsed (all of
 * them when the schema took the input), without a field the schema refused and without repeats.
 * `data` is the parsed input when there is no fault.
 */
export function inputIssues<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  meaning: MeaningCheck<z.output<S>> = () => [],
): { issues: FieldIssue[]; data?: z.output<S> } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) {
    const issues = meaning(parsed.data);
    return issues.length ? { issues } : { issues, data: parsed.data };
  }
  const wire = issuesFromZod(parsed.error, raw);
  const refused = new Set(wire.map((i) => String(i.path[0] ?? '')));
  const part = parsedPart(schema, raw, refused);
  const more = part === null ? [] : meaning(part as Partial<z.output<S>>).filter((i) => !refused.has(String(i.path[0] ?? '')));
  const seen = new Set<string>();
  return { issues: [...wire, ...more].filter((i) => !seen.has(key(i)) && !!seen.add(key(i))) };
}
