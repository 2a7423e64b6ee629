// The pure part of scripts/gdp-share.mjs (which rows are comparable, and the share of GDP an hour
// offline costs), on real figures: Top10VPN's rows (data/events/top10vpn_cost_of_shutdowns_2019-2025.csv)
// and World Bank GDP (data/costs/worldbank_gdp_current_usd__datasets-gdp.csv, the file the engine
// loads). Our side of each row (our hours, our dollars) and the events are SYNTHETIC, labelled.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of scripts/ (no declarations)
import { candidateRows, gdpPerHour, parseGdp, range, shareRows } from '../../scripts/gdp-share-rows.mjs';

const file = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const gdp = parseGdp(file('data/costs/worldbank_gdp_current_usd__datasets-gdp.csv'), 'gdp.csv');
const top10 = parse<{ iso3: string; year: string; cost_usd: string; duration_hours: string }>(file('data/events/top10vpn_cost_of_shutdowns_2019-2025.csv'), {
  columns: true,
});
const alpha3 = (cc: string) => ({ IR: 'IRN', SY: 'SYR', ZZ: 'ZZZ' })[cc] ?? cc;

/** A compare row with Top10VPN's real figures; our side SYNTHETIC: `ratio` × their hours, our dollars 1 M. */
const row = (cc: string, year: number, ratio = 1, events = [`${cc}-${year}`]) => {
  const t = top10.find((r) => r.iso3 === alpha3(cc) && Number(r.year) === year)!;
  const their_hours = Number(t.duration_hours);
  return {
    country: cc,
    year,
    theirs: Number(t.cost_usd),
    their_hours,
    our_hours: their_hours * ratio,
    ours: { 'cost-escalated': 1e6 },
    events: events.map((id) => ({ id })),
    events_not_priced: [] as unknown[],
  };
};
// SYNTHETIC events of the ledger.
const shutdown = (id: string, over: object = {}) => [id, { id, category: 'shutdown', subtype: 'full', scope: 'national', ...over }] as const;

describe('gdp-share rows', () => {
  it("Top10VPN's dollars per hour over GDP per hour: Iran 2019 0.079, Iran 2020 0.008, Syria 2023 0.275 (GDP of 2021, the latest before)", () => {
    const rows = [row('IR', 2019), row('IR', 2020), row('SY', 2023)];
    const events = new Map([shutdown('IR-2019'), shutdown('IR-2020'), shutdown('SY-2023')]);
    const pricedType = new Map([...events.keys()].map((id) => [id, 'full']));
    const { kept, left } = shareRows(candidateRows(rows, events), { pricedType, gdp, alpha3, method: 'cost-escalated' });
    expect(left).toEqual([]);
    expect(kept.map((r: { row: string; theirs: number }) => [r.row, Number(r.theirs.toFixed(3))])).toEqual([
      ['IR 2020', 0.008],
      ['IR 2019', 0.079],
      ['SY 2023', 0.275],
    ]);
    expect(kept.find((r: { row: string }) => r.row === 'SY 2023').gdp_year).toBe(2021);
    expect(range(kept, 'theirs')).toMatchObject({ low_row: 'IR 2020', high_row: 'SY 2023' });
  });

  it('the GDP of a year is per hour of that year (2020: 8,784 h); none in or before the year is null', () => {
    expect(gdpPerHour(gdp, 'IRN', 2020).usd_per_hour * 8784).toBeCloseTo(gdp.get('IRN').get(2020), 0);
    expect(gdpPerHour(gdp, 'IRN', 1900)).toBeNull();
  });

  it('keeps only rows whose every event is a priced national network shutdown with our hours 0.6–1.7× theirs', () => {
    const events = new Map([
      shutdown('a'),
      shutdown('platform', { category: 'block', subtype: 'platform' }),
      shutdown('regional', { scope: 'regional' }),
      shutdown('curfew', { subtype: 'curfew' }),
      shutdown('mobile', { subtype: 'mobile' }),
    ]);
    const unpriced = { ...row('IR', 2019, 1, ['a']), events_not_priced: [{ id: 'b' }] };
    const rows = [
      row('IR', 2019, 0.6, ['a']),
      row('IR', 2019, 1.7, ['mobile']),
      row('IR', 2019, 0.59, ['a']),
      row('IR', 2019, 1.71, ['a']),
      row('IR', 2019, 1, ['a', 'platform']),
      row('IR', 2019, 1, ['regional']),
      row('IR', 2019, 1, ['curfew']),
      row('IR', 2019, 1, ['not-in-the-ledger']),
      unpriced,
    ];
    expect(candidateRows(rows, events)).toEqual([rows[0], rows[1]]);
  });

  it('leaves out, with the reason, a row whose event the engine prices as something else, or with no GDP', () => {
    const events = new Map([shutdown('tg'), shutdown('zz')]);
    const rows = [row('IR', 2020, 1, ['tg']), { ...row('IR', 2020, 1, ['zz']), country: 'ZZ' }];
    const pricedType = new Map([
      ['tg', 'platform'],
      ['zz', 'full'],
    ]);
    const { kept, left } = shareRows(candidateRows(rows, events), { pricedType, gdp, alpha3, method: 'cost-escalated' });
    expect(kept).toEqual([]);
    expect(left).toEqual([
      { row: 'IR 2020', reason: 'tg priced as platform' },
      { row: 'ZZ 2020', reason: 'no GDP for ZZ in 2020 or before' },
    ]);
  });

  it('a GDP row that is not a number is an error naming its line', () => {
    expect(() => parseGdp('Country Name,Country Code,Year,Value\nIran,IRN,2019,283e9\nIran,IRN,2020,n/a\n', 'gdp.csv')).toThrow(/^gdp\.csv:3: /);
  });
});
