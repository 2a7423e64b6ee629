/**
 * The calculator's scenario, both ways: from its form to the query GET /api/cost takes (without
 * blanks, without the fields the chosen type does not use, without hours when a start or end is
 * given), and from the page's URL to the request, keeping every parameter the API takes and
 * naming any it does not, so the figure shown is always the figure of the URL shown.
 */
import type { operations } from './api-types.js';
import { fieldApplies } from '../../src/cost/type-fields.js';

type CostQuery = operations['cost.estimate']['parameters']['query'];
/** A scenario key: the API's query parameters, `regions` read as its alias `region`. */
type ScenarioKey = Exclude<keyof CostQuery, 'regions'>;

/** Query keys of a scenario, as GET /api/cost takes them (the CLI's flags in snake_case), in form order. */
export const SCENARIO_KEYS = [
  'country',
  'region',
  'type',
  'platform',
  'severity',
  'isp_share',
  'platform_weight',
  'mobile_share',
  'affected_share',
  'hours',
  'start',
  'end',
  'tz',
  'method',
  'year',
  'currency',
  'draws',
  'seed',
] as const satisfies readonly ScenarioKey[];
// Compile-time: a parameter the API documents and this list lacks fails the web typecheck.
type Missing = Exclude<ScenarioKey, (typeof SCENARIO_KEYS)[number]>;
export const EVERY_KEY_LISTED: [Missing] extends [never] ? true : Missing = true;

export const appliesToType = (key: string, type: string): boolean => fieldApplies(key, type || 'full');

export function scenarioQuery(entries: Iterable<[string, unknown]>): string {
  const given = [...entries].filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '');
  const type = given.find(([k]) => k === 'type')?.[1].trim() ?? 'full';
  const p = new URLSearchParams();
  for (const k of SCENARIO_KEYS) for (const [key, v] of given) if (key === k && appliesToType(k, type)) p.append(k, v.trim());
  if (p.get('start') || p.get('end')) p.delete('hours');
  return p.toString();
}

/**
 * The request a calculator URL stands for: every scenario key with its values (region and its
 * alias regions merged, comma lists split, region codes upper-cased), and the keys that are no scenario parameter, which
 * the page must refuse rather than price a scenario without them.
 */
export function scenarioFromUrl(query: URLSearchParams): { params: Record<string, string[]>; unknown: string[] } {
  const params: Record<string, string[]> = {};
  const unknown: string[] = [];
  for (const [k, raw] of query) {
    const key = k === 'regions' ? 'region' : k;
    if (!(SCENARIO_KEYS as readonly string[]).includes(key)) {
      if (!unknown.includes(k)) unknown.push(k);
      continue;
    }
    // region codes are ISO 3166-2, read in either case as the API reads them ("ru-mow" is RU-MOW)
    const vs = key === 'region' ? raw.split(',').map((v) => v.trim().toUpperCase()) : [raw];
    for (const v of vs.filter(Boolean)) (params[key] ??= []).push(v);
  }
  return { params, unknown };
}
