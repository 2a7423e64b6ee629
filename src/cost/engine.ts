/**
 * The Monte Carlo engine: draws every parameter of a method's plan N times (seeded), prices
 * each draw, converts each segment at its own exchange rate, and reports the median, the 90 %
 * interval (5th–95th percentiles) and the point estimate (each parameter at its stated central
 * value, pointOf: not a central estimate of the cost, design 011), in
 * the requested currency and in US dollars, per region when the plan has regions.
 * Non-finite numbers are a bug, never output: they raise an INTERNAL error.
 */
import { getRegion, regionNames } from '../geo/index.js';
import { AppError } from '../shared/index.js';
import type { RateResult } from './data/fx.js';
import { QS, evaluatePlan, unitValues } from './draws.js';
import { pointOf, quantilesInPlace } from './random.js';
import { localDate } from './span.js';
import type { InputValue, MethodModel, Plan, Scenario } from './types.js';

export interface Money {
  median: number;
  low: number;
  high: number;
  point: number;
}

/** What a US-dollar amount no rate converted says of its rate. */
const NONE_KIND = 'none: computed in US dollars (World Bank GDP, current US$)';

export interface UsdBlock extends Money {
  /**
   * Units of the amounts' currency per US dollar, the rate that turns the amounts shown into these
   * US dollars: the local currency's, or a third currency's when the amounts are in it; the rate
   * of the one period, or the effective rate over several (total / USD total at the point
   * estimate). 1 with rate_kind 'none' when the method computes in US dollars and no local rate
   * was needed (rate_unit says which).
   */
  rate: number;
  rate_unit: string;
  /** The date, day range or year of each period's rate ('; '-separated when there are several); null when no rate was applied (1 USD/USD). */
  rate_date: string | null;
  rate_kind: string;
}

export interface RegionEstimate extends Money {
  code: string;
  name: string;
  usd: UsdBlock | null;
}

export interface RateLine {
  period: string;
  rate: number | null;
  kind: string | null;
  date: string | null;
  source: string | null;
  note?: string;
}

/** One calendar-year period of the span, priced with its own data year and exchange rate. */
export interface PeriodEstimate extends Money {
  period: string;
  year: number | null;
  data_year: number;
  hours: number;
  usd: (Money & { rate: number | null; rate_date: string | null }) | null;
}

export interface Estimate extends Money {
  method: string;
  method_version: string;
  title: string;
  currency: string;
  usd: UsdBlock | null;
  regions: RegionEstimate[];
  inputs: InputValue[];
  years: number[];
  data_vintage: string[];
  proxy: string | null;
  notes: string[];
  rates: RateLine[];
  periods: PeriodEstimate[];
  draws: number;
  seed: number;
  interval: 0.9;
}

/** Per segment: the local-currency rate, and the rate of the requested currency if it is a third one. */
export interface SegmentRates {
  local: RateResult;
  other?: RateResult;
}

const round = (x: number) => Math.round(x);

/** A period's label: its first and its end date in the scenario's zone (the year, undated). */
const periodLabel = (seg: { from: string | null; to: string | null; data_year: number }, tz: string): string =>
  seg.from && seg.to ? `${localDate(Date.parse(seg.from), tz)}/${localDate(Date.parse(seg.to), tz)}` : String(seg.data_year);

/** Median, 5th and 95th percentiles (reorders `values`) and the point estimate, rounded to units. */
function summarise(values: Float64Array, point: number): Money {
  const [low, median, high] = quantilesInPlace(values, [...QS]) as [number, number, number];
  return { median: round(median), low: round(low), high: round(high), point: round(point) };
}

/** c × quantiles of a unit (c ≥ 0 keeps their order), rounded to units. */
function scaled(q: readonly [number, number, number], c: number, point: number): Money {
  return { low: round(c * q[0]), median: round(c * q[1]), high: round(c * q[2]), point: round(point) };
}

/**
 * Scratch buffers reused across estimates (runEstimate is synchronous, so one set suffices):
 * pricing the whole ledger allocates nothing per draw and little per estimate.
 */
const pool: Float64Array[] = [];
function buffers(count: number, n: number): Float64Array[] {
  for (let i = 0; i < count; i++) if (!pool[i] || pool[i]!.length < n) pool[i] = new Float64Array(n);
  return pool.slice(0, count).map((b) => b.subarray(0, n));
}

