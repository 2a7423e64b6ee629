// brookings-2016 on hand-computed cases (synthetic GDP of 1e9 USD a day).
import { describe, expect, it } from 'vitest';
import { oneDay } from '../testing.js';
import { brookings2016 } from './model.js';
import { shareFor } from './params.js';

const day = (m: typeof brookings2016, cc: string, year: number, extra = {}) => oneDay(m, cc, year, extra);

describe('brookings-2016', () => {
  it('interpolates BCG shares between 2010 and 2016 and holds them outside', () => {
    expect(shareFor({ 2010: 0.019, 2016: 0.028 }, 2013)).toBeCloseTo(0.0235, 12);
    expect(shareFor({ 2010: 0.019, 2016: 0.028 }, 2005)).toBe(0.019);
    expect(shareFor({ 2010: 0.019, 2016: 0.028 }, 2022)).toBe(0.028);
    expect(shareFor({ 2010: 0.055 }, 2020)).toBe(0.055);
    expect(day(brookings2016, 'RU', 2013).cost).toBeCloseTo(23.5e6, 0);
  });

  it('uses the G-20 average, then a labelled penetration proxy, where BCG has no figure', () => {
    const de = day(brookings2016, 'DE', 2016);
    expect(de.cost).toBeCloseTo(53e6, 0);
    expect(de.plan.proxy).toMatch(/G-20 average/);
    const ke = day(brookings2016, 'KE', 2019);
    // 0.40 users × k 0.087
    expect(ke.cost).toBeCloseTo(0.4 * 0.087 * 1e9, 0);
    expect(ke.plan.proxy).toMatch(/proxy: internet users share/);
  });

  it('weights platforms by the table, adding several up', () => {
    expect(day(brookings2016, 'RU', 2019, { type: 'platform', platform: 'Telegram' }).cost).toBeCloseTo(0.028 * 0.03 * 1e9, 0);
    expect(day(brookings2016, 'RU', 2019, { type: 'platform', platform: 'Telegram,WhatsApp' }).cost).toBeCloseTo(0.028 * 0.09 * 1e9, 0);
    expect(day(brookings2016, 'RU', 2019, { type: 'platform', platform: 'Telegram', platform_weight: 0.5 }).cost).toBeCloseTo(0.028 * 0.5 * 1e9, 0);
    expect(day(brookings2016, 'RU', 2019, { type: 'throttling', platform: 'YouTube', severity: 0.5 }).cost).toBeCloseTo(0.028 * 0.05 * 0.5 * 1e9, 0);
  });
});
