/**
 * The dashboard's only door to data: our own HTTP API. Errors become ApiError with a message a
 * reader can act on (the server's problem+json detail, or why the server could not be reached).
 * Which endpoints exist is read once from /openapi.json, so a page whose API has not landed yet
 * says so instead of firing a request that 404s.
 */
import type { components, operations } from './api-types.js';

/**
 * The response shapes the pages read, named. All are the server's own output schemas as
 * generated into api-types.ts from /openapi.json (`npm run gen:api-types`); nothing here is
 * written by hand, so a page cannot compile against a field the API does not publish.
 */
type Schemas = components['schemas'];
/** The JSON an operation answers with (200), by operation name, for shapes the document does not name. */
export type Answer<Op extends keyof operations> = operations[Op]['responses'] extends { 200: { content: { 'application/json': infer T } } } ? T : never;
/** One ledger event as the list and the cost views read it. */
export type LedgerEvent = Schemas['Event'];
export type EventList = Schemas['EventList'];
/** GET /api/events/{id}: the event, its links and the measurements behind them. */
export type EventDocument = Schemas['EventDocument'];
export type EventHistory = Schemas['EventHistory'];
export type Source = LedgerEvent['sources'][number];
export type EventCounts = Schemas['EventCounts'];
export type EventCount = EventCounts['items'][number];
export type IndicatorList = Schemas['IndicatorList'];
export type Indicator = Schemas['IndicatorSeries'];
export type CostResult = Schemas['CostResult'];
export type CostEstimate = Schemas['CostEstimate'];
export type CostInput = Schemas['CostInput'];
export type EventCost = Schemas['EventCost'];
export type CostCompare = Schemas['CostCompare'];
export type CostCompareRow = Schemas['CostCompareRow'];
export type CostMethods = Schemas['CostMethods'];
export type CostMethod = CostMethods['items'][number];
export type RegionCosts = Schemas['CostRegions'];
export type RegionCost = RegionCosts['items'][number];
export type Measurement = Schemas['Measurement'];
export type MeasurementSummary = Schemas['MeasurementSummary'];
export type MeasurementCell = Schemas['MeasurementCell'];
export type MeasurementList = Schemas['MeasurementList'];
export type NetworkList = Schemas['NetworkList'];
export type SpeedTestSummary = Schemas['SpeedTestSummary'];
export type SpeedtestDay = SpeedTestSummary['items'][number];
export type WatchStatus = Answer<'watch.status'>;
export type WhatsNew = Answer<'watch.new'>;
export type ElectionList = Answer<'elections.list'>;
export type ElectionSummary = Schemas['ElectionSummary'];
export type ElectionFingerprints = Schemas['ElectionFingerprints'];
export type ElectionElectronic = Schemas['ElectionElectronic'];
export type DegTimeline = NonNullable<ElectionElectronic['deg_timeline']>;
export type SeriesSum = NonNullable<DegTimeline['party_list']>;

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly url: string,
    readonly code?: string,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | boolean | null | undefined | (string | number)[]>;

