/**
 * Store contract of outage signals (migration 120): points per (source, entity, time bin) and
 * the files they came from. A NULL value is a missing sample, kept so that a gap stays a gap.
 */
import type { RejectList } from './ledger.js';

export type SignalEntityType = 'country' | 'region' | 'asn';

export interface SignalPointRecord {
  source: string;
  entity_type: SignalEntityType;
  entity_code: string;
  /** ISO instant of the start of the time bin. */
  t: string;
  value: number | null;
  cc: string | null;
  entity_name: string | null;
  source_file: string;
  line: number;
}

export interface SignalFileRecord {
  path: string;
  checksum: string;
  records_read: number;
  stored: number;
  rejected: number;
  imported_at: string;
}

export interface SignalFilter {
  source?: string;
  entity_type?: SignalEntityType;
  entity_code?: string;
  /** Entities of this country (country entities with this code, and networks tagged with it). */
  cc?: string;
  /** ISO instants, since inclusive, until exclusive. */
  since?: string;
  until?: string;
}

export interface SignalSeriesInfo {
  source: string;
  entity_type: SignalEntityType;
  entity_code: string;
  cc: string | null;
  entity_name: string | null;
  points: number;
  missing: number;
  first: string;
  last: string;
}

export interface SignalsRepo {
  /**
   * Replace one file's points in one transaction (its earlier points go first; a point another
   * file already holds is overwritten and counted in `overwritten`, and that file's record then
   * counts the points it still holds and has no checksum, so its next import re-reads it), with the file's record and,
   * when given, its rejects list: a file recorded as imported (its checksum, which the next run
   * skips on) never lacks its points or its rejects.
   */
  replaceFile(file: SignalFileRecord, points: SignalPointRecord[], rejects?: RejectList): Promise<{ previous: number; overwritten: number }>;
  getFile(path: string): Promise<SignalFileRecord | null>;
  listFiles(): Promise<SignalFileRecord[]>;
  /** Series matching the filter, ordered by entity then source. */
  series(f: SignalFilter): Promise<SignalSeriesInfo[]>;
  /** Points ordered by (source, entity_type, entity_code, t). */
  points(f: SignalFilter): Promise<SignalPointRecord[]>;
}
