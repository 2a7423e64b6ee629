/**
 * The share of a full shutdown's cost that a scenario type carries (cost-methods.md §3):
 * full 1 (a cut whose networks were not recorded: 1 with the chance its country's recorded
 * cuts took the whole network, else m); mobile m and fixed 1 − m, with m = 0.5 (OZI's rule)
 * or the mobile share of subscriptions (Brookings used World Bank mobile subscription data);
 * a platform's weight from the table in platforms.ts (or the request); throttling severity s
 * (× the platform weight when a platform is throttled); an ISP's market share.
 */
import type { CountryData } from './data/econ-data.js';
import { loadCommand } from './data/manifest.js';
import { nearestYear, type ParamSet } from './method-kit.js';
import { findPlatform, platformWeightIn } from './platforms.js';
import { Unavailable, type InputValue, type Scenario, type SegmentPlan, type Unit } from './types.js';
import { cappedSum, linear, one, oneMinus, param, times, wholeOr } from './unit.js';
import type { Dist } from './random.js';

export type MobilePreset = 'ozi' | 'subscriptions';

const OZI_MOBILE = 'OZI 2020: a mobile-only shutdown costs half of a full one ($221 M of $442 M nationally, and in every regional figure)';

/**
 * Mobile share of subscriptions for a year: mobile cellular / (mobile cellular + fixed broadband),
 * per 100 people, each the published value nearest the year (noted when it is another year).
 */
function subscriptionShare(data: CountryData, year: number, inputs: InputValue[], notes: string[]): { share: number; years: string } {
  const pick = (ind: string) => {
    const name = ind === 'IT.CEL.SETS.P2' ? 'mobile cellular subscriptions' : 'fixed broadband subscriptions';
    const y = nearestYear(data.years(ind, data.country), year);
    const rec = y === undefined ? undefined : data.get(ind, data.country, y);
    // a data gap, not a bad input: the scenario is priced once the series is loaded, or with a share given
    if (!rec)
      throw new Unavailable(
        'type',
        `no ${name} (${ind}) for ${data.country}, so mobile cannot be split from fixed (a single scenario can give the share: cost --mobile-share, mobile_share)`,
        false,
        true,
        loadCommand(ind),
      );
    if (rec.year !== year) notes.push(`${ind} for ${year} not available; used ${rec.year}`);
    inputs.push({
      name,
      value: rec.value,
      unit: rec.unit,
      source: rec.source,
      year: rec.year,
      vintage: rec.vintage,
    });
    return rec;
  };
  const m = pick('IT.CEL.SETS.P2');
  const f = pick('IT.NET.BBND.P2');
  return { share: m.value / (m.value + f.value), years: m.year === f.year ? String(m.year) : `${m.year}/${f.year}` };
}

/**
 * A platform weight's distribution. A range spanning more than a factor of 20 (the
 * worldwide-reach rule: a tenth of the world's reach to four times it) is uncertain by a factor,
 * not by an amount; an arithmetic triangular over it puts the median far above the stated weight
 * (TikTok 2.6×, Twitter 2.7×, Facebook 1.2×). It is log-normal instead, with the stated weight as
 * its median and a 90 % interval as wide, on the log scale, as the rule's range.
 */
export function weightDist(w: { weight: number; low: number; high: number }): Dist {
  if (w.low > 0 && w.low * 20 < w.high) return { kind: 'lognormal', median: w.weight, sigma: Number((Math.log(w.high / w.low) / (2 * 1.645)).toFixed(4)) };
  return { kind: 'triangular', low: w.low, mode: w.weight, high: w.high };
}

/** A method's own weight for a platform of the table (COST's share of a service), or undefined to use the table's. */
export type PlatformRule = (id: string) => { dist: Dist; source: string } | undefined;

/** Register the type's parameters and return w(p), the weight for a parameter draw, as a unit, for one data year. */
export function typeWeight(
  scn: Scenario,
  data: CountryData,
  year: number,
  preset: MobilePreset,
  ps: ParamSet,
  inputs: InputValue[],
  notes: string[],
  platformRule?: PlatformRule,
): Unit {
  return typeWeights(scn, data, [year], preset, ps, inputs, notes, platformRule)[0]!;
}

/**
 * The type's weight for each period, given the year whose data each period reads: a weight that
 * depends on yearly data (the mobile share of subscriptions) takes each period's own year, so a
 * span priced whole costs what its years cost priced alone. Every other parameter is registered
 * once for the span.
 */
