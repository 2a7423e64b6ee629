/**
 * Answer text that names the caller's options. The domain words it once, for the CLI
 * (`--severity 0.3 not applied`); an op lists the answer keys that hold such text (`worded`), and
 * a caller whose context has a `wording` (HTTP: the request parameter, `severity`) reads every
 * string under those keys, at any depth, through it. Other fields (data, user text) are never touched.
 */

function all(v: unknown, wording: (text: string) => string): unknown {
  if (typeof v === 'string') return wording(v);
  if (Array.isArray(v)) return v.map((x) => all(x, wording));
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, all(x, wording)]));
}

function walk(v: unknown, keys: ReadonlySet<string>, wording: (text: string) => string): unknown {
  if (Array.isArray(v)) return v.map((x) => walk(x, keys, wording));
  if (v === null || typeof v !== 'object' || v instanceof Date || ArrayBuffer.isView(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, keys.has(k) ? all(x, wording) : walk(x, keys, wording)]));
}

/** `answer` with the strings under `keys` read through `wording`; the very value when either is absent. */
export function wordedAnswer<T>(answer: T, keys: readonly string[] | undefined, wording: ((text: string) => string) | undefined): T {
  return wording && keys?.length ? (walk(answer, new Set(keys), wording) as T) : answer;
}
