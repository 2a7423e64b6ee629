import { describe, expect, it } from 'vitest';
import { Sql } from './sql.js';
import { chSeconds, DATETIME_MAX_SECONDS, timeCmp } from './time.js';

const col = new Sql('t');

describe('ClickHouse time bounds (SYNTHETIC bounds)', () => {
  it('reads every form a bound arrives in as seconds since 1970, also outside DateTime', () => {
    expect(chSeconds('1970-01-01 00:00:00')).toBe(0);
    expect(chSeconds('2106-02-07 06:28:15')).toBe(DATETIME_MAX_SECONDS);
    expect(chSeconds('2021-03-10T03:00:00+03:00')).toBe(chSeconds('2021-03-10 00:00:00'));
    expect(chSeconds('2300-12-31 23:59:59.999')).toBe(Date.UTC(2300, 11, 31, 23, 59, 59) / 1000);
    expect(chSeconds('+010000-01-01T00:00:00.000Z')).toBe(Date.UTC(10000, 0, 1) / 1000);
    expect(chSeconds('0050-01-01')).toBeLessThan(chSeconds('1900-01-01'));
    expect(() => chSeconds('2021-3-1')).toThrow(/not a date/);
  });

  it('sends a bound inside the range as seconds and decides one outside it alone', () => {
    expect(timeCmp(col, '>=', '2106-01-15').text).toBe(`t >= toDateTime(${Date.UTC(2106, 0, 15) / 1000}, 'UTC')`);
    expect(timeCmp(col, '<=', '2106-02-07 06:28:16').text).toBe('1');
    expect(timeCmp(col, '<', '9999-12-31 23:59:59.999').text).toBe('1');
    expect(timeCmp(col, '>=', '2106-03-01').text).toBe('0');
    expect(timeCmp(col, '>=', '1900-01-01').text).toBe('1');
    expect(timeCmp(col, '<=', '1969-12-31 23:59:59.999').text).toBe('0');
    expect(timeCmp(col, '<', '1970-01-01').text).toBe(`t < toDateTime(0, 'UTC')`);
  });
});
