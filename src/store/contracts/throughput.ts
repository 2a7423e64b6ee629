/**
 * Throughput figures extracted from OONI network_events (src/measure/netevents), one row per raw
 * measurement line, with their rejects and the per-file extraction record.
 */
import type { MeasurementSeriesFilter } from './detect.js';

/** One raw line's throughput figures, keyed by the raw pointer (file_id, line). */
export interface ThroughputRecord {
  file_id: string;
  line: number;
  n_events: number;
  n_read: number;
  bytes_read: number;
  connections: number;
  throughput_kbps: number | null;
  throughput_method: string | null;
  transfer_bytes: number | null;
  transfer_ms: number | null;
  tls_handshake_ms: number | null;
  tls_handshakes: number;
  bad_events: number;
}

export interface ThroughputRejectRecord {
  file_id: string;
  line: number;
  event_index: number;
  operation: string | null;
  reason: string;
  detail: string | null;
}

export interface ThroughputFileRecord {
  file_id: string;
  checksum: string | null;
  lines_read: number;
  unparsed: number;
  with_events: number;
  with_throughput: number;
  bad_events: number;
  extracted_at: string;
}

/** An ingested file the extraction still has to read (or re-read: its checksum changed). */
export interface ThroughputPendingFile {
  file_id: string;
  path: string;
  checksum: string | null;
  /** Extracted before (at another checksum). */
  extracted: boolean;
}

/** A stored measurement with its throughput figures (joined on the raw pointer). */
export interface ThroughputPoint {
  id: string;
  report_id: string | null;
  probe_cc: string;
  probe_asn: string;
  probe_network_name: string | null;
  target: string;
  test_name: string;
  /** ISO instant. */
  measurement_start_time: string;
  day: string;
  throughput_kbps: number | null;
  transfer_bytes: number | null;
  tls_handshake_ms: number | null;
  bad_events: number;
}

export interface ThroughputRepo {
  /** Ingested files (status done) not yet extracted at their current checksum; all with force. */
  pendingFiles(force: boolean): Promise<ThroughputPendingFile[]>;
  /** Replace one file's rows, rejects and file record in one transaction. */
  replaceFile(file: ThroughputFileRecord, rows: ThroughputRecord[], rejects: ThroughputRejectRecord[]): Promise<void>;
  /** Stored measurements with throughput figures matching the filter (target not applied: sessions need their controls). */
  points(f: Omit<MeasurementSeriesFilter, 'target'>): Promise<ThroughputPoint[]>;
  /** Bad events of the stored measurements matching the filter, by reason. */
  badEventCounts(f: MeasurementSeriesFilter): Promise<Record<string, number>>;
  /** Stored bad events with their file's path; measurement_id is null when the line's measurement was stored from another file (a duplicate). */
  rejects(f: { limit: number }): Promise<(ThroughputRejectRecord & { path: string | null; measurement_id: string | null })[]>;
  counts(): Promise<{ files: number; rows: number; with_throughput: number; bad_events: number; pending_files: number }>;
}
