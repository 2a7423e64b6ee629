import { describe, expect, it } from 'vitest';
import { MAX_EVERY_MS, parseEvery } from './watch.js';

describe('parseEvery', () => {
  it('takes periods from 1s to 366 days, past what one Node timer holds (700h)', () => {
    expect(parseEvery('5s')).toBe(5000);
    expect(parseEvery('700h')).toBe(700 * 3_600_000);
    expect(parseEvery('8784h')).toBe(MAX_EVERY_MS);
  });

  it('refuses a period beyond 366 days as a usage error naming --every', () => {
    for (const v of ['8785h', '1e9h', '99999999999999999999h'])
      expect(() => parseEvery(v)).toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringContaining('--every') }));
    expect(() => parseEvery('0s')).toThrow(/at least 1s/);
  });

  it('refuses a number without a unit (15 meant as minutes would cycle every 15 s) as a usage error naming --every', () => {
    for (const v of ['5', '15', '90', '1.5'])
      expect(() => parseEvery(v)).toThrow(expect.objectContaining({ code: 'USAGE', message: `--every must look like 5s, 15m or 1h, got "${v}"` }));
  });
});
