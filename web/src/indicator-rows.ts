/**
 * The rows a chart of indicator series draws, and which of them a line may join. A line stands
 * for a quantity measured the same way from one point to the next: it joins two values only when
 * neither is a lower bound (a truncated, partial or derived extract, whose note says so) and they
 * are at most MAX_GAP_DAYS apart. Every other value is drawn as a point of its own, never stepped
 * across a gap of years or joined to a figure of another kind of extract. No DOM.
 */
import type { Indicator } from './api.js';

/** Longest gap a line spans: daily and monthly series stay lines, yearly points stay points. */
export const MAX_GAP_DAYS = 45;

export interface ChartRow {
  series: string;
  unit: string;
  period: string;
  date: Date;
  value: number;
  source: string;
  /** The value is a lower bound (its note says so). */
  lower_bound: boolean;
  /** Rows sharing a segment are joined by a line; a segment of one row is a point alone. */
  segment: string;
  /** No line reaches this row: it must be drawn as a point. */
  alone: boolean;
}

const isLowerBound = (note: string | null | undefined): boolean => typeof note === 'string' && /^lower bound/i.test(note);

/** Rows of `series` in date order per series (values <= 0 left out on a log scale). */
export function chartRows(series: Indicator[], o: { log?: boolean } = {}): ChartRow[] {
  const out: ChartRow[] = [];
  for (const s of series) {
    const name = s.title.replace(/^Russia's blocking register: /, '');
    const rows = s.values
      .filter((v) => !o.log || v.value > 0)
      .map((v) => ({
        series: name,
        unit: s.unit,
        period: v.period,
        date: new Date(v.period.length === 4 ? `${v.period}-07-01` : v.period),
        value: v.value,
        source: v.source.publisher,
        lower_bound: isLowerBound(v.note),
        segment: '',
        alone: true,
      }))
      .sort((a, b) => a.date.getTime() - b.date.getTime());
    let segment = 0;
    rows.forEach((r, i) => {
      const prev = rows[i - 1];
      const joins = prev !== undefined && !prev.lower_bound && !r.lower_bound && (r.date.getTime() - prev.date.getTime()) / 86_400_000 <= MAX_GAP_DAYS;
      if (!joins) segment++;
      else prev.alone = r.alone = false;
      r.segment = `${s.id}#${segment}`;
    });
    out.push(...rows);
  }
  return out;
}
