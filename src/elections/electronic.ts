/**
 * Paper versus electronic: per district, who led on paper ballots, who led on remote
 * electronic (DEG) ballots, who won once both were added, the margins, and whether the
 * electronic votes changed the winner. Party-list figures come from the station rows (paper
 * stations against the district's DEG pseudo-station); single-mandate figures from the
 * district results table where one is imported. Districts are matched on their federal number
 * (ОИК №196 ... №210 in Moscow), which is unique nationwide.
 */
import type { ElectionDistrictResultRecord, ElectionTotalsRow } from '../store/index.js';
import { degSeries } from './deg-series.js';
import { filterFor, loadElection, pct, sourceOf, type ElectionDeps, type Loaded } from './query.js';

export const ELECTRONIC_VERSION = '1.0.0';

/** The caveats a comparison states, each only where it applies: DEG at all, the 20-minute series, Meduza's table. */
export const DEG_CAVEATS = [
  'DEG ballots cannot be observed independently: the count is what the DEG system reports.',
  'The 20-minute DEG series counts every ballot decrypted, including ballots later superseded by a re-vote (about 2.00 million against about 1.82 million final single-mandate ballots in Moscow): bins sum above the final electronic totals.',
  "Single-mandate paper totals (Meduza's table) are about 10 % below the party-list paper ballots of the same districts; not checked against the CEC's single-mandate protocols.",
];

const districtNo = (oik: string | null): number | null => {
  const m = oik ? /(\d+)\s*$/.exec(oik) : null;
  return m ? Number(m[1]) : null;
};

type Standing = {
  name: string;
  votes: number;
  pct: number | null;
};

function ranked(items: { name: string; votes: number }[], base: number): Standing[] {
  return [...items].sort((a, b) => b.votes - a.votes || a.name.localeCompare(b.name)).map((x) => ({ name: x.name, votes: x.votes, pct: pct(x.votes, base) }));
}

function singleMandate(rows: ElectionDistrictResultRecord[]) {
  const sum = (k: 'paper' | 'electronic' | 'total') => rows.reduce((a, r) => a + r[k], 0);
  const paper = ranked(
    rows.map((r) => ({ name: r.candidate, votes: r.paper })),
    sum('paper'),
  );
  const electronic = ranked(
    rows.map((r) => ({ name: r.candidate, votes: r.electronic })),
    sum('electronic'),
  );
  const total = ranked(
    rows.map((r) => ({ name: r.candidate, votes: r.total })),
    sum('total'),
  );
  const winner = total[0]!;
  const paperOf = (name: string) => paper.find((p) => p.name === name)!;
  return {
    paper_leader: paper[0]!,
    electronic_leader: electronic[0]!,
    winner,
    runner_up: total[1] ?? null,
    margin_votes: winner.votes - (total[1]?.votes ?? 0),
    margin_pct: Math.round(((winner.pct ?? 0) - (total[1]?.pct ?? 0)) * 100) / 100,
    /** How far the final winner trailed (negative) or led on paper. */
    winner_paper_margin_votes: paperOf(winner.name).votes - (paper[0]!.name === winner.name ? (paper[1]?.votes ?? 0) : paper[0]!.votes),
    changed_by_deg: paper[0]!.name !== winner.name,
    ballots: { paper: sum('paper'), electronic: sum('electronic'), total: sum('total') },
    flagged_rows: rows.filter((r) => r.flags.length).length,
    candidates: rows
      .map((r) => ({
        candidate: r.candidate,
        paper: r.paper,
        electronic: r.electronic,
        total: r.total,
        paper_pct: pct(r.paper, sum('paper')),
        electronic_pct: pct(r.electronic, sum('electronic')),
        total_pct: pct(r.total, sum('total')),
      }))
      .sort((a, b) => b.total - a.total),
  };
}

function partyList(l: Loaded, paper: ElectionTotalsRow | undefined, electronic: ElectionTotalsRow | undefined) {
  const side = (r: ElectionTotalsRow | undefined) => {
    if (!r) return null;
    const choices = ranked(
      l.choices.map((c) => ({ name: c.label_en ?? c.label, votes: Number(r.votes[c.idx] ?? 0) })),
      Number(r.cast),
    );
    return {
      stations: r.stations,
      registered: Number(r.registered),
      issued: Number(r.issued),
      cast: Number(r.cast),
      turnout_pct: pct(Number(r.issued), Number(r.registered)),
      leader: choices[0]!,
      choices,
    };
  };
  const p = side(paper);
  const e = side(electronic);
  const combined = ranked(
    l.choices.map((c) => ({ name: c.label_en ?? c.label, votes: Number(paper?.votes[c.idx] ?? 0) + Number(electronic?.votes[c.idx] ?? 0) })),
    Number(paper?.cast ?? 0) + Number(electronic?.cast ?? 0),
  );
  return {
    paper: p,
    electronic: e,
    combined_leader: combined[0]!,
    electronic_share_of_cast_pct: pct(Number(electronic?.cast ?? 0), Number(paper?.cast ?? 0) + Number(electronic?.cast ?? 0)),
    changed_by_deg: p !== null && p.leader.name !== combined[0]!.name,
  };
}

