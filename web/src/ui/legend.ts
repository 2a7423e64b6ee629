/**
 * Colour-ramp legends for the maps: margins wide enough that the first and last tick labels are
 * drawn whole (Plot's default puts the first label's middle on the ramp's left edge), money
 * labelled as the tables and tooltips label it ("1B", never the SI "1G"), labels that never
 * overprint on a log scale, and counts in whole numbers (legend-ticks.ts).
 */
import * as Plot from '@observablehq/plot';
import { short } from '../format.js';
import { countTicks, logTicks } from './legend-ticks.js';

type ColorOptions = Plot.ScaleOptions & Plot.LegendOptions;

const WIDTH = 340;
const MARGIN = 20;

export function rampLegend(color: ColorOptions, money: boolean, ticks?: number): HTMLElement | SVGSVGElement {
  const [lo, hi] = (color.domain ?? []) as number[];
  const log = color.type === 'log';
  const values =
    log && typeof lo === 'number' && typeof hi === 'number'
      ? logTicks(lo, hi, WIDTH - 2 * MARGIN)
      : !money && typeof hi === 'number'
        ? countTicks(hi)
        : undefined;
  const format = money ? short : !log && values ? (d: number) => String(d) : undefined;
  return Plot.legend({
    color: { ...color, ...(format ? { tickFormat: format } : {}), ...(values ? { ticks: values } : ticks ? { ticks } : {}) },
    width: WIDTH,
    marginLeft: MARGIN,
    marginRight: MARGIN,
  });
}
