// Who a shutdown cut: an attack on named networks is not the country's shutdown. Real STOP
// records (test/fixtures/stop/non-government.csv; Access Now #KeepItOn STOP, 2026-05-20
// snapshot), mapped by the STOP importer's own mapper.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent, StopRow } from '../ledger/index.js';
import { mapStopRow } from '../ledger/stop/map.js';
import { eventScenario } from './event-scenario.js';

const rows = parse<StopRow>(readFileSync(new URL('../../test/fixtures/stop/non-government.csv', import.meta.url)), { columns: true });
const event = (country: string, start: string): LedgerEvent => {
  const r = rows.find((x) => x.country.startsWith(country) && x.start_date === start)!;
  const m = mapStopRow(r, '2026-05-20');
  if ('reject' in m) throw new Error(m.reject);
  return { id: `test-${start}`, ...m.fields, regions: [], places: [], population_affected: null } as unknown as LedgerEvent;
};

describe('shutdowns no government ordered, on named networks', () => {
  it('Russia 2024-10-07 (STOP: nationwide; a cyberattack on VGTRK) is an outage of that network: it needs its share of subscribers', () => {
    const e = event('Russian', '2024-10-07');
    expect(e.scope).toBe('national');
    const s = eventScenario(e);
    expect(s.input.type).toBe('isp');
    expect(s.missing.map((m) => m.field)).toEqual(['isp_share']);
    expect(s.missing[0]!.reason).toMatch(/Russia: VGTRK/);
    const priced = eventScenario(e, { isp_share: 0.01 });
    expect(priced.missing).toEqual([]);
    expect(priced.input).toMatchObject({ type: 'isp', isp_share: 0.01 });
  });

  it('Ukraine 2023-12-12 (the cyberattack on Kyivstar) likewise', () => {
    expect(eventScenario(event('Ukraine', '2023-12-12')).missing.map((m) => m.field)).toEqual(['isp_share']);
  });

  it('a government-ordered nationwide shutdown that names its operators (Iran 2019-11-16) stays the country', () => {
    const s = eventScenario(event('Iran', '2019-11-16'));
    expect(s.input.type).toBe('full');
    expect(s.missing).toEqual([]);
  });

  it('--end leaves an event that ended as it is, and says so', () => {
    const e = event('Iran', '2019-11-16');
    const s = eventScenario(e, { end: '2026-11-26' });
    expect([s.input.start, s.input.end]).toEqual([eventScenario(e).input.start, eventScenario(e).input.end]);
    expect(s.mapping[0]).toBe(`--end 2026-11-26 not applied: it prices only events marked ongoing, and this one ended ${e.end}`);
  });

  it('an attack with a sub-national area (Gaza, 2023-10-26) keeps its area, not an ISP share', () => {
    const e = event('Palestine', '2023-10-26');
    expect(e.scope).not.toBe('national');
    expect(eventScenario(e).input.type).toBe('full');
  });
});

// A real record of two countries whose end STOP did not record (shutdown_status "Unknown"):
// test/fixtures/stop/multi-country-unknown-end.csv (Access Now #KeepItOn STOP, 2026-05-20).
describe('an end nobody recorded, on a record of two countries', () => {
  const r = parse<StopRow>(readFileSync(new URL('../../test/fixtures/stop/multi-country-unknown-end.csv', import.meta.url)), { columns: true })[0]!;
  const m = mapStopRow(r, '2026-05-20');
  if ('reject' in m) throw new Error(m.reject);
  const e = { id: 'test-tachileik', ...m.fields, regions: [], places: [], population_affected: null } as unknown as LedgerEvent;

  it('is not called ongoing, and --end does not price it to a date', () => {
    expect(e.countries).toEqual(['LA', 'MM']);
    expect(e.end).toBeNull();
    const s = eventScenario(e);
    const end = s.missing.find((x) => x.field === 'end')!;
    expect(end.reason).not.toMatch(/ongoing in the ledger/);
    expect(end.reason).toMatch(/no end/);
    expect(end.reason).toMatch(/--country/);
    const withEnd = eventScenario(e, { end: '2026-11-26' });
    expect(withEnd.input.end).toBeUndefined();
    expect(withEnd.missing.map((x) => x.field)).toContain('end');
    expect(withEnd.mapping.join(' ')).toMatch(/--end 2026-11-26 not applied/);
  });
});
