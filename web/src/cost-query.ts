/**
 * The calculator's request from its form: the scenario keys GET /api/cost takes, without blanks,
 * without the fields the chosen type does not use (the engine's own list), and without hours
 * when a start or end is given.
 */
import { fieldApplies } from '../../src/cost/type-fields.js';

/** Query keys of a scenario, as GET /api/cost takes them (the CLI's flags in snake_case). */
export const SCENARIO_KEYS = [
  'country',
  'region',
  'type',
  'platform',
  'severity',
  'isp_share',
  'hours',
  'start',
  'end',
  'tz',
  'method',
  'year',
  'currency',
  'draws',
  'seed',
] as const;

export const appliesToType = (key: string, type: string): boolean => fieldApplies(key, type || 'full');

export function scenarioQuery(entries: Iterable<[string, unknown]>): string {
  const given = [...entries].filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '');
  const type = given.find(([k]) => k === 'type')?.[1].trim() ?? 'full';
  const p = new URLSearchParams();
  for (const k of SCENARIO_KEYS) for (const [key, v] of given) if (key === k && appliesToType(k, type)) p.append(k, v.trim());
  if (p.get('start') || p.get('end')) p.delete('hours');
  return p.toString();
}
