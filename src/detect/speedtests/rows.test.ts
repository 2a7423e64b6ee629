import { describe, expect, it } from 'vitest';
import { splitCsvLine, utf8Lines } from './csv.js';
import { parseSpeedTestFile } from './import.js';

const HEADER =
  'datetime_rounded,anonymized_ip,subnet,asn,as_country,as_organization,as_organization_iden,version,test_result,control_result,control_taco_result';
const file = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\n') + '\n');
/** "Now" for the parser: the rows below are all before it. */
const NOW = Date.parse('2021-03-22T12:00:00Z');

describe('speed-test CSV rows (synthetic lines in the dataset format)', () => {
  it('splits quoted fields with commas and doubled quotes', () => {
    expect(splitCsvLine('a,"b, ""c""",d')).toEqual(['a', 'b, "c"', 'd']);
    expect(splitCsvLine('a,"open')).toBeNull();
  });

  it('numbers lines and flags invalid UTF-8 lines', () => {
    const buf = Buffer.concat([Buffer.from('ok\n'), Buffer.from([0xc3, 0x28, 0x0a]), Buffer.from('fine\r\n')]);
    expect([...utf8Lines(buf)]).toEqual([
      { line: 1, text: 'ok' },
      { line: 2, text: null },
      { line: 3, text: 'fine' },
    ]);
  });

  it('stores good rows and rejects bad ones by line number, with reconciled counts', () => {
    const r = parseSpeedTestFile(
      file(
        '2021-03-13 00:00:00 UTC,10.0.0.0,10.0.0.0/24,64500,ZZ,"Org, Inc.",ORG-1,4,104.36,3787.88,3517.0',
        '2021-03-13 00:05:00 UTC,10.0.1.0,10.0.1.0/24,64500,ZZ,Org,ORG-1,4,fast,3787.88,3517.0',
        '2021-03-13 00:10:00 UTC,10.0.2.0,,,,,,4,2000,3000,',
        '2021-03-13 00:15:00 UTC,10.0.3.0,10.0.3.0/24,64500,ZZ,Org,ORG-1,4,100',
        'yesterday,10.0.4.0,10.0.4.0/24,64500,ZZ,Org,ORG-1,4,100,200,300',
      ),
      NOW,
    );
    expect(r.linesRead).toBe(5);
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0]).toMatchObject({
      line: 2,
      asn: 64500,
      as_country: 'ZZ',
      as_organization: 'Org, Inc.',
      test_result: 104.36,
      datetime_rounded: '2021-03-13T00:00:00.000Z',
    });
    expect(r.rows[1]).toMatchObject({ line: 4, asn: null, as_country: null, control_taco_result: null });
    expect(r.rejects).toEqual([
      { line: 3, reason: 'non_numeric_speed: test_result="fast"' },
      { line: 5, reason: 'column_count: expected 11 fields, got 9' },
      { line: 6, reason: 'bad_datetime: datetime_rounded="yesterday": not a date-time like 2021-03-13 00:05:00 UTC' },
    ]);
    expect(r.rows.length + r.rejected).toBe(r.linesRead);
  });

  it('rejects a day the month does not have, a time in the future, an ASN over 32 bits and an unassigned country, each with its line', () => {
    const r = parseSpeedTestFile(
      file(
        '2021-02-30 00:30:00 UTC,10.0.0.0,10.0.0.0/24,12389,RU,R,O,4,100,4000,3900',
        '2099-03-20 00:35:00 UTC,10.0.0.0,10.0.0.0/24,12389,RU,R,O,4,100,4000,3900',
        '2021-03-20 00:05:00 UTC,10.0.0.0,10.0.0.0/24,12389,XX,R,O,4,100,4000,3900',
        '2021-03-21 00:00:00 UTC,10.0.0.0,10.0.0.0/24,9999999999,RU,BigAS,O,4,100,4000,3900',
        '2021-03-21 00:00:00 UTC,10.0.0.0,10.0.0.0/24,0,RU,R,O,4,100,4000,3900',
        // within the clock-skew allowance of "now", and the largest AS number: stored
        '2021-03-22 12:05:00 UTC,10.0.0.0,10.0.0.0/24,4294967295,RU,R,O,4,100,4000,3900',
        // RIRs write EU for a network registered for Europe as a whole (the shipped data has it): stored
        '2021-03-21 00:00:00 UTC,78.28.120.0,78.28.64.0/18,1257,EU,TELE2,O,4,100,4000,3900',
      ),
      NOW,
    );
    expect(r.rejects).toEqual([
      { line: 2, reason: 'bad_datetime: datetime_rounded="2021-02-30 00:30:00 UTC": 2021-02-30 is not a calendar date' },
      {
        line: 3,
        reason: 'future_datetime: datetime_rounded="2099-03-20 00:35:00 UTC" is after now (2021-03-22T12:00:00.000Z; 10 minutes allowed for clock skew)',
      },
      { line: 4, reason: 'bad_country: as_country="XX": unknown ISO 3166-1 alpha-2 country code "XX"' },
      { line: 5, reason: 'bad_asn: asn="9999999999": an ASN is at most 4294967295 (32 bits)' },
      { line: 6, reason: 'bad_asn: asn="0": AS0 is not a network (a row without one leaves asn empty)' },
    ]);
    expect(r.rows.map((x) => [x.line, x.asn, x.as_country])).toEqual([
      [7, 4294967295, 'RU'],
      [8, 1257, 'EU'],
    ]);
  });

  it('rejects a file without a required column, and a UTF-16 file, counting every data line', () => {
    const missing = parseSpeedTestFile(
      Buffer.from('datetime_rounded,asn,as_country,test_result\n2021-03-13 00:00:00 UTC,1,ZZ,5\n2021-03-13 00:00:00 UTC,1,ZZ,6\n'),
      NOW,
    );
    expect(missing).toMatchObject({ linesRead: 2, rejected: 2, rows: [] });
    expect(missing.rejects[0]!.reason).toMatch(/^missing_columns: control_result/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n2021-03-13 00:00:00 UTC,a,b,1,ZZ,o,i,4,1,2,3\n`, 'utf16le')]);
    const u = parseSpeedTestFile(utf16, NOW);
    expect(u).toMatchObject({ linesRead: 1, rejected: 1 });
    expect(u.rejects[0]!.reason).toMatch(/^unknown_encoding: utf-16le/);
  });
});