export async function electronicComparison(deps: ElectionDeps, q: { id: string; region?: string; series?: boolean }) {
  const l = await loadElection(deps, q.id);
  const f = await filterFor(deps, q.id, { region: q.region });
  const rows = await deps.store.elections.totals(q.id, 'district', f);
  const byDistrict = new Map<
    string,
    { region: string | null; region_code: string | null; oik: string | null; paper?: ElectionTotalsRow; electronic?: ElectionTotalsRow }
  >();
  for (const r of rows) {
    const k = `${r.region}|${r.district}`;
    const d = byDistrict.get(k) ?? { region: r.region, region_code: r.region_code, oik: r.district };
    if (r.electronic) d.electronic = r;
    else d.paper = r;
    byDistrict.set(k, d);
  }
  const results = await deps.store.elections.districtResults(q.id);
  const smByNo = new Map<number, ElectionDistrictResultRecord[]>();
  for (const r of results) smByNo.set(r.district, [...(smByNo.get(r.district) ?? []), r]);
  const districts = [...byDistrict.values()]
    .filter((d) => d.electronic || smByNo.has(districtNo(d.oik) ?? -1))
    .map((d) => {
      const no = districtNo(d.oik);
      const sm = no !== null && smByNo.has(no) ? singleMandate(smByNo.get(no)!) : null;
      return {
        district: no,
        oik: d.oik,
        region: d.region,
        region_code: d.region_code,
        single_mandate: sm,
        party_list: partyList(l, d.paper, d.electronic),
      };
    })
    .sort((a, b) => (a.district ?? 0) - (b.district ?? 0));
  const numbers = districts.map((d) => d.district).filter((x): x is number => x !== null);
  const finalElectronicCast = districts.reduce((a, d) => a + (d.party_list.electronic?.cast ?? 0), 0);
  const series = await degSeries(deps, q.id, { districts: numbers, choices: l.choices, finalElectronicCast });
  // A district result is unmatched when no station of the election is in its district; asked for
  // one region, districts with stations in another region are not this region's to report.
  const stationDistricts = new Set((q.region ? await deps.store.elections.totals(q.id, 'district', {}) : rows).map((r) => districtNo(r.district)));
  const unmatched = [...smByNo.keys()].filter((no) => !stationDistricts.has(no));
  const caveats = [
    ...(districts.some((d) => d.party_list.electronic)
      ? [DEG_CAVEATS[0]!]
      : [`No electronic (DEG) votes in the imported data of ${q.id}${q.region ? ` for region "${q.region}"` : ''}: nothing to compare.`]),
    ...(series.timeline ? [DEG_CAVEATS[1]!] : []),
    ...(districts.some((d) => d.single_mandate) ? [DEG_CAVEATS[2]!] : []),
  ];
  return {
    election: l.election,
    filter: { region: q.region ?? null, region_code: f.region_code ?? null },
    version: ELECTRONIC_VERSION,
    method:
      'Per district: party-list votes of paper stations against the DEG pseudo-station(s) of the same district (shares of ballots cast); single-mandate candidates from the district results table (paper, electronic, total). ' +
      '"changed_by_deg": the leader on paper is not the winner once electronic votes are added.',
    caveats,
    summary: {
      districts: districts.length,
      with_single_mandate: districts.filter((d) => d.single_mandate).length,
      single_mandate_changed_by_deg: districts.filter((d) => d.single_mandate?.changed_by_deg).length,
      party_list_changed_by_deg: districts.filter((d) => d.party_list.changed_by_deg).length,
      electronic_ballots_cast: finalElectronicCast,
      electronic_ballots_issued: districts.reduce((a, d) => a + (d.party_list.electronic?.issued ?? 0), 0),
      single_mandate_districts_without_stations: unmatched,
    },
    districts: districts.map((d) => ({ ...d, deg_series: q.series && d.district !== null ? (series.perDistrict.get(d.district) ?? null) : null })),
    deg_timeline: series.timeline,
    source: sourceOf(l),
  };
}
