/**
 * Read access to one country's economic data (its values, its regions' values, its exchange
 * rates), loaded from the store once and cached per store until the next import. Lookups
 * return the stored record whole, so every number a method uses carries its source, unit,
 * year and vintage into the estimate's `inputs`.
 */
import type { EconValueRecord, FxRateRecord, Store } from '../../store/index.js';
import { allSettledOrThrow } from '../../shared/index.js';

export class CountryData {
  private readonly byKey = new Map<string, EconValueRecord>();
  private readonly yearsOf = new Map<string, number[]>();
  readonly annualRates = new Map<number, FxRateRecord>();
  /** Daily rates sorted by date: day numbers (days since epoch) and records. */
  readonly dailyDays: number[] = [];
  readonly dailyRates: FxRateRecord[] = [];

  constructor(
    readonly country: string,
    /** The stored rows, kept as read: a worker thread rebuilds the same data from them. */
    readonly values: readonly EconValueRecord[],
    readonly rates: readonly FxRateRecord[],
  ) {
    for (const v of values) {
      this.byKey.set(`${v.indicator}|${v.geo}|${v.year}`, v);
      const k = `${v.indicator}|${v.geo}`;
      const ys = this.yearsOf.get(k) ?? [];
      ys.push(v.year);
      this.yearsOf.set(k, ys);
    }
    for (const ys of this.yearsOf.values()) ys.sort((a, b) => a - b);
    for (const r of rates) {
      if (r.kind === 'annual') this.annualRates.set(Number(r.period), r);
    }
    const daily = rates.filter((r) => r.kind === 'daily').sort((a, b) => a.period.localeCompare(b.period));
    for (const r of daily) {
      this.dailyDays.push(Date.parse(`${r.period}T00:00:00Z`) / 86_400_000);
      this.dailyRates.push(r);
    }
  }

  get(indicator: string, geo: string, year: number): EconValueRecord | undefined {
    return this.byKey.get(`${indicator}|${geo}|${year}`);
  }

  /** Years with a value, ascending. */
  years(indicator: string, geo: string): number[] {
    return this.yearsOf.get(`${indicator}|${geo}`) ?? [];
  }

  // The data never change after construction: answers to the two scans below are kept.
  private readonly memo = new Map<string, string[] | number[]>();

  /** Years for which at least one region of the country has the indicator. */
  regionalYears(indicator: string): number[] {
    const key = `years|${indicator}`;
    const hit = this.memo.get(key) as number[] | undefined;
    if (hit) return hit;
    const ys = new Set<number>();
    for (const [k, v] of this.yearsOf) if (k.startsWith(`${indicator}|`) && !k.endsWith(`|${this.country}`)) v.forEach((y) => ys.add(y));
    const out = [...ys].sort((a, b) => a - b);
    this.memo.set(key, out);
    return out;
  }

  /** Region codes with the indicator in a year. */
  regionsWith(indicator: string, year: number): string[] {
    const key = `regions|${indicator}|${year}`;
    const hit = this.memo.get(key) as string[] | undefined;
    if (hit) return hit;
    const out: string[] = [];
    for (const [k] of this.yearsOf) {
      const [ind, geo] = k.split('|') as [string, string];
      if (ind === indicator && geo !== this.country && this.byKey.has(`${k}|${year}`)) out.push(geo);
    }
    out.sort();
    this.memo.set(key, out);
    return out;
  }
}

const cache = new WeakMap<Store, Map<string, Promise<CountryData>>>();

export function econData(store: Store, country: string): Promise<CountryData> {
  let m = cache.get(store);
  if (!m) cache.set(store, (m = new Map()));
  let p = m.get(country);
  if (!p) {
    p = allSettledOrThrow([store.cost.values({ country }), store.cost.rates(country)]).then(([v, r]) => new CountryData(country, v, r));
    p.catch(() => m.delete(country));
    m.set(country, p);
  }
  return p;
}

/** Drop cached data after an import, so the next estimate sees the new values. */
export function invalidateEconData(store: Store): void {
  cache.delete(store);
}