function finite(m: Money, what: string): Money {
  if (![m.median, m.low, m.high, m.point].every(Number.isFinite)) throw new AppError('INTERNAL', `${what}: the computation produced a non-finite number`);
  return m;
}

/**
 * The rates as the amounts can use them: the local amounts of every period are in one currency,
 * the one each rate is quoted in (a method computing in local units uses the country's code of
 * today; a method computing in US dollars, the code its periods' rates share); a third
 * currency's leg is quoted in that currency. A rate that breaks this is no rate, with the reason.
 */
function quotedRates(plan: Plan, scn: Scenario, rates: SegmentRates[]): SegmentRates[] {
  const codes = [...new Set(rates.flatMap((r) => (r.local.rate === null ? [] : [r.local.currency])))];
  const local = (r: RateResult): RateResult => {
    if (r.rate === null) return r;
    if (plan.native === 'local' && r.currency !== scn.local_currency)
      return { rate: null, reason: `the ${r.date} rate is quoted in ${r.currency}, not in ${scn.local_currency}, the currency the method computes in` };
    if (plan.native === 'USD' && codes.length > 1)
      return {
        rate: null,
        reason: `the periods' rates are quoted in different currencies (${rates
          .map((x, i) => (x.local.rate === null ? '' : `${x.local.currency} for ${plan.segments[i]!.from?.slice(0, 10) ?? x.local.date}`))
          .filter(Boolean)
          .join(', ')}), which cannot be added`,
      };
    return r;
  };
  const other = (r: RateResult | undefined): RateResult | undefined =>
    !r || r.rate === null || r.currency === scn.currency
      ? r
      : { rate: null, reason: `the ${r.date} ${scn.currency} rate available is quoted in ${r.currency}` };
  return rates.map((r) => ({ local: local(r.local), ...(r.other ? { other: other(r.other) } : {}) }));
}

