/**
 * Sub-national events whose area nobody named or the geocoder could not place. STOP leaves the
 * area empty on some records ("affected locations in more than one state", no names: Sudan
 * 2021-11-17, Syria's exam shutdowns of 2020) and names others too vaguely to place ("Most of
 * the country", "Multiple Oblasts"). Leaving them unpriced counts nobody as cut off; pricing
 * them as the whole country contradicts their own scope. Instead the share of the country cut
 * off is an input with its uncertainty, taken from the events that were placed: the median
 * and quartiles of the population shares of the geocoded events of the same country and scope
 * (local: one city or village; regional: more than one), or, when the country has fewer than
 * MIN_PLACED, the quartiles over countries of each country's median share, so that a country
 * with hundreds of district shutdowns (India) counts once (docs/design/012-who-was-cut-off.md,
 * "An area nobody placed").
 * A record that names no area at all but says it reached more than one city (STOP's "more than
 * one state, province or region", the scope STOP gives 550 of the 555 records whose area names
 * the whole country: scripts/unnamed-areas.mjs) says nothing against the whole country: its
 * reference class is every shutdown of its country that
 * reached more than one city, a national one counted as the whole country (share 1), so that
 * Syria's unnamed exam shutdown is priced like Syria's sixteen national ones, and Yemen's like
 * its regional ones (docs/design/014-price-of-an-hour.md, Decision 11).
 */
import type { LedgerEvent } from '../ledger/index.js';
import { quartilesOf } from './unknown-end.js';

export const MIN_PLACED = 5;

export interface Shares {
  n: number;
  q1: number;
  median: number;
  q3: number;
  /** Whose placed events these are: a country code, or "all countries". */
  of: string;
  /** What n counts: the country's events, or the countries whose medians were taken. */
  counted: 'events' | 'countries';
  /** local or regional: placed events of that scope; unnamed: shutdowns that reached more than one city, national ones as 1. */
  scope: 'local' | 'regional' | 'unnamed';
  /** The class itself, ascending: the Monte Carlo draws one of these with equal chance. */
  values: number[];
}

/** The population share an unplaced sub-national event is given, keyed by country and scope. */
export type ShareTable = Map<string, Shares>;

const SCOPES = ['local', 'regional'] as const;
type SubNational = (typeof SCOPES)[number];
const isSubNational = (s: string): s is SubNational => (SCOPES as readonly string[]).includes(s);
const key = (cc: string, scope: Shares['scope']) => `${cc}|${scope}`;

/** True when the event is sub-national and has no geocoded area to price. */
export const areaNotPlaced = (e: Pick<LedgerEvent, 'scope' | 'population_affected'>): boolean => isSubNational(e.scope) && !e.population_affected;

/** True when the record names no area at all and reached more than one city (ledger scope regional). */
export const namesNoArea = (e: Pick<LedgerEvent, 'scope' | 'geocode'>): boolean => e.scope === 'regional' && !!e.geocode && !e.geocode.text.trim();

const quartiles = (v: number[], of: string, scope: Shares['scope'], counted: Shares['counted'] = 'events'): Shares => ({
  ...quartilesOf(v),
  of,
  scope,
  counted,
  values: [...v].sort((a, b) => a - b),
});

/** The reference classes a single-country event belongs to, with the share it adds to each. */
function classesOf(e: LedgerEvent): [Shares['scope'], number][] {
  const share = e.population_affected?.share;
  const placed = isSubNational(e.scope) && share !== undefined && share > 0 && share < 1;
  const out: [Shares['scope'], number][] = placed ? [[e.scope as SubNational, share]] : [];
  if (e.scope === 'regional' && placed) out.push(['unnamed', share]);
  if (e.scope === 'national' && (e.category === 'shutdown' || e.category === 'throttling'))
    out.push(['unnamed', share !== undefined && share > 0 && share < 1 ? share : 1]);
  return out;
}

