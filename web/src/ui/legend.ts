/**
 * Colour-ramp legends for the maps: margins wide enough that the first and last tick labels are
 * drawn whole (Plot's default puts the first label's middle on the ramp's left edge), and money
 * labelled as the tables and tooltips label it ("1B", never the SI "1G").
 */
import * as Plot from '@observablehq/plot';
import { short } from '../format.js';

type ColorOptions = Plot.ScaleOptions & Plot.LegendOptions;

export function rampLegend(color: ColorOptions, money: boolean, ticks?: number): HTMLElement | SVGSVGElement {
  return Plot.legend({
    color: { ...color, ...(money ? { tickFormat: short } : {}), ...(ticks ? { ticks } : {}) },
    width: 340,
    marginLeft: 20,
    marginRight: 20,
  });
}