export function typeWeights(
  scn: Scenario,
  data: CountryData,
  years: readonly number[],
  preset: MobilePreset,
  ps: ParamSet,
  inputs: InputValue[],
  notes: string[],
  platformRule?: PlatformRule,
): Unit[] {
  const same = (u: Unit) => years.map(() => u);
  /** One parameter per platform (their weights add up), or the request's weight for the set. */
  const platformWeight = (): Unit => {
    const label = scn.platforms.join(' + ') || 'the services slowed';
    const cls = scn.platform_weight_class;
    if (cls)
      return param(
        ps.add(
          `platform weight (${label})`,
          cls.values.every((v) => v === cls.values[0]) ? { kind: 'fixed', value: cls.values[0]! } : { kind: 'empirical', values: cls.values },
          'share of internet value',
          `imputed: ${cls.basis}`,
        ),
      );
    if (scn.platform_weight !== null)
      return param(ps.add(`platform weight (${label})`, { kind: 'fixed', value: scn.platform_weight }, 'share of internet value', 'given in the request'));
    const phases = scn.platform_phases;
    const idx = scn.platforms.map((name) => {
      const t = findPlatform(name);
      if (!t) throw new Unavailable('platform', `no weight for platform "${name}"; give --platform-weight`);
      const own = platformRule?.(t.id);
      if (own) return ps.add(`platform weight (${t.id})`, own.dist, 'share of internet value', own.source);
      const w = platformWeightIn(t, data.country);
      return ps.add(`platform weight (${t.id})`, weightDist(w), 'share of internet value', `${w.basis}. ${w.sources.join('; ')}`.trim());
    });
    // A platform lifted before the rest is priced for the share of the span it was blocked: the
    // cost is linear in weight × hours, so scaling its weight is exact.
    const coef = scn.platforms.map((name) => phases?.shares[findPlatform(name)?.id ?? name] ?? 1);
    if (phases && coef.some((c) => c < 1)) {
      inputs.push({
        name: 'share of the span each platform was blocked',
        value: scn.platforms.map((n, k) => `${findPlatform(n)?.id ?? n} ${Math.round(coef[k]! * 1000) / 10} %`).join(', '),
        unit: 'share of the span',
        source: phases.basis,
        year: null,
      });
    }
    return cappedSum(idx, coef);
  };
  /**
   * The mobile share of a full shutdown for each period, by the request, OZI's rule or each year's
   * subscriptions. Years of one share share its parameter; several shares draw from one stream
   * ("mobile share"), so each year's draws are those it has priced alone.
   */
  const mobileShares = (): number[] => {
    if (scn.mobile_share !== null) return same1(ps.add('mobile share', { kind: 'fixed', value: scn.mobile_share }, 'share of full', 'given in the request'));
    if (preset === 'ozi') return same1(ps.add('mobile share', { kind: 'fixed', value: 0.5 }, 'share of full', OZI_MOBILE));
    const byYear = new Map<number, { share: number; years: string }>();
    for (const y of years) if (!byYear.has(y)) byYear.set(y, subscriptionShare(data, y, inputs, notes));
    const distinct = [...new Set([...byYear.values()].map((v) => v.share))];
    const idx = new Map<number, number>();
    return years.map((y) => {
      const { share: s, years: from } = byYear.get(y)!;
      let i = idx.get(s);
      if (i === undefined)
        idx.set(
          s,
          (i = ps.add(
            distinct.length > 1 ? `mobile share (subscriptions ${from})` : 'mobile share',
            { kind: 'triangular', low: 0.8 * s, mode: s, high: Math.min(1, 1.2 * s) },
            'share of full',
            'mobile / (mobile + fixed broadband) subscriptions (Brookings weighted mobile shutdowns by mobile subscriptions; ±20 % our assumption)',
            'mobile share',
          )),
        );
      return i;
    });
  };
  const same1 = (i: number) => years.map(() => i);
  switch (scn.type) {
    case 'full': {
      const u = scn.unrecorded_networks;
      if (!u) return same(one);
      // Which networks were cut is not recorded: the whole network, or mobile data only.
      const whole = ps.add(
        'whole network cut',
        u.p_whole >= 1 || u.p_whole <= 0 ? { kind: 'fixed', value: u.p_whole >= 1 ? 1 : 0 } : { kind: 'bernoulli', p: u.p_whole },
        '1 = mobile and fixed, 0 = mobile data only',
        `networks not recorded: ${u.basis}`,
      );
      inputs.push({ name: 'chance the whole network was cut', value: Number(u.p_whole.toPrecision(4)), unit: 'probability', source: u.basis, year: null });
      notes.push(`networks cut not recorded: priced as the whole network with chance ${(u.p_whole * 100).toPrecision(3)} %, else as mobile data only`);
      return mobileShares().map((m) => wholeOr(whole, m));
    }
    case 'mobile':
    case 'fixed': {
      return mobileShares().map((i) => (scn.type === 'mobile' ? param(i) : oneMinus(i)));
    }
    case 'platform': {
      const be = scn.block_effect;
      let blocks = platformWeight();
      if (be) {
        // A block that did not stop the service cost only the share of its use it did stop.
        const e = ps.add("share of the platform's use the block stopped", { kind: 'uniform', low: be.low, high: be.high }, 'share of use', be.basis);
        notes.push(`the block did not stop the service: priced for ${be.low * 100}–${be.high * 100} % of the platform's use (uniform)`);
        blocks = times(param(e), blocks);
      }
      if (!scn.brief_cut || !(scn.hours > 0)) return same(blocks);
      // A brief whole-network cut beside the blocks: its share of the span, 0–24 h with its mode at 0 (8 h on average).
      const high = Math.min(1, 24 / scn.hours);
      const b = ps.add('brief whole-network cut, share of the span', { kind: 'triangular', low: 0, mode: 0, high }, 'share of the span', scn.brief_cut.basis);
      const a = scn.brief_cut.area;
      notes.push(
        `a brief cut of the ${a ? 'network in the place its text names' : 'whole network'} beside the blocks: 0–24 h of the ${Math.round(scn.hours)} h span (8 h on average)`,
      );
      // Where the text names the cut's place, it reached that place's share of the country only.
      const cut = a
        ? times(
            param(b),
            param(
              ps.add(
                'share of the country the brief cut reached',
                { kind: 'triangular', low: a.low, mode: a.share, high: a.high },
                'share of national output',
                `proxy: ${a.basis}`,
              ),
            ),
          )
        : param(b);
      return same(
        linear([
          [1, blocks],
          [1, cut],
        ]),
      );
    }
    case 'throttling': {
      const s = ps.add(
        'throttling severity',
        { kind: 'fixed', value: scn.severity ?? 1 },
        '0 = no effect, 1 = unusable',
        'given in the request (Top10VPN counts unusable throttling as a shutdown)',
      );
      // Throttling of the whole network, unless a platform or a weight of the services slowed is given.
      if (scn.platforms.length === 0 && scn.platform_weight === null) return same(param(s));
      return same(times(param(s), platformWeight()));
    }
    case 'isp': {
      return same(
        param(
          ps.add(
            'ISP market share',
            { kind: 'fixed', value: scn.isp_share ?? 0 },
            'share of subscribers',
            'given in the request (Top10VPN scales single-ISP outages by market share)',
          ),
        ),
      );
    }
  }
}

