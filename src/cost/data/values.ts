/**
 * What a parsed figure must be before it is stored. A value lies in the range its unit allows
 * (amounts of money, people and exchange rates above 0; percentages from 0 to 100; counts per
 * 100 people at least 0): outside it the line is rejected, except a 0 where the quantity is above
 * 0, which World Bank files print for a figure too small for its unit (Serbia's GDP in dinars,
 * 1990-92) and which is counted as skipped, never stored; it is for a year or day that has
 * happened by `today`; and a key
 * (indicator, place, year; or currency and period) has one value per file: lines repeating
 * the same value are counted as duplicates, lines giving different values are all rejected,
 * each naming the others, and none of them is stored; an amount of money or of people more than
 * 10× above or below both its neighbouring years is a slip of units, rejected naming both. Every
 * refusal is a reject with its line.
 */
import type { EconValueRecord, FxRateRecord } from '../../store/index.js';
import { bump, type Parsed } from './parse-common.js';

/** Where a figure was read: its line, the line as written, the cell and its column if several. */
export interface At {
  line: number;
  raw: string | null;
  cell: string;
  column?: string;
}

type Held = { at: At; key: string; label: string; n: number } & ({ value: EconValueRecord } | { rate: FxRateRecord });

const ZERO = 'a 0 where the quantity is above 0 (printed for a figure too small for its unit)';

/** The range a unit allows, as words, or null when the unit is not one we know the bounds of. */
function outOfRange(unit: string, n: number): string | null {
  if (unit === '%' || unit === '% of population') return n >= 0 && n <= 100 ? null : 'must be from 0 to 100';
  if (unit === 'per 100 people') return n >= 0 ? null : 'must be at least 0';
  const positive = unit === 'people' || / per person$/.test(unit) || /^([A-Z]{3}|LCU:[A-Z]{2})$/.test(unit);
  return positive && !(n > 0) ? 'must be above 0' : null;
}

const where = (at: At) => (at.column ? ` (column ${at.column})` : '');

/** Collects a file's figures, rejecting the impossible ones at once and repeats at `settle`. */
export class Figures {
  private readonly held: Held[] = [];

  constructor(
    private readonly p: Parsed,
    private readonly today: string,
  ) {}

  /** True when the year (YYYY) or day (YYYY-MM-DD) has begun by today; otherwise a reject. */
  private happened(at: At, period: string): boolean {
    if (period <= this.today.slice(0, period.length)) return true;
    const what = period.length === 4 ? 'year' : 'date';
    this.p.rejects.push({ line: at.line, reason: `${what} ${period} is in the future (today is ${this.today})`, raw: at.raw });
    return false;
  }

  value(at: At, v: EconValueRecord): void {
    const bad = outOfRange(v.unit, v.value);
    if (bad && v.value === 0) return bump(this.p, ZERO);
    if (bad) {
      this.p.rejects.push({ line: at.line, reason: `${v.indicator} in ${v.unit} ${bad}: "${at.cell}"${where(at)}`, raw: at.raw });
      return;
    }
    if (!this.happened(at, String(v.year))) return;
    this.held.push({ at, key: `v|${v.indicator}|${v.geo}|${v.year}`, label: `${v.indicator} for ${v.geo} in ${v.year}`, n: v.value, value: v });
  }

  rate(at: At, r: FxRateRecord): void {
    if (r.rate === 0) return bump(this.p, ZERO);
    if (!(r.rate > 0)) {
      this.p.rejects.push({ line: at.line, reason: `the ${r.currency} per USD rate must be above 0: "${at.cell}"${where(at)}`, raw: at.raw });
      return;
    }
    if (!this.happened(at, r.period)) return;
    this.held.push({ at, key: `r|${r.country}|${r.kind}|${r.period}`, label: `the ${r.currency} per USD rate for ${r.period}`, n: r.rate, rate: r });
  }

  /**
   * Stores each key's one value (in the order first read), rejects the keys given several, and
   * rejects an isolated spike (see `spikes`).
   */
  settle(): void {
    const byKey = new Map<string, Held[]>();
    for (const h of this.held) byKey.set(h.key, [...(byKey.get(h.key) ?? []), h]);
    const kept: Held[] = [];
    for (const group of byKey.values()) {
      const first = group[0]!;
      if (group.every((h) => h.n === first.n)) {
        kept.push(first);
        if (group.length > 1) bump(this.p, 'same value given again on a later line', group.length - 1);
        continue;
      }
      const list = group.map((h) => `"${h.at.cell}" on line ${h.at.line}`).join(', ');
      const reason = `${first.label} has different values: ${list}; none is stored`;
      for (const h of group) this.p.rejects.push({ line: h.at.line, reason, raw: h.at.raw });
    }
    const spiked = spikes(kept);
    for (const h of kept) {
      const why = spiked.get(h);
      if (why) this.p.rejects.push({ line: h.at.line, reason: why, raw: h.at.raw });
      else if ('value' in h) this.p.values.push(h.value);
      else this.p.rates.push(h.rate);
    }
    this.p.rejects.sort((a, b) => a.line - b.line);
  }
}

/** How far a year may stand from both its neighbours before it is taken for a slip of units. */
export const SPIKE_FACTOR = 10;

/**
 * The values of an amount of money or of people that stand more than SPIKE_FACTOR times above or
 * below both the year before and the year after in the same file (a figure written in thousands
 * among dollars, a digit lost): a real series moves in steps (a redenomination, a war), not in a
 * one-year spike of that size. The largest isolated swing in the shipped World Bank files is
 * 3.5× (Azerbaijan's GDP in US$, 1992); population's 1.2× (Kuwait, 1991).
 */
function spikes(kept: Held[]): Map<Held, string> {
  const series = new Map<string, Map<number, Held>>();
  for (const h of kept) {
    if (!('value' in h) || !/^(people|[A-Z]{3}|LCU:[A-Z]{2})$/.test(h.value.unit) || !(h.n > 0)) continue;
    const k = `${h.value.indicator}|${h.value.geo}`;
    series.set(k, (series.get(k) ?? new Map<number, Held>()).set(h.value.year, h));
  }
  const out = new Map<Held, string>();
  for (const years of series.values())
    for (const [year, h] of years) {
      const before = years.get(year - 1);
      const after = years.get(year + 1);
      if (!before || !after || !('value' in h)) continue;
      const up = Math.min(h.n / before.n, h.n / after.n);
      const down = Math.min(before.n / h.n, after.n / h.n);
      const factor = Math.max(up, down);
      if (factor <= SPIKE_FACTOR) continue;
      const fmt = (x: Held) => `${x.n.toLocaleString('en-US')} (line ${x.at.line})`;
      out.set(
        h,
        `${h.label} is ${factor.toFixed(1)}× ${up > down ? 'above' : 'below'} both ${year - 1} ${fmt(before)} and ${year + 1} ${fmt(after)}: "${h.at.cell}"${where(h.at)} looks like a slip of units (a one-year spike of more than ${SPIKE_FACTOR}×); correct it and import the file again`,
      );
    }
  return out;
}

