// A period after the last data year is priced on GRP carried by national GDP to the latest GDP
// year: its data_year is that year (the year whose prices the figure is in), as the GDP methods
// label it, never the period's own year, for which no data exist. Real data: every shipped file.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario.js';
import { shippedCountry } from '../testing.js';
import { oziRegional } from './model.js';
import { deloitte2016 } from '../deloitte-2016/model.js';

const ru = shippedCountry('RU');
const latestGdp = Math.max(...ru.years('NY.GDP.MKTP.CN', 'RU'));

const planOf = (m: typeof oziRegional, start: string, end: string) => {
  const { scenario, span } = parseScenario({ country: 'RU', regions: ['RU-SPE'], type: 'full', start, end, draws: 200 });
  return m.plan({ scenario, data: ru, span });
};

describe('ozi-regional data_year past the data', () => {
  it('St Petersburg, 2025 and 2024 days: data_year is the latest GDP year, the GRP year is source_year, as deloitte-2016 labels its periods', () => {
    for (const day of ['2025-03-01', '2024-07-01']) {
      const plan = planOf(oziRegional, day, day);
      const seg = plan.segments[0]!;
      expect(seg.period_year).toBe(Number(day.slice(0, 4)));
      expect(seg.data_year, day).toBe(latestGdp);
      expect(seg.source_year).toBe(2021);
      expect(plan.notes.join(' ')).toMatch(new RegExp(`2021 GRP × [0-9.]+ \\(national nominal GDP ${latestGdp} / 2021`));
      expect(planOf(deloitte2016, day, day).segments[0]!.data_year).toBe(seg.data_year);
    }
  });

  it('a period with its own GRP, or carried back to a year with GDP, keeps that year', () => {
    expect(planOf(oziRegional, '2021-03-01', '2021-03-01').segments[0]!.data_year).toBe(2021);
    expect(planOf(oziRegional, '2019-03-01', '2019-03-01').segments[0]!.data_year).toBe(2019);
  });
});
