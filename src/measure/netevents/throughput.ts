/**
 * Per-measurement download throughput and TLS handshake time from OONI `test_keys.network_events`
 * (df-008-netevents: read/write events with num_bytes and t, web_connectivity >= 0.5 also
 * `bytes_received_cumulative` samples). This is the raw material of OONI-based throttling
 * detection (probe-cli dd-007-throttling: "handshake time is a speed test"); the detector pairs
 * it with other targets of the same probe session (detect/ooni-throughput.ts). Field names are
 * OONI's. Events that cannot be used (missing or negative num_bytes, missing or backwards t) are
 * counted per reason and listed, never silently dropped. See docs/design/030-detection.md §2b.
 */

export const BAD_EVENT_REASONS = [
  'not_a_list',
  'not_an_object',
  'missing_num_bytes',
  'negative_num_bytes',
  'missing_t',
  'non_monotonic_t',
  'decreasing_cumulative',
] as const;
export type BadEventReason = (typeof BAD_EVENT_REASONS)[number];

export interface BadEvent {
  /** Index in test_keys.network_events (-1: the list itself). */
  index: number;
  operation: string | null;
  reason: BadEventReason;
  detail: string;
}

export type ThroughputMethod = 'reads' | 'cumulative';

export interface MeasurementThroughput {
  /** Length of test_keys.network_events. */
  n_events: number;
  /** Successful read events with a usable num_bytes and t. */
  n_read: number;
  /** Bytes received over all connections (reads, or the cumulative counter when larger). */
  bytes_read: number;
  /** Connections that received bytes. */
  connections: number;
  /** Rate of the connection that received most bytes, kbit/s (1 kbit = 1000 bits); null when it cannot be timed. */
  throughput_kbps: number | null;
  throughput_method: ThroughputMethod | null;
  /** Bytes and milliseconds the rate is computed over. */
  transfer_bytes: number | null;
  transfer_ms: number | null;
  /** Median time of the successful TLS handshakes (ms); null when none. */
  tls_handshake_ms: number | null;
  tls_handshakes: number;
  bad: Record<BadEventReason, number>;
  /** The first `MAX_BAD_LISTED` bad events, with their index. */
  bad_events: BadEvent[];
}

export const MAX_BAD_LISTED = 20;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const round1 = (v: number) => Math.round(v * 10) / 10;
const BYTE_OPS = new Set(['read', 'write', 'bytes_received_cumulative']);

interface Conn {
  reads: { bytes: number; t: number }[];
  cumulative: { bytes: number; t: number }[];
  connectT: number | null;
  lastT: number | null;
  hsStart: number | null;
  handshakes: number[];
  address: string | null;
}

const newConn = (): Conn => ({ reads: [], cumulative: [], connectT: null, lastT: null, hsStart: null, handshakes: [], address: null });

