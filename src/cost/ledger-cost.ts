/**
 * The cost of many ledger events at once (`splinternet cost events`, GET /api/cost/events): every
 * shutdown, throttling and block event matching the filters, priced with the same overrides,
 * one row per (event, method) estimate and one row per event that cannot be priced, with what
 * it is missing. Counts reconcile: events read = events priced + events not priced. A table
 * for journalists and analysts, exported as CSV, JSON, NDJSON or Parquet like the ledger.
 */
import {
  subtypeFilter,
  subtypeInCategory,
  TECHNICAL_CATEGORIES,
  toCsv,
  toNdjson,
  type ExportFormat,
  type FlatValue,
  type LedgerEvent,
  type ListFilters,
} from '../ledger/index.js';
import { getRegion, regionCountries } from '../geo/index.js';
import { check } from '../op/index.js';
import { isAppError, partialDateEnd, partialDateStart, type ProgressReporter } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { z } from 'zod';
import type { EventOverrides } from './event-scenario.js';
import { DEFAULT_DRAWS } from './scenario.js';
import { drawsInput, EventOverridesSchema } from './scenario-schema.js';
import { eachCountry, ledgerPriors, technicalEvents } from './ledger-events.js';
import { parseInstant } from './span.js';
import { eventRef, priceEvent, type EventCostResult } from './service.js';

export const LEDGER_COST_COLUMNS = [
  'event_id',
  'title',
  'category',
  'subtype',
  'country',
  'regions',
  'start',
  'end',
  // The span the price covers: an ongoing event's --end, an imputed end, or the event's own dates.
  'priced_from',
  'priced_to',
  'method',
  'method_version',
  'currency',
  'median',
  'low',
  'high',
  'point',
  'usd_median',
  'usd_low',
  'usd_high',
  'usd_rate',
  'usd_rate_date',
  'data_years',
  'data_vintage',
  'proxy',
  'missing',
] as const;
type Row = Record<(typeof LEDGER_COST_COLUMNS)[number], FlatValue>;
const NUMERIC = new Set<string>(['median', 'low', 'high', 'point', 'usd_median', 'usd_low', 'usd_high', 'usd_rate']);

export type LedgerCostFilters = Pick<ListFilters, 'country' | 'region' | 'category' | 'subtype' | 'from' | 'to' | 'q'>;

/**
 * An --end that matches the pattern but names no real instant (2026-02-30, 25:00) is a usage
 * error for the whole request, not a "missing end" on every ongoing event.
 */
const realEnd = (v: string, ctx: z.RefinementCtx) => {
  if (!/^\d{4}-\d{2}-\d{2}/.test(v)) return; // the pattern's message says it
  try {
    parseInstant('end', v, 'UTC', true);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: isAppError(err) ? (err.issues[0]?.message ?? err.message) : String(err) });
  }
};

const unit = (lowOpen: boolean) => check.number((n) => n.refine((x) => (lowOpen ? x > 0 : x >= 0) && x <= 1, `must be in ${lowOpen ? '(0,1]' : '[0,1]'}`));

/** A region of another country than the one given is refused, naming both, as `cost --region` refuses it: never an empty answer. */
function regionInCountry(q: { country?: string; region?: string }, ctx: z.RefinementCtx): void {
  if (!q.country || !q.region) return;
  const [country, region] = [q.country.toUpperCase(), q.region.toUpperCase()];
  const homes = regionCountries(region);
  if (homes.length === 0 || homes.includes(country)) return;
  ctx.addIssue({
    code: 'custom',
    path: ['region'],
    message: `${region} (${getRegion(region)?.name ?? region}) is in ${homes.join('/')}, not ${country}; give a region of ${country} (splinternet cost regions --country ${country} lists them) or leave region out`,
  });
}

/**
 * Filters (as the ledger's) and overrides (as `cost event`), validated at the edge: an override
 * out of range is a 400 / exit 2 for the whole request, not a "missing" on every event.
 */
