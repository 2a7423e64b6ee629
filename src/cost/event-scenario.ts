/**
 * The ledger link: a shutdown, throttling or block event becomes a cost scenario (its country,
 * regions, type and time span). What the ledger does not record but a scenario needs (a
 * throttle's severity, an end date for an ongoing block, a single country) is reported as
 * `missing`, with how to supply it, instead of being guessed.
 */
import type { LedgerEvent } from '../ledger/index.js';
import { TECHNICAL_CATEGORIES } from '../ledger/index.js';
import { AppError, partialDateEnd, partialDateStart } from '../shared/index.js';
import { findPlatform } from './platforms.js';
import type { ScenarioInput } from './scenario.js';

export interface Missing {
  field: string;
  reason: string;
}

export interface EventOverrides {
  country?: string;
  severity?: number;
  isp_share?: number;
  platform_weight?: number;
  end?: string;
  method?: string | string[];
  currency?: string;
  draws?: number;
  seed?: number;
}

const SHUTDOWN_TYPES: Record<string, 'full' | 'mobile' | 'fixed'> = { full: 'full', mobile: 'mobile', mobile_data: 'mobile', fixed: 'fixed' };

/** Map an event to scenario input; `missing` lists what stops it from being priced. */
export function eventScenario(e: LedgerEvent, o: EventOverrides = {}): { input: ScenarioInput; missing: Missing[]; mapping: string[] } {
  if (!(TECHNICAL_CATEGORIES as readonly string[]).includes(e.category)) {
    throw new AppError('VALIDATION', `id: event ${e.id} is a ${e.category} event; only ${TECHNICAL_CATEGORIES.join(', ')} events have a cost`, { issues: [{ path: ['id'], message: `category ${e.category} has no cost model` }] });
  }
  const missing: Missing[] = [];
  const mapping: string[] = [];
  const country = o.country ?? (e.countries.length === 1 ? e.countries[0] : undefined);
  if (!country) missing.push({ field: 'country', reason: `the event lists ${e.countries.join(', ')}; price one country at a time with --country` });
  const platforms = e.targets.filter((t) => ['platform', 'app', 'service', 'domain'].includes(t.kind)).map((t) => findPlatform(t.name)?.id).filter((x): x is string => !!x);
  const uniquePlatforms = [...new Set(platforms)];
  const input: ScenarioInput = { country, regions: e.regions.filter((r) => !country || r.startsWith(`${country}-`) || r.startsWith('UA-')), method: o.method, currency: o.currency, draws: o.draws, seed: o.seed };

  if (e.category === 'shutdown') {
    const t = SHUTDOWN_TYPES[e.subtype];
    if (t) input.type = t;
    else if (e.subtype === 'curfew') missing.push({ field: 'hours', reason: 'a curfew shutdown repeats for part of each day and the ledger does not record how many hours; price it with splinternet cost --hours' });
    else missing.push({ field: 'type', reason: `shutdown subtype "${e.subtype}" has no cost model (full, mobile and fixed shutdowns do)` });
    if (e.scope === 'local') mapping.push('the event is local (part of a region); it is priced as its whole region(s), an upper bound');
  } else if (e.category === 'throttling') {
    input.type = 'throttling';
    if (uniquePlatforms.length) input.platform = uniquePlatforms.join(',');
    if (o.severity === undefined) missing.push({ field: 'severity', reason: 'the ledger does not record how badly traffic was slowed; pass --severity S in [0,1] (1 = unusable, which Top10VPN counts as a shutdown)' });
    else input.severity = o.severity;
  } else {
    if (['platform', 'messaging', 'website', 'search'].includes(e.subtype) && uniquePlatforms.length) {
      input.type = 'platform';
      input.platform = uniquePlatforms.join(',');
      mapping.push(`block of ${uniquePlatforms.join(', ')} priced as a platform outage (weights add up)`);
    } else if (['platform', 'messaging', 'website', 'search'].includes(e.subtype)) {
      missing.push({ field: 'platform_weight', reason: `no weight for the targets (${e.targets.map((t) => t.name).join(', ')}); pass --platform-weight W in (0,1]` });
      if (o.platform_weight !== undefined) {
        input.type = 'platform';
        input.platform = e.targets[0]?.name ?? 'target';
        missing.pop();
      }
    } else missing.push({ field: 'type', reason: `block subtype "${e.subtype}" (VPNs, protocols, IP ranges) has no cost model: its collateral damage is not measured` });
  }
  if (o.platform_weight !== undefined) input.platform_weight = o.platform_weight;
  if (o.isp_share !== undefined) input.isp_share = o.isp_share;

  // --end prices what is ongoing; an event that ended keeps its own end.
  const end = e.end ?? o.end;
  if (e.end === null && o.end !== undefined) mapping.push(`ongoing in the ledger: priced up to ${o.end} (--end)`);
  if (!end) missing.push({ field: 'end', reason: 'the event is ongoing in the ledger; pass --end DATE to price it up to a date' });
  else {
    const precise = (d: string) => /^\d{4}-\d{2}-\d{2}/.test(d);
    input.start = precise(e.start) ? e.start : partialDateStart(e.start).toISOString();
    input.end = precise(end) ? end : partialDateEnd(end).toISOString();
    if (!precise(e.start) || !precise(end)) mapping.push(`dates known to the ${e.date_precision} only: priced from the earliest start (${input.start.slice(0, 10)}) to the latest end (${input.end.slice(0, 10)})`);
  }
  return { input, missing, mapping };
}
