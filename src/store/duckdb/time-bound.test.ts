import { describe, expect, it } from 'vitest';
import { tsBound } from './time-bound.js';

describe('tsBound', () => {
  it('writes a year past 9999 as DuckDB reads it and leaves four-digit years alone (SYNTHETIC bounds)', () => {
    const past = new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999) + 1).toISOString();
    expect(past).toBe('+010000-01-01T00:00:00.000Z');
    expect(tsBound(past)).toBe('10000-01-01T00:00:00.000Z');
    expect(tsBound('2021-03-10T00:00:00.000Z')).toBe('2021-03-10T00:00:00.000Z');
    expect(tsBound('2021-03-10 00:00:00.000')).toBe('2021-03-10 00:00:00.000');
  });
});