export const LedgerCostQuerySchema = EventOverridesSchema.omit({ country: true })
  .extend({
    severity: unit(false).optional(),
    isp_share: unit(true).optional(),
    platform_weight: unit(true).optional(),
    draws: drawsInput.optional(),
    end: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'a date YYYY-MM-DD or an ISO date-time')
      .superRefine(realEnd)
      .optional(),
    country: check.countryCode.optional(),
    region: check.regionCode.optional(),
    category: z.enum(['shutdown', 'throttling', 'block']).optional(),
    subtype: subtypeFilter(TECHNICAL_CATEGORIES).optional(),
    from: check.partialDate.optional(),
    to: check.partialDate.optional(),
    q: z.string().max(200).optional(),
  })
  // a subtype of another category than the one given is refused, not an empty answer (kept by .extend)
  .superRefine(subtypeInCategory)
  .superRefine(regionInCountry);
export type LedgerCostQuery = z.output<typeof LedgerCostQuerySchema>;

/** Split a validated query into ledger filters and pricing overrides. */
export function splitLedgerCostQuery(q: LedgerCostQuery): { filters: LedgerCostFilters; overrides: EventOverrides } {
  const { country, region, category, subtype, from, to, q: text, method, ...o } = q;
  const filters = { country: country?.toUpperCase(), region: region?.toUpperCase(), category, subtype, from, to, q: text };
  const methods = typeof method === 'string' ? method.split(',') : method;
  return {
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
    overrides: { ...o, ...(methods ? { method: methods } : {}) },
  };
}

export interface LedgerCostReport {
  filters: LedgerCostFilters;
  overrides: EventOverrides;
  events_read: number;
  events_priced: number;
  events_not_priced: number;
  /** Priced events whose priced span misses the from/to window (ongoing in the ledger, an earlier end imputed): not in `rows`. */
  events_outside_window: number;
  outside_window: { event_id: string; priced_from: string; priced_to: string }[];
  estimates: number;
  /** Events not priced, by the field they miss, each event once per field (type, end, severity, country, platform_weight …; method: no method asked for covers it). */
  missing_by_field: Record<string, number>;
  rows: Row[];
}

function rowsOf(e: LedgerEvent, r: EventCostResult): Row[] {
  const base = {
    event_id: e.id,
    title: e.title,
    category: e.category,
    subtype: e.subtype,
    country: e.countries.join('; '),
    regions: e.regions.join('; '),
    start: e.start,
    end: e.end,
  };
  const none = {
    priced_from: null,
    priced_to: null,
    method: null,
    method_version: null,
    currency: null,
    median: null,
    low: null,
    high: null,
    point: null,
    usd_median: null,
    usd_low: null,
    usd_high: null,
    usd_rate: null,
    usd_rate_date: null,
    data_years: null,
    data_vintage: null,
    proxy: null,
  };
  if (r.estimates.length === 0) return [{ ...base, ...none, missing: r.missing.map((m) => `${m.field}: ${m.reason}`).join('; ') }];
  return r.estimates.map((x) => ({
    ...base,
    priced_from: r.scenario?.start ?? null,
    priced_to: r.scenario?.end ?? null,
    method: x.method,
    method_version: x.method_version,
    currency: x.currency,
    median: x.median,
    low: x.low,
    high: x.high,
    point: x.point,
    usd_median: x.usd?.median ?? null,
    usd_low: x.usd?.low ?? null,
    usd_high: x.usd?.high ?? null,
    usd_rate: x.usd?.rate ?? null,
    usd_rate_date: x.usd?.rate_date ?? null,
    data_years: x.years.join('; '),
    data_vintage: x.data_vintage.join('; '),
    proxy: x.proxy,
    missing: null,
  }));
}

