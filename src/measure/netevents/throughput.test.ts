import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenThroughput } from '../../../test/fixtures/ooni-throughput/regenerate-golden.js';
import { packagePath } from '../../shared/index.js';
import { badTotal, throughputOf } from './throughput.js';

const tx = 7;
const ev = (operation: string, t: number, extra: Record<string, unknown> = {}) => ({
  address: '192.0.2.1:443',
  failure: null,
  operation,
  proto: 'tcp',
  t0: t,
  t,
  transaction_id: tx,
  ...extra,
});

describe('throughput from network_events (synthetic events)', () => {
  it('times the bytes after the first read over first-to-last read time, and the TLS handshake', () => {
    const r = throughputOf({
      network_events: [
        ev('connect', 0.1),
        ev('tls_handshake_start', 0.1),
        ev('read', 0.2, { num_bytes: 1000 }),
        ev('tls_handshake_done', 0.25),
        ev('read', 1.2, { num_bytes: 50_000 }),
        ev('read', 2.2, { num_bytes: 50_000 }),
        ev('read', 2.3, { failure: 'generic_timeout_error' }),
      ],
    })!;
    // 100,000 bytes in 2.0 s = 400 kbit/s; the first read (1,000 bytes at 0.2 s) only starts the clock.
    expect(r.throughput_kbps).toBe(400);
    expect(r).toMatchObject({
      throughput_method: 'reads',
      transfer_bytes: 100_000,
      transfer_ms: 2000,
      bytes_read: 101_000,
      n_read: 3,
      connections: 1,
      tls_handshake_ms: 150,
      tls_handshakes: 1,
    });
    expect(badTotal(r)).toBe(0);
  });

  it('uses bytes_received_cumulative samples when a connection has no reads', () => {
    const r = throughputOf({ network_events: [ev('connect', 0.5), ev('bytes_received_cumulative', 1.5, { num_bytes: 125_000 })] })!;
    expect(r).toMatchObject({ throughput_kbps: 1000, throughput_method: 'cumulative', transfer_bytes: 125_000, transfer_ms: 1000 });
  });

  it('returns null without a network_events key, and an untimed result for an empty list', () => {
    expect(throughputOf({ requests: [] })).toBeNull();
    expect(throughputOf(null)).toBeNull();
    expect(throughputOf({ network_events: [] })).toMatchObject({ n_events: 0, throughput_kbps: null, connections: 0 });
  });

  it('counts and lists bad events (missing or negative num_bytes, missing or backwards t), never silently', () => {
    const r = throughputOf({
      network_events: [
        ev('read', 1.0, { num_bytes: 1000 }),
        { ...ev('read', 1.1), num_bytes: undefined },
        ev('read', 1.2, { num_bytes: -5 }),
        ev('read', 2.0, { num_bytes: 20_000 }),
        ev('read', 1.5, { num_bytes: 20_000 }),
        { ...ev('read', 0), t: 'soon', num_bytes: 10 },
        ev('bytes_received_cumulative', 2.1, { num_bytes: 40_000 }),
        ev('bytes_received_cumulative', 2.2, { num_bytes: 30_000 }),
        'not an event',
      ],
    })!;
    expect(r.bad).toEqual({
      not_a_list: 0,
      not_an_object: 1,
      missing_num_bytes: 1,
      negative_num_bytes: 1,
      missing_t: 1,
      non_monotonic_t: 1,
      decreasing_cumulative: 1,
    });
    expect(r.bad_events.map((b) => [b.index, b.reason])).toEqual([
      [1, 'missing_num_bytes'],
      [2, 'negative_num_bytes'],
      [4, 'non_monotonic_t'],
      [5, 'missing_t'],
      [7, 'decreasing_cumulative'],
      [8, 'not_an_object'],
    ]);
    // The usable reads still time: 20,000 bytes between 1.0 s and 2.0 s.
    expect(r).toMatchObject({ throughput_kbps: 160, n_read: 2 });
    expect(throughputOf({ network_events: { read: 1 } })!.bad.not_a_list).toBe(1);
  });

  it('groups events without transaction_id by connect order (older probes)', () => {
    const plain = (operation: string, t: number, n?: number) => ({ failure: null, operation, t, ...(n === undefined ? {} : { num_bytes: n }) });
    const r = throughputOf({
      network_events: [
        plain('connect', 0.1),
        plain('read', 0.2, 500),
        plain('read', 0.3, 500),
        plain('connect', 0.05),
        plain('read', 0.1, 100),
        plain('read', 1.1, 10_000),
      ],
    })!;
    // Two connections; the busier one (10,100 bytes) is timed: 10,000 bytes in 1 s = 80 kbit/s.
    expect(r).toMatchObject({ connections: 2, throughput_kbps: 80, bytes_read: 11_100 });
    expect(badTotal(r)).toBe(0);
  });
});

describe('throughput from network_events (golden, real shipped OONI measurements)', () => {
  const golden = readFileSync(packagePath('test', 'fixtures', 'ooni-throughput', 'golden.jsonl'), 'utf8')
    .trim()
    .split('\n');

  it('matches the reviewed golden file for all 31 measurements that carry network_events', () => {
    expect(goldenThroughput()).toEqual(golden);
    expect(golden).toHaveLength(31);
  });

  it('agrees with a hand computation on the web_connectivity 0.5.28 measurement of www.example.com (IT)', () => {
    const row = golden
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((r) => r.report_id === '20240214T090617Z_webconnectivity_IT_30722_n1_1IvUiXNWHooB5rmD')!;
    // Reads of transaction 50001: 99 B at 0.677575 s ... 1515 B at 0.939852 s, 6,461 B in all.
    // (6461 - 99) B x 8 / (0.939852 - 0.677575) s = 194.05 kbit/s; TLS: 0.815575 - 0.549373 s.
    expect(row).toMatchObject({
      bytes_read: 6461,
      transfer_bytes: 6362,
      throughput_kbps: 194.1,
      transfer_ms: 262.3,
      tls_handshake_ms: 266.2,
      throughput_method: 'reads',
    });
  });

  it('finds no bad events in real measurements', () => {
    expect(golden.map((l) => JSON.parse(l) as { bad_events: unknown[] }).every((r) => r.bad_events.length === 0)).toBe(true);
  });
});