function median(v: number[]): number | null {
  if (!v.length) return null;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Rate of one connection: bytes after the first arrival over the time between first and last arrival. */
function rateOf(c: Conn): { kbps: number; bytes: number; ms: number; method: ThroughputMethod } | null {
  if (c.reads.length >= 2) {
    const first = c.reads[0]!;
    const last = c.reads.at(-1)!;
    const bytes = c.reads.reduce((a, r) => a + r.bytes, 0) - first.bytes;
    const secs = last.t - first.t;
    if (secs > 0 && bytes > 0) return { kbps: (bytes * 8) / 1000 / secs, bytes, ms: secs * 1000, method: 'reads' };
  }
  if (c.cumulative.length >= 2) {
    const first = c.cumulative[0]!;
    const last = c.cumulative.at(-1)!;
    const bytes = last.bytes - first.bytes;
    const secs = last.t - first.t;
    if (secs > 0 && bytes > 0) return { kbps: (bytes * 8) / 1000 / secs, bytes, ms: secs * 1000, method: 'cumulative' };
  }
  if (c.cumulative.length >= 1 && c.connectT !== null) {
    // One sample at the end of the transfer: timed from the end of the TCP connect, so it
    // includes the TLS and HTTP round trips (slower than the line for small bodies).
    const last = c.cumulative.at(-1)!;
    const secs = last.t - c.connectT;
    if (secs > 0 && last.bytes > 0) return { kbps: (last.bytes * 8) / 1000 / secs, bytes: last.bytes, ms: secs * 1000, method: 'cumulative' };
  }
  return null;
}

/**
 * Group events into connections (by transaction_id when present, else a `connect` event opens
 * a new connection and the events after it belong to it) and time the transfer.
 * Returns null when the measurement has no network_events key at all.
 */
export function throughputOf(testKeys: unknown): MeasurementThroughput | null {
  if (!isObj(testKeys) || !('network_events' in testKeys) || testKeys.network_events === null || testKeys.network_events === undefined) return null;
  const bad = Object.fromEntries(BAD_EVENT_REASONS.map((r) => [r, 0])) as Record<BadEventReason, number>;
  const badEvents: BadEvent[] = [];
  const flag = (index: number, operation: string | null, reason: BadEventReason, detail: string) => {
    bad[reason]++;
    if (badEvents.length < MAX_BAD_LISTED) badEvents.push({ index, operation, reason, detail });
  };
  const events = testKeys.network_events;
  if (!Array.isArray(events)) {
    flag(-1, null, 'not_a_list', `network_events is ${typeof events}, not a list`);
    return finish([], 0, bad, badEvents, testKeys);
  }
  return finish(collect(events, flag), events.length, bad, badEvents, testKeys);
}

type Flag = (index: number, operation: string | null, reason: BadEventReason, detail: string) => void;

/** Group events into connections and keep each one's usable byte events (bad ones go to `flag`). */
function collect(events: unknown[], flag: Flag): Conn[] {
  const conns = new Map<string, Conn>();
  let seq = 0;
  events.forEach((raw, i) => {
    if (!isObj(raw)) return flag(i, null, 'not_an_object', `event is ${raw === null ? 'null' : typeof raw}`);
    const op = typeof raw.operation === 'string' ? raw.operation : null;
    const tx = num(raw.transaction_id);
    if (tx === null && op === 'connect') seq++;
    const key = tx !== null ? `tx:${tx}` : `seq:${seq}`;
    let c = conns.get(key);
    if (!c) conns.set(key, (c = newConn()));
    const t = num(raw.t);
    const ok = raw.failure === null || raw.failure === undefined;
    if (t === null) {
      if (op && BYTE_OPS.has(op) && ok) flag(i, op, 'missing_t', `t is ${JSON.stringify(raw.t) ?? 'absent'}`);
      return;
    }
    if (op === 'connect' && ok) c.connectT = t;
    if (op === 'tls_handshake_start') c.hsStart = t;
    if (op === 'tls_handshake_done' && ok && c.hsStart !== null) c.handshakes.push((t - c.hsStart) * 1000);
    if (!op || !BYTE_OPS.has(op) || !ok) return;
    // Byte events of one connection come in time order; one that goes back cannot be placed.
    if (c.lastT !== null && t < c.lastT) return flag(i, op, 'non_monotonic_t', `t ${t} is before the connection's previous byte event at ${c.lastT}`);
    c.lastT = t;
    const n = num(raw.num_bytes);
    if (n === null) return flag(i, op, 'missing_num_bytes', `num_bytes is ${JSON.stringify(raw.num_bytes) ?? 'absent'}`);
    if (n < 0) return flag(i, op, 'negative_num_bytes', `num_bytes is ${n}`);
    if (op === 'read') c.reads.push({ bytes: n, t });
    else if (op === 'bytes_received_cumulative') {
      const prev = c.cumulative.at(-1);
      if (prev && n < prev.bytes) return flag(i, op, 'decreasing_cumulative', `cumulative ${n} after ${prev.bytes}`);
      c.cumulative.push({ bytes: n, t });
    }
    if (!c.address && typeof raw.address === 'string') c.address = raw.address;
  });
  return [...conns.values()];
}

/** One connection's transfer: bytes received and, when it can be timed, its rate. */
export interface ConnectionRate {
  address: string | null;
  bytes: number;
  kbps: number | null;
  ms: number | null;
}

/** Every connection of a measurement that received bytes, with its rate (same grouping and timing as throughputOf). */
export function connectionRates(testKeys: unknown): ConnectionRate[] {
  if (!isObj(testKeys) || !Array.isArray(testKeys.network_events)) return [];
  return collect(testKeys.network_events, () => undefined).flatMap((c) => {
    const bytes = Math.max(
      c.reads.reduce((a, r) => a + r.bytes, 0),
      c.cumulative.at(-1)?.bytes ?? 0,
    );
    if (bytes <= 0) return [];
    const rate = rateOf(c);
    return [{ address: c.address, bytes, kbps: rate ? round1(rate.kbps) : null, ms: rate ? round1(rate.ms) : null }];
  });
}

/** Handshake times from test_keys.tls_handshakes when they carry t0 (web_connectivity >= 0.5). */
function handshakesFromList(testKeys: Obj): number[] {
  const list = Array.isArray(testKeys.tls_handshakes) ? testKeys.tls_handshakes : [];
  const out: number[] = [];
  for (const h of list) {
    if (!isObj(h) || (h.failure !== null && h.failure !== undefined)) continue;
    const t0 = num(h.t0);
    const t = num(h.t);
    if (t0 !== null && t !== null && t >= t0) out.push((t - t0) * 1000);
  }
  return out;
}

function finish(conns: Conn[], nEvents: number, bad: Record<BadEventReason, number>, badEvents: BadEvent[], testKeys: Obj): MeasurementThroughput {
  let main: { conn: Conn; bytes: number } | null = null;
  let total = 0;
  let withData = 0;
  for (const c of conns) {
    const bytes = Math.max(
      c.reads.reduce((a, r) => a + r.bytes, 0),
      c.cumulative.at(-1)?.bytes ?? 0,
    );
    total += bytes;
    if (bytes > 0) withData++;
    if (bytes > 0 && (!main || bytes > main.bytes)) main = { conn: c, bytes };
  }
  const rate = main ? rateOf(main.conn) : null;
  const listed = handshakesFromList(testKeys);
  const hs = listed.length ? listed : conns.flatMap((c) => c.handshakes);
  const hsMedian = median(hs);
  return {
    n_events: nEvents,
    n_read: conns.reduce((a, c) => a + c.reads.length, 0),
    bytes_read: total,
    connections: withData,
    throughput_kbps: rate ? round1(rate.kbps) : null,
    throughput_method: rate?.method ?? null,
    transfer_bytes: rate?.bytes ?? null,
    transfer_ms: rate ? round1(rate.ms) : null,
    tls_handshake_ms: hsMedian === null ? null : round1(hsMedian),
    tls_handshakes: hs.length,
    bad,
    bad_events: badEvents,
  };
}

export const badTotal = (t: Pick<MeasurementThroughput, 'bad'>): number => Object.values(t.bad).reduce((a, b) => a + b, 0);