/** Price every cost-bearing event matching the filters. */
export async function costLedger(
  deps: { store: Store; progress: ProgressReporter; ledgerBudget?: (scenarios: number, draws: number) => void },
  filters: LedgerCostFilters,
  overrides: EventOverrides,
): Promise<LedgerCostReport> {
  // Asked for one country, a record of several is priced for that country's part.
  const events = (await technicalEvents(deps, filters)).flatMap((e) => (filters.country ? eachCountry(e, filters.country) : [e]));
  // Every event read is priced with the same draws: the whole request's work, refused before any of it.
  deps.ledgerBudget?.(events.length, overrides.draws ?? DEFAULT_DRAWS);
  const priors = await ledgerPriors(deps);
  const report: LedgerCostReport = {
    filters,
    overrides,
    events_read: events.length,
    events_priced: 0,
    events_not_priced: 0,
    events_outside_window: 0,
    outside_window: [],
    estimates: 0,
    missing_by_field: {},
    rows: [],
  };
  const outside = windowTest(filters);
  deps.progress.start('price events', events.length, 'events');
  for (const [i, e] of events.entries()) {
    const r = await priceEvent(deps, e, overrides, priors).catch((err: unknown): EventCostResult => {
      // The event's own fields cannot make a valid scenario (e.g. a region outside its country):
      // that event is not priced, with the reason; the others still are.
      if (!isAppError(err) || err.code !== 'VALIDATION') throw err;
      return {
        event: eventRef(e),
        mapping: [],
        estimates: [],
        missing: (err.issues.length ? err.issues : [{ path: ['scenario'], message: err.message }]).map((i) => ({ field: i.path.join('.'), reason: i.message })),
      };
    });
    const span = r.estimates.length && r.scenario?.start && r.scenario.end ? { from: r.scenario.start, to: r.scenario.end } : null;
    if (span && outside(span.from, span.to)) {
      // Selected as ongoing, but priced (to an imputed end) wholly before or after the window.
      report.events_outside_window++;
      report.outside_window.push({ event_id: e.id, priced_from: span.from, priced_to: span.to });
    } else if (r.estimates.length) {
      report.events_priced++;
      report.estimates += r.estimates.length;
    } else {
      report.events_not_priced++;
      // one count per event that misses the field, however many methods name it
      for (const f of new Set(r.missing.map((m) => m.field))) report.missing_by_field[f] = (report.missing_by_field[f] ?? 0) + 1;
    }
    if (!span || !outside(span.from, span.to)) report.rows.push(...rowsOf(e, r));
    if (i % 100 === 99 || i === events.length - 1) deps.progress.update(i + 1, { priced: report.events_priced, not_priced: report.events_not_priced });
  }
  deps.progress.stop();
  return report;
}

/** Whether a priced span [from, to] misses the filters' from/to window (partial dates cover their whole year, month or day). */
function windowTest(filters: LedgerCostFilters): (from: string, to: string) => boolean {
  const lo = filters.from ? partialDateStart(filters.from).getTime() : -Infinity;
  const hi = filters.to ? partialDateEnd(filters.to).getTime() : Infinity;
  return (from, to) => partialDateEnd(to).getTime() < lo || partialDateStart(from).getTime() > hi;
}

/** The report's rows in an export format (JSON keeps the counts alongside the rows). */
export async function exportLedgerCost(store: Store, report: LedgerCostReport, format: ExportFormat): Promise<string | Buffer> {
  switch (format) {
    case 'json':
      return JSON.stringify({ ...report, items: report.rows, rows: undefined }, null, 1);
    case 'ndjson':
      return toNdjson(report.rows);
    case 'csv':
      return toCsv(LEDGER_COST_COLUMNS, report.rows);
    case 'parquet':
      return store.tabular.toParquet(
        LEDGER_COST_COLUMNS.map((name) => ({ name, type: NUMERIC.has(name) ? 'DOUBLE' : 'VARCHAR' })),
        report.rows,
      );
  }
}