/**
 * The share of the span the network was actually cut (a few hours a day over a date range), as a
 * unit: 1 for the whole span, else a parameter over the schedule's range (src/cost/schedule.ts).
 */
export function activeWeight(scn: Scenario, ps: ParamSet, notes: string[]): Unit {
  if (!scn.active) return one;
  const { share, low, high, basis } = scn.active;
  const dist = low < high ? ({ kind: 'triangular', low, mode: share, high } as const) : ({ kind: 'fixed', value: share } as const);
  // a parameter is listed among the estimate's inputs with its distribution (paramInput): once
  const i = ps.add('active share of the span', dist, 'share of the hours between start and end the network was cut', basis);
  const pct = (x: number) => `${Number((x * 100).toPrecision(3))} %`;
  // the note gives the mean the draws average to, not the mode, which can sit at an end of the range
  notes.push(
    low < high
      ? `priced for ${pct((low + share + high) / 3)} of the span's hours on average (${pct(low)} to ${pct(high)}): ${basis}`
      : `priced for ${pct(share)} of the span's hours: ${basis}`,
  );
  return param(i);
}

/** Uncertainty on a population share by the geocoder's confidence: the share ×/÷ this factor (triangular). */
export const SHARE_SPREAD = { high: 1.25, medium: 2, low: 3 } as const;

