// OONI fingerprint CSV rows with a value the columns do not allow, or a name an earlier row has,
// are rejects naming the line and the field; the rest of the file loads, and the import stores
// it (exit 3), never a constraint error. Real data: OONI's fingerprints_http.csv and
// fingerprints_dns.csv as shipped (data/ooni/fingerprints); every edit below is SYNTHETIC.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../../test/helpers/index.js';
import { parseFingerprintFile } from './load.js';

const DIR = join(import.meta.dirname, '../../../data/ooni/fingerprints');
const HTTP = readFileSync(join(DIR, 'fingerprints_http.csv'), 'utf8');
const DNS = readFileSync(join(DIR, 'fingerprints_dns.csv'), 'utf8');
const lines = HTTP.split('\n');
const header = lines[0]!.split(',');
/** Line 2 of the real file (ooni.ae_0, whose pattern has no comma) with columns replaced. */
const rowWith = (values: Record<string, string>) => {
  const cells = lines[1]!.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  for (const [col, value] of Object.entries(values)) cells[header.indexOf(col)] = value;
  return cells.join(',');
};
const row2With = (col: string, value: string) => rowWith({ [col]: value });

describe('OONI fingerprint CSV', () => {
  it('loads both real files without a reject', () => {
    expect(parseFingerprintFile(HTTP, 'fingerprints_http.csv', 'ooni-http').rejects).toEqual([]);
    expect(parseFingerprintFile(DNS, 'fingerprints_dns.csv', 'ooni-dns').rejects).toEqual([]);
  });

  it('SYNTHETIC: a repeated name is a reject naming its line and the first one', () => {
    const text = [...lines.slice(0, 4), lines[2], ...lines.slice(4)].join('\n');
    const r = parseFingerprintFile(text, 'fp.csv', 'ooni-http');
    expect(r.rejects).toEqual([{ line: 5, reason: 'name "ooni.ae_1" repeats line 3 (a name is one fingerprint of its set)' }]);
    expect(r.items.length).toBe(parseFingerprintFile(HTTP, 'x.csv', 'ooni-http').items.length);
    // past the records whose quoted notes hold line breaks, lines are still the file's
    const last = HTTP.trimEnd().split('\n');
    const again = parseFingerprintFile(`${last.join('\n')}\n${last.at(-1)}\n`, 'fp.csv', 'ooni-http').rejects;
    expect(again).toEqual([
      { line: last.length + 1, reason: `name "${last.at(-1)!.split(',')[0]}" repeats line ${last.length} (a name is one fingerprint of its set)` },
    ]);
  });

  it('SYNTHETIC: a dns row whose pattern_type is not full, or whose pattern is no address or host name, is a reject naming the line and field', () => {
    const dns = DNS.split('\n');
    const row = (type: string, pattern: string) => dns[1]!.replace(/^ooni\.by_4,(.*),dns,full,134\.17\.0\.7,/, `qa.${type},$1,dns,${type},${pattern},`);
    expect(row('x', 'y')).not.toBe(dns[1]);
    const text = [
      dns[0],
      row('regexp', '81\\.19\\.70\\..*'),
      row('prefix', '81.19.71.'),
      row('contains', '81.19.73'),
      row('full', 'not an ip').replace('qa.full', 'qa.notip'),
      ...dns.slice(2),
    ].join('\n');
    expect(parseFingerprintFile(text, 'fp.csv', 'qa-dns').rejects).toEqual([
      { line: 2, reason: 'pattern_type "regexp" does not apply to location_found dns: a dns fingerprint is full, the answer address or host name itself' },
      { line: 3, reason: 'pattern_type "prefix" does not apply to location_found dns: a dns fingerprint is full, the answer address or host name itself' },
      { line: 4, reason: 'pattern_type "contains" does not apply to location_found dns: a dns fingerprint is full, the answer address or host name itself' },
      { line: 5, reason: 'pattern "not an ip" is no IP address or host name (location_found dns)' },
    ]);
  });

  it.each([
    ['location_found', 'nowhere', 'location_found "nowhere" is not dns, body or header.<name>'],
    ['scope', 'galaxy', 'scope "galaxy" is not one of nat, isp, prod, inst, vbw, fp, injb, prov'],
    ['expected_countries', '"RUS,XQ"', 'expected_countries "RUS" is no ISO 3166-1 alpha-2 country code'],
    ['confidence_no_fp', 'abc', 'confidence_no_fp "abc" is not a whole number from 0 to 10'],
  ])('SYNTHETIC: %s %s is a reject naming the line and the field', (col, value, reason) => {
    const text = [lines[0], row2With(col, value), ...lines.slice(2)].join('\n');
    expect(parseFingerprintFile(text, 'fp.csv', 'ooni-http').rejects).toEqual([{ line: 2, reason }]);
  });

  it('SYNTHETIC: fingerprints import of a file repeating a name stores the rest and exits 3 naming the line', async () => {
    const t = tempDir();
    try {
      const file = join(t.dir, 'fp.csv');
      writeFileSync(file, [...lines.slice(0, 4), lines[2], ...lines.slice(4)].join('\n'));
      const r = await cli(['fingerprints', 'import', file, '--source', 'ooni-http', '--json', '--db', join(t.dir, 'f.duckdb')]);
      expect(r.code, r.err).toBe(3);
      expect(JSON.parse(r.out).rejects).toEqual([
        { file: 'fp.csv', line: 5, reason: 'name "ooni.ae_1" repeats line 3 (a name is one fingerprint of its set)' },
      ]);
    } finally {
      t.cleanup();
    }
  });
});

