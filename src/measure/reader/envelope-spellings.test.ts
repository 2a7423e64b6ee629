/**
 * Spellings of the envelope that name the same measurement as OONI's own: a test named by its
 * bucket folder (webconnectivity) is the test it names, and a start time with an explicit UTC
 * offset is the instant it names. Real lines from the shipped measurements, changed in those
 * fields only (SYNTHETIC spellings of real measurements).
 */
import { describe, expect, it } from 'vitest';
import { shippedMatcher, shippedMeasurements } from '../../../test/helpers/ooni.js';
import { measurementId } from '../key.js';
import { scoreMeasurement } from '../verdict/index.js';
import { fullLineNeeded } from '../verdict/projection.js';
import { normaliseTime, parseMeasurement, type Json } from './parse.js';

const shipped = shippedMeasurements();
const matcher = shippedMatcher();
const parsed = (m: Json) => {
  const p = parseMeasurement(JSON.stringify(m));
  if (!p.ok) throw new Error(p.detail);
  return p.value;
};
// the real RU Telegram measurement of 2022-11-09 22:57:59 and the real web_connectivity measurements
const telegram = shipped.find((m) => m.test_name === 'telegram' && m.probe_cc === 'RU' && m.measurement_start_time === '2022-11-09 22:57:59')!;
const webs = shipped.filter((m) => m.test_name === 'web_connectivity');

describe('a test named by its bucket folder', () => {
  it('is stored and judged as the test it names, under the same key', () => {
    expect(webs.length).toBeGreaterThan(10);
    for (const m of [...webs, telegram]) {
      const folder = String(m.test_name).replace(/_/g, '');
      const a = parsed(m);
      const b = parsed({ ...m, test_name: folder });
      expect(b.envelope.test_name).toBe(m.test_name);
      expect(measurementId(b.envelope, Buffer.from(JSON.stringify(m)))).toBe(measurementId(a.envelope, Buffer.from(JSON.stringify(m))));
      expect(scoreMeasurement(b, matcher).verdict).toEqual(scoreMeasurement(a, matcher).verdict);
    }
  });

  it('the DuckDB engine parses a folder-spelt facebook_messenger line whole, as it does the snake_case one', () => {
    expect(fullLineNeeded('facebookmessenger', Buffer.from('{}'))).toBe(fullLineNeeded('facebook_messenger', Buffer.from('{}')));
    expect(fullLineNeeded('facebookmessenger', Buffer.from('{}'))).toBe(true);
  });

  it('a name that is no test and no folder of one is kept as written (judged by the generic rules)', () => {
    expect(parsed({ ...telegram, test_name: 'nosuchtest' }).envelope.test_name).toBe('nosuchtest');
  });
});

describe('a start time with an explicit offset', () => {
  it('is the UTC instant it names, whatever the spelling', () => {
    for (const v of ['2022-11-10T01:57:59+03:00', '2022-11-09T22:57:59Z', '2022-11-09T22:57:59+00:00', '2022-11-09T17:57:59-05:00', '2022-11-10T02:27:59+0330'])
      expect(normaliseTime(v), v).toBe('2022-11-09 22:57:59');
    expect(parsed({ ...telegram, measurement_start_time: '2022-11-10T01:57:59+03:00' }).envelope.measurement_start_time).toBe('2022-11-09 22:57:59');
    // across a month and a year
    expect(normaliseTime('2023-01-01T02:00:00+03:00')).toBe('2022-12-31 23:00:00');
  });

  it('is refused off the calendar (in its own zone) or with an offset that is no offset, naming the forms accepted', () => {
    for (const v of ['2022-02-30T01:00:00+03:00', '2022-11-10T24:00:00+03:00', '2022-11-10T01:00:00+25:00', '2022-11-10T01:00:00+03:60'])
      expect(normaliseTime(v), v).toBeNull();
    const r = parseMeasurement(JSON.stringify({ ...telegram, measurement_start_time: '2022-11-10 01:57' }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.detail).toMatch(/"YYYY-MM-DD HH:MM:SS" \(UTC\) or ISO 8601 with Z or an offset/);
  });
});