/** Population shares of the placed single-country sub-national events, per country and scope, and for all countries. */
export function shareTable(events: readonly LedgerEvent[]): ShareTable {
  const groups = new Map<string, number[]>();
  for (const e of events) {
    if (e.countries.length !== 1) continue;
    for (const [scope, share] of classesOf(e)) {
      const k = key(e.countries[0]!, scope);
      groups.set(k, [...(groups.get(k) ?? []), share]);
    }
  }
  const table: ShareTable = new Map();
  const medians = new Map<Shares['scope'], number[]>();
  for (const [k, v] of groups) {
    const [cc, scope] = k.split('|') as [string, Shares['scope']];
    medians.set(scope, [...(medians.get(scope) ?? []), quartiles(v, cc, scope).median]);
    if (v.length >= MIN_PLACED) table.set(k, quartiles(v, cc, scope));
  }
  for (const [scope, v] of medians) if (v.length >= MIN_PLACED) table.set(key('*', scope), quartiles(v, 'all countries', scope, 'countries'));
  return table;
}

/** The shares an unplaced event is given, or undefined when it is not sub-national or none are known. */
export function sharesFor(table: ShareTable, e: Pick<LedgerEvent, 'scope'> & Partial<Pick<LedgerEvent, 'geocode'>>, country: string): Shares | undefined {
  if (!isSubNational(e.scope)) return undefined;
  const scope: Shares['scope'] = namesNoArea({ scope: e.scope, geocode: e.geocode ?? null }) ? 'unnamed' : e.scope;
  return table.get(key(country, scope)) ?? table.get(key('*', scope));
}

/**
 * The networks the ledger names in each country (STOP's telcos_involved, as implemented_by
 * actors), by a key that ignores STOP's "Country: " prefix, case and parentheses.
 */
export type NetworkTable = Map<string, Set<string>>;

/** A network's name without STOP's "Country: " prefix, parentheses and case ("Iraq: Korek Telecom" is "korek telecom"). */
export const networkKey = (name: string) =>
  name
    .replace(/^[^:]{2,40}:\s*/, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * Implementers that are not access networks: a regulator or another state body (Roskomnadzor, a
 * government, a commission, "Great Firewall"), or a broadcaster (VGTRK, the All-Russia State
 * Television and Radio Broadcasting Company). They serve no subscribers, so they are not among the
 * networks whose equal shares the proxy counts.
 */
const NOT_A_NETWORK =
  /\b(?:roskomnadzor|government|administration|commission|ministry|authorit(?:y|ies)|agency|office|police|firewall|court|council|regulator|vgtrk|broadcasting)\b/;
export const isAccessNetwork = (name: string): boolean => !NOT_A_NETWORK.test(networkKey(name));

export function networkTable(events: readonly LedgerEvent[]): NetworkTable {
  const table: NetworkTable = new Map();
  for (const e of events) {
    if (e.countries.length !== 1) continue;
    for (const a of e.actors) {
      // A list run together in one field ("Kanartel and Mobitel") is not one network.
      if (a.role !== 'implemented_by' || /\band\b|,/.test(networkKey(a.name)) || !isAccessNetwork(a.name)) continue;
      const set = table.get(e.countries[0]!) ?? new Set<string>();
      set.add(networkKey(a.name));
      table.set(e.countries[0]!, set);
    }
  }
  // Names run together without a separator ("MTN Sudani (Sudatel) Zain Mobitel") or a branch
  // of a network ("DCC Khan Younis") hold another name as a word: they are not another network.
  const word = (k: string, w: string) => k !== w && ` ${k} `.includes(` ${w} `);
  for (const set of table.values()) for (const k of [...set]) if ([...set].some((w) => word(k, w))) set.delete(k);
  return table;
}

/**
 * The subscriber share of the networks an outage names, as a proxy: k named of the K networks
 * the ledger names in the country, each taken as an equal share, triangular(k/2K, k/K,
 * min(1, 2k/K)). Undefined when the ledger knows no network beyond those named (then nothing
 * says they were not the whole market).
 */
export function networkShare(table: NetworkTable, country: string, named: string[]): { share: number; low: number; high: number; basis: string } | undefined {
  const all = table.get(country);
  const mine = new Set(named.map(networkKey));
  if (!all || ![...mine].every((n) => all.has(n))) return undefined;
  const k = mine.size;
  const K = all.size;
  if (K <= k) return undefined;
  const share = k / K;
  return {
    share,
    low: share / 2,
    high: Math.min(1, 2 * share),
    basis: `${k} of the ${K} networks the ledger names in ${country} (${[...all].sort().join(', ')}), each taken as an equal share of subscribers`,
  };
}