export function runEstimate(model: MethodModel, plan: Plan, scn: Scenario, rates: SegmentRates[]): Estimate {
  const N = scn.draws;
  const S = plan.segments.length;
  const R = Math.max(1, plan.regions.length);
  const notes = [...plan.notes];
  // A zero is an answer only when it says why.
  if (scn.severity === 0) notes.push('severity 0: the service was not slowed, so nothing was lost (0 is the estimate, not a missing value)');
  rates = quotedRates(plan, scn, rates);
  const localCode = rates.map((r) => r.local).find((r) => r.rate !== null)?.currency ?? scn.local_currency;
  // Factors from native currency to the main currency and to USD, per segment (null: no rate).
  const toLocal = rates.map((r) => (plan.native === 'local' ? 1 : r.local.rate));
  const toUsd = rates.map((r) => (plan.native === 'USD' ? 1 : r.local.rate === null ? null : 1 / r.local.rate));
  const third = scn.currency !== scn.local_currency && scn.currency !== 'USD';
  let toMain = scn.currency === 'USD' ? toUsd : third ? toUsd.map((u, s) => (u === null || !rates[s]!.other?.rate ? null : u * rates[s]!.other.rate)) : toLocal;
  let currency = scn.currency === scn.local_currency ? localCode : scn.currency;
  const usdOk = toUsd.every((x) => x !== null);
  if (!toMain.every((x) => x !== null)) {
    const reasons = rates.flatMap((r) => [r.local, r.other]).filter((r): r is { rate: null; reason: string } => !!r && r.rate === null);
    currency = plan.native === 'USD' ? 'USD' : scn.local_currency;
    toMain = plan.native === 'USD' ? toUsd : toLocal;
    notes.push(`no ${scn.currency} amounts: ${[...new Set(reasons.map((r) => r.reason))].join('; ')}; amounts are in ${currency}, the method's own currency`);
  }
  // A third currency's amounts are US dollars converted period by period: each rate is named.
  if (third && currency === scn.currency)
    for (const [s, r] of rates.entries())
      if (r.other?.rate)
        notes.push(
          `${scn.currency} amounts${S > 1 ? ` of ${plan.segments[s]!.from?.slice(0, 10) ?? plan.segments[s]!.data_year}…` : ''}: US dollars × ${Number(r.other.rate.toFixed(4))} ${scn.currency}/USD (${r.other.kind}, ${r.other.date}; ${r.other.source})`,
        );
  if (!usdOk) notes.push(`no US-dollar amounts: ${[...new Set(rates.map((r) => (r.local.rate === null ? r.local.reason : '')).filter(Boolean))].join('; ')}`);
  const localOk = toLocal.every((x) => x !== null);
  if (currency === localCode && localCode !== scn.local_currency)
    notes.push(`amounts are in ${localCode}, the currency the rate is quoted in (${scn.local_currency} is the country's currency today)`);
  const fm = toMain.map((x) => x ?? 0);
  const fu = toUsd.map((x) => x ?? 0);
  const fl = toLocal.map((x) => x ?? 0);

  const units = unitValues(`${model.id}@${model.version}`, model.id, scn.seed, N, plan);
  const { coef, unit } = plan.terms;
  // The point estimate: each parameter at its stated central value (a triangular's mode, a log-normal's median, ...).
  const pt = evaluatePlan(plan, new Float64Array(plan.params.map((s) => pointOf(s.dist))));
  /** Money of the terms k in `ks` (one region, or all), in main currency and USD, and local at the point. */
  const money = (ks: number[]) => {
    let m = 0;
    let u = 0;
    let l = 0;
    for (const k of ks) {
      const s = Math.floor(k / R);
      m += pt[k]! * fm[s]!;
      u += pt[k]! * fu[s]!;
      l += pt[k]! * fl[s]!;
    }
    const point = { m, u, l };
    const first = unit[ks[0]!]!;
    if (ks.every((k) => unit[k] === first)) {
      // One unit: the draws are c × unit, so the quantiles are c × the unit's quantiles.
      let cm = 0;
      let cu = 0;
      for (const k of ks) {
        cm += coef[k]! * fm[Math.floor(k / R)]!;
        cu += coef[k]! * fu[Math.floor(k / R)]!;
      }
      const q = units[first]!.q;
      return { main: scaled(q, cm, m), usd: scaled(q, cu, u), point };
    }
    // Several units: sum c × unit draw by draw, one pass per unit (terms grouped by unit).
    const byUnit = new Map<number, [number, number]>();
    for (const k of ks) {
      const s = Math.floor(k / R);
      const c = byUnit.get(unit[k]!) ?? [0, 0];
      byUnit.set(unit[k]!, [c[0] + coef[k]! * fm[s]!, c[1] + coef[k]! * fu[s]!]);
    }
    const [tm, tu] = buffers(2, N) as [Float64Array, Float64Array];
    tm.fill(0);
    tu.fill(0);
    for (const [x, [cm, cu]] of byUnit) {
      const v = units[x]!.values();
      for (let i = 0; i < N; i++) {
        tm[i]! += cm * v[i]!;
        tu[i]! += cu * v[i]!;
      }
    }
    return { main: summarise(tm, m), usd: summarise(tu, u), point };
  };
  const all = Array.from({ length: S * R }, (_, k) => k);
  const byRegion = R === 1 ? [] : Array.from({ length: R }, (_, r) => all.filter((k) => k % R === r));

  const rateLines: RateLine[] = plan.segments.map((seg, s) => {
    const r = rates[s]!.local;
    const period = periodLabel(seg, scn.tz);
    return r.rate === null
      ? { period, rate: null, kind: null, date: null, source: null, note: r.reason }
      : { period, rate: Number(r.rate.toFixed(4)), kind: r.kind, date: r.date, source: r.source, ...(r.note ? { note: r.note } : {}) };
  });
  for (const l of rateLines) if (l.note && (l.kind === 'annual-latest' || l.kind === 'annual' || l.kind === 'daily-and-annual')) notes.push(l.note);
  const one = rateLines.length === 1 ? rateLines[0]! : null;
  const dates = [...new Set(rateLines.map((l) => l.date).filter((d): d is string => d !== null))].join('; ');
  // Amounts shown in a third currency (US dollars × its rate): usd names that currency's rate per US
  // dollar, the one that turns the amounts shown into usd; rates lists both legs, each named.
  const shownThird = third && currency === scn.currency;
  const otherLines: RateLine[] = shownThird
    ? plan.segments.map((seg, s) => {
        const r = rates[s]!.other!;
        const period = periodLabel(seg, scn.tz);
        return {
          period,
          rate: r.rate === null ? null : Number(r.rate.toFixed(4)),
          kind: r.rate === null ? null : r.kind,
          date: r.rate === null ? null : r.date,
          source: r.rate === null ? null : r.source,
          note: `${scn.currency}/USD: US dollars to the ${scn.currency} amounts shown`,
        };
      })
    : [];
  const otherDates = [...new Set(otherLines.map((l) => l.date).filter((d): d is string => d !== null))].join('; ');
  const pair = shownThird ? `${scn.currency}/USD` : `${localCode}/USD`;
  // US-dollar amounts nothing converted: a method computing in US dollars whose local rate is missing,
  // or whose amounts fell back to US dollars because the --currency asked for has no rate.
  const thirdFellBack = plan.native === 'USD' && third && currency === 'USD';
  const unconverted = plan.native === 'USD' && (!localOk || thirdFellBack);
  const usdBlock = (usd: Money, point: { m: number; u: number; l: number }, what: string): UsdBlock | null => {
    if (!usdOk) return null;
    const m = finite(usd, what);
    if (unconverted) {
      // The amounts shown are the method's US dollars and no rate turned them into usd: no rate, no date.
      return { ...m, rate: 1, rate_unit: 'USD/USD', rate_date: null, rate_kind: NONE_KIND };
    }
    // The rate named is the one that turns the amounts shown into usd: the third currency's, else the local one.
    const [shown, lines, oneLine, lineDates] = shownThird
      ? [point.m, otherLines, otherLines.length === 1 ? otherLines[0]! : null, otherDates]
      : [point.l, rateLines, one, dates];
    const eff = point.u !== 0 ? shown / point.u : (lines[0]?.rate ?? 1);
    return {
      ...m,
      rate: Number(eff.toFixed(4)),
      rate_unit: pair,
      rate_date: oneLine ? oneLine.date! : lineDates,
      rate_kind: oneLine ? oneLine.kind! : 'effective over the periods (each period converted at its own rate: see rates)',
    };
  };
  const tot = money(all);
  const total = finite(tot.main, model.id);
  const usdTotal = usdBlock(tot.usd, tot.point, `${model.id} USD`);
  return {
    method: model.id,
    method_version: model.version,
    title: model.title,
    currency,
    ...total,
    usd: usdTotal,
    regions: plan.regions.map((code, r) => {
      // One region: its draws are the totals, already summarised above.
      const reg = R === 1 ? tot : money(byRegion[r]!);
      return {
        code,
        name: regionNames(code)?.en ?? getRegion(code)?.name ?? code,
        ...finite(reg.main, `${model.id} ${code}`),
        usd: R === 1 ? usdTotal : usdBlock(reg.usd, reg.point, `${model.id} ${code} USD`),
      };
    }),
    inputs: plan.inputs,
    // The years of the data read: a record carried to a later year names its own (the notes say how it was carried).
    years: [...new Set(plan.segments.map((s) => s.source_year ?? s.data_year))],
    data_vintage: [...new Set(plan.inputs.map((i) => i.vintage).filter((v): v is string => !!v))],
    proxy: plan.proxy,
    notes: [...new Set(notes)],
    rates: shownThird
      ? [...rateLines.map((l) => ({ ...l, note: `${localCode}/USD: the method's amounts to US dollars${l.note ? `; ${l.note}` : ''}` })), ...otherLines]
      : rateLines,
    periods: plan.segments.map((seg, s) => {
      const p = S === 1 ? tot : money(all.filter((k) => Math.floor(k / R) === s));
      const line = rateLines[s]!;
      return {
        period: line.period,
        year: seg.period_year,
        data_year: seg.data_year,
        hours: seg.hours,
        ...finite(p.main, `${model.id} period ${line.period}`),
        usd: usdOk
          ? shownThird
            ? { ...finite(p.usd, `${model.id} period USD`), rate: otherLines[s]!.rate, rate_date: otherLines[s]!.date }
            : line.rate === null || thirdFellBack
              ? { ...finite(p.usd, `${model.id} period USD`), rate: 1, rate_date: null }
              : { ...finite(p.usd, `${model.id} period USD`), rate: line.rate, rate_date: line.date }
          : // A period with its own rate keeps its US dollars when another period has none (the total has none).
            !shownThird && toUsd[s] !== null
            ? { ...finite(p.usd, `${model.id} period USD`), rate: line.rate, rate_date: line.date }
            : null,
      };
    }),
    draws: N,
    seed: scn.seed,
    interval: 0.9,
  };
}
