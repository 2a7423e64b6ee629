/**
 * What the rules read from a raw measurement, declared once next to the rules: the fast ingest
 * path (reader/fast-file.ts) has DuckDB's JSON reader keep only these fields, and the rules then
 * run unchanged on that slim object. A key the rules start reading must be added here; the
 * equivalence test (fast-file.test.ts) fails otherwise. Values are kept whole ('json') except
 * the large lists, which are cut down to the fields the rules use; HTTP bodies travel beside
 * the slim JSON ('body'). A projected field that is absent reads as null, which every rule
 * below treats like absence (asObj/asArr/asStr, `== null` checks).
 *
 * Not projectable, so scored from the whole line (FULL_LINE_TESTS, fullLineNeeded):
 *  - tests whose rules enumerate test_keys (facebook_messenger's facebook_* keys);
 *  - lines with an `unknown_failure` anywhere (validity reads every *failure key);
 *  - lines with a body that is not a string (base64 objects): projected as text, such a body
 *    could not be told from a string body that happens to look like JSON.
 */
import type { ProjectionSpec } from '../../store/index.js';
import { ooniTestNameOf } from '../test-names.js';

const J = 'json' as const;

/** test_keys fields the rules read (web.ts, compat.ts, apps.ts, probes.ts, experiments.ts, view.ts, index.ts). */
export const TEST_KEYS: ProjectionSpec = {
  // web_connectivity
  blocking: J,
  accessible: J,
  x_blocking_flags: J,
  x_dns_flags: J,
  x_null_null_flags: J,
  control: J,
  control_failure: J,
  dns_experiment_failure: J,
  http_experiment_failure: J,
  queries: J,
  tcp_connect: J,
  tls_handshakes: [{ address: J, server_name: J, failure: J, no_tls_verify: J, tags: J, echconfig: J }],
  network_events: [{ operation: J, num_bytes: J, t: J, failure: J, transaction_id: J, address: J }],
  requests: [{ failure: J, tags: J, request: { url: J, headers: J }, response: { code: J, headers: J, headers_list: J, body_is_truncated: J, body: 'body' } }],
  // apps and circumvention
  telegram_web_status: J,
  telegram_web_failure: J,
  signal_backend_status: J,
  signal_backend_failure: J,
  whatsapp_web_status: J,
  whatsapp_web_failure: J,
  registration_server_status: J,
  registration_server_failure: J,
  whatsapp_endpoints_status: J,
  targets: J,
  tor_log: J,
  tor_logs: J,
  tor_progress: J,
  failure: J,
  failed_operation: J,
  bootstrap_failure: J,
  connection: J,
  // dnscheck, middleboxes
  lookups: J,
  sent: J,
  received: J,
  // tests with outcome keys of their own (experiments.ts)
  result: J,
  api_status: J,
  ca_cert_status: J,
  failing_gateways: J,
  target: J,
  success: J,
  inconsistent: J,
  failed: J,
};

/** Envelope fields parse.ts reads, annotations' two, and test_keys. */
export const MEASUREMENT_PROJECTION: ProjectionSpec = {
  measurement_uid: J,
  report_id: J,
  input: J,
  probe_cc: J,
  probe_asn: J,
  probe_network_name: J,
  resolver_asn: J,
  test_name: J,
  test_version: J,
  software_name: J,
  software_version: J,
  platform: J,
  measurement_start_time: J,
  annotations: { engine_version: J, platform: J },
  test_keys: TEST_KEYS,
};

/** Tests whose rules enumerate test_keys (facebook_messenger's facebook_* keys), which a fixed projection cannot carry. */
export const FULL_LINE_TESTS = new Set(['facebook_messenger']);

const UNKNOWN_FAILURE = Buffer.from('unknown_failure');
const BODY_KEY = Buffer.from('"body"');

/** True when a line must be scored from its full JSON (see the header). */
export function fullLineNeeded(testName: unknown, line: Buffer): boolean {
  // a folder spelling (facebookmessenger) is the test it names, as the envelope stores it
  if (typeof testName !== 'string' || FULL_LINE_TESTS.has(ooniTestNameOf(testName) ?? testName)) return true;
  return line.indexOf(UNKNOWN_FAILURE) >= 0 || hasNonStringBody(line);
}

const isWs = (c: number | undefined) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * A `"body"` key whose value is not a string or null: a base64 object, or a number/list that
 * the projection would turn into text. (Inside a JSON string the quotes are escaped, so a page
 * containing `"body"` does not match.)
 */
function hasNonStringBody(line: Buffer): boolean {
  for (let i = line.indexOf(BODY_KEY); i >= 0; i = line.indexOf(BODY_KEY, i + 6)) {
    let j = i + 6;
    while (isWs(line[j])) j++;
    if (line[j] !== 58) continue; // a "body" string value, not a key
    j++;
    while (isWs(line[j])) j++;
    if (line[j] !== 34 && line[j] !== 110) return true;
  }
  return false;
}
