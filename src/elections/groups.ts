/**
 * Stations grouped by region or district as they are keyed (`stationPart`): a region or ОИК name
 * that two files of one election write two ways (Unicode form, spacing, case, zeros before a
 * number) is one group, as it is one station to the duplicate check; and a district is known by
 * the number its name gives, however the name gives it. Pure: the store groups by the names as
 * stored, these merge what it returns.
 */
import type { ElectionArrays, ElectionTotalsRow } from '../store/index.js';
import { stationPart } from './model.js';

/**
 * The single-mandate district (ОИК) number a stored ОИК name gives: the number after "№"
 * ("ОИК №39", "ОИК № 039", 2021), else the number the name begins with ("39 Алтайский край -
 * Барнаульский", 2016), else the number it ends with; null when it gives none.
 */
export function districtNumber(oik: string | null): number | null {
  if (!oik) return null;
  const m = /№\s*(\d+)/.exec(oik) ?? /^\s*(\d+)(?!\d)/.exec(oik) ?? /(\d+)\s*$/.exec(oik);
  return m ? Number(m[1]) : null;
}

/** The key of a row's group: its region and district names as stations are compared. */
export const groupKey = (r: { region: string | null; district: string | null }): string => `${stationPart(r.region ?? '')}|${stationPart(r.district ?? '')}`;

const SUMMED = ['stations', 'aggregates', 'flagged', 'registered', 'issued', 'cast', 'valid', 'invalid'] as const;

/**
 * The store's group rows with the rows of one group (by `groupKey`) and one side (paper or
 * electronic) summed into one, named as the first of them; order of first appearance kept.
 */
export function mergedTotals(rows: ElectionTotalsRow[]): ElectionTotalsRow[] {
  const out = new Map<string, ElectionTotalsRow>();
  for (const r of rows) {
    const k = `${groupKey(r)}|${r.electronic}`;
    const into = out.get(k);
    if (!into) {
      out.set(k, { ...r, votes: r.votes.map(Number) });
      continue;
    }
    for (const c of SUMMED) into[c] = Number(into[c]) + Number(r[c]);
    into.region_code ??= r.region_code;
    r.votes.forEach((v, i) => (into.votes[i] = (into.votes[i] ?? 0) + Number(v)));
  }
  return [...out.values()];
}

/** The fingerprints' station arrays with the regions of one name (as stations are compared) as one region, named as the first. */
export function mergedRegions(a: ElectionArrays): ElectionArrays {
  const first = new Map<string, number>();
  const regions: string[] = [];
  const to = a.regions.map((name) => {
    const k = stationPart(name);
    let idx = first.get(k);
    if (idx === undefined) {
      idx = regions.push(name) - 1;
      first.set(k, idx);
    }
    return idx;
  });
  if (regions.length === a.regions.length) return a;
  return { ...a, region: a.region.map((k) => to[k]!), regions };
}