/** `/api/x` + query string, skipping empty values; arrays repeat the key. */
export function apiUrl(path: string, q: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, String(x)));
    else p.set(k, String(v));
  }
  const qs = p.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Lists whose export holds every row (the list's own `format=csv` is one page): the download goes there. */
const EXPORTS: Record<string, string> = { '/api/events': '/api/export/events.csv', '/api/indicators': '/api/export/indicators.csv' };

/**
 * The API's own CSV of the same query a view reads: a download then holds the API's columns
 * (provenance repeated on every row) and its one flattening rule, never the screen's text.
 */
export function csvUrl(path: string, q: Query = {}): string {
  const exported = EXPORTS[path];
  if (exported) return apiUrl(exported, { ...q, limit: undefined, cursor: undefined });
  return apiUrl(path, { ...q, format: 'csv' });
}

interface Problem {
  title?: string;
  detail?: string;
  code?: string;
  errors?: { path: string; message: string }[];
}

/**
 * The text of a problem: its detail (or title, or the status line), then each field error the
 * detail does not already state, so every message is said once.
 */
export function problemMessage(body: Problem, statusLine: string): string {
  const detail = body.detail ?? body.title ?? statusLine;
  const extra = (body.errors ?? []).map((f) => `${f.path || 'request'}: ${f.message}`).filter((t) => !detail.includes(t));
  return extra.length ? `${detail} (${extra.join('; ')})` : detail;
}

async function toError(res: Response, url: string): Promise<ApiError> {
  let body: Problem = {};
  try {
    body = (await res.json()) as Problem;
  } catch {
    /* not JSON: fall back to the status line */
  }
  return new ApiError(problemMessage(body, `${res.status} ${res.statusText}`), res.status, url, body.code, body.errors ?? []);
}

const early = new Map<string, Promise<unknown>>();

/** Start a GET before the page that needs it has loaded its code (used for the first page). */
export function prefetch(path: string, q: Query = {}): void {
  const url = apiUrl(path, q);
  const p = fetchJson(url);
  p.catch(() => undefined); // the page's own getJson reports the error
  early.set(url, p);
}

/** GET JSON from our API; throws ApiError with a readable message. */
export async function getJson<T>(path: string, q: Query = {}, signal?: AbortSignal): Promise<T> {
  const url = apiUrl(path, q);
  const hit = early.get(url);
  if (hit) {
    early.delete(url);
    return hit as Promise<T>;
  }
  return fetchJson<T>(url, signal);
}

/**
 * `fetch` whose failure to reach the server is an ApiError saying so (status 0), the one wording
 * every page shows for a network error; an abort stays an AbortError.
 */
export async function reach(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(`Could not reach the Splinternet server (${(e as Error).message}). Is \`splinternet serve\` running?`, 0, url);
  }
}

/** A response's JSON, or an ApiError: a problem's detail for a failed status, and a body that is not JSON said as such. */
export async function readJson<T>(res: Response, url: string): Promise<T> {
  if (!res.ok) throw await toError(res, url);
  try {
    return (await res.json()) as T;
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    const type = res.headers.get('content-type') ?? 'no content type';
    throw new ApiError(
      `The server's answer to ${url} is not JSON (HTTP ${res.status}, ${type}). Is \`splinternet serve\` answering at this address?`,
      res.status,
      url,
    );
  }
}

async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return readJson<T>(await reach(url, { headers: { accept: 'application/json' }, signal }), url);
}

/** Every page of a cursor-paginated list ({ items, next_cursor }), up to `max` items. */
export async function getAll<T>(path: string, q: Query = {}, max = 5000, signal?: AbortSignal): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; next_cursor: string | null } = await getJson(path, { ...q, limit: 1000, cursor }, signal);
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && out.length < max);
  return out;
}

interface Spec {
  paths?: Record<string, Record<string, { parameters?: { name: string; schema?: { enum?: string[] } }[] }>>;
}

let spec: Promise<Spec> | null = null;

/**
 * The running server's OpenAPI document (fetched once). A server without one has no optional API;
 * a server that cannot be reached is an ApiError saying so (and the next call asks again), never
 * read as a server without those APIs.
 */
export function apiSpec(): Promise<Spec> {
  if (!spec) {
    const p = reach('/openapi.json').then((r) => (r.ok ? readJson<Spec>(r, '/openapi.json') : {}));
    p.catch(() => {
      if (spec === p) spec = null;
    });
    spec = p;
  }
  return spec;
}

/** Whether the server has this endpoint (OpenAPI path template, e.g. "/api/events/{id}/cost"). */
export const hasApi = async (path: string): Promise<boolean> => Boolean((await apiSpec()).paths?.[path]);

/** The allowed values of a GET query parameter, as documented (e.g. the ledger categories). */
export async function paramEnum(path: string, name: string): Promise<string[]> {
  const params = (await apiSpec()).paths?.[path]?.get?.parameters ?? [];
  return params.find((p) => p.name === name)?.schema?.enum ?? [];
}
