/**
 * A country's events the cost engine could not price, year by year with what each misses, and
 * the one line that says why in a reader's words ("not priced: no GDP/users data for RU"): a
 * country page whose events all lack their economic inputs lists them as not priced, never as
 * "no priced events" (which would read as a ledger with nothing to price).
 */
export interface UnpricedEvent {
  id: string;
  start: string;
  /** the engine's reasons (GET /api/events/{id}/cost `missing`), "method: reason" */
  reasons: string[];
}

export interface UnpricedYear {
  year: string;
  ids: string[];
  /** each distinct reason once, the method names cut off */
  reasons: string[];
}

/** The data a reason names as absent, in a reader's words (GDP, users, regional GRP, population). */
const KINDS: [RegExp, string][] = [
  [/\bGDP\b/, 'GDP'],
  [/internet users|internet penetration|IT\.NET\.USER/i, 'users'],
  [/\bGRP\b/, 'regional GRP'],
  [/population/i, 'population'],
];

/** The reason without the method that gave it ("cost-escalated: no GDP for RU" -> "no GDP for RU"). */
const bare = (r: string) => r.replace(/^[a-z0-9-]+: /, '');

export function unpricedByYear(events: readonly UnpricedEvent[]): UnpricedYear[] {
  const years = new Map<string, UnpricedYear>();
  for (const e of events) {
    const year = e.start.slice(0, 4);
    const y = years.get(year) ?? { year, ids: [], reasons: [] };
    y.ids.push(e.id);
    for (const r of e.reasons.map(bare)) if (!y.reasons.includes(r)) y.reasons.push(r);
    years.set(year, y);
  }
  return [...years.values()].sort((a, b) => a.year.localeCompare(b.year));
}

/** "not priced: no GDP/users data for RU" when the reasons are missing economic data, else the reasons themselves. */
export function unpricedHeadline(cc: string, events: readonly UnpricedEvent[]): string {
  const reasons = events.flatMap((e) => e.reasons);
  const kinds = KINDS.filter(([re]) => reasons.some((r) => /\bno\b|needs|holds no/.test(r) && re.test(r))).map(([, k]) => k);
  if (kinds.length) return `not priced: no ${kinds.join('/')} data for ${cc}`;
  const distinct = [...new Set(reasons.map(bare))];
  return `not priced: ${distinct.slice(0, 3).join('; ')}${distinct.length > 3 ? '; …' : ''}`;
}
