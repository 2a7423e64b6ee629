/**
 * A region's display name: the one the API and the CLI use (src/geo's table of Russia's 85
 * regions and China's 31 provinces), so the map, its tables and the calculator's region list
 * never show a shortened geometry label ("Jewish") for a name ("Jewish Autonomous Oblast").
 */
import { regionNames } from '../../src/geo/region-names.js';

/** The shipped name of `code`, or `fallback` (the geometry's label) for a code without one. */
export const regionLabel = (code: string, fallback: string): string => regionNames(code)?.en ?? fallback;
