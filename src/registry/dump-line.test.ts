import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../shared/index.js';
import { dateProblem, decisionLimit, parseDumpLine, type DumpRecord } from './dump-line.js';

const fixture = (name: string) => new TextDecoder('windows-1251').decode(readFileSync(packagePath('test', 'fixtures', 'registry-quirks', name))).split('\n');
const ok = (line: string): DumpRecord => {
  const r = parseDumpLine(line);
  if (!r.ok) throw new Error(`rejected: ${r.reason} ${r.detail}`);
  return r.record;
};

describe('parseDumpLine on real lines', () => {
  const y2016 = fixture('dump-2016-06-13-lines.cp1251.csv');
  const y2020 = fixture('dump-08-2020-02-16-lines.cp1251.csv');

  it('decodes cp1251 (decision bodies in Cyrillic)', () => {
    expect(ok(y2016[1]!).decisionBody).toBe('суд');
    expect(ok(y2016[4]!).decisionBody).toBe('Мосгорсуд');
  });
  it('single IP without domain or URL', () => {
    const r = ok(y2016[1]!);
    expect(r).toMatchObject({ ips: ['104.16.173.117'], domain: '', urls: [], decisionNumber: '2-1687/2013', decisionDate: '2013-05-23' });
    expect(r.parsed[0]).toMatchObject({ family: 4, prefix: 32, first: 1745923445n, last: 1745923445n });
  });
  it('" | " lists of IPs and URLs', () => {
    expect(ok(y2016[2]!).ips).toEqual(['148.251.140.112', '148.251.140.113', '148.251.140.114', '148.251.140.123']);
    expect(ok(y2016[4]!).urls).toEqual(['http://4fun.mksat.net/140433', 'http://4fun.mksat.net/140433?dllist=1']);
  });
  it('stray ";" inside URLs: first two fields from the left, last three from the right', () => {
    const r = ok(y2016[5]!);
    expect(r.ips).toHaveLength(16);
    expect(r.domain).toBe('argo-casino.com');
    expect(r.urls).toEqual(['http://argo-casino.com/?a_aid=556d9bce9dfa8&amp;a_bid=11110002']);
    expect(r).toMatchObject({
      decisionBody: 'ФНС',
      decisionNumber: '2-6-27/2016-01-23-8-АИ',
      decisionDate: '2016-02-04',
      straySemicolons: 1,
      quotedUrls: true,
    });
    const ten = ok(y2020[4]!);
    expect(ten.straySemicolons).toBe(4);
    expect(ten.urls).toEqual(['https://www.yiflix.com/video-download/1bXjvp-FtLfOo7c/нвр_&#8243;правий_сектор&#8243;_друг_&#8243;малой&#8243;.html']);
    expect(ten).toMatchObject({ domain: 'www.yiflix.com', decisionBody: 'Генпрокуратура', decisionNumber: '27-31-2015/Ид831-15', decisionDate: '2015-03-12' });
    const v6 = ok(y2020[5]!);
    expect(v6.urls[0]).toMatch(/^https:\/\/zvooq\.icu\/music\/.*;$/);
    expect(v6.parsed.filter((p) => p.family === 6)).toHaveLength(4);
    expect(v6).toMatchObject({ domain: 'zvooq.icu', decisionBody: 'суд', decisionNumber: '2-7701/2018', decisionDate: '2018-09-24', straySemicolons: 1 });
  });
  it('trims a decision number with a trailing space', () => {
    expect(ok(y2020[0]!).decisionNumber).toBe('27-31-2015/Ид831-15');
  });
  it('IPv6 addresses next to IPv4 ones', () => {
    const r = ok(y2020[1]!);
    expect(r.ips).toEqual(['23.185.0.3', '2620:12a:8000::3', '2620:12a:8001::3']);
    expect(r.parsed.map((p) => p.family)).toEqual([4, 6, 6]);
    expect(r.parsed[1]!.prefix).toBe(128);
  });
  it('CIDR with host bits set is read as its network', () => {
    const r = ok('1.2.3.4/24;;;суд;1;2020-01-01');
    expect(r.parsed[0]).toMatchObject({ first: 16909056n, last: 16909311n, prefix: 24, hostBits: true });
  });
});

