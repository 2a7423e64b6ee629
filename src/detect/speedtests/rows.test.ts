import { describe, expect, it } from 'vitest';
import { splitCsvLine, utf8Lines } from './csv.js';
import { parseSpeedTestFile } from './import.js';

const HEADER =
  'datetime_rounded,anonymized_ip,subnet,asn,as_country,as_organization,as_organization_iden,version,test_result,control_result,control_taco_result';
const file = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\n') + '\n');

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
        '2021-03-13 00:00:00 UTC,10.0.0.0,10.0.0.0/24,64500,XA,"Org, Inc.",ORG-1,4,104.36,3787.88,3517.0',
        '2021-03-13 00:05:00 UTC,10.0.1.0,10.0.1.0/24,64500,XA,Org,ORG-1,4,fast,3787.88,3517.0',
        '2021-03-13 00:10:00 UTC,10.0.2.0,,,,,,4,2000,3000,',
        '2021-03-13 00:15:00 UTC,10.0.3.0,10.0.3.0/24,64500,XA,Org,ORG-1,4,100',
        'yesterday,10.0.4.0,10.0.4.0/24,64500,XA,Org,ORG-1,4,100,200,300',
      ),
    );
    expect(r.linesRead).toBe(5);
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0]).toMatchObject({
      line: 2,
      asn: 64500,
      as_country: 'XA',
      as_organization: 'Org, Inc.',
      test_result: 104.36,
      datetime_rounded: '2021-03-13T00:00:00.000Z',
    });
    expect(r.rows[1]).toMatchObject({ line: 4, asn: null, as_country: null, control_taco_result: null });
    expect(r.rejects).toEqual([
      { line: 3, reason: 'non_numeric_speed: test_result="fast"' },
      { line: 5, reason: 'column_count: expected 11 fields, got 9' },
      { line: 6, reason: 'bad_datetime: datetime_rounded="yesterday"' },
    ]);
    expect(r.rows.length + r.rejected).toBe(r.linesRead);
  });

  it('rejects a file without a required column, and a UTF-16 file, counting every data line', () => {
    const missing = parseSpeedTestFile(
      Buffer.from('datetime_rounded,asn,as_country,test_result\n2021-03-13 00:00:00 UTC,1,XA,5\n2021-03-13 00:00:00 UTC,1,XA,6\n'),
    );
    expect(missing).toMatchObject({ linesRead: 2, rejected: 2, rows: [] });
    expect(missing.rejects[0]!.reason).toMatch(/^missing_columns: control_result/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n2021-03-13 00:00:00 UTC,a,b,1,XA,o,i,4,1,2,3\n`, 'utf16le')]);
    const u = parseSpeedTestFile(utf16);
    expect(u).toMatchObject({ linesRead: 1, rejected: 1 });
    expect(u.rejects[0]!.reason).toMatch(/^unknown_encoding: utf-16le/);
  });
});