const CP = readFileSync(join(DIR, 'censoredplanet_blockpage_signatures.jsonl'), 'utf8');

describe('one pattern rule for the OONI CSV and Censored Planet JSONL', () => {
  const unclosed = 'Example(unclosed';
  it('SYNTHETIC: a regexp pattern that does not compile is a reject naming the line, on both paths', () => {
    const regexpRow = (name: string, pattern: string) => rowWith({ name, pattern_type: 'regexp', pattern });
    const csv = [lines[0], regexpRow('qa.bad_re', unclosed), regexpRow('qa.bad_re2', '*Example'), ...lines.slice(2)].join('\n');
    const fromCsv = parseFingerprintFile(csv, 'fp.csv', 'qa-http').rejects;
    expect(fromCsv.map((r) => r.line)).toEqual([2, 3]);
    expect(fromCsv[0]!.reason).toMatch(/^pattern "Example\(unclosed" is no regular expression that compiles: .*Unterminated group/);
    const cp = `${CP.split('\n')[0]}\n{"fingerprint":"qa_2","pattern":"${unclosed}"}\n`;
    expect(parseFingerprintFile(cp, 'x.jsonl', 'qa-cp', 'cp_blockpage').rejects).toEqual([{ line: 2, reason: fromCsv[0]!.reason }]);
  });

  it('SYNTHETIC: an empty pattern (it would match every page) is a reject naming the line, on both paths', () => {
    const reason = 'pattern is empty: it would match every page';
    const cp = `${CP.split('\n')[0]}\n{"fingerprint":"qa_4","pattern":""}\n{"fingerprint":"qa_5","pattern":"  "}\n`;
    expect(parseFingerprintFile(cp, 'x.jsonl', 'qa-cp', 'cp_blockpage').rejects).toEqual([
      { line: 2, reason },
      { line: 3, reason },
    ]);
    const csv = [lines[0], row2With('pattern', ''), ...lines.slice(2)].join('\n');
    expect(parseFingerprintFile(csv, 'fp.csv', 'qa-http').rejects).toEqual([{ line: 2, reason }]);
  });

  it('a header without a column the OONI format needs is refused naming the column', () => {
    const renamed = DNS.replace(/^(.*?)pattern_type/, '$1kind');
    expect(() => parseFingerprintFile(renamed, 'fp.csv', 'ooni-dns')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: expect.stringMatching(/^fp\.csv: line 1: not an OONI fingerprint CSV: no column "pattern_type"/),
      }),
    );
  });

  it('SYNTHETIC: a file whose every row is rejected is refused naming the rejects, not "no fingerprints found"', () => {
    const cp = '{"fingerprint":"qa_4","pattern":""}\n{"fingerprint":"qa_2","pattern":"(x"}\n';
    expect(() => parseFingerprintFile(cp, 'x.jsonl', 'qa-cp', 'cp_blockpage')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: expect.stringMatching(/^x\.jsonl: all 2 rows rejected: line 1: pattern is empty.*line 2: pattern "\(x"/),
      }),
    );
  });
});
