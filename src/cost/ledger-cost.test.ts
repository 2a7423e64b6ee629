import { describe, expect, it } from 'vitest';
import { LedgerCostQuerySchema } from './ledger-cost.js';
import { costEventOp } from './ops.js';

describe('cost events --end', () => {
  it('takes a real date or instant', () => {
    for (const end of ['2026-11-26', '2024-02-29', '2026-11-26T12:00:00Z', '2026-11-26T12:00:00+03:00'])
      expect(LedgerCostQuerySchema.safeParse({ end }).success, end).toBe(true);
  });

  it('refuses, for the whole request, an end that matches the pattern but is no real date or time', () => {
    for (const end of ['2026-13-45', '2026-02-30', '2025-02-29', '2026-11-26T25:00:00Z']) {
      const r = LedgerCostQuerySchema.safeParse({ end });
      expect(r.success, end).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['end']);
      expect(r.error?.issues[0]?.message).toMatch(/not a real date|not a timestamp/);
    }
  });
});

describe('cost events and compare --country', () => {
  it('takes an assigned ISO 3166-1 code in either case, and refuses an unknown one instead of answering an empty table', () => {
    expect(LedgerCostQuerySchema.parse({ country: 'in' }).country).toBe('IN');
    for (const country of ['UK', 'ZZ', 'zz']) {
      const r = LedgerCostQuerySchema.safeParse({ country });
      expect(r.success, country).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/unknown ISO 3166-1/);
    }
    expect(LedgerCostQuerySchema.safeParse({ country: 'IND' }).error?.issues[0]?.message).toMatch(/alpha-2/);
  });
});

describe('cost events --currency', () => {
  it('refuses an unknown currency for the whole request instead of leaving every event unpriced', () => {
    for (const currency of ['usd', 'EUR', 'RUB', 'LCU']) expect(LedgerCostQuerySchema.safeParse({ currency }).success, currency).toBe(true);
    const r = LedgerCostQuerySchema.safeParse({ currency: 'xyz' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['currency']);
  });
});

describe('cost event --currency', () => {
  it('refuses an unknown currency naming it before the event is read, whatever the event lacks (as cost events does)', () => {
    for (const currency of ['usd', 'EUR', 'RUB', 'LCU']) expect(costEventOp.input.safeParse({ id: 'x', currency }).success, currency).toBe(true);
    const r = costEventOp.input.safeParse({ id: 'x', currency: 'XYZ' });
    expect(r.error?.issues.map((i) => [i.path, i.message])).toEqual([[['currency'], expect.stringMatching(/^unknown currency; use USD or an ISO 4217 code/)]]);
  });
});

describe('cost events --method', () => {
  it('refuses, for the whole request, a name that is no method instead of leaving every event unpriced', () => {
    for (const method of ['cost-escalated', 'all', 'cost-escalated,brookings-2016', ['deloitte-2016', 'ozi-regional']])
      expect(LedgerCostQuerySchema.safeParse({ method }).success, String(method)).toBe(true);
    for (const method of ['foo', 'cost-escalated,foo', ['brookings-2016', 'COST'], '', [''], [], 'brookings-2016,']) {
      const r = LedgerCostQuerySchema.safeParse({ method });
      expect(r.success, String(method)).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['method']);
      expect(r.error?.issues[0]?.message).toMatch(/is not a method; one of ozi-regional, .*, all$/);
    }
  });
});

describe('cost events --country with --region', () => {
  it('a region of another country is refused naming region and both countries, as cost --region is, never an empty answer', () => {
    for (const [country, region, home] of [
      ['RU', 'CN-XJ', 'CN'],
      ['RU', 'IN-KA', 'IN'],
      ['IN', 'RU-MOW', 'RU'],
    ] as const) {
      const r = LedgerCostQuerySchema.safeParse({ country, region });
      expect(r.success, `${country} ${region}`).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['region']);
      expect(r.error?.issues[0]?.message).toMatch(new RegExp(`^${region} \\(.+\\) is in ${home}, not ${country}`));
    }
  });

  it('a region of the country, in either case, or a region alone, is taken', () => {
    for (const q of [{ country: 'RU', region: 'RU-MOW' }, { country: 'ru', region: 'ru-mow' }, { region: 'CN-XJ' }, { country: 'IN' }])
      expect(LedgerCostQuerySchema.safeParse(q).success, JSON.stringify(q)).toBe(true);
  });
});
