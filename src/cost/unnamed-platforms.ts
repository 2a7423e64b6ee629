/**
 * A block of "social media" that names no platform (STOP's `other_affected` "Social media",
 * "Social media only", "Unspecified social media services": 13 records, mostly 2016–2018 in
 * Ethiopia, Mali, Uganda, Zimbabwe, Iraq, Pakistan, Somaliland, and two Indian district blocks
 * of 2023). Left unpriced, nothing was blocked; priced as every social platform, the most. Its
 * weight is instead an input with its uncertainty, from the blocks of the same country that did
 * name their platforms: each one's weight (its platforms' weights added, at most 1), each equally
 * likely; from five such blocks, else each country's median weight, each country once
 * (docs/design/014-price-of-an-hour.md, Decision 14). A block that names some platforms and an
 * unnamed rest ("Facebook, Other social media platforms") prices the named ones and says the rest
 * is not priced (event-scenario.ts): the rest is not known to be a whole block's worth.
 */
import type { LedgerEvent } from '../ledger/index.js';
import { findPlatform, platformWeightIn, WEIGHED_KINDS } from './platforms.js';
import { MIN_PLACED } from './unknown-area.js';
import { quartilesOf } from './unknown-end.js';

/** A target that says "social media" (or "messaging") and names no platform; STOP's lists arrive split at commas. */
export const UNNAMED_SOCIAL = /^(unspecified\s+|other\s+)?(messaging|social\s+media)(\s+(only|platforms?|services?|sites?|apps?))?$/i;

/** True when every target of the event says "social media" and names no platform. */
export const unnamedSocialOnly = (e: Pick<LedgerEvent, 'targets'>): boolean =>
  e.targets.length > 0 && e.targets.every((t) => UNNAMED_SOCIAL.test(t.name.trim()));

export interface BlockWeights {
  n: number;
  q1: number;
  median: number;
  q3: number;
  /** The class, ascending: each drawn with equal chance. */
  values: number[];
  /** A country code, or "all countries". */
  of: string;
  counted: 'blocks' | 'countries';
}

/** Per country: the weights of its single-country blocks whose every target the platform table weighs. */
export type BlockWeightTable = Map<string, number[]>;

export function blockWeightTable(events: readonly LedgerEvent[]): BlockWeightTable {
  const t: BlockWeightTable = new Map();
  for (const e of events) {
    if (e.category !== 'block' || e.countries.length !== 1 || e.status === 'retracted') continue;
    const targets = e.targets.filter((x) => WEIGHED_KINDS.includes(x.kind));
    const found = targets.map((x) => findPlatform(x.name));
    if (!targets.length || found.some((p) => !p)) continue;
    const cc = e.countries[0]!;
    const ids = new Set<string>();
    let w = 0;
    for (const p of found) {
      if (!p || ids.has(p.id)) continue;
      ids.add(p.id);
      w += platformWeightIn(p, cc).weight;
    }
    t.set(cc, [...(t.get(cc) ?? []), Math.min(1, w)]);
  }
  return t;
}

const classOf = (v: number[], of: string, counted: BlockWeights['counted']): BlockWeights => ({
  ...quartilesOf(v),
  values: [...v].sort((a, b) => a - b),
  of,
  counted,
});

/** The weights an unnamed social-media block in `country` is drawn from, or undefined when no block named its platforms. */
export function blockWeightsFor(table: BlockWeightTable, country: string): BlockWeights | undefined {
  const own = table.get(country);
  if (own && own.length >= MIN_PLACED) return classOf(own, country, 'blocks');
  const medians = [...table.values()].filter((v) => v.length).map((v) => quartilesOf(v).median);
  return medians.length ? classOf(medians, 'all countries', 'countries') : undefined;
}
