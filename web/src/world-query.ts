/**
 * The world map's filters from its query string (?category=&from=&to=&color=). A value the map
 * cannot draw is a problem named in the words the API uses for the Events page (an unknown
 * category lists the accepted ones and the value sent; a range that ends before it begins names both ends), so the
 * same bad value gets the same answer and never a blank map.
 */
const COLORS = ['events', 'cost', 'model'] as const;
export type WorldColor = (typeof COLORS)[number];

export interface WorldState {
  category: string;
  from: number;
  to: number;
  color: WorldColor;
}

const oneOf = (key: string, allowed: readonly string[], got: string) =>
  `${key}: Invalid option: expected one of ${allowed.map((a) => `"${a}"`).join('|')}, got ${JSON.stringify(got)}`;

export function worldQuery(
  query: URLSearchParams,
  years: { min: number; max: number },
  categories: readonly string[],
): { state: WorldState; problems: string[] } {
  const problems: string[] = [];
  const category = query.get('category') ?? '';
  if (category && !categories.includes(category)) problems.push(oneOf('category', categories, category));
  const colorParam = query.get('color');
  const color = (COLORS as readonly string[]).includes(colorParam ?? 'events') ? ((colorParam ?? 'events') as WorldColor) : 'events';
  if (colorParam !== null && color !== colorParam) problems.push(oneOf('color', COLORS, colorParam));
  const year = (key: 'from' | 'to', fallback: number): number => {
    const v = query.get(key);
    if (v === null || v === '') return fallback;
    const y = /^\d{4}$/.test(v) ? Number(v) : NaN;
    if (y >= years.min && y <= years.max) return y;
    problems.push(`${key}: "${v}" is not a year the ledger holds (${years.min}–${years.max})`);
    return fallback;
  };
  const from = year('from', years.min);
  const to = year('to', years.max);
  if (!problems.length && to < from) problems.push(`to: "${to}" ends before from "${from}" begins`);
  return { state: { category, from, to, color }, problems };
}

/**
 * The address of a view chosen on the form: a year at its end of the range offered is left out,
 * so the address of a default view is the same however it was reached (the page's own default or
 * a shared link) and each colouring reads its own default range (cost years run past the last
 * start year).
 */
export function worldHref(values: Record<string, string>, years: { min: number; max: number }): string {
  const p = new URLSearchParams();
  for (const k of ['category', 'from', 'to', 'color']) {
    const v = values[k] ?? '';
    if (!v || (k === 'from' && Number(v) === years.min) || (k === 'to' && Number(v) === years.max)) continue;
    p.set(k, v);
  }
  return `/?${p.toString()}`;
}
