/**
 * ozi-regional: the Internet Protection Society's regional model (Dec 2020), reconstructed and
 * calibrated on its published Moscow and Altai figures (see params.ts and
 * docs/design/010-ozi-regional-calibration.md). Prices connectivity shutdowns region by region
 * in roubles from Rosstat GRP and regional internet penetration; a national figure is the sum
 * of all 85 regions. It does not price platform blocks (OZI did not).
 */
import { ParamSet, nearestYear, paramInput, pickYear, recordInput, regionalOutput, type PlanContext } from '../method-kit.js';
import { daysInYear } from '../span.js';
import { Unavailable, type InputValue, type MethodModel, type Plan, type SegmentPlan, type Unit } from '../types.js';
import { times } from '../unit.js';
import { activeWeight, affectedUnits, typeWeights } from '../weights.js';
import { BETA, CALIBRATION_DATA, EPSILON, PUBLISHED, REFERENCE_YEAR, VERSION, calibrationReport, kappa } from './params.js';

const PEN = CALIBRATION_DATA.penetration_indicator;

function plan({ scenario: scn, data, span }: PlanContext): Plan {
  if (scn.platforms.length)
    throw new Unavailable(
      'type',
      'ozi-regional prices connectivity shutdowns, not platform blocks or throttles (OZI did not); use brookings-2016 or cost-escalated',
      true,
    );
  const grpYears = data.regionalYears('GRP');
  if (grpYears.length === 0 || data.regionalYears(PEN).length === 0) {
    const lacking = [grpYears.length === 0 && 'regional GRP', data.regionalYears(PEN).length === 0 && 'regional internet penetration']
      .filter(Boolean)
      .join(' and ');
    // Russia is the country the model is calibrated for: its tables are data not loaded, never a wrong country.
    if (scn.country === 'RU')
      throw new Unavailable(
        'country',
        `ozi-regional reads Rosstat's regional GRP and regional internet penetration, and this database holds no ${lacking} for RU: load the shipped tables with \`splinternet db seed\`, or newer ones with \`splinternet data import rosstat-grp|rosstat-regional FILE --year Y\``,
        false,
        true,
      );
    throw new Unavailable(
      'country',
      `ozi-regional prices Russia's regions (RU) only, from Rosstat's regional GRP and internet penetration; it cannot price ${scn.country}`,
      true,
    );
  }
  const ps = new ParamSet();
  const inputs: InputValue[] = [];
  const notes: string[] = [];
  const iBeta = ps.add(
    'beta (penetration elasticity)',
    BETA,
    '',
    'our assumption: the split between κ and penetration is not published; κ is re-fitted for every β',
  );
  const iEps = ps.add('epsilon (residual)', EPSILON, 'factor', 'our assumption: rounding of the published figures and GRP vintage');
  const segments: SegmentPlan[] = [];
  // the year whose prices each period's output is in (the latest GDP year GRP was carried to), its label
  const priceYears: number[] = [];
  const base: number[][] = [];
  let regions: string[] = scn.regions;
  for (const seg of span.segments) {
    // --year: that year; no date: the calibration year (noted by pickYear); a dated segment: its own year.
    const picked = seg.year === null || scn.year !== null ? pickYear(seg, scn, grpYears, 'GRP', REFERENCE_YEAR)! : null;
    const y = picked ? picked.year : seg.year!;
    if (regions.length === 0) regions = data.regionsWith('GRP', nearestYear(grpYears, y)!);
    const out = regionalOutput(data, regions, y);
    priceYears.push(out.priceYear);
    if (out.note) notes.push(out.note);
    if (picked?.note) notes.push(picked.note);
    const days = daysInYear(y);
    base.push(out.values.map((v) => (v / days) * (seg.hours / 24)));
    segments.push({
      period_year: seg.year,
      data_year: y,
      ...(out.baseYear !== y ? { source_year: out.baseYear } : {}),
      from: seg.from,
      to: seg.to,
      hours: seg.hours,
    });
    out.records.forEach((r) => inputs.push(recordInput(`GRP ${r.geo}`, r, out.note)));
  }
  // Penetration is read per period, each from the table nearest its own data year (2021 and 2022
  // are shipped): a span across New Year prices each year as it is priced alone.
  const penYears = data.regionalYears(PEN);
  const cited = new Set<string>();
  const pens = segments.map((seg) => {
    const penYear = nearestYear(penYears, seg.data_year)!;
    return regions.map((r) => {
      const rec = data.get(PEN, r, penYear) ?? data.get(PEN, r, penYears.find((y) => data.get(PEN, r, y)) ?? penYear);
      if (!rec) throw new Unavailable('region', `no internet-penetration figure for ${r}`);
      if (!cited.has(`${r}|${rec.year}`))
        inputs.push(recordInput(`internet users 15–74 ${r}`, rec, rec.year !== seg.data_year ? `nearest year with regional penetration` : undefined));
      cited.add(`${r}|${rec.year}`);
      return rec.value / 100;
    });
  });
  if (scn.regions.length === 0) {
    const usd = (x: number) => `$${x / 1e6} M`;
    notes.push(
      `national figure = the sum of ${regions.length} regions. OZI published ${usd(PUBLISHED.national_full_usd)} a day (full) and ${usd(PUBLISHED.national_mobile_usd)} (mobile) for Russia: about 11 % of a day's GDP, while its regional figures are 8–9 % of a day's GRP, so the sum of regions calibrated on Moscow and Altai lands 25–40 % lower (docs/design/010-ozi-regional-calibration.md)`,
    );
  }
  const types = typeWeights(
    scn,
    data,
    segments.map((seg) => seg.data_year),
    'ozi',
    ps,
    inputs,
    notes,
  );
  const affected = affectedUnits(scn, segments, ps, inputs, notes);
  const active = activeWeight(scn, ps, notes);
  // One unit per distinct (weight, region penetration): κ(β)·ε·w·pen_r^β; periods that share both share it.
  const units: Unit[] = [];
  const index = new Map<string, number>();
  const unitOf = (u: Unit) => {
    let i = index.get(u.key);
    if (i === undefined) {
      index.set(u.key, (i = units.length));
      units.push(u);
    }
    return i;
  };
  const termUnits = segments.flatMap((_, s) => {
    const w = times(types[s]!, affected[s]!, active);
    return pens[s]!.map((pen) => unitOf(times(calibrated(iBeta, iEps, Math.log(pen)), w)));
  });
  inputs.unshift(...ps.specs.map(paramInput), {
    name: 'kappa at beta = 1 (calibrated)',
    value: Number(kappa(1).toFixed(5)),
    unit: 'share of daily GRP',
    source: PUBLISHED.source,
    year: CALIBRATION_DATA.grp_year,
    note: 'κ(β) is re-fitted on Moscow 4.8e9 RUB and Altai Republic 13.7e6 RUB per day for every β',
  });
  return {
    native: 'local',
    regions,
    params: ps.specs,
    inputs,
    notes: [...new Set(notes)],
    proxy: null,
    // the inputs above are read for each period's own year; its label is the year of the data priced
    segments: segments.map((seg, s) => ({ ...seg, data_year: priceYears[s]! })),
    units,
    terms: { coef: base.flatMap((b) => b), unit: termUnits },
  };
}

