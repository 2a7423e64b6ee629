/**
 * What the election reads answer, as zod: the OpenAPI document and the dashboard's generated
 * types come from here. Objects are open (`looseObject`): every field named here is published
 * and typed; every field an answer holds is named here (test/integration/elections-schemas.test.ts).
 */
import { z } from 'zod';

/** The election and the files it was read from, at the top of every read. */
export const ElectionRef = z.object({ id: z.string(), kind: z.string(), year: z.number(), title: z.string() });
export const ElectionSource = z.looseObject({
  files: z.array(
    z.looseObject({
      file: z.string(),
      format: z.string().meta({ description: 'protocol, single_mandate or deg_series' }),
      sha256: z.string(),
      imported_at: z.string(),
      lines_read: z.number(),
      stored: z.number(),
      rejected: z.number(),
      flagged: z.number(),
    }),
  ),
  credit: z.string(),
});

/** The region (and district) a read was asked for, as given and as matched. */
const Filter = z.looseObject({
  region: z.string().nullable(),
  region_code: z.string().nullable().optional().meta({ description: 'the ISO 3166-2 code the region matched, when it has one' }),
  district: z.string().nullable().optional(),
  by: z.enum(['region', 'district']).nullable().optional(),
});

const Choice = z.looseObject({
  idx: z.number(),
  label: z.string(),
  label_en: z.string().nullable(),
  votes: z.number(),
  pct_of_cast: z.number().nullable(),
  pct_of_valid: z.number().nullable().meta({ description: 'share of valid ballots' }),
});
/** Totals of a set of stations: counts, turnout, votes and shares per choice. */
const Block = z.looseObject({
  stations: z.number().meta({ description: 'polling stations (regional totals are counted in aggregates, not here)' }),
  aggregates: z.number().meta({ description: 'rows that are regional totals, not polling stations (the 2024 DEG table, one per region)' }),
  flagged: z.number(),
  registered: z.number(),
  issued: z.number(),
  cast: z.number(),
  valid: z.number(),
  invalid: z.number(),
  turnout: z.number().nullable().meta({ description: 'ballots issued / registered, as a fraction' }),
  turnout_pct: z.number().nullable(),
  choices: z.array(Choice),
});
const Totals = z.looseObject({ all: Block, paper: Block, electronic: Block });

export const ElectionSummarySchema = z
  .looseObject({
    election: ElectionRef,
    filter: Filter,
    method: z.string(),
    totals: Totals,
    groups: z
      .array(z.looseObject({ region: z.string().nullable(), region_code: z.string().nullable(), district: z.string().nullable(), ...Totals.shape }))
      .meta({ description: 'the same totals per region or district (with `by`)' }),
    flags: z
      .record(z.string(), z.number())
      .meta({ description: 'rows carrying each flag among the rows selected (the region or district when filtered); a flagged row may carry several' }),
    rejects_scope: z
      .literal('election')
      .meta({ description: 'rejected lines are no station and have no region: rejects_total and rejects are the whole election, whatever the filter' }),
    rejects_total: z.number().meta({ description: "lines of the election's files rejected (not in any total); `rejects` lists the first 20" }),
    rejects: z.array(z.object({ file: z.string(), line: z.number(), reason: z.string(), detail: z.string() })),
    source: ElectionSource,
  })
  .meta({ id: 'ElectionSummary' });

const Excess = z.looseObject({
  observed: z.number(),
  expected: z.number(),
  excess: z.number(),
  sd: z.number(),
  threshold: z.number(),
  analytic_expected: z.number().meta({ description: 'analytic mean (sum of window probabilities), a check on the simulation' }),
});

