/**
 * The measurement model shared by the reader, the verdict rules, the store and the API.
 * Field names from OONI stay verbatim (probe_cc, probe_asn, measurement_start_time, test_keys);
 * see docs/design/020-measurement-pipeline.md.
 */
import type { MeasurementRecord } from '../store/index.js';

/** Our verdict statuses, from most to least severe (see docs/design/020). */
export const STATUSES = ['blocked', 'likely_blocked', 'down', 'ok', 'invalid', 'insufficient'] as const;
export type Status = (typeof STATUSES)[number];

export const LAYERS = ['dns', 'tcp', 'tls', 'http'] as const;
export type Layer = (typeof LAYERS)[number];

/** One piece of evidence: what matched or failed, and where in the measurement. */
export interface Evidence {
  rule: string;
  layer?: Layer | 'app' | 'validity';
  /** e.g. "test_keys.queries[0].answers[1].ipv4" or "test_keys.requests[0].response.body". */
  where?: string;
  /** The observed value (an IP, a failure string, a header) or a fingerprint name. */
  value?: string;
  fingerprint?: { source: string; name: string; scope: string | null; pattern: string };
  note?: string;
  /** The probe's own analysis (rule probe.analysis). */
  probe?: ProbeAnalysis;
}

/** What the probe itself concluded (web_connectivity test_keys; the x_* bit sets from 0.5 on), verbatim. */
export interface ProbeAnalysis {
  blocking: string | false | null;
  accessible: boolean | null;
  x_blocking_flags: number | null;
  x_dns_flags: number | null;
  x_null_null_flags: number | null;
}

/** OONI fastpath-compatible scores and flags (anomaly = blocking_general > 0.5, failure = accuracy < 0.5). */
export interface OoniFlags {
  anomaly: boolean;
  confirmed: boolean;
  failure: boolean;
  blocking_general: number;
  blocking_type: string | null;
}

export interface Verdict {
  status: Status;
  layers: Layer[];
  mechanism: string | null;
  rules: string[];
  evidence: Evidence[];
}

/** The envelope fields we keep per measurement (the raw line stays in its source file). */
export type Envelope = Pick<
  MeasurementRecord,
  | 'measurement_uid'
  | 'report_id'
  | 'input'
  | 'probe_cc'
  | 'probe_asn'
  | 'probe_network_name'
  | 'resolver_asn'
  | 'test_name'
  | 'test_version'
  | 'software_name'
  | 'software_version'
  | 'platform'
  | 'measurement_start_time'
>;

/** One stored measurement: envelope, target, flags, verdict and where its raw line lives (store shape, typed). */
export type MeasurementRow = Omit<MeasurementRecord, 'status' | 'layers' | 'evidence'> &
  OoniFlags &
  Verdict & {
    /** Without a report_id: the id the record's bytes gave before ids were taken over its canonical form (key.ts bytesId); not stored. */
    bytes_id?: string;
  };

export const REJECT_REASONS = [
  'malformed_json',
  'not_an_object',
  'oversize_line',
  'missing_field',
  'bad_field',
  'too_deep',
  'truncated_gzip',
  'trailing_garbage',
  'io_error',
  'unsupported_format',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface Reject {
  file_id: string;
  path: string;
  line: number;
  byte_offset: number;
  reason: RejectReason;
  detail: string;
  raw_prefix: string | null;
}

/** Counts of one file or one run; reconciles as lines_read = stored + duplicates + rejected. */
export interface IngestCounts {
  lines_read: number;
  stored: number;
  duplicates: number;
  rejected: number;
  bytes_read: number;
}

export const zeroCounts = (): IngestCounts => ({ lines_read: 0, stored: 0, duplicates: 0, rejected: 0, bytes_read: 0 });
