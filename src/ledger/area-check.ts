/**
 * What an event's area must agree with, whoever entered it: the region of each place is an
 * ISO 3166-2 code of one of the event's countries (as `regions` is), the share of the people cut
 * off is estimate / national_population, and the estimate is what the places it lists hold (their
 * populations summed, at most the national population). The geocoder's output meets each exactly;
 * a person's may round (a share to its own decimals, at least two; an estimate to two significant
 * figures or finer). Every event edge validates with it (model.ts), so the CLI and the API refuse
 * the same input in the same words.
 */
import { isRegionCode, regionCountries } from '../geo/index.js';

type Place = { region: string | null; population: number };
type Population = { estimate: number; share: number; national_population: number };
export type AreaIssue = { path: (string | number)[]; message: string };

const n = (x: number) => x.toLocaleString('en-US');

/** The decimals a number is written with (0.0005: 4). */
function decimals(x: number): number {
  for (let d = 0; d < 20; d++) if (Number(x.toFixed(d)) === x) return d;
  return 20;
}

/** Whether `stated` is `exact` rounded to `unit` or finer (half a unit either way; float noise aside). */
const roundsTo = (stated: number, exact: number, unit: number) => Math.abs(stated - exact) <= unit / 2 + 1e-12 * Math.max(1, Math.abs(exact));

/** The unit an estimate is rounded to: its last non-zero digit, never coarser than two significant figures. */
function estimateUnit(x: number): number {
  if (!Number.isInteger(x) || x === 0) return 1;
  const digits = String(Math.abs(x)).length;
  const zeros = String(Math.abs(x)).length - String(Math.abs(x)).replace(/0+$/, '').length;
  return 10 ** Math.min(zeros, Math.max(0, digits - 2));
}

/** The issues of an event's area, each naming its field and the values that disagree. */
export function areaIssues(e: { countries: readonly string[]; places: readonly Place[]; population_affected: Population | null }): AreaIssue[] {
  const issues: AreaIssue[] = [];
  e.places.forEach((p, i) => {
    if (p.region === null) return;
    if (!isRegionCode(p.region)) issues.push({ path: ['places', i, 'region'], message: 'unknown ISO 3166-2 region code' });
    else if (!regionCountries(p.region).some((c) => e.countries.includes(c)))
      issues.push({ path: ['places', i, 'region'], message: `${p.region} is not in any of the event's countries (${e.countries.join(', ')})` });
  });
  const pop = e.population_affected;
  if (!pop) return issues;
  if (pop.national_population > 0) {
    const exact = pop.estimate / pop.national_population;
    if (!roundsTo(pop.share, exact, 10 ** -Math.max(2, decimals(pop.share))))
      issues.push({
        path: ['population_affected', 'share'],
        message: `${pop.share} is not estimate / national_population (${n(pop.estimate)} / ${n(pop.national_population)} = ${exact.toPrecision(4)}), even rounded`,
      });
  }
  if (e.places.length) {
    const sum = e.places.reduce((s, p) => s + p.population, 0);
    const held = pop.national_population > 0 ? Math.min(sum, pop.national_population) : sum;
    if (!roundsTo(pop.estimate, held, estimateUnit(pop.estimate)))
      issues.push({
        path: ['population_affected', 'estimate'],
        message: `${n(pop.estimate)} is not what the places listed hold (${n(held)}${held < sum ? ', the national population' : ''}), even rounded`,
      });
  }
  return issues;
}
