// An end nobody recorded is priced over the upper quartile of its reference class's durations,
// active triangular(q1, median, q3)/q3 of it: the mapping says so, giving the median as the most
// likely value and the mean days priced, not the median as the days priced.
// SYNTHETIC durations: the quartiles 2–6–8 d of Ingushetia's reference class (stop-ru-2019-03-16).
import { describe, expect, it } from 'vitest';
import { imputeEnd } from './span-steps.js';
import type { ScenarioInput } from './scenario.js';
import { syntheticEvent } from './testing.js';

const impute = (d: { n: number; q1: number; median: number; q3: number; of: string }) => {
  const input: ScenarioInput = { country: 'RU', type: 'full' };
  const mapping: string[] = [];
  imputeEnd(syntheticEvent({ countries: ['RU'], category: 'shutdown', subtype: 'full', start: '2019-03-16', end: null }), d, input, mapping);
  return { input, text: mapping.join(' ') };
};

describe('the words of an imputed end', () => {
  it('quartiles 2–6–8 d: 8 d priced for 2–8 of them, most likely 6, 5.3 on average (the mean of what is drawn)', () => {
    const { input, text } = impute({ n: 12, q1: 2, median: 6, q3: 8, of: 'RU' });
    const mean = ((input.active_low! + input.active_share! + input.active_high!) / 3) * 8;
    expect(mean).toBeCloseTo(16 / 3, 9);
    expect(text).toMatch(
      /priced from 2019-03-16 to 2019-03-23 \(8 d, the upper quartile\) for 2–8 of those days, most likely 6 \(the median\), 5\.3 on average:/,
    );
    expect(text).not.toMatch(/for 6 of those days \(the median\)/);
  });

  it('a median at the upper quartile: every day of the span is priced, and said so', () => {
    const { input, text } = impute({ n: 5, q1: 1, median: 3, q3: 3, of: 'RU' });
    expect(input.active_share).toBeUndefined();
    expect(text).toMatch(/\(3 d, the upper quartile, also the median\) for all of those days:/);
  });
});
