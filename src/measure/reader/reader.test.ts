// Line splitting, parsing, keys and bucket paths: the pieces ingest trusts for "nothing lost".
import { describe, expect, it } from 'vitest';
import { measurementId } from '../key.js';
import { LineSplitter } from './lines.js';
import { normaliseAsn, normaliseTime, parseMeasurement } from './parse.js';
import { bucketParts, mayMatch } from './sources.js';

function split(chunks: string[], max = 1000) {
  const out: { text?: string; line: number; offset: number; oversize?: number }[] = [];
  const s = new LineSplitter(max, {
    line: (b, line, offset) => out.push({ text: b.toString(), line, offset }),
    oversize: (line, offset, length) => out.push({ line, offset, oversize: length }),
  });
  for (const c of chunks) s.push(Buffer.from(c));
  s.end();
  return out;
}

describe('LineSplitter', () => {
  it('keeps line numbers and byte offsets across chunk boundaries and CRLF', () => {
    expect(split(['ab', 'c\r\nde', 'f\ng'])).toEqual([
      { text: 'abc', line: 1, offset: 0 },
      { text: 'def', line: 2, offset: 5 },
      { text: 'g', line: 3, offset: 9 },
    ]);
  });
  it('reports an oversize line once, without buffering it, and goes on', () => {
    const out = split(['ok\n', 'x'.repeat(600), 'x'.repeat(600), '\nfine\n'], 1000);
    expect(out).toEqual([
      { text: 'ok', line: 1, offset: 0 },
      { line: 2, offset: 3, oversize: 1201 },
      { text: 'fine', line: 3, offset: 1204 },
    ]);
  });
  it('drops a UTF-8 byte order mark before the first line (only there), and gives the offset of the text after it', () => {
    expect(split(['\uFEFF{"a":1}\r\n\uFEFFx\n'])).toEqual([
      { text: '{"a":1}', line: 1, offset: 3 },
      { text: '\uFEFFx', line: 2, offset: 12 },
    ]);
    // split across chunks: the mark's three bytes arrive apart
    const bytes = Buffer.from('\uFEFF{}\n');
    const out: string[] = [];
    const s = new LineSplitter(100, { line: (b) => out.push(b.toString()), oversize: () => undefined });
    for (const b of bytes) s.push(Buffer.from([b]));
    s.end();
    expect(out).toEqual(['{}']);
  });
  it('counts multi-byte characters as bytes', () => {
    expect(split(['é\nx\n'])[1]).toEqual({ text: 'x', line: 2, offset: 3 });
  });
});

describe('parseMeasurement', () => {
  const base = { test_name: 'telegram', measurement_start_time: '2022-11-09 22:57:59', test_keys: {}, probe_cc: 'RU', probe_asn: 'AS8402', report_id: 'r1' };
  it('accepts OONI and ISO times on the calendar', () => {
    expect(normaliseTime('2022-11-09T22:57:59Z')).toBe('2022-11-09 22:57:59');
    expect(normaliseTime('2022-13-09 22:57:59')).toBeNull();
    expect(normaliseTime('2020-02-29 10:00:00')).toBe('2020-02-29 10:00:00');
    expect(normaliseTime('2000-02-29 10:00:00')).toBe('2000-02-29 10:00:00');
  });
  // SYNTHETIC: dates that match the pattern but are not on the calendar (DuckDB refuses to cast them)
  it.each([
    '2019-02-30 10:00:00',
    '2019-02-29 10:00:00',
    '1900-02-29 10:00:00',
    '2019-04-31 10:00:00',
    '2019-00-10 10:00:00',
    '2019-01-00 10:00:00',
    '2019-01-01 10:00:60',
  ])('refuses %s as a bad_field naming measurement_start_time', (t) => {
    expect(normaliseTime(t)).toBeNull();
    expect(parseMeasurement(JSON.stringify({ ...base, measurement_start_time: t }))).toMatchObject({
      ok: false,
      reason: 'bad_field',
      detail: expect.stringContaining(`measurement_start_time "${t}"`),
    });
  });
  it('normalises ASNs', () => {
    expect(normaliseAsn(8402)).toBe('AS8402');
    expect(normaliseAsn('as08402')).toBe('AS8402');
    expect(normaliseAsn(null)).toBe('AS0');
  });
  it('names what is wrong', () => {
    expect(parseMeasurement('{"a":')).toMatchObject({ ok: false, reason: 'malformed_json' });
    expect(parseMeasurement('[1]')).toMatchObject({ ok: false, reason: 'not_an_object' });
    expect(parseMeasurement('null')).toMatchObject({ ok: false, reason: 'not_an_object', detail: 'a JSON null, not a measurement object' });
    expect(parseMeasurement(JSON.stringify({ test_name: 'x' }))).toMatchObject({
      ok: false,
      reason: 'missing_field',
      detail: 'missing measurement_start_time, test_keys',
    });
    expect(parseMeasurement(JSON.stringify({ ...base, measurement_start_time: 'yesterday' }))).toMatchObject({ ok: false, reason: 'bad_field' });
    expect(parseMeasurement(JSON.stringify({ ...base, test_keys: [] }))).toMatchObject({ ok: false, reason: 'bad_field' });
    expect(parseMeasurement(JSON.stringify({ ...base, probe_cc: null }))).toMatchObject({ ok: true, value: { envelope: { probe_cc: 'ZZ' } } });
  });
  it('derives the same key from the same measurement whatever its formatting, and another for another report', () => {
    const a = parseMeasurement(JSON.stringify(base));
    const b = parseMeasurement(JSON.stringify({ ...base, measurement_start_time: '2022-11-09T22:57:59Z', extra: 1 }, null, 1));
    const c = parseMeasurement(JSON.stringify({ ...base, report_id: 'r2' }));
    if (!a.ok || !b.ok || !c.ok) throw new Error('parse');
    const id = measurementId(a.value.envelope, Buffer.from('x'));
    expect(id).toMatch(/^20221109225759_RU_telegram_[0-9a-f]{16}$/);
    expect(measurementId(b.value.envelope, Buffer.from('y'))).toBe(id);
    expect(measurementId(c.value.envelope, Buffer.from('x'))).not.toBe(id);
  });
});

describe('bucket paths', () => {
  it('reads date, hour, country and test from raw/ paths and file names', () => {
    expect(bucketParts('/x/raw/20200303/09/RU/webconnectivity/2020030309_RU_webconnectivity.n0.0.jsonl.gz')).toEqual({
      date: '20200303',
      hour: '09',
      cc: 'RU',
      test: 'webconnectivity',
    });
    expect(bucketParts('/tmp/2024030100_AM_webconnectivity.n1.0.jsonl.gz')).toEqual({ date: '20240301', hour: '00', cc: 'AM', test: 'webconnectivity' });
    expect(bucketParts('/tmp/measurements.jsonl')).toEqual({});
  });
  it('rules out subtrees that cannot match the filters', () => {
    expect(mayMatch({ cc: 'RU' }, { cc: ['IR'] })).toBe(false);
    expect(mayMatch({ test: 'webconnectivity' }, { test_name: ['web_connectivity'] })).toBe(true);
    expect(mayMatch({ date: '20200303' }, { since: '2020-03-04 00:00:00' })).toBe(false);
    expect(mayMatch({ date: '20200305' }, { until: '2020-03-04 23:59:59' })).toBe(true); // a day of slack: starts precede uploads
    expect(mayMatch({ date: '20200306' }, { until: '2020-03-04 23:59:59' })).toBe(false);
  });
});