/**
 * A population share as a share of output: the share × a ratio triangular(1/f, 1, f), drawn as
 * triangular(s/f, s, s·f), each draw capped at 1 (the whole country). The triangle is never cut
 * at 1, so a near-national area keeps its median at its share. The one rule for an affected
 * share and for regions priced by their population share (`cost --region`, `cost regions`).
 */
function spreadShare(ps: ParamSet, share: number, f: number, name: string, source: string): Unit {
  const i = ps.add(name, { kind: 'triangular', low: share / f, mode: share, high: share * f }, 'share of national output', source);
  return cappedSum([i]);
}

/**
 * The affected share of the economy as a unit: 1 for the whole country (or for regions priced by
 * their output), else the population share of the area cut off, a documented proxy for its
 * share of output, with its uncertainty (docs/design/012-who-was-cut-off.md).
 */
export function affectedWeight(scn: Scenario, ps: ParamSet, inputs: InputValue[], notes: string[]): Unit {
  if (!scn.affected) return one;
  const { share, confidence, basis } = scn.affected;
  const f = SHARE_SPREAD[confidence];
  const ranged = scn.affected.low !== undefined && scn.affected.high !== undefined;
  const low = ranged ? scn.affected.low! : share / f;
  const high = ranged ? scn.affected.high! : share * f;
  // An imputed share drawn from its reference class keeps the class's shape: a class of regional
  // and national shutdowns is two clusters, which a triangular through its quartiles would smear
  // (its median well above the class's).
  const values = scn.affected.values;
  const unit = values?.length
    ? param(
        ps.add(
          'affected share',
          values.every((v) => v === values[0]) ? { kind: 'fixed', value: values[0]! } : { kind: 'empirical', values },
          'share of national output',
          `proxy: the population share of the area cut off, imputed (${basis}): one of the ${values.length} shares of the reference class, each equally likely`,
        ),
      )
    : ranged || !(low < high)
      ? param(
          ps.add(
            'affected share',
            low < high ? { kind: 'triangular', low, mode: share, high } : { kind: 'fixed', value: share },
            'share of national output',
            ranged
              ? `proxy: the population share of the area cut off, imputed (${basis}): triangular(${low.toPrecision(3)}, ${share.toPrecision(3)}, ${high.toPrecision(3)})`
              : `proxy: the population share of the area cut off (${basis}); geocoding confidence ${confidence}`,
          ),
        )
      : spreadShare(
          ps,
          share,
          f,
          'affected share',
          `proxy: the population share of the area cut off (${basis}); geocoding confidence ${confidence}: ×/÷ ${f}, each draw at most the whole country`,
        );
  inputs.push({
    name: 'population share cut off',
    value: Number(share.toPrecision(6)),
    unit: 'share of national population',
    source: basis,
    year: null,
    note: `proxy for the share of output; confidence ${confidence}`,
  });
  notes.push(`priced as ${(share * 100).toPrecision(3)} % of the country (population share of the area cut off, a proxy for its output; docs/design/012)`);
  return unit;
}

/**
 * The affected share per segment. When the area narrowed, or the cut eased, within the span
 * (scn.narrowed), a segment's unit is the share before × the part of its hours before the
 * narrowing + the share after × the rest; a segment of a year its record calls the cut largely,
 * not wholly, in place (scn.still_cut) is then × the share still cut; a record cut for part of
 * its span and slowed for the rest (scn.cut_part) is × the share cut, plus the rest × the
 * severity given. Cost is linear in share × hours, so this prices each period exactly. Otherwise
 * every segment takes affectedWeight.
 */
export function affectedUnits(scn: Scenario, segments: readonly SegmentPlan[], ps: ParamSet, inputs: InputValue[], notes: string[]): Unit[] {
  const units = stillCutUnits(scn, segments, ps, inputs, notes);
  const cp = scn.cut_part;
  if (!cp) return units;
  const i = uniformShare(ps, 'share of the span the network was cut (the rest slowed)', cp, 'share of the span', `not recorded: ${cp.basis}`);
  const s = cp.slowed ?? 0;
  // the severity given prices the slowed hours: an input of the estimate, as a throttle's is
  if (cp.slowed !== null)
    inputs.push({
      name: 'severity of the slowed hours',
      value: cp.slowed,
      unit: '0 = no effect, 1 = unusable',
      source: 'given in the request (severity): the hours of the span not cut are priced at it',
      year: null,
    });
  const part = linear([
    [s, one],
    [1 - s, param(i)],
  ]);
  notes.push(
    `priced × the share of the span cut, uniform ${cp.low * 100}–${cp.high * 100} % (STOP: "Shutdown, Throttle", the split not recorded); ${cp.slowed === null ? 'the slowed hours not priced' : `the slowed hours at severity ${cp.slowed}`}`,
  );
  return units.map((u) => times(u, part));
}

