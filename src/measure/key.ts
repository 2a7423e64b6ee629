/**
 * The stable measurement key. Raw OONI JSONL has no measurement_uid (the collector assigns it
 * on upload and never writes it into the line), so we derive one:
 *
 *   id = <start YYYYMMDDHHMMSS>_<probe_cc>_<testname without underscores>_<16 hex>
 *   16 hex = first 64 bits of sha256(report_id \0 test_name \0 input \0 measurement_start_time)
 *
 * report_id names one probe session, and within it a (test_name, input, start second) is one
 * measurement, so the same measurement re-uploaded, re-packed or re-ingested always gets the
 * same id. Without a report_id we hash the whole measurement instead, in a canonical form (its
 * keys sorted at every level, its test_name and start time as the envelope reads them), so the
 * same measurement as a JSONL line, a pretty-printed document or an array element with its keys
 * in another order is one id, and any other difference is another. The readable prefix sorts by time and mirrors OONI's uid shape, but it is ours:
 * a measurement_uid present in the line is kept in its own column. See docs/design/020.
 *
 * Two lines with the same key but different measurement_uids are two measurements (OONI gave
 * each its own uid): the one stored first keeps the key, the other is stored under
 * distinctId(key, its uid), so neither is lost and a rerun finds both.
 */
import { createHash } from 'node:crypto';
import type { Envelope } from './model.js';

/** Objects with their keys in one order, at every level (a JSON.stringify replacer). */
const sortedKeys = (_k: string, v: unknown): unknown =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v;

/**
 * The measurement in one spelling whatever its file's layout: parsed, keys sorted, test_name and
 * measurement_start_time as the envelope normalised them. Null for text that is not one JSON
 * object, or one nested too deep to write out (then the bytes themselves are hashed).
 */
function canonical(e: Envelope, bytes: Buffer): string | null {
  try {
    const v = JSON.parse(bytes.toString('utf8')) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
    return JSON.stringify({ ...v, test_name: e.test_name, measurement_start_time: e.measurement_start_time }, sortedKeys);
  } catch {
    return null;
  }
}

const idOf = (e: Envelope, h: ReturnType<typeof createHash>) =>
  `${e.measurement_start_time.replace(/[-: ]/g, '')}_${e.probe_cc}_${e.test_name.replace(/_/g, '')}_${h.digest('hex').slice(0, 16)}`;

export function measurementId(e: Envelope, lineBytes: Buffer): string {
  const h = createHash('sha256');
  if (e.report_id) h.update(`${e.report_id}\0${e.test_name}\0${e.input ?? ''}\0${e.measurement_start_time}`);
  else h.update(canonical(e, lineBytes) ?? lineBytes);
  return idOf(e, h);
}

/**
 * The id a measurement without a report_id had in stores written before the canonical form: the
 * hash of its bytes as they stand in the file. The writer keeps a row under it when a store
 * holds it, so reading such a file again adds nothing there either.
 */
export function bytesId(e: Envelope, lineBytes: Buffer): string {
  return idOf(e, createHash('sha256').update(lineBytes));
}

/** The id of a measurement whose key is already held by another measurement_uid: same readable prefix, the hash taken over key and uid. */
export function distinctId(id: string, uid: string): string {
  const hex = createHash('sha256').update(`${id}\0${uid}`).digest('hex').slice(0, 16);
  return `${id.slice(0, id.lastIndexOf('_') + 1)}${hex}`;
}
