// Percentages that never round a share strictly between 0 and 1 to 0 or 100. SYNTHETIC shares.
import { describe, expect, it } from 'vitest';
import { percentText } from './percent.js';

describe('percentText', () => {
  it('rounds as asked where that says neither 0 nor 100', () => {
    expect([0.5, 0.994, 0.123456, 0.2].map((x) => percentText(x))).toEqual(['50', '99', '12', '20']);
    expect(percentText(0.98765, 1)).toBe('98.8');
  });
  it('adds decimals to a share below 1 that would read 100, and to one above 0 that would read 0', () => {
    expect([0.995, 0.9996, 0.99999, 0.004, 0.00004].map((x) => percentText(x))).toEqual(['99.5', '99.96', '99.999', '0.4', '0.004']);
    expect(percentText(0.9996, 1)).toBe('99.96');
    expect(percentText(0.0004, 1)).toBe('0.04');
  });
  it('keeps 0 and 1 as 0 and 100', () => {
    expect([0, 1].map((x) => percentText(x))).toEqual(['0', '100']);
    expect(percentText(1, 2)).toBe('100.00');
  });
});
