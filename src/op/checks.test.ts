/**
 * The shared checks answer the same for every op, and the country-code check is written once:
 * a zod two-letter pattern (or a hand-written rejection) anywhere else in src/ fails this test. Data
 * parsers that recognise a country column in a file are not input checks and are not counted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../shared/index.js';
import { asn, countryCode, limit, partialDate } from './checks.js';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });

/** An input check of a country code: a zod two-letter pattern, or a hand-written rejection of one. */
const COUNTRY_CHECK = /regex\(\/\^\[A-Z(a-z)?\]\{2\}|!\/\^\[A-Za-z\]\{2\}\$\/\.test\(/;

describe('shared checks', () => {
  it('country codes: two letters, upper-cased', () => {
    expect(countryCode.parse('ru')).toBe('RU');
    expect(countryCode.safeParse('RUS').success).toBe(false);
    expect(countryCode.safeParse('R1').error?.issues[0]?.message).toBe('ISO 3166-1 alpha-2, e.g. RU');
  });
  it('ASNs with or without the AS prefix', () => {
    for (const ok of ['AS12389', 'as12389', '12389']) expect(asn.safeParse(ok).success).toBe(true);
    for (const bad of ['AS', 'ASX1', '12389a', '']) expect(asn.safeParse(bad).success).toBe(false);
  });
  it('partial dates are real calendar dates', () => {
    for (const ok of ['2019', '2019-07', '2019-07-31', '2019-07-31T10:00Z'.replace('Z', ':00Z')]) expect(partialDate.safeParse(ok).success).toBe(true);
    for (const bad of ['2019-02-30', '19', '2019-13']) expect(partialDate.safeParse(bad).success).toBe(false);
  });
  it('limits are bounded integers', () => {
    expect(limit(100).safeParse(100).success).toBe(true);
    expect(limit(100).safeParse(101).success).toBe(false);
    expect(limit(100).safeParse(1.5).success).toBe(false);
  });
  it('the country-code pattern is written once (src/op/checks.ts)', () => {
    const src = packagePath('src');
    const again = files(src)
      .map((f) => relative(src, f))
      .filter((f) => f !== 'op/checks.ts')
      .filter((f) => COUNTRY_CHECK.test(readFileSync(join(src, f), 'utf8')));
    expect(again).toEqual([]);
  });
});
