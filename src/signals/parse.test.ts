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
      ['ping-slash24', 'AS44244', '2019-11-15T00:00:00.000Z', 8],
      ['ping-slash24', 'AS44244', '2019-11-15T00:10:00.000Z', null],
      ['ping-slash24', 'AS44244', '2019-11-15T00:20:00.000Z', 7],
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
});
