import { describe, expect, it } from 'vitest';
import { parseSignals } from './parse.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const o = { file: 'f', nowMs: NOW };

describe('parseSignals (SYNTHETIC inputs in each accepted format)', () => {
  it("reads IODA's API answer: series with from/step/values, null values missing", () => {
    const doc = {
      data: [
        [
          {
            entityType: 'asn',
            entityCode: '44244',
            entityName: 'IranCell',
            datasource: 'ping-slash24',
            from: 1573776000,
            until: 1573777800,
            step: 600,
            values: [8, null, 7],
          },
        ],
      ],
    };
    const r = parseSignals(JSON.stringify(doc), o);
    expect(r.format).toBe('ioda-api');
    expect(r.points.map((p) => [p.source, p.entity_code, p.t, p.value])).toEqual([
      ['active_probing', 'AS44244', '2019-11-15T00:00:00.000Z', 8],
      ['active_probing', 'AS44244', '2019-11-15T00:10:00.000Z', null],
      ['active_probing', 'AS44244', '2019-11-15T00:20:00.000Z', 7],
    ]);
    expect(r.missing).toBe(1);
  });

  it('reads a JSON array of records and NDJSON, naming the record or line of each reject', () => {
    const arr = parseSignals(
      JSON.stringify([
        { source: 'bgp', cc: 'IR', value: 3, time: '2020-01-01T00:00:00Z' },
        { source: 'bgp', value: 1, time: '2020-01-01' },
      ]),
      o,
    );
    expect(arr.format).toBe('json');
    expect(arr.points[0]).toMatchObject({ entity_type: 'country', entity_code: 'IR', cc: 'IR' });
    expect(arr.rejects).toEqual([{ line: 2, reason: 'record 2: no entity: give entity_type and entity_code, or an asn, region or country column', raw: null }]);
    const nd = parseSignals('{"source":"bgp","region":"IR-07","value":1,"timestamp":1577836800}\nnot json\n', o);
    expect(nd.format).toBe('ndjson');
    expect(nd.points[0]).toMatchObject({ entity_type: 'region', entity_code: 'IR-07', cc: 'IR', t: '2020-01-01T00:00:00.000Z' });
    expect(nd.rejects[0]!.line).toBe(2);
  });

  it("reads OONI's count export with a source given, day stamps without a zone as UTC", () => {
    const r = parseSignals('"count","test_day","probe_asn"\n94,"2019-11-10 00:00:00",44244\n', { ...o, source: 'ooni_measurements', cc: 'IR' });
    expect(r.points[0]).toMatchObject({ source: 'ooni_measurements', entity_code: 'AS44244', cc: 'IR', t: '2019-11-10T00:00:00.000Z', value: 94, line: 2 });
  });

  it('rejects a day the month does not have, a count not in decimal notation and a country ISO does not assign, naming the line', () => {
    const csv = [
      'datasource,value,asn,cc,timestamp',
      'darknet,5,AS1,IR,2019-02-30 07:10:00',
      'darknet,0x10,AS1,IR,2019-11-14 06:55:00',
      'darknet,5,AS1,XX,2019-11-14 07:25:00',
      'darknet,5,AS1,UK,2019-11-14 07:30:00',
      'darknet,1e3,AS1,ir,2019-11-14 07:35:00',
      'darknet,.5,AS2,XK,2019-02-28 23:55:00',
    ].join('\n');
    const r = parseSignals(csv, o);
    expect(r.rejects.map((x) => x.reason)).toEqual([
      'line 2: timestamp "2019-02-30 07:10:00": 2019-02-30 is not a calendar date',
      'line 3: value "0x10" is not a number',
      'line 4: unknown ISO 3166-1 alpha-2 country code "XX"',
      'line 5: unknown ISO 3166-1 alpha-2 country code "UK"; did you mean GB (United Kingdom of Great Britain and Northern Ireland)?',
    ]);
    expect(r.points.map((p) => [p.line, p.value, p.cc, p.t])).toEqual([
      [6, 1000, 'IR', '2019-11-14T07:35:00.000Z'],
      [7, 0.5, 'XK', '2019-02-28T23:55:00.000Z'],
    ]);
    expect(r.records_read).toBe(r.points.length + r.rejects.length);
  });

  it('rejects a country or region entity whose country ISO does not assign', () => {
    const r = parseSignals(
      'source,entity_type,entity_code,value,time\nbgp,country,QQ,1,2020-01-01\nbgp,region,QQ-01,1,2020-01-01\nbgp,region,IR-07,1,2020-01-01\n',
      o,
    );
    expect(r.rejects.map((x) => x.reason)).toEqual([
      'line 2: unknown ISO 3166-1 alpha-2 country code "QQ"',
      'line 3: region "QQ-01": unknown ISO 3166-1 alpha-2 country code "QQ"',
    ]);
    expect(r.points).toHaveLength(1);
  });

  it('rejects a blank asn or region in a file with that column, naming line and field, never a country-wide point (SYNTHETIC)', () => {
    const r = parseSignals('datasource,value,asn,cc,timestamp\ndarknet,5,,IR,2019-11-14 01:30:00\ndarknet,6,AS44244,IR,2019-11-14 01:30:00\n', o);
    expect(r.rejects.map((x) => x.reason)).toEqual([
      'line 2: asn is blank: a record of a file with an asn column names its network (entity_type country for a country-wide point)',
    ]);
    expect(r.points.map((p) => [p.line, p.entity_type, p.entity_code])).toEqual([[3, 'asn', 'AS44244']]);
    const json = parseSignals('[{"source":"bgp","value":1,"asn":null,"cc":"IR","time":"2020-01-01"}]', o);
    expect(json.rejects.map((x) => x.reason)).toEqual([
      'record 1: asn is blank: a record of a file with an asn column names its network (entity_type country for a country-wide point)',
    ]);
    const region = parseSignals('source,region,cc,value,time\nbgp,,IR,1,2020-01-01\nbgp,IR-07,IR,1,2020-01-01\n', o);
    expect(region.rejects.map((x) => x.reason)).toEqual([
      'line 2: region is blank: a record of a file with a region column names its region (entity_type country for a country-wide point)',
    ]);
    // a region row of a file with both columns stays a region; explicit entity_type still wins
    const mixed = parseSignals('source,asn,region,cc,entity_type,entity_code,value,time\nbgp,,IR-07,IR,,,1,2020-01-01\nbgp,,,IR,country,IR,1,2020-01-01\n', o);
    expect(mixed.rejects).toEqual([]);
    expect(mixed.points.map((p) => [p.entity_type, p.entity_code])).toEqual([
      ['region', 'IR-07'],
      ['country', 'IR'],
    ]);
  });

  it('with a declared grain (--ooni-counts day|hour), rejects a record off its bin boundary naming line and field (SYNTHETIC)', () => {
    const text =
      '"count","test_day","probe_asn"\n50,"2019-11-10 00:00:00",64600\n40,"2019-11-11 00:00:00",64600\n45,"2019-11-12 12:00:00",64600\n30,"2019-11-15 00:00:00",64600\n';
    const day = parseSignals(text, { ...o, source: 'ooni_measurements', cc: 'IR', bin: 'day' });
    expect(day.rejects.map((x) => x.reason)).toEqual(['line 4: timestamp "2019-11-12 12:00:00" is not a UTC midnight: a day bin starts at 00:00 UTC']);
    expect(day.points.map((p) => p.t.slice(0, 10))).toEqual(['2019-11-10', '2019-11-11', '2019-11-15']);
    const hour = parseSignals('source,asn,cc,value,time\nooni_measurements,AS1,IR,3,2019-11-12 12:00\nooni_measurements,AS1,IR,3,2019-11-12 13:30\n', {
      ...o,
      bin: 'hour',
    });
    expect(hour.rejects.map((x) => x.reason)).toEqual(['line 3: timestamp "2019-11-12 13:30" is not on a whole UTC hour: an hour bin starts at minute 0']);
    expect(hour.points).toHaveLength(1);
    // without a declared grain any instant is taken
    expect(parseSignals(text, { ...o, source: 'ooni_measurements', cc: 'IR' }).rejects).toEqual([]);
  });

  it('gives a series one country: a record naming another country for the same network is a reject naming the first line', () => {
    const r = parseSignals(
      'datasource,value,asn,cc,timestamp\ndarknet,5,AS1,IR,2019-11-14 07:00\ndarknet,6,AS1,TR,2019-11-14 07:05\ndarknet,7,AS1,,2019-11-14 07:10\n',
      {
        ...o,
        cc: 'IR',
      },
    );
    expect(r.rejects.map((x) => x.reason)).toEqual(['line 3: AS1 is in IR on line 2 and in TR here: a series has one country (the first is kept)']);
    expect(r.points.map((p) => [p.line, p.cc])).toEqual([
      [2, 'IR'],
      [4, 'IR'],
    ]);
  });

  it('rejects a value or an ASN beyond what is stored, in CSV, IODA CSV, JSON and the IODA API answer, naming the line or record', () => {
    const ioda = [
      'darknet,126,44244,IranCell,2019-11-14 08:10:00+00:00',
      'darknet,99999999999999999999999,44244,IranCell,2019-11-14 10:05:00+00:00',
      'darknet,9007199254740992,44244,IranCell,2019-11-14 10:10:00+00:00',
      'darknet,9007199254740991,44244,IranCell,2019-11-14 10:15:00+00:00',
      'darknet,5,4294967296,Big,2019-11-14 10:05:00+00:00',
      'darknet,5,4294967295,Last,2019-11-14 10:05:00+00:00',
    ].join('\n');
    const r = parseSignals(ioda, { ...o, cc: 'IR' });
    expect(r.format).toBe('csv-ioda');
    expect(r.rejects.map((x) => x.reason)).toEqual([
      'line 2: value "99999999999999999999999" is beyond the largest value stored exactly (9007199254740991)',
      'line 3: value "9007199254740992" is beyond the largest value stored exactly (9007199254740991)',
      'line 5: asn "4294967296" is beyond the largest AS number (4294967295, 32 bits)',
    ]);
    expect(r.points.map((p) => [p.line, p.entity_code, p.value])).toEqual([
      [1, 'AS44244', 126],
      [4, 'AS44244', 9007199254740991],
      [6, 'AS4294967295', 5],
    ]);
    const arr = parseSignals(JSON.stringify([{ source: 'bgp', cc: 'IR', value: 1e23, time: '2020-01-01' }]), o);
    expect(arr.rejects.map((x) => x.reason)).toEqual(['record 1: value "1e+23" is beyond the largest value stored exactly (9007199254740991)']);
    const api = parseSignals(
      JSON.stringify({
        data: [
          { entityType: 'asn', entityCode: '4294967296', datasource: 'bgp', from: 1573776000, step: 300, values: [1] },
          { entityType: 'asn', entityCode: '44244', datasource: 'bgp', from: 1573776000, step: 300, values: [1e300, 2] },
        ],
      }),
      o,
    );
    expect(api.rejects.map((x) => x.reason)).toEqual([
      'data series 0 values[0]: asn "4294967296" is beyond the largest AS number (4294967295, 32 bits)',
      'data series 1 values[0]: value "1e+300" is beyond the largest value stored exactly (9007199254740991)',
    ]);
    expect(api.points.map((p) => p.value)).toEqual([2]);
  });
});

