/**
 * Crowdsourced speed tests as stored: datasets with their licence, and the tests of each file.
 */
import type { RejectList } from './ledger.js';

/** A crowdsourced speed-test dataset: where it comes from and under which licence (detect). */
export interface SpeedTestSourceRecord {
  dataset: string;
  name: string;
  url: string | null;
  licence: string;
  attribution: string | null;
  targetHost: string | null;
  controlNote: string | null;
  path: string;
  importedAt: string;
}

/** One speed test as the dataset publishes it (column names verbatim from the source CSV). */
export interface SpeedTestRecord {
  line: number;
  datetime_rounded: string;
  anonymized_ip: string | null;
  subnet: string | null;
  asn: number | null;
  as_country: string | null;
  as_organization: string | null;
  as_organization_iden: string | null;
  version: string | null;
  test_result: number;
  control_result: number;
  control_taco_result: number | null;
}

export interface SpeedTestFilter {
  dataset?: string;
  /** Only these datasets (none when empty): the datasets of one target. */
  datasets?: readonly string[];
  cc?: string;
  asn?: number;
  since?: string; // ISO instant, inclusive
  until?: string; // ISO instant, exclusive
}

/** A speed test attributed to a country and a network, with its UTC day. */
export interface SpeedTestPoint {
  dataset: string;
  as_country: string;
  asn: number;
  as_organization: string | null;
  day: string; // YYYY-MM-DD (UTC)
  test_result: number;
  control_result: number;
  control_taco_result: number | null;
}

/** Speed tests aggregated per (country, network, UTC day): what the speed-test summary shows. */
export interface SpeedTestDays {
  days: {
    as_country: string;
    asn: number;
    day: string; // YYYY-MM-DD (UTC)
    /** First non-empty as_organization of the cell in time order; null if none. */
    as_name: string | null;
    /** Tests read (counted or not); those that count (control >= minControlKbps), and those of them throttled. */
    n_read: number;
    n: number;
    k: number;
    median_target: number | null;
    median_control: number | null;
  }[];
  /** Datasets the matching tests come from. */
  datasets: string[];
}

export interface SpeedTestRepo {
  upsertSource(s: SpeedTestSourceRecord): Promise<void>;
  /**
   * Replace one file's rows of one dataset, and its rejects list when given, in one transaction
   * (a reader never sees the new rows beside the old rejects), with the SHA-256 of the bytes
   * they were read from when given; returns how many rows were there before.
   */
  replaceFile(dataset: string, sourceFile: string, rows: SpeedTestRecord[], rejects?: RejectList, sha256?: string): Promise<{ previous: number }>;
  /** A stored file read from bytes with this SHA-256 (replaceFile's `sha256`), or null. */
  fileWithHash(sha256: string): Promise<{ dataset: string; sourceFile: string } | null>;
  /** Stored files (with rows) whose SHA-256 is not recorded, with their dataset's source path and import time. */
  filesWithoutHash(): Promise<{ dataset: string; sourceFile: string; path: string; importedAt: string }[]>;
  /** Record the SHA-256 of a stored file's bytes, its rows unchanged (fileWithHash finds it afterwards). */
  recordHash(dataset: string, sourceFile: string, sha256: string): Promise<void>;
  listSources(): Promise<SpeedTestSourceRecord[]>;
  /** Tests that carry a country and an ASN, ordered by country, ASN, time. */
  points(f: SpeedTestFilter): Promise<SpeedTestPoint[]>;
  /** Per (country, network, target, day), ordered so; the same counts and medians as src/detect/throttle.ts. */
  days(f: SpeedTestFilter, p: { minControlKbps: number; maxRatio: number }): Promise<SpeedTestDays>;
  count(dataset?: string): Promise<{ total: number; unattributed: number }>;
}
