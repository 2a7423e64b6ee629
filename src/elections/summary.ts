/**
 * Totals of an election, a region or a district, paper and electronic apart and together:
 * registered voters, ballots issued and cast, turnout, and every party's or candidate's votes.
 * Percentages follow the CEC: a choice's share is of ballots cast (valid + invalid), turnout
 * is ballots issued over registered voters; the share of valid ballots is given beside it.
 * `flags` count the rows the region or district selects; rejected lines are no station and have
 * no region, so `rejects_total` and `rejects` are the whole election's (`rejects_scope`).
 */
import type { ElectionSums, ElectionTotalsRow } from '../store/index.js';
import { groupKey } from './groups.js';
import { filterFor, loadElection, pct, sourceOf, type ElectionDeps, type Loaded } from './query.js';

export type Block = ElectionSums & {
  turnout: number | null;
  turnout_pct: number | null;
  choices: { idx: number; label: string; label_en: string | null; votes: number; pct_of_cast: number | null; pct_of_valid: number | null }[];
};

const SUMS: readonly (keyof ElectionSums)[] = ['stations', 'aggregates', 'flagged', 'registered', 'issued', 'cast', 'valid', 'invalid'];

function block(l: Loaded, rows: ElectionTotalsRow[]): Block {
  const b: ElectionSums = { stations: 0, aggregates: 0, flagged: 0, registered: 0, issued: 0, cast: 0, valid: 0, invalid: 0 };
  for (const r of rows) for (const k of SUMS) b[k] += Number(r[k]);
  return {
    ...b,
    turnout: b.registered > 0 ? b.issued / b.registered : null,
    turnout_pct: pct(b.issued, b.registered),
    choices: l.choices.map((c) => {
      const votes = rows.reduce((a, r) => a + Number(r.votes[c.idx] ?? 0), 0);
      return { idx: c.idx, label: c.label, label_en: c.label_en, votes, pct_of_cast: pct(votes, b.cast), pct_of_valid: pct(votes, b.valid) };
    }),
  };
}

const split = (l: Loaded, rows: ElectionTotalsRow[]) => ({
  all: block(l, rows),
  paper: block(
    l,
    rows.filter((r) => !r.electronic),
  ),
  electronic: block(
    l,
    rows.filter((r) => r.electronic),
  ),
});

export async function electionSummary(deps: ElectionDeps, q: { id: string; region?: string; district?: string; by?: 'region' | 'district' }) {
  const l = await loadElection(deps, q.id);
  const f = await filterFor(deps, q.id, q);
  const totals = await deps.store.elections.totals(q.id, 'election', f);
  const groups = q.by ? await deps.store.elections.totals(q.id, q.by, f) : [];
  // A region or district two files spell two ways is one group, as it is one station's name.
  const keyed = new Map<string, ElectionTotalsRow[]>();
  for (const r of groups) {
    const k = groupKey(r);
    keyed.set(k, [...(keyed.get(k) ?? []), r]);
  }
  return {
    election: l.election,
    filter: { region: q.region ?? null, region_code: f.region_code ?? null, district: q.district ?? null, by: q.by ?? null },
    method:
      'Sums over stored polling-station rows (flagged rows included, counted in `flagged`). Turnout = ballots issued (early + in station + outside) / registered voters. ' +
      'Shares: of ballots cast (valid + invalid), the base of the CEC\'s published percentages; pct_of_valid beside it. Electronic = DEG pseudo-stations (Moscow 5001-5015, "Дистанционное электронное голосование" commissions, regional DEG totals).',
    totals: split(l, totals),
    groups: [...keyed.values()].map((rows) => ({ region: rows[0]!.region, region_code: rows[0]!.region_code, district: rows[0]!.district, ...split(l, rows) })),
    flags: await deps.store.elections.flagCounts(q.id, f),
    rejects_scope: 'election' as const,
    rejects_total: l.files.reduce((a, x) => a + x.rejected, 0),
    rejects: await deps.store.elections.rejects(q.id, 20),
    source: sourceOf(l),
  };
}

/** Every reject stored for an election counts in `total`; `items` are the first `limit`, by file and line. */
export async function electionRejects(deps: ElectionDeps, q: { id: string; limit: number }) {
  const l = await loadElection(deps, q.id);
  const all = await deps.store.elections.rejects(q.id, Number.MAX_SAFE_INTEGER);
  return { election: l.election.id, total: all.length, items: all.slice(0, q.limit) };
}

/** The imported elections, each with the ledger events about its technology that this database holds (an id the ledger lacks would link nowhere). */
export async function listElections(deps: ElectionDeps) {
  const items = await deps.store.elections.list();
  const held = new Set<string>();
  for (const id of new Set(Object.values(LEDGER_EVENTS).flat())) if (await deps.store.ledger.getEvent(id)) held.add(id);
  return { items: items.map((e) => ({ ...e, ledger_events: (LEDGER_EVENTS[e.id] ?? []).filter((id) => held.has(id)) })) };
}

/** Ledger events about an election's technology (shown on both sides). */
export const LEDGER_EVENTS: Record<string, string[]> = {
  'duma-2021': ['ru-2021-moscow-e-voting', 'ru-2021-kremlin-e-voting-2024-announcement'],
};
