import { describe, expect, it } from 'vitest';
import { unpricedByYear, unpricedHeadline } from './unpriced.js';

// The reasons GET /api/events/{id}/cost gives for a Russian STOP event in a store holding only the
// STOP file (no World Bank, Rosstat or NBS data), copied from the real answer.
const NO_DATA = [
  "ozi-regional: ozi-regional reads Rosstat's regional GRP and regional internet penetration, and this database holds no regional GRP and regional internet penetration for RU: load the shipped tables with `splinternet db seed`, or newer ones with `splinternet data import rosstat-grp|rosstat-regional FILE --year Y`",
  'deloitte-2016: no GDP (current US$) for RU',
  'brookings-2016: no GDP (current US$) for RU',
  'cost-escalated: no GDP (current US$) for RU',
];

describe('events not priced', () => {
  const events = [
    { id: 'stop-ru-2025-12-11-st-petersburg-499d08', start: '2025-12-11', reasons: NO_DATA },
    { id: 'stop-ru-2021-a', start: '2021-03-10', reasons: NO_DATA },
    { id: 'stop-ru-2025-b', start: '2025-06-01', reasons: NO_DATA },
  ];

  it('says which economic data is missing, never "no priced events"', () => {
    expect(unpricedHeadline('RU', events)).toBe('not priced: no GDP/users/regional GRP data for RU');
  });

  it('lists the events year by year, each reason once without the method that gave it', () => {
    const years = unpricedByYear(events);
    expect(years.map((y) => [y.year, y.ids.length])).toEqual([
      ['2021', 1],
      ['2025', 2],
    ]);
    expect(years[1]!.reasons).toContain('no GDP (current US$) for RU');
    expect(years[1]!.reasons).toHaveLength(2);
  });

  it('names another reason as given (SYNTHETIC: an event with no end)', () => {
    expect(unpricedHeadline('RU', [{ id: 'x', start: '2020', reasons: ['cost-escalated: missing end'] }])).toBe('not priced: missing end');
  });
});
