/**
 * The shared checks answer the same for every op, and the country-code check is written once:
 * a zod two-letter pattern (or a hand-written rejection) anywhere else in src/ fails this test. Data
 * parsers that recognise a country column in a file are not input checks and are not counted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../shared/index.js';
import {
  asn,
  countryCode,
  countryProblem,
  decodeCursor,
  encodeCursor,
  knownCountryCode,
  instant,
  limit,
  number,
  whole,
  partialDate,
  probeCountryCode,
  rangeIssues,
  regionCode,
} from './checks.js';

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
    expect(countryCode.parse(' gb ')).toBe('GB');
    expect(countryCode.safeParse('R1').error?.issues[0]?.message).toBe('"R1" is not an ISO 3166-1 alpha-2 country code: two letters, e.g. RU');
  });
  it('an unassigned country code is an error with the value, and the code meant for the usual mistakes', () => {
    const message = (v: string, probe = false) => (probe ? probeCountryCode : countryCode).safeParse(v).error?.issues[0]?.message;
    expect(message('UK')).toBe('unknown ISO 3166-1 alpha-2 country code "UK"; did you mean GB (United Kingdom of Great Britain and Northern Ireland)?');
    expect(message('el')).toMatch(/"el"; did you mean GR \(Greece\)/);
    expect(message('RUS')).toMatch(/"RUS" is not an ISO 3166-1 alpha-2 country code.*did you mean RU/);
    expect(message('Russia')).toMatch(/did you mean RU/);
    expect(message('QQ')).toBe('unknown ISO 3166-1 alpha-2 country code "QQ"');
    expect(message('AQ')).toBeUndefined(); // assigned, even with no events
    // OONI's own codes: only where the filter applies to OONI data
    expect(message('ZZ')).toMatch(/XK and ZZ are taken only where the filter applies to OONI data/);
    expect(message('XK')).toMatch(/unknown ISO 3166-1/);
    expect(probeCountryCode.parse('zz')).toBe('ZZ');
    expect(probeCountryCode.parse('XK')).toBe('XK');
    expect(message('UK', true)).toMatch(/did you mean GB/);
    expect(countryProblem('QQ', true)).toBe('unknown ISO 3166-1 alpha-2 country code "QQ"');
  });
  it("a stored country (an event's countries) is an assigned code in upper case, refused with the same hint", () => {
    expect(knownCountryCode.safeParse('GB').success).toBe(true);
    expect(knownCountryCode.safeParse('UK').error?.issues[0]?.message).toMatch(/"UK"; did you mean GB/);
    expect(knownCountryCode.safeParse('gb').error?.issues[0]?.message).toBe('"gb" must be upper case (GB)');
  });
  it('regions are ISO 3166-2 codes we know', () => {
    expect(regionCode.parse('ru-mow')).toBe('RU-MOW');
    expect(regionCode.parse('RU-CR')).toBe('RU-CR');
    expect(regionCode.safeParse('XX-YY').error?.issues[0]?.message).toMatch(/unknown ISO 3166-2 region code "XX-YY"/);
  });
  it('instants and ranges', () => {
    expect(instant.safeParse('2024-01-31T00:00:00Z').success).toBe(true);
    for (const bad of ['2024-01-31', 'yesterday', '2021-02-30T00:00:00Z']) expect(instant.safeParse(bad).success).toBe(false);
    expect(rangeIssues({ since: '2022', until: '2020' })).toEqual([{ path: ['until'], message: '"2020" ends before since "2022" begins' }]);
    expect(rangeIssues({ from: '2021-03', to: '2021-03-01' })).toEqual([]); // the same month: overlaps
    expect(rangeIssues({ from: '2021-03-02', to: '2021-03-01' })).toHaveLength(1);
    expect(rangeIssues({ since: 'bad', until: '2020' })).toEqual([]); // a bad date is the date check's to report
  });
  it('ASNs with or without the AS prefix', () => {
    for (const ok of ['AS12389', 'as12389', '12389']) expect(asn.safeParse(ok).success).toBe(true);
    for (const bad of ['AS', 'ASX1', '12389a', '', 'AS4294967296']) expect(asn.safeParse(bad).success).toBe(false);
    expect(asn.safeParse('AS4294967295').success).toBe(true);
    expect(asn.safeParse('ASX').error?.issues.map((i) => i.message)).toEqual(['an ASN like AS12389 or 12389']);
    expect(asn.safeParse('AS9999999999').error?.issues.map((i) => i.message)).toEqual(['an ASN is at most 4294967295 (32 bits)']);
  });
  it('partial dates are real calendar dates', () => {
    for (const ok of ['2019', '2019-07', '2019-07-31', '2019-07-31T10:00Z'.replace('Z', ':00Z')]) expect(partialDate.safeParse(ok).success).toBe(true);
    for (const bad of ['2019-02-30', '19', '2019-13']) expect(partialDate.safeParse(bad).success).toBe(false);
  });
  it('limits are bounded integers', () => {
    expect(limit(100).safeParse(100).success).toBe(true);
    expect(limit(100).safeParse(101).success).toBe(false);
    expect(limit(100).safeParse(1.5).success).toBe(false);
    for (const bad of [0, -1, 101, 1.5, 'abc', Number.NaN])
      expect(limit(100).safeParse(bad).error?.issues[0]?.message).toBe('must be a whole number from 1 to 100');
    // one issue per bad value, however many bounds it breaks (SYNTHETIC values)
    for (const bad of [1e20, -1.5, 0, 101.5]) expect([bad, limit(100).safeParse(bad).error?.issues.length]).toEqual([bad, 1]);
  });
  it('numbers: JSON numbers, or text in plain decimals; anything else is refused naming the value', () => {
    for (const [v, n] of [
      [2, 2],
      ['2', 2],
      ['-1.5', -1.5],
      ['.5', 0.5],
      ['1e3', 1000],
      [' 7 ', 7],
    ] as const)
      expect(number().parse(v)).toBe(n);
    for (const v of ['', ' ', '0x10', '0o7', '0b1', 'Infinity', 'NaN', '1,5', '1e', '12h', Number.NaN, Number.POSITIVE_INFINITY, true])
      expect(number().safeParse(v).error?.issues[0]?.message, String(v)).toBe(`${typeof v === 'string' ? JSON.stringify(v) : String(v)} is not a number`);
    const whole = number((n) => n.int('must be a whole number'));
    expect(whole.safeParse('2.5').error?.issues[0]?.message).toBe('must be a whole number');
    expect(whole.parse('2e3')).toBe(2000);
  });

  it('whole numbers are digits, a minus at most: "+5" is refused as "%205" and "1e2" are, by every reader (SYNTHETIC values)', async () => {
    const { coercerFor } = await import('../server/mount.js');
    const { intOption, limitOption } = await import('../cli/command.js');
    for (const v of ['+5', '+0', '+1000', '++5', '+-5']) {
      // an op's whole number (check.whole: draws, seed, year, top, reps)
      expect(whole(1, 1000).safeParse(v).error?.issues[0]?.message, v).toBe(`must be a whole number from 1 to 1000, got ${JSON.stringify(v)}`);
      // a query parameter whose schema is an integer (limit=%2B5): left as text for the schema to refuse
      expect(coercerFor(limit(1000).optional())([v]), v).toBe(v);
      expect(limit(1000).safeParse(coercerFor(limit(1000))([v])).success, v).toBe(false);
      // a CLI option: --limit +5 reaches the schema as typed; an intOption is a usage error naming the flag
      expect(limitOption(v), v).toBe(v);
      expect(() => intOption('--workers')(v), v).toThrow(`--workers must be a whole number, got ${JSON.stringify(v)}`);
    }
    expect(whole(-10, 10).parse('-5')).toBe(-5);
    expect(coercerFor(limit(1000))(['5'])).toBe(5);
    expect(limitOption('-3')).toBe(-3);
  });

  it('text becomes a number only through check.number: z.coerce.number (Number(""), Number("0x10")) is written nowhere', () => {
    const src = packagePath('src');
    const coerced = files(src)
      .map((f) => relative(src, f))
      .filter((f) => /z\.coerce\s*\.number/.test(readFileSync(join(src, f), 'utf8')));
    expect(coerced).toEqual([]);
  });

  it('page cursors: what a page issues reads back; anything else is refused in the same words for every list', () => {
    expect(decodeCursor(encodeCursor('2024-03-01T00:00:00Z', 'ru-2024-x'))).toEqual({ key: '2024-03-01T00:00:00Z', id: 'ru-2024-x' });
    expect(decodeCursor(encodeCursor('2024-03-01 10:20:30', 'm1'))).toEqual({ key: '2024-03-01 10:20:30', id: 'm1' });
    expect(decodeCursor(encodeCursor('2024-02-29T10:20:30.123+03:00', 'm1')).key).toBe('2024-02-29T10:20:30.123+03:00');
    const forged = [
      'garbage',
      '',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('"x"').toString('base64url'),
      Buffer.from('["a"]').toString('base64url'),
      Buffer.from('null').toString('base64url'),
      // decodable, but not what a page issues: a key that is no instant, wrong arity, an empty id
      Buffer.from('["zz","a"]').toString('base64url'),
      Buffer.from('["9999-99-99","x"]').toString('base64url'),
      Buffer.from('["2021-02-30T00:00:00.000Z","x"]').toString('base64url'),
      Buffer.from('["",""]').toString('base64url'),
      Buffer.from('["2025-12-27T00:00:00.000Z",""]').toString('base64url'),
      Buffer.from('["2025-12-27T00:00:00.000Z","x","y"]').toString('base64url'),
    ];
    for (const c of forged) expect(() => decodeCursor(c), c).toThrow(/^cursor: not a next_cursor value from a previous page$/);
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
