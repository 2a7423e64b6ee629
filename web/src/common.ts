/**
 * Small pieces several pages share: the ledger's categories (read from the API's own OpenAPI
 * enum, so the dashboard never keeps a second copy), their colours, and links to event lists.
 */
import { type CostMethod, type CostMethods, getJson, hasApi, paramEnum } from './api.js';
import { append, h, shownText } from './dom.js';
import { titleCase } from './format.js';

/** Categories the cost engine prices (it answers 400 for the others, so the pages do not ask). */
export const COSTABLE = ['shutdown', 'throttling', 'block'];

const FALLBACK = [
  'shutdown',
  'throttling',
  'block',
  'app_removal',
  'content_takedown',
  'law',
  'surveillance',
  'repression',
  'election_technology',
  'cooperation',
];

export async function categories(): Promise<string[]> {
  const e = await paramEnum('/api/events', 'category');
  return e.length ? e : FALLBACK;
}

/** Plot colour options that give each category the same colour on every chart. */
export const categoryColor = (cats: string[]) => ({
  type: 'categorical' as const,
  domain: cats,
  scheme: 'tableau10' as const,
  legend: true,
  tickFormat: titleCase,
});

/** In-app link to the list of events behind a number. */
export function eventsHref(f: {
  country?: string;
  category?: string;
  from?: string | number;
  to?: string | number;
  started_from?: string | number;
  q?: string;
}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') p.set(k, String(v));
  return `/events?${p.toString()}`;
}

/** The filters of the events that started in the years from..to: what a count by start year counts (from/to would also take the events overlapping them). */
export const startedIn = (from: number, to: number) => ({ started_from: from, to });

export const countLink = (n: number, f: Parameters<typeof eventsHref>[0]) => (n > 0 ? h('a', { href: eventsHref(f) }, String(n)) : '0');

/** Page title and heading. */
export function pageHead(root: HTMLElement, title: string, lede?: Node | string): void {
  document.title = shownText(`${title} · Splinternet Observatory`);
  append(root, [h('h1', null, title), lede ? h('p', { class: 'lede' }, lede) : null]);
}

/** Run `fn` over items with at most `n` in flight (keeps the server and the page responsive). */
export async function pool<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

/** Width for a full-width chart in the main column (Plot draws at a fixed width; CSS scales it down). */
export function chartWidth(fraction = 1): number {
  const main = document.getElementById('main');
  const w = (main?.clientWidth ?? 1000) - 48;
  return Math.max(320, Math.min(1180, Math.round(w * fraction)));
}

/** A method as a picker shows it: the id always, its title and summary when the server gave them. */
export type MethodChoice = Pick<CostMethod, 'id'> & Partial<Pick<CostMethod, 'title' | 'summary'>>;

const FALLBACK_METHODS: MethodChoice[] = (['ozi-regional', 'deloitte-2016', 'brookings-2016', 'cost-escalated'] as const).map((id) => ({ id }));

/** The cost engine's methods (GET /api/cost/methods), in its own order. */
export async function costMethods(): Promise<MethodChoice[]> {
  if (!(await hasApi('/api/cost/methods'))) return FALLBACK_METHODS;
  return getJson<CostMethods>('/api/cost/methods')
    .then((r) => (r.items.length ? r.items : FALLBACK_METHODS))
    .catch(() => FALLBACK_METHODS);
}

/** A vocabulary with the value a URL gave appended when it is not one of them (shown, then refused by the API in its own words). */
export const withCurrent = (values: readonly string[], current: string): string[] =>
  current && !values.includes(current) ? [...values, current] : [...values];