describe('data source names (SYNTHETIC records)', () => {
  it("IODA's API names map to the names of its CSV export, and a name's case never makes a second series", () => {
    const api = JSON.stringify({
      data: [
        [
          { entityType: 'asn', entityCode: '64720', datasource: 'ucsd-nt', from: 1583020800, until: 1583021400, step: 300, values: [100, 101] },
          { entityType: 'asn', entityCode: '64720', datasource: 'ping-slash24', from: 1583020800, until: 1583021400, step: 600, values: [50] },
        ],
      ],
    });
    const r = parseSignals(api, { file: 'api.json', cc: 'IR', nowMs: Date.parse('2026-01-01T00:00:00Z') });
    expect([...new Set(r.points.map((p) => p.source))]).toEqual(['darknet', 'active_probing']);
    const csv = 'datasource,value,timestamp,asn,cc\nDarknet,10,2020-01-01 00:00:00,AS64740,IR\nUCSD-NT,11,2020-01-01 00:05:00,AS64740,IR\n';
    const c = parseSignals(csv, { file: 'c.csv', nowMs: Date.parse('2026-01-01T00:00:00Z') });
    expect(c.points.map((p) => p.source)).toEqual(['darknet', 'darknet']);
    expect(c.rejects).toEqual([]);
  });
});

