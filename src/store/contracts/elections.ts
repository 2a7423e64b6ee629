/**
 * Elections (src/elections, migration 100): polling-station protocols as named columns, one row
 * per station with its votes per choice, the Moscow 2021 side tables, rejects and the files
 * they came from. A file's rows are replaced in one transaction, so a re-import
 * is idempotent and a killed import leaves the previous complete state.
 */

export type ElectionRecord = {
  id: string;
  kind: string;
  year: number;
  title: string;
};

export interface ElectionChoiceRecord {
  election_id: string;
  idx: number;
  name: string;
  label: string;
  label_en: string | null;
}

/** The protocol's ballot-accounting lines, by name; null where an election's protocol lacks one. */
export const ELECTION_COUNT_COLUMNS = [
  'registered',
  'received',
  'issued_early',
  'issued_station',
  'issued_outside',
  'issued',
  'cancelled',
  'in_mobile',
  'in_stationary',
  'in_boxes',
  'invalid',
  'valid',
  'lost',
  'unaccounted',
] as const;
export type ElectionCounts = Record<(typeof ELECTION_COUNT_COLUMNS)[number], number | null>;

/** What a stored row stands for: a polling station, a DEG pseudo-station, or a regional DEG total. */
export type ElectionStationKind = 'station' | 'virtual' | 'aggregate';

/** One station's named counts and its votes per choice (in the election's choice order). */
export interface ElectionStationRecord {
  /** Line of the source file the row was read from. */
  line: number;
  region: string;
  region_code: string | null;
  oik: string | null;
  tik: string | null;
  uik: string | null;
  kind: ElectionStationKind;
  electronic: boolean;
  counts: ElectionCounts;
  votes: number[];
  /** Why the row does not add up (kept as read); empty when it does. */
  flags: string[];
}

export interface ElectionRejectRecord {
  file: string;
  line: number;
  reason: string;
  detail: string;
}

export interface ElectionFileRecord {
  election_id: string;
  file: string;
  format: string;
  checksum: string;
  lines_read: number;
  stored: number;
  rejected: number;
  flagged: number;
  imported_at: string;
}

export interface ElectionDistrictResultRecord {
  line: number;
  district: number;
  candidate: string;
  paper: number;
  electronic: number;
  total: number;
  /** The candidate's percentages as the source prints them (of ballots cast); null where it prints none. */
  paper_pct: number | null;
  electronic_pct: number | null;
  total_pct: number | null;
  flags: string[];
}

export interface ElectionDegBinRecord {
  district: number;
  t: number;
  choice: string;
  votes: number;
}

/** What one file brings; exactly one of the row kinds is filled. */
export interface ElectionFileData {
  election: ElectionRecord;
  choices: ElectionChoiceRecord[] | null;
  stations?: ElectionStationRecord[];
  districtResults?: ElectionDistrictResultRecord[];
  degBins?: { series: string; rows: ElectionDegBinRecord[] };
  rejects: ElectionRejectRecord[];
}

export interface ElectionFilter {
  region_code?: string;
  region_name?: string;
  /** The stored ОИК names selected (the names whose number is the district asked; none selects no row). */
  oiks?: string[];
  electronic?: boolean;
  /** Leave out regional aggregates (not polling stations). */
  stations_only?: boolean;
  /** Leave out flagged rows. */
  unflagged_only?: boolean;
}

/** Columns of an election's stations for the fingerprints (same order in every array). */
export interface ElectionArrays {
  n: number;
  registered: Float64Array;
  issued: Float64Array;
  cast: Float64Array;
  valid: Float64Array;
  leader: Float64Array;
  flagged: Uint8Array;
  electronic: Uint8Array;
  /** Index into regions. */
  region: Uint16Array;
  regions: string[];
}

/** Station, ballot and voter sums of a set of rows (flagged rows included and counted). */
export type ElectionSums = {
  /** Polling stations (rows of kind station or virtual). */
  stations: number;
  /** Rows that are regional totals, not polling stations (the 2024 DEG table): counted here, never in `stations`. */
  aggregates: number;
  flagged: number;
  registered: number;
  issued: number;
  cast: number;
  valid: number;
  invalid: number;
};

/** Sums of one group (region, district or the whole election), paper and electronic apart. */
export interface ElectionTotalsRow extends ElectionSums {
  region: string | null;
  region_code: string | null;
  district: string | null;
  electronic: boolean;
  votes: number[];
}

/** What an import reads to decide a file's rows, as the store is inside the write that stores them. */
export interface ElectionWriteView {
  /** The checksum the file was last stored with, or null. */
  fileChecksum(): Promise<string | null>;
  /**
   * Which other file stored each station (key region|oik|tik|uik, a missing part empty) or each
   * district result (key district|candidate) of the election.
   */
  keyFiles(what: 'stations' | 'district_results'): Promise<Map<string, string>>;
  /** The election's stored choices, in idx order. */
  choices(): Promise<ElectionChoiceRecord[]>;
}

/** What to store for a file (null: nothing, e.g. unchanged), and what the import reports. */
export interface ElectionWritePlan<T> {
  store: { record: ElectionFileRecord; data: ElectionFileData } | null;
  result: T;
}

export interface ElectionsRepo {
  /**
   * Store one file of an election, replacing what the same file stored before. `plan` reads the
   * store through `view` and decides the rows; its reads and the write are one transaction,
   * serialised with every other write of this store, so two imports can never both find a
   * station free and both store it.
   */
  writeFile<T>(election_id: string, file: string, plan: (view: ElectionWriteView) => Promise<ElectionWritePlan<T>>): Promise<{ result: T; previous: number }>;
  list(): Promise<(ElectionRecord & { stations: number; aggregates: number; files: number; rejected: number; flagged: number })[]>;
  get(id: string): Promise<{ election: ElectionRecord; choices: ElectionChoiceRecord[]; files: ElectionFileRecord[] } | null>;
  totals(id: string, by: 'election' | 'region' | 'district', f: ElectionFilter): Promise<ElectionTotalsRow[]>;
  arrays(id: string, leaderIdx: number, f: ElectionFilter): Promise<ElectionArrays>;
  /** Rows carrying each flag, among the rows the filter selects (the whole election with an empty filter). */
  flagCounts(id: string, f: ElectionFilter): Promise<Record<string, number>>;
  rejects(id: string, limit: number): Promise<ElectionRejectRecord[]>;
  districtResults(id: string): Promise<ElectionDistrictResultRecord[]>;
  degBins(id: string, series: string): Promise<ElectionDegBinRecord[]>;
}
