/**
 * The DEG decryption series: votes per 20-minute bin, per district and per candidate
 * (single-mandate ballots) or party (party-list ballots), and the same summed over the districts
 * a comparison covers. Bins count every ballot decrypted, re-votes included, so they sum above
 * the final electronic totals; the timeline carries both sums, the final one over the very
 * districts the bins cover, so the gap is like for like.
 */
import type { ElectionChoiceRecord } from '../store/index.js';
import type { DegTimeline, DistrictSeries, SeriesSum } from './model.js';
import { choiceEnglish } from './protocol.js';
import type { ElectionDeps } from './query.js';

export const DEG_SERIES_CREDIT =
  'DEG ballots decrypted per 20-minute bin, derived by github.com/denull/elections-2021 (docs/js/, commit a396ecd) from the DEG transaction dump published by Moscow’s observation portal.';

type Kind = 'single_mandate' | 'party';

/** Bins of one series per district (only the districts asked for, when a set is given). */
async function byDistrict(deps: ElectionDeps, id: string, kind: Kind, only: Set<number>): Promise<Map<number, DistrictSeries>> {
  const out = new Map<number, DistrictSeries & { at: Map<number, number> }>();
  for (const b of await deps.store.elections.degBins(id, kind)) {
    if (!only.has(b.district)) continue;
    let d = out.get(b.district);
    if (!d) out.set(b.district, (d = { t: [], votes: {}, total: 0, at: new Map() }));
    let i = d.at.get(b.t);
    if (i === undefined) d.at.set(b.t, (i = d.t.push(b.t) - 1));
    (d.votes[b.choice] ??= [])[i] = b.votes;
    d.total += b.votes;
  }
  for (const d of out.values()) for (const k of Object.keys(d.votes)) d.votes[k] = Array.from(d.t, (_, i) => d.votes[k]![i] ?? 0);
  return new Map([...out].map(([k, { t, votes, total }]) => [k, { t, votes, total }]));
}

/** English name of a series' choice: the party-list choice whose label it names, else a known alias. */
function englishOf(name: string, choices: ElectionChoiceRecord[]): string | null {
  const low = name.toLowerCase().replace(/ё/g, 'е');
  const hit = choices.find((c) => c.label.toLowerCase().replace(/ё/g, 'е') === low);
  return hit?.label_en ?? choiceEnglish(name);
}

function sum(series: Map<number, DistrictSeries>, axis: number[], choices: ElectionChoiceRecord[]): SeriesSum | null {
  if (series.size === 0) return null;
  const pos = new Map(axis.map((t, i) => [t, i]));
  const by = new Map<string, number[]>();
  for (const d of series.values())
    for (const [name, v] of Object.entries(d.votes)) {
      const acc = by.get(name) ?? by.set(name, new Array<number>(axis.length).fill(0)).get(name)!;
      d.t.forEach((t, i) => (acc[pos.get(t)!]! += v[i]!));
    }
  const list = [...by].map(([name, votes]) => ({ name, label_en: englishOf(name, choices), votes, total: votes.reduce((a, b) => a + b, 0) }));
  list.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  return {
    ballots: axis.map((_, i) => list.reduce((a, c) => a + c.votes[i]!, 0)),
    total: list.reduce((a, c) => a + c.total, 0),
    choices: list,
  };
}

/**
 * Both series for the given districts: per district (when `perDistrict`) and summed. Null when
 * the election has no DEG series for any of them.
 */
export async function degSeries(
  deps: ElectionDeps,
  id: string,
  q: { districts: number[]; choices: ElectionChoiceRecord[]; finalElectronicCast: ReadonlyMap<number, number> },
): Promise<{ timeline: DegTimeline | null; perDistrict: Map<number, { single_mandate: DistrictSeries | null; party_list: DistrictSeries | null }> }> {
  const only = new Set(q.districts);
  const sm = await byDistrict(deps, id, 'single_mandate', only);
  const pl = await byDistrict(deps, id, 'party', only);
  const perDistrict = new Map([...only].map((no) => [no, { single_mandate: sm.get(no) ?? null, party_list: pl.get(no) ?? null }]));
  const axis = [...new Set([...sm.values(), ...pl.values()].flatMap((d) => d.t))].sort((a, b) => a - b);
  if (axis.length === 0) return { timeline: null, perDistrict };
  const covered = [...new Set([...sm.keys(), ...pl.keys()])].sort((a, b) => a - b);
  const step = axis.length > 1 ? Math.min(...axis.slice(1).map((t, i) => t - axis[i]!)) : 0;
  return {
    timeline: {
      bin_minutes: step / 60_000,
      t: axis,
      districts: covered,
      single_mandate: sum(sm, axis, q.choices),
      party_list: sum(pl, axis, q.choices),
      final_electronic_cast: covered.reduce((a, no) => a + (q.finalElectronicCast.get(no) ?? 0), 0),
      method:
        'Votes decrypted per bin, summed over the districts listed; a bin is [t, t + bin_minutes). Every decrypted ballot counts, including ballots a later re-vote superseded, so the sums exceed final_electronic_cast, the final electronic party-list ballots cast in the same districts listed (not in every district with electronic votes).',
      credit: DEG_SERIES_CREDIT,
    },
    perDistrict,
  };
}
