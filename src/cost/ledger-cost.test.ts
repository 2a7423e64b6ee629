import { describe, expect, it } from 'vitest';
import { LedgerCostQuerySchema } from './ledger-cost.js';

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