export const ElectionFingerprintsSchema = z
  .looseObject({
    election: ElectionRef,
    filter: Filter,
    leader: z.looseObject({ idx: z.number(), label: z.string(), label_en: z.string().nullable() }),
    stations_read: z.number(),
    aggregates_left_out: z.number().meta({
      description:
        'rows selected that are regional aggregates, not polling stations (the 2024 DEG table): read by no fingerprint, whatever includeElectronic says',
    }),
    histograms: z.looseObject({
      method: z.string(),
      weight: z.enum(['stations', 'voters']),
      left_out: z.number().meta({ description: 'stations outside the bins (no ballots, or a share above 100 %)' }),
      bin_width: z.number(),
      centres: z.array(z.number()),
      turnout: z.array(z.number()),
      leader: z.array(z.number()),
      stations_included: z.number(),
      version: z.string(),
    }),
    heatmap: z.looseObject({
      method: z.string(),
      weight: z.string().meta({ description: 'voters: each station counts by its registered voters' }),
      stations_included: z.number(),
      cells: z.array(z.array(z.number())).meta({ description: 'each [turnout bin, leader-share bin, stations]' }),
      bin_width: z.number(),
      version: z.string(),
    }),
    shpilkin: z.looseObject({
      method: z.string(),
      reference: z.string(),
      version: z.string(),
      params: z.looseObject({ binWidth: z.number(), includeElectronic: z.boolean(), includeFlagged: z.boolean() }),
      result: z.looseObject({
        excluded: z.looseObject({ electronic: z.number(), flagged: z.number(), no_ballots: z.number(), turnout_over_100: z.number() }),
        flagged_included: z.number(),
        clean_share: z.number().meta({ description: "the leader's share at the honest peak, as a fraction" }),
        anomalous_share_of_leader_pct: z.number(),
        clean_turnout_pct: z.number(),
        official_turnout_pct: z.number(),
        turnout_mode: z.looseObject({
          from: z.number(),
          to: z.number(),
          center: z.number(),
          basis: z.string().meta({ description: 'how the honest peak was chosen (cleanMode), or why the highest bin was taken' }),
        }),
        clean_share_pct: z.number(),
        official_share_pct: z.number(),
        anomalous_votes: z.number(),
        leader_votes: z.number(),
        stations_included: z.number(),
        bins: z.array(
          z.looseObject({
            turnout_from: z.number(),
            valid: z.number(),
            leader: z.number(),
            others: z.number(),
            leader_share: z.number().nullable(),
            expected_leader: z.number().nullable(),
          }),
        ),
      }),
    }),
    integers: z
      .looseObject({
        method: z.string(),
        reference: z.string(),
        version: z.string(),
        params: z.looseObject({
          reps: z.number(),
          seed: z.number(),
          half: z.number().meta({ description: 'half-width of the window around each integer, in percentage points' }),
          minVoters: z.number(),
          maxFraction: z.number(),
          includeFlagged: z.boolean(),
          includeElectronic: z.boolean(),
          percentile: z.number(),
        }),
        result: z.looseObject({
          stations_included: z.number(),
          excluded: z.looseObject({ small: z.number(), no_ballots: z.number(), above_max: z.number(), flagged: z.number(), electronic: z.number() }),
          flagged_included: z.number(),
          either: Excess,
          leader: Excess,
          turnout: Excess,
          by_region: z.array(z.looseObject({ region: z.string(), stations: z.number(), either: Excess })),
        }),
      })
      .nullable()
      .meta({ description: 'null when reps = 0' }),
    source: ElectionSource,
  })
  .meta({ id: 'ElectionFingerprints' });

