/**
 * The regions page's scenario from its URL (/regions/RU?type=&method=&currency=&hours=): each
 * value is sent to GET /api/cost/regions as given, so the map shows the API's figures for exactly
 * that scenario or the API's refusal of it, never the figures of a default in its place.
 * `currency=local` (what the page's own toggle writes) is the local currency, the API's default.
 */
export const REGIONS_PAGE_PARAMS = ['type', 'method', 'currency', 'hours'] as const;

export interface RegionsScenario {
  type: string;
  method: string;
  /** '' for the local currency */
  currency: string;
  hours: string;
}

export function regionsScenario(query: URLSearchParams): RegionsScenario {
  const v = (k: string, fallback = '') => (query.get(k) ?? fallback).trim();
  const currency = v('currency');
  return { type: v('type', 'full'), method: v('method'), currency: currency.toLowerCase() === 'local' ? '' : currency, hours: v('hours', '24') };
}

/** The request GET /api/cost/regions takes for it (an empty method or currency left to the engine's default). */
export function regionsRequest(country: string, s: RegionsScenario): Record<string, string | undefined> {
  return { country, type: s.type, hours: s.hours, method: s.method || undefined, currency: s.currency || undefined };
}

/** The page's own address for a scenario (the toggles' values as they are; a default left out). */
export function regionsHref(country: string, s: RegionsScenario): string {
  const p = new URLSearchParams();
  p.set('type', s.type);
  if (s.method) p.set('method', s.method);
  p.set('currency', s.currency || 'local');
  if (s.hours !== '24') p.set('hours', s.hours);
  return `/regions/${country}?${p.toString()}`;
}

/** The calculator's address for the same scenario with every method side by side. */
export function calculatorHref(country: string, s: RegionsScenario): string {
  const p = new URLSearchParams({ country, type: s.type, hours: s.hours, method: 'all' });
  if (s.currency) p.set('currency', s.currency);
  return `/cost?${p.toString()}`;
}

/** "one-day" for 24 hours, else "48-hour": how captions name the duration. */
export const durationWords = (hours: string): string => (Number(hours) === 24 ? 'one-day' : `${hours}-hour`);
