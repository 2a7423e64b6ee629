/**
 * The API shapes the dashboard reads. Those generated from the server's /openapi.json come from
 * web/src/api-types.ts (npm run gen:api-types); the rest are typed here by hand, only as far as
 * the pages use them (the event page prints every field generically).
 */
import type { components } from './api-types.js';

export interface Source {
  url: string;
  title: string;
  publisher: string;
  published: string | null;
  archive_url: string | null;
  locator: string | null;
}

export interface LedgerEvent {
  id: string;
  title: string;
  summary: string;
  category: string;
  subtype: string;
  countries: string[];
  regions: string[];
  start: string;
  end: string | null;
  date_precision: string;
  scope: string;
  targets: { kind: string; name: string }[];
  actors: { role: string; name: string }[];
  networks: string[];
  people_affected: { estimate: number; unit: string; source_url: string | null; note: string | null } | null;
  tags: string[];
  confidence: string;
  status: string;
  sources: Source[];
  notes?: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
  region_notes?: { code: string; equivalents: string[]; note: string }[];
  links?: { eventId: string; kind: string; target: string; doc: Record<string, unknown> | null }[];
  [k: string]: unknown;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
  total?: number;
}

/** Generated from /openapi.json (web/src/api-types.ts): the server's own schema. */
export type EventCounts = components['schemas']['EventCounts'];
export type EventCount = EventCounts['items'][number];

export interface Indicator {
  id: string;
  title: string;
  description: string;
  unit: string;
  country: string | null;
  values: { period: string; value: number; source: Source; note: string | null; disputed: boolean }[];
}

export interface Money {
  median: number;
  low: number;
  high: number;
  point: number;
  rate?: number;
  rate_unit?: string;
  rate_date?: string;
}

export interface CostInput {
  name: string;
  value: unknown;
  unit?: string;
  source?: unknown;
  year?: number | string;
}

export interface CostEstimate extends Money {
  method: string;
  method_version?: string;
  currency: string;
  usd?: Money;
  regions?: ({ code: string; name?: string; currency?: string; usd?: Money } & Partial<Money>)[];
  inputs?: CostInput[];
  notes?: string[] | string;
  /** Set when a method used a documented proxy (e.g. internet penetration for a missing BCG share). */
  proxy?: string | boolean | null;
  years?: number[];
  data_vintage?: string[];
  [k: string]: unknown;
}

export interface CostResult {
  scenario: Record<string, unknown>;
  estimates: CostEstimate[];
  spread?: { currency: string; methods: number; min_median: number; max_median: number; ratio: number | null } | null;
  /** Methods that could not price the scenario, and why. */
  skipped?: { method: string; parameter: string; reason: string }[];
  /** Event costs: how the event became a scenario, and what it lacked. */
  mapping?: string[];
  missing?: { field: string; reason: string }[];
}

export interface CostMethod {
  id: string;
  version?: string;
  title?: string;
  summary?: string;
  types?: string[];
}

export interface RegionCost extends Money {
  code: string;
  name: string;
  currency: string;
  usd?: Money;
}

export interface RegionCosts {
  items: RegionCost[];
  method: string;
  method_version?: string;
  inputs?: CostInput[];
  currency?: string;
}

export interface SpeedtestDay {
  cc: string;
  asn: string | number;
  as_name: string | null;
  day: string;
  n: number;
  share_throttled: number | null;
  median_target_kbps: number | null;
  median_control_kbps: number | null;
  verdict: 'throttled' | 'not_throttled' | 'insufficient';
}
