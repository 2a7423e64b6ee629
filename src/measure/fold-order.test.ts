// The mechanisms of a summary row come out in one order whatever order the store returns its
// cells in (DuckDB and the cluster return them differently): count descending, then name. The
// cells are SYNTHETIC, shaped as in the report of a tie between the two stores
// (example.com, IT: dns.nxdomain 2, dns.injection.other 2, http.blockpage 2, tcp.timeout 1, http.reset.host 1).
import { describe, expect, it } from 'vitest';
import type { CellRecord } from '../store/index.js';
import { foldCells } from './query.js';

const cell = (mechanisms: Record<string, number>): CellRecord => ({
  grain: 'day',
  bucket: '2024-01-01',
  probe_cc: 'IT',
  probe_asn: 'AS3269',
  test_name: 'web_connectivity',
  target: 'https://example.com/',
  n: 1,
  ok: 0,
  blocked: 1,
  likely_blocked: 0,
  down: 0,
  invalid: 0,
  insufficient: 0,
  ok_count: 0,
  anomaly_count: 1,
  confirmed_count: 0,
  failure_count: 0,
  reports: 1,
  mechanisms,
  examples: {},
});

describe('foldCells: mechanisms order', () => {
  const cells = [
    cell({ 'tcp.timeout': 1, 'dns.nxdomain': 1 }),
    cell({ 'http.reset.host': 1, 'dns.injection.other': 2 }),
    cell({ 'http.blockpage': 2, 'dns.nxdomain': 1 }),
  ];
  it('count descending, then name, for every order of the cells', () => {
    const want = ['dns.injection.other', 'dns.nxdomain', 'http.blockpage', 'http.reset.host', 'tcp.timeout'];
    for (const order of [cells, [...cells].reverse(), [cells[1]!, cells[2]!, cells[0]!]]) {
      const m = foldCells(order).mechanisms;
      expect(Object.keys(m)).toEqual(want);
      expect(JSON.stringify(m)).toBe('{"dns.injection.other":2,"dns.nxdomain":2,"http.blockpage":2,"http.reset.host":1,"tcp.timeout":1}');
    }
  });
});
