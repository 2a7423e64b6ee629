/**
 * Paper versus electronic: per district, who led on paper ballots, who led on remote
 * electronic (DEG) ballots, who won once both were added, the margins, and whether the
 * electronic votes changed the winner. Party-list figures come from the station rows (paper
 * stations against the district's DEG pseudo-station); single-mandate figures from the
 * district results table where one is imported, shares of ballots cast as the table's own
 * percentages give them (single-mandate.ts). Districts are matched on their federal number
 * (ОИК №196 ... №210 in Moscow), which is unique nationwide.
 */
import type { ElectionDistrictResultRecord, ElectionTotalsRow } from '../store/index.js';
import { degSeries } from './deg-series.js';
import { districtNumber, groupKey, mergedTotals } from './groups.js';
import { filterFor, loadElection, pct, sourceOf, type ElectionDeps, type Loaded } from './query.js';
import { ranked, singleMandate } from './single-mandate.js';

export const ELECTRONIC_VERSION = '1.0.0';

/** The caveats a comparison states, each only where it applies: DEG at all, the 20-minute series, Meduza's table. */
export const DEG_CAVEATS = [
  'DEG ballots cannot be observed independently: the count is what the DEG system reports.',
  'The 20-minute DEG series counts every ballot decrypted, including ballots later superseded by a re-vote (about 2.00 million against about 1.82 million final single-mandate ballots in Moscow): bins sum above the final electronic totals.',
  "Single-mandate paper ballots cast (Meduza's table, the base its percentages imply) are about 8 % below the party-list paper ballots cast of the same districts (valid votes about 12 % below); not checked against the CEC's single-mandate protocols.",
];

/** Where single-mandate shares of ballots cast come from, and the districts that have none. */
function castCaveats(
  ds: { no: number | null; printed: boolean; sm: { ballots: unknown; ballots_range: { paper: [number, number] } | null } | null }[],
): string[] {
  const sm = ds.filter((d) => d.sm);
  const known = sm.filter((d) => d.sm!.ballots_range);
  const without = sm.filter((d) => !d.sm!.ballots_range && !d.printed).map((d) => d.no);
  const disagree = sm.filter((d) => !d.sm!.ballots_range && d.printed).map((d) => d.no);
  const widest = Math.max(0, ...known.map((d) => d.sm!.ballots_range!.paper[1] - d.sm!.ballots_range!.paper[0] + 1));
  return [
    ...(known.length
      ? [
          `Single-mandate ballots cast (valid + invalid) are not a count in Meduza's table: they are the integers its two-decimal percentages agree with (ballots_range, at most ${widest} paper ballots wide here), the middle one used, so every share rounds to the table's percentage.`,
        ]
      : []),
    ...(without.length
      ? [
          `Single-mandate district${without.length > 1 ? 's' : ''} ${without.join(', ')}: no ballots-cast base (the stored rows carry no percentages from the source; importing the table again with --force adds them where it prints them): shares of ballots cast are null, pct_of_valid is of valid votes.`,
        ]
      : []),
    ...(disagree.length
      ? [
          `Single-mandate district${disagree.length > 1 ? 's' : ''} ${disagree.join(', ')}: no ballots-cast base (the table's printed percentages agree with no one count of ballots cast; the rows at fault are flagged pct_no_base at import): shares of ballots cast are null, pct_of_valid is of valid votes.`,
        ]
      : []),
  ];
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
      aggregates: r.aggregates,
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
  const rows = mergedTotals(await deps.store.elections.totals(q.id, 'district', f));
  const byDistrict = new Map<
    string,
    { region: string | null; region_code: string | null; oik: string | null; paper?: ElectionTotalsRow; electronic?: ElectionTotalsRow }
  >();
  for (const r of rows) {
    const k = groupKey(r);
    const d = byDistrict.get(k) ?? { region: r.region, region_code: r.region_code, oik: r.district };
    if (r.electronic) d.electronic = r;
    else d.paper = r;
    byDistrict.set(k, d);
  }
  const results = await deps.store.elections.districtResults(q.id);
  const smByNo = new Map<number, ElectionDistrictResultRecord[]>();
  for (const r of results) smByNo.set(r.district, [...(smByNo.get(r.district) ?? []), r]);
  const districts = [...byDistrict.values()]
    .filter((d) => d.electronic || smByNo.has(districtNumber(d.oik) ?? -1))
    .map((d) => {
      const no = districtNumber(d.oik);
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
  const castByNo = new Map<number, number>();
  for (const d of districts) if (d.district !== null) castByNo.set(d.district, (castByNo.get(d.district) ?? 0) + (d.party_list.electronic?.cast ?? 0));
  const series = await degSeries(deps, q.id, { districts: numbers, choices: l.choices, finalElectronicCast: castByNo });
  // A district result is unmatched when no station of the election is in its district; asked for
  // one region, districts with stations in another region are not this region's to report.
  const stationDistricts = new Set((q.region ? await deps.store.elections.totals(q.id, 'district', {}) : rows).map((r) => districtNumber(r.district)));
  const unmatched = [...smByNo.keys()].filter((no) => !stationDistricts.has(no));
  const caveats = [
    ...(districts.some((d) => d.party_list.electronic)
      ? [DEG_CAVEATS[0]!]
      : [`No electronic (DEG) votes in the imported data of ${q.id}${q.region ? ` for region "${q.region}"` : ''}: nothing to compare.`]),
    ...(series.timeline ? [DEG_CAVEATS[1]!] : []),
    ...(districts.some((d) => d.single_mandate) ? [DEG_CAVEATS[2]!] : []),
    ...castCaveats(
      districts.map((d) => ({
        no: d.district,
        sm: d.single_mandate,
        printed: (smByNo.get(d.district ?? -1) ?? []).some((r) => r.paper_pct !== null || r.electronic_pct !== null || r.total_pct !== null),
      })),
    ),
  ];
  return {
    election: l.election,
    filter: { region: q.region ?? null, region_code: f.region_code ?? null },
    version: ELECTRONIC_VERSION,
    method:
      'Per district: party-list votes of paper stations against the DEG pseudo-station(s) of the same district (shares of ballots cast); single-mandate candidates from the district results table (paper, electronic, total). ' +
      "Single-mandate shares (pct, paper_pct, electronic_pct, total_pct) are of ballots cast (valid + invalid, `ballots`), the base the table's own two-decimal percentages imply; pct_of_valid is of the candidates' votes summed (`valid_votes`). " +
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