const Standing = z.looseObject({ name: z.string(), votes: z.number(), pct: z.number().nullable() });
/** One side (paper or electronic) of a district's party-list vote. */
const PartySide = z.looseObject({
  stations: z.number(),
  aggregates: z.number().meta({ description: 'regional totals (2024 DEG), not polling stations' }),
  registered: z.number(),
  issued: z.number(),
  cast: z.number(),
  turnout_pct: z.number().nullable(),
  leader: Standing,
  choices: z.array(Standing),
});
/** One DEG series of a district: bin starts (epoch ms UTC), votes per choice per bin, and their sum. */
const DistrictSeries = z.object({ t: z.array(z.number()), votes: z.record(z.string(), z.array(z.number())), total: z.number() });
const Sides = z.object({ paper: z.number(), electronic: z.number(), total: z.number() });
const SmStanding = z.looseObject({
  name: z.string(),
  votes: z.number(),
  pct: z.number().nullable().meta({ description: 'share of ballots cast (valid + invalid); null when the source gives no base' }),
  pct_of_valid: z.number().nullable().meta({ description: "share of valid votes (the candidates' votes summed)" }),
});
const Bounds = z.tuple([z.number(), z.number()]);
const SmCandidate = z.object({
  candidate: z.string(),
  paper: z.number(),
  electronic: z.number(),
  total: z.number(),
  paper_pct: z.number().nullable().meta({ description: 'share of paper ballots cast' }),
  electronic_pct: z.number().nullable().meta({ description: 'share of electronic ballots cast' }),
  total_pct: z.number().nullable().meta({ description: 'share of all ballots cast' }),
  paper_pct_of_valid: z.number().nullable(),
  electronic_pct_of_valid: z.number().nullable(),
  total_pct_of_valid: z.number().nullable(),
});
const SeriesSum = z.object({
  ballots: z.array(z.number()),
  total: z.number(),
  choices: z.array(z.object({ name: z.string(), label_en: z.string().nullable(), votes: z.array(z.number()), total: z.number() })),
});
const DegTimeline = z
  .object({
    bin_minutes: z.number(),
    t: z.array(z.number()).meta({ description: 'bin starts, epoch ms UTC' }),
    districts: z.array(z.number()),
    single_mandate: SeriesSum.nullable(),
    party_list: SeriesSum.nullable(),
    final_electronic_cast: z.number().meta({ description: 'final electronic ballots cast in the same districts, to set against the bins' }),
    method: z.string(),
    credit: z.string(),
  })
  .meta({ description: 'the DEG decryption series summed over the districts (votes per bin, per choice)' });

export const ElectionElectronicSchema = z
  .looseObject({
    election: ElectionRef,
    filter: Filter,
    version: z.string(),
    method: z.string(),
    caveats: z.array(z.string()),
    summary: z.looseObject({
      districts: z.number(),
      with_single_mandate: z.number(),
      single_mandate_changed_by_deg: z.number(),
      party_list_changed_by_deg: z.number(),
      electronic_ballots_cast: z.number(),
      electronic_ballots_issued: z.number(),
      single_mandate_districts_without_stations: z.array(z.number()),
    }),
    districts: z.array(
      z.looseObject({
        district: z.number().nullable(),
        oik: z.string().nullable(),
        region: z.string().nullable(),
        region_code: z.string().nullable(),
        single_mandate: z
          .looseObject({
            paper_leader: SmStanding,
            electronic_leader: SmStanding,
            winner: SmStanding,
            runner_up: SmStanding.nullable(),
            margin_votes: z.number(),
            margin_pct: z.number().nullable().meta({ description: 'of all ballots cast' }),
            margin_pct_of_valid: z.number().nullable(),
            winner_paper_margin_votes: z.number(),
            changed_by_deg: z.boolean(),
            valid_votes: Sides.meta({ description: "valid votes: the candidates' votes summed, paper, electronic and together" }),
            ballots: Sides.nullable().meta({
              description: 'ballots cast (valid + invalid), the base of the shares: the middle of ballots_range; null when the source prints no percentages',
            }),
            ballots_range: z
              .object({ paper: Bounds, electronic: Bounds, total: Bounds })
              .nullable()
              .meta({ description: "every integer base the source's two-decimal percentages agree with (inclusive)" }),
            flagged_rows: z.number(),
            candidates: z.array(SmCandidate),
          })
          .nullable(),
        party_list: z.looseObject({
          paper: PartySide.nullable(),
          electronic: PartySide.nullable(),
          combined_leader: Standing,
          changed_by_deg: z.boolean(),
          electronic_share_of_cast_pct: z.number().nullable(),
        }),
        deg_series: z
          .looseObject({ single_mandate: DistrictSeries.nullable(), party_list: DistrictSeries.nullable() })
          .nullable()
          .meta({ description: "the district's own DEG series (with `series`), else null" }),
      }),
    ),
    deg_timeline: DegTimeline.nullable(),
    source: ElectionSource,
  })
  .meta({ id: 'ElectionElectronic' });