describe('parseDumpLine rejects', () => {
  it.each([
    ['1.2.3.999;x;;суд;1;2020-01-01', 'bad_ip'],
    ['1.2.3.4;x;;суд;1;2020-13-45', 'bad_date'],
    ['only;two', 'too_few_fields'],
    [';;;суд;1;2020-01-01', 'empty_record'],
    ['1.2.3.4;;;;1;2020-01-01', 'missing_decision'],
    ['1.2.3.4;x\uFFFD;;суд;1;2020-01-01', 'bad_encoding'],
  ])('%s -> %s', (line, reason) => {
    const r = parseDumpLine(line);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });
});

describe('a decision date the calendar does not have', () => {
  it('says the date does not exist when it has the YYYY-MM-DD form, and names the form otherwise', () => {
    const detail = (date: string) => {
      const r = parseDumpLine(`1.2.3.4;x;;суд;1;${date}`);
      return r.ok ? null : [r.reason, r.detail];
    };
    for (const d of ['2021-02-30', '2021-02-29', '2020-13-45', '2020-04-31', '2020-00-10'])
      expect(detail(d), d).toEqual(['bad_date', `decision date "${d}" is not a date on the calendar`]);
    for (const d of ['2021-2-3', '03.02.2021', 'soon']) expect(detail(d), d).toEqual(['bad_date', `decision date "${d}" is not YYYY-MM-DD`]);
    expect(dateProblem('2020-02-29')).toBeNull();
  });
});

describe('decision dates in the future', () => {
  it('a date after the latest one begun is future_date; that date itself, or no latest given, is a record', () => {
    const r = parseDumpLine('1.2.3.4;x;;суд;1;2026-01-03', '2026-01-02');
    expect(r).toEqual({
      ok: false,
      reason: 'future_date',
      detail: 'decision date "2026-01-03" is in the future (the latest date begun anywhere is 2026-01-02)',
    });
    expect(parseDumpLine('1.2.3.4;x;;суд;1;2026-01-02', '2026-01-02').ok).toBe(true);
    expect(parseDumpLine('1.2.3.4;x;;суд;1;2099-01-01').ok).toBe(true);
  });
  it("a date after the dump's own time is future_date naming that time (a register of 2021 cannot list a decision of 2025; SYNTHETIC line)", () => {
    const limit = decisionLimit('2021-03-01T00:00:00.000Z', Date.parse('2026-12-06T12:00:00Z'));
    expect(limit).toEqual({ latest: '2021-03-01', dumpAt: '2021-03-01T00:00:00.000Z' });
    expect(parseDumpLine('2.2.2.2;later.example;;суд;2-1/2021;2025-06-01', limit.latest, limit.dumpAt)).toEqual({
      ok: false,
      reason: 'future_date',
      detail: 'decision date "2025-06-01" is after the dump\'s time 2021-03-01T00:00:00.000Z (the latest date begun anywhere then is 2021-03-01)',
    });
    expect(parseDumpLine('2.2.2.2;later.example;;суд;2-1/2021;2021-03-01', limit.latest, limit.dumpAt).ok).toBe(true);
    // a dump time of now (within the clock-skew allowance) leaves today's limit
    expect(decisionLimit('2026-12-06T12:05:00.000Z', Date.parse('2026-12-06T12:00:00Z'))).toEqual({ latest: '2026-12-07' });
  });
});

describe('a line of fewer than six fields', () => {
  // SYNTHETIC: line 2 of the 2016 fixture (104.16.173.117;;;суд;2-1687/2013;2013-05-23) cut after each field
  const REAL = '104.16.173.117;;;суд;2-1687/2013;2013-05-23';
  it.each([1, 2, 3, 4, 5])('%i fields is too_few_fields naming the count, never a reject of another field', (n) => {
    const line = REAL.split(';').slice(0, n).join(';');
    expect(parseDumpLine(line)).toEqual({ ok: false, reason: 'too_few_fields', detail: `${n} field${n === 1 ? '' : 's'}, need 6` });
  });
});