/** κ(β) · ε · pen^β for a region with log-penetration `lp` (β = p[b], ε = p[e]). */
function calibrated(b: number, e: number, lp: number): Unit {
  return {
    key: `kappa(p${b})*p${e}*exp(p${b}*${lp})`,
    reads: [b, e],
    fn: (p) => kappa(p[b]!) * p[e]! * Math.exp(p[b]! * lp),
    fill: (d, out) => {
      const beta = d[b]!;
      const eps = d[e]!;
      for (let j = 0; j < out.length; j++) out[j] = kappa(beta[j]!) * eps[j]! * Math.exp(beta[j]! * lp);
    },
  };
}

export const oziRegional: MethodModel = {
  id: 'ozi-regional',
  version: VERSION,
  title: 'Internet Protection Society (OZI) regional model, 2020, calibrated',
  summary:
    "Regional daily loss = κ(β) · pen^β · GRP / days in year, in roubles, per region; national = sum of the 85 regions. Mobile-only = 0.5 × full (as OZI). Calibrated on OZI's Moscow (4.8 bn RUB/day) and Altai Republic (13.7 M RUB/day) figures.",
  formula: 'cost = Σ_regions κ(β) · ε · pen_r^β · GRP_r(year) / days(year) · hours/24 · w(type)',
  citation: [PUBLISHED.source, 'Rosstat, Russian Statistical Yearbooks 2022–2023 (GRP; internet use by region)'],
  types: ['full', 'mobile', 'fixed', 'throttling', 'isp'],
  referenceYear: REFERENCE_YEAR,
  params: [
    { name: 'beta', description: 'penetration elasticity (κ re-fitted for each β)', dist: BETA, source: 'our assumption' },
    { name: 'epsilon', description: 'multiplicative residual', dist: EPSILON, source: 'our assumption' },
    { name: 'mobile share', description: 'mobile-only cost as a share of full', dist: { kind: 'fixed', value: 0.5 }, source: 'OZI 2020' },
  ],
  calibration: calibrationReport(),
  plan,
};
