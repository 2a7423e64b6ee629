/**
 * The stable measurement key. Raw OONI JSONL has no measurement_uid (the collector assigns it
 * on upload and never writes it into the line), so we derive one:
 *
 *   id = <start YYYYMMDDHHMMSS>_<probe_cc>_<testname without underscores>_<16 hex>
 *   16 hex = first 64 bits of sha256(report_id \0 test_name \0 input \0 measurement_start_time)
 *
 * report_id names one probe session, and within it a (test_name, input, start second) is one
 * measurement, so the same measurement re-uploaded, re-packed or re-ingested always gets the
 * same id. Without a report_id we hash the whole line instead (only byte-identical lines
 * collide). The readable prefix sorts by time and mirrors OONI's uid shape, but it is ours:
 * a measurement_uid present in the line is kept in its own column. See docs/design/020.
 *
 * Two lines with the same key but different measurement_uids are two measurements (OONI gave
 * each its own uid): the one stored first keeps the key, the other is stored under
 * distinctId(key, its uid), so neither is lost and a rerun finds both.
 */
import { createHash } from 'node:crypto';
import type { Envelope } from './model.js';

export function measurementId(e: Envelope, lineBytes: Buffer): string {
  const h = createHash('sha256');
  if (e.report_id) h.update(`${e.report_id}\0${e.test_name}\0${e.input ?? ''}\0${e.measurement_start_time}`);
  else h.update(lineBytes);
  const stamp = e.measurement_start_time.replace(/[-: ]/g, '');
  return `${stamp}_${e.probe_cc}_${e.test_name.replace(/_/g, '')}_${h.digest('hex').slice(0, 16)}`;
}

/** The id of a measurement whose key is already held by another measurement_uid: same readable prefix, the hash taken over key and uid. */
export function distinctId(id: string, uid: string): string {
  const hex = createHash('sha256').update(`${id}\0${uid}`).digest('hex').slice(0, 16);
  return `${id.slice(0, id.lastIndexOf('_') + 1)}${hex}`;
}
