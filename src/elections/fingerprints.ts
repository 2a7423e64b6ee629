/**
 * The fingerprints as the CLI and API serve them: each result names its method, version,
 * parameters (seed included), the stations it used and left out (flagged rows counted), the
 * leader it measured, and the data it came from. They read polling stations only: the rows that
 * are regional aggregates (the 2024 DEG table) are counted in `aggregates_left_out`, whatever
 * `includeElectronic` says, so stations_read + aggregates_left_out is every row selected.
 */
import { mergedRegions } from './groups.js';
import { histograms, heatmap, HISTOGRAM_VERSION } from './histograms.js';
import { DEFAULT_INTEGERS, integerFingerprintInSteps, INTEGERS_VERSION, type IntegersParams } from './integers.js';
import { filterFor, leaderOf, loadElection, sourceOf, type ElectionDeps } from './query.js';
import { DEFAULT_SHPILKIN, shpilkinEstimate, shpilkinMethod, SHPILKIN_VERSION, type ShpilkinParams } from './shpilkin.js';

export interface FingerprintQuery {
  id: string;
  region?: string;
  leader?: string;
}

async function inputs(deps: ElectionDeps, q: FingerprintQuery) {
  const l = await loadElection(deps, q.id);
  const leader = await leaderOf(deps, l, q.leader);
  const f = await filterFor(deps, q.id, { region: q.region });
  const arrays = mergedRegions(await deps.store.elections.arrays(q.id, leader.idx, { ...f, stations_only: true }));
  // rows the filter selects that are no polling station (regional aggregates): read by no fingerprint
  const selected = (await deps.store.elections.totals(q.id, 'election', f)).reduce((a, r) => a + Number(r.stations) + Number(r.aggregates), 0);
  return { l, leader: { idx: leader.idx, label: leader.label, label_en: leader.label_en }, arrays, aggregates: selected - arrays.n };
}

/** The next turn of the event loop: other requests are answered between steps of a Monte Carlo. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const stepwise = (deps: ElectionDeps, x: Awaited<ReturnType<typeof inputs>>, p: IntegersParams) =>
  integerFingerprintInSteps(x.arrays, p, deps.pause ?? nextTurn);

const common = (x: Awaited<ReturnType<typeof inputs>>, q: FingerprintQuery) => ({
  election: x.l.election,
  filter: { region: q.region ?? null },
  leader: x.leader,
  stations_read: x.arrays.n,
  aggregates_left_out: x.aggregates,
  source: sourceOf(x.l),
});

export const INTEGERS_METHOD =
  'Kobak, Shpilkin & Pshenichnikov, "Integer percentages as electoral falsification fingerprints", Annals of Applied Statistics 10(1), 2016; procedure of dkobak/elections anomaly(): ' +
  'stations with registered >= 100, ballots cast > 0, turnout and leader share <= 99 %; turnout = ballots issued / registered, leader share = leader votes / (valid + invalid); ' +
  'a value is "integer" when within 0.05 points of an integer; expected counts from a seeded binomial Monte Carlo of the same stations; excess = observed - mean, sd = standard deviation over replicates.';

export async function integersFor(
  deps: ElectionDeps,
  q: FingerprintQuery & Partial<Pick<IntegersParams, 'reps' | 'seed' | 'includeFlagged' | 'includeElectronic'>>,
) {
  const x = await inputs(deps, q);
  const params: IntegersParams = {
    ...DEFAULT_INTEGERS,
    ...Object.fromEntries(
      Object.entries({ reps: q.reps, seed: q.seed, includeFlagged: q.includeFlagged, includeElectronic: q.includeElectronic }).filter(
        ([, v]) => v !== undefined,
      ),
    ),
  };
  return {
    method: 'integer-percentages',
    version: INTEGERS_VERSION,
    reference: INTEGERS_METHOD,
    params,
    ...common(x, q),
    result: await stepwise(deps, x, params),
  };
}

export async function shpilkinFor(deps: ElectionDeps, q: FingerprintQuery & Partial<ShpilkinParams>) {
  const x = await inputs(deps, q);
  const params: ShpilkinParams = {
    ...DEFAULT_SHPILKIN,
    ...Object.fromEntries(
      Object.entries({ binWidth: q.binWidth, includeElectronic: q.includeElectronic, includeFlagged: q.includeFlagged }).filter(([, v]) => v !== undefined),
    ),
  };
  return {
    method: 'shpilkin-turnout-binning',
    version: SHPILKIN_VERSION,
    reference: shpilkinMethod(params.binWidth),
    params,
    ...common(x, q),
    result: shpilkinEstimate(x.arrays, params),
  };
}

/** Everything the dashboard draws for one election: histograms, heat map, Shpilkin curve, integer excess. */
export async function fingerprintsFor(deps: ElectionDeps, q: FingerprintQuery & { reps?: number; seed?: number }) {
  const x = await inputs(deps, q);
  const ip: IntegersParams = { ...DEFAULT_INTEGERS, reps: q.reps ?? DEFAULT_INTEGERS.reps, seed: q.seed ?? DEFAULT_INTEGERS.seed };
  return {
    ...common(x, q),
    histograms: { method: 'histograms', version: HISTOGRAM_VERSION, ...histograms(x.arrays) },
    heatmap: { method: 'turnout-x-leader-share (Klimek et al., PNAS 109(41), 2012)', version: HISTOGRAM_VERSION, ...heatmap(x.arrays) },
    shpilkin: {
      method: 'shpilkin-turnout-binning',
      version: SHPILKIN_VERSION,
      reference: shpilkinMethod(DEFAULT_SHPILKIN.binWidth),
      params: DEFAULT_SHPILKIN,
      result: shpilkinEstimate(x.arrays),
    },
    integers:
      ip.reps > 0
        ? { method: 'integer-percentages', version: INTEGERS_VERSION, reference: INTEGERS_METHOD, params: ip, result: await stepwise(deps, x, ip) }
        : null,
  };
}