/** A share drawn uniform over its range, added to the parameters; its index. */
const uniformShare = (ps: ParamSet, name: string, r: { low: number; high: number }, unit: string, source: string): number =>
  ps.add(name, { kind: 'uniform', low: r.low, high: r.high }, unit, source);

/** The affected share per segment, a year its record calls the cut largely in place × the share still cut (affectedUnits). */
function stillCutUnits(scn: Scenario, segments: readonly SegmentPlan[], ps: ParamSet, inputs: InputValue[], notes: string[]): Unit[] {
  const units = narrowedUnits(scn, segments, ps, inputs, notes);
  const c = scn.still_cut;
  if (!c) return units;
  const i = uniformShare(
    ps,
    'share of the area still cut (a year its record calls the cut largely in place)',
    c,
    'share of the area',
    `our convention: "largely" or "mostly" in place is more than half of the area's use cut, and not all of it: uniform(${c.low}, ${c.high}) (${c.basis})`,
  );
  const last = Math.max(...c.years);
  const partial = (y: number) => c.years.includes(y) || (c.later && y > last);
  notes.push(
    `${c.years.join(', ')}${c.later ? ' and after' : ''}: priced as ${c.low * 100}–${c.high * 100} % of the area cut off, the records calling the cut largely, not wholly, in place`,
  );
  return units.map((u, k) => (partial(segments[k]?.period_year ?? NaN) ? times(u, param(i)) : u));
}

/** The affected share per segment before the years a record calls partial (affectedUnits). */
function narrowedUnits(scn: Scenario, segments: readonly SegmentPlan[], ps: ParamSet, inputs: InputValue[], notes: string[]): Unit[] {
  const before = affectedWeight(scn, ps, inputs, notes);
  const n = scn.narrowed;
  if (!n) return segments.map(() => before);
  const i = ps.add(
    'affected share after the area narrowed or the cut eased',
    n.low < n.high ? { kind: 'triangular', low: n.low, mode: n.share, high: n.high } : { kind: 'fixed', value: n.share },
    'share of national output',
    `proxy: ${n.basis}: triangular(${n.low.toPrecision(3)}, ${n.share.toPrecision(3)}, ${n.high.toPrecision(3)})`,
  );
  inputs.push({
    name: 'share of the country cut off after the area narrowed or the cut eased',
    value: Number(n.share.toPrecision(6)),
    unit: 'share of national population',
    source: n.basis,
    year: null,
    note: `from ${n.from}; proxy for the share of output`,
  });
  notes.push(`from ${n.from.slice(0, 10)} priced as ${(n.share * 100).toPrecision(3)} % of the country (${n.basis})`);
  const at = Date.parse(n.from);
  const after = param(i);
  return segments.map((seg) => {
    const from = Date.parse(seg.from ?? '');
    const to = Date.parse(seg.to ?? '');
    if (!(to > from)) return before;
    const b = Math.min(1, Math.max(0, (at - from) / (to - from)));
    return b >= 1
      ? before
      : b <= 0
        ? after
        : linear([
            [Number(b.toFixed(9)), before],
            [Number((1 - b).toFixed(9)), after],
          ]);
  });
}

/**
 * Regions priced by their population share (no regional output data): their output share is
 * taken as the population share ×/÷ the medium-confidence spread, triangular, as for a geocoded
 * area, and never above the whole country. Regions that make up the whole country carry no such
 * spread (their shares sum to 1).
 */
export function populationProxyWeight(p: { combined: number; basis: string }, ps: ParamSet, notes: string[]): Unit {
  if (p.combined >= 0.999) return one;
  const f = SHARE_SPREAD.medium;
  const share = spreadShare(
    ps,
    p.combined,
    f,
    "regions' output share",
    `proxy: a region's share of output taken as its share of the population (${p.basis}), ×/÷ ${f}, each draw at most the whole country`,
  );
  notes.push(
    `priced as ${(p.combined * 100).toPrecision(3)} % of the country: the regions' population share, a proxy for their output share (docs/design/012)`,
  );
  // The plan's coefficients carry the regions' population shares: the unit is the drawn share ÷ theirs.
  return linear([[1 / p.combined, share]]);
}