describe('a record giving one field under two keys (SYNTHETIC records)', () => {
  it('is a reject naming both keys, never read from either; one key with a null value is no conflict', () => {
    const r = parseSignals(
      [
        '{"datasource":"darknet","value":10,"count":5,"asn":"AS1","cc":"IR","timestamp":"2020-01-01T00:00:00Z"}',
        '{"datasource":"darknet","value":10,"count":null,"asn":"AS1","cc":"IR","timestamp":"2020-01-01T00:05:00Z"}',
      ].join('\n'),
      o,
    );
    expect(r.records_read).toBe(2);
    expect(r.points.map((p) => p.value)).toEqual([10]);
    expect(r.rejects).toEqual([
      expect.objectContaining({ line: 1, reason: expect.stringMatching(/^line 1: gives value \("value", "count"\): one field under two names/) }),
    ]);
  });
});

describe('CSV records: a quoted field may hold a line break (RFC 4180)', () => {
  const o = { file: 'nl.csv', nowMs: Date.parse('2026-01-01T00:00:00Z') };
  it('SYNTHETIC: a quoted field across two lines is one record, read as its line; the lines after keep their numbers', () => {
    const text =
      'source,entity_type,entity_code,time,value,cc,name\n' +
      'darknet,asn,AS64999,2019-11-14T08:10:00Z,5,IR,"one"\n' +
      'darknet,asn,AS64999,2019-11-14T08:15:00Z,6,IR,"two\nlines"\n' +
      'darknet,asn,AS64999,2019-11-14T08:20:00Z,x,IR,"three"\n';
    const p = parseSignals(text, o);
    expect(p.records_read).toBe(3);
    expect(p.points.map((x) => [x.line, x.value, x.entity_name])).toEqual([
      [2, 5, 'one'],
      [3, 6, 'two\nlines'],
    ]);
    expect(p.rejects.map((r) => r.line)).toEqual([5]);
  });

  it('SYNTHETIC: a quote never closed stays on its own line, so the lines after it are still read', () => {
    const text = 'source,entity_type,entity_code,time,value,cc\n"garbled,@@@\ndarknet,asn,AS64999,2019-11-14T08:15:00Z,6,IR\n';
    const p = parseSignals(text, o);
    expect([p.records_read, p.points.length, p.rejects.map((r) => r.line)]).toEqual([2, 1, [2]]);
  });
});
