import { describe, expect, it } from 'vitest';
import { count, measure, noteText, pct, times } from './format.js';

describe('times', () => {
  // PK 2021 and 2022 hours ratios of `cost compare top10vpn --country PK` on the seeded data
  it('writes large ratios in grouped digits, never in exponent notation', () => {
    expect(times(2897.2)).toBe('×2,897');
    expect(times(1995.8)).toBe('×1,996');
    expect(times(1 / 2897.2)).toBe('×1/2,897');
    expect(times(123456.7)).toBe('×123,457');
  });
  it('keeps three significant digits below 100, and a ratio under 1 as one over its inverse', () => {
    expect(times(2.9)).toBe('×2.90');
    expect(times(0.453)).toBe('×1/2.21');
    expect(times(1)).toBe('×1.00');
  });
  it('a missing or meaningless ratio is a dash', () => {
    expect(times(null)).toBe('—');
    expect(times(0)).toBe('—');
    expect(times(Number.NaN)).toBe('—');
  });
});

describe('noteText', () => {
  // notes of the Top10VPN series `db seed` loads (IN 2019, IN 2022, PK 2019)
  it('writes the numbers of a published note as the tables do', () => {
    expect(noteText('duration 4196.0 h, 8400000.0 users affected')).toBe('duration 4,196 h, 8.4M users affected');
    expect(noteText('duration 1461.0 h, 120743890.0 users affected')).toBe('duration 1,461 h, 121M users affected');
  });
  it('says a figure the source does not give in words, and keeps the area', () => {
    expect(noteText('duration 88.0 h, ? users affected; area: Azad Kashmir')).toBe('duration 88 h, users affected not given; area: Azad Kashmir');
  });
  it('leaves years, dates and small decimals as written', () => {
    expect(noteText('Announced February 2021 (chapter cites Kostyleva, 2021, February 5); total planned to 2024')).toBe(
      'Announced February 2021 (chapter cites Kostyleva, 2021, February 5); total planned to 2024',
    );
    expect(noteText('as of 2019-08-05, 0.25 of the scale')).toBe('as of 2019-08-05, 0.25 of the scale');
    expect(noteText(null)).toBe('');
  });
});

describe('counts and measures', () => {
  it('writes counts with a singular noun and grouped digits', () => {
    expect(count(1, 'event')).toBe('1 event');
    expect(count(22017, 'test')).toBe('22,017 tests');
    expect(count(1, 'row')).toBe('1 row');
  });

  it('writes a detection strength (copied from the RU throttling detection: share_throttled 0.49, tests 22017) as the tables do', () => {
    expect(measure('share_throttled', 0.49)).toBe('49%');
    expect(measure('tests_throttled', 10785)).toBe('10,785');
    expect(measure('tests', 22017)).toBe('22,017');
    expect(measure('severity', 0.73)).toBe('0.73');
    expect(measure('depth', null)).toBe('—');
  });
});

describe('pct', () => {
  // SYNTHETIC shares: a 99.6 % throttled share, a 0.04 % share of announced space
  it('never shows a share strictly between 0 and 1 as 0% or 100%, and keeps 0 and 1', () => {
    expect([pct(0.996), pct(0.0004, 1), pct(0), pct(1), pct(0.25), pct(null)]).toEqual(['99.6%', '0.04%', '0%', '100%', '25%', '—']);
  });
});
