/**
 * Tick values for the maps' colour legends, chosen so their labels never overprint: on a log
 * scale the densest of 1-2-5, 1-3 or whole powers of ten whose labels stand far enough apart on
 * the ramp (Plot's own log ticks fill every unit when the domain spans few decades, 21 labels on
 * 300 px); on a count scale whole numbers only. Pure, so the spacing rule is unit-tested.
 */

/** Narrowest gap, in pixels, between two neighbouring labels ("200M" is about 28 px wide). */
export const MIN_GAP_PX = 44;

/**
 * Ticks for a log ramp of `width` px over [lo, hi]: every value lies in the domain, and
 * neighbouring values are at least MIN_GAP_PX apart on the ramp. At least the two ends' powers
 * when they fit; the domain's own ends when no power of ten lies between them.
 */
export function logTicks(lo: number, hi: number, width: number): number[] {
  if (!(lo > 0) || !(hi > lo) || !Number.isFinite(hi)) return lo > 0 && Number.isFinite(lo) ? [lo] : [];
  const span = Math.log10(hi) - Math.log10(lo);
  const px = (a: number, b: number) => ((Math.log10(b) - Math.log10(a)) / span) * width;
  const spaced = (ticks: number[]) => ticks.every((t, i) => i === 0 || px(ticks[i - 1]!, t) >= MIN_GAP_PX);
  const within = (mults: number[]) => {
    const out: number[] = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
      for (const m of mults) {
        const v = Number((m * 10 ** e).toPrecision(12));
        if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
      }
    return out;
  };
  for (const mults of [[1, 2, 5], [1, 3], [1]]) {
    const t = within(mults);
    if (t.length >= 2 && spaced(t)) return t;
  }
  const powers = within([1]);
  if (powers.length < 2) return spaced([lo, hi]) ? [lo, hi] : [lo];
  // many decades: every k-th power of ten, k the least that spaces them
  for (let k = 2; ; k++) {
    const t = powers.filter((_, i) => i % k === 0);
    if (spaced(t) || t.length <= 2) return t;
  }
}

/** Whole-number ticks for a count ramp over [0, max] when Plot's own would be fractions (max under 10). */
export function countTicks(max: number): number[] | undefined {
  if (!(max > 0) || max >= 10) return undefined;
  const step = Math.max(1, Math.ceil(max / 5));
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
}
