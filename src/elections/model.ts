/**
 * The election domain's shapes: one polling station's protocol as named columns, the flags a
 * row earns when its counts do not add up, and how elections are named (`duma-2021`).
 * Flagged rows are stored as read, never fixed: they may be the very evidence the
 * fingerprints look for.
 */
import {
  ELECTION_COUNT_COLUMNS,
  type ElectionCounts,
  type ElectionRejectRecord,
  type ElectionStationKind,
  type ElectionStationRecord,
} from '../store/contracts/elections.js';

/** Named protocol lines (declared once, with the stored row, in the store's contract). */
export const COUNT_COLUMNS = ELECTION_COUNT_COLUMNS;
export type CountColumn = (typeof COUNT_COLUMNS)[number];
export type Counts = ElectionCounts;
export type StationKind = ElectionStationKind;

/** Reasons a row that reads is flagged (kept, never dropped). */
export const FLAGS = {
  turnout_over_100: 'ballots issued exceed registered voters',
  valid_over_issued: 'valid ballots exceed ballots issued',
  cast_over_issued: 'valid + invalid ballots exceed ballots issued',
  choices_over_valid: 'votes for parties/candidates sum above valid ballots',
  choices_under_valid: 'votes for parties/candidates sum below valid ballots',
  boxes_ne_cast: 'ballots found in boxes differ from valid + invalid',
  no_ballots: 'no ballots cast',
} as const;
export type Flag = keyof typeof FLAGS;

/** A station row as read: the stored shape, with the flags named by FLAGS. */
export interface StationRow extends ElectionStationRecord {
  flags: Flag[];
}

export interface ElectionChoice {
  idx: number;
  /** The header verbatim. */
  name: string;
  /** Short Russian label (legal prefixes and ballot number stripped). */
  label: string;
  /** English name where we know it. */
  label_en: string | null;
}

export type ElectionKind = 'duma' | 'president' | 'referendum';

export interface ElectionMeta {
  id: string;
  kind: ElectionKind;
  year: number;
  title: string;
  choices: ElectionChoice[];
}

/** A line that could not be read, with the reasons the readers give. */
export interface ElectionReject extends ElectionRejectRecord {
  reason:
    | 'column_count'
    | 'not_a_count'
    | 'count_too_large'
    | 'no_data'
    | 'missing_station_id'
    | 'duplicate_station'
    | 'duplicate_result'
    | 'duplicate_bin'
    | 'duplicate_candidate'
    | 'unterminated_quote'
    | 'bad_record'
    | 'oversize_line'
    | 'oversize_field';
}

export const TITLES: Record<ElectionKind, string> = {
  duma: 'State Duma election (party list)',
  president: 'Presidential election',
  referendum: 'All-Russian vote on constitutional amendments',
};

/** One polling station within an election: region|oik|tik|uik, a missing part empty (the store's keyFiles key for stations). */
export const stationKey = (s: Pick<StationRow, 'region' | 'oik' | 'tik' | 'uik'>): string => [s.region, s.oik ?? '', s.tik ?? '', s.uik ?? ''].join('|');

/**
 * One part of a station's name as compared: no space beside №, NFKC, whitespace runs as one space, lower case, ё as е, a number's leading zeros dropped. "УИК № 595", "УИК №0595" and
 * "УИК №595" name one station; "УИК №5950" another.
 */
export const stationPart = (s: string): string =>
  s
    .replace(/\s*№\s*/g, '№')
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/(^|\D)0+(?=\d)/g, '$1');

/** The key a station is stored once under: its `stationKey` with every part compared as `stationPart` says. */
export const stationIdentity = (key: string): string => key.split('|').map(stationPart).join('|');

export const electionId = (kind: ElectionKind, year: number): string => `${kind}-${year}`;

/**
 * The years each kind of federal election was held in Russia (the Duma's party-list votes, the
 * presidential first rounds, the 1993 constitutional referendum and the 2020 all-Russian vote):
 * an import is filed under one of these only. The shipped data covers duma 2011/2016/2021,
 * president 2012/2018/2024 and referendum 2020.
 */
export const ELECTIONS_HELD: Readonly<Record<ElectionKind, readonly number[]>> = {
  duma: [1993, 1995, 1999, 2003, 2007, 2011, 2016, 2021],
  president: [1991, 1996, 2000, 2004, 2008, 2012, 2018, 2024],
  referendum: [1993, 2020],
};

export function parseElectionId(id: string): { kind: ElectionKind; year: number } | null {
  const m = /^(duma|president|referendum)-(\d{4})$/.exec(id);
  return m ? { kind: m[1] as ElectionKind, year: Number(m[2]) } : null;
}

/** Ballots issued: the three issue lines where the protocol has them, else its single line. */
export function issuedOf(c: Counts): number | null {
  if (c.issued !== null) return c.issued;
  if (c.issued_early === null && c.issued_station === null && c.issued_outside === null) return null;
  return (c.issued_early ?? 0) + (c.issued_station ?? 0) + (c.issued_outside ?? 0);
}

/** Ballots cast: valid + invalid (the CEC's base for party and candidate percentages). */
export const castOf = (c: Counts): number | null => (c.valid === null ? c.in_boxes : c.valid + (c.invalid ?? 0));

/** The flags a read row earns. Pure: the same counts always give the same flags. */
export function flagsOf(c: Counts, votes: number[]): Flag[] {
  const f: Flag[] = [];
  const issued = issuedOf(c);
  const cast = castOf(c);
  const sum = votes.reduce((a, b) => a + b, 0);
  if (issued !== null && c.registered !== null && issued > c.registered) f.push('turnout_over_100');
  if (issued !== null && c.valid !== null && c.valid > issued) f.push('valid_over_issued');
  else if (issued !== null && cast !== null && cast > issued) f.push('cast_over_issued');
  if (c.valid !== null && sum > c.valid) f.push('choices_over_valid');
  if (c.valid !== null && sum < c.valid) f.push('choices_under_valid');
  const boxes = c.in_boxes ?? (c.in_mobile === null && c.in_stationary === null ? null : (c.in_mobile ?? 0) + (c.in_stationary ?? 0));
  if (boxes !== null && cast !== null && c.valid !== null && boxes !== cast) f.push('boxes_ne_cast');
  if (cast === 0) f.push('no_ballots');
  return f;
}

/** One series (single-mandate or party list) of one district: bin starts and votes per choice. */
export interface DistrictSeries {
  t: number[];
  votes: Record<string, number[]>;
  total: number;
}

/** Votes per choice and in all, per bin, on one time axis (bin starts, epoch ms UTC). */
export type SeriesSum = {
  ballots: number[];
  total: number;
  choices: { name: string; label_en: string | null; votes: number[]; total: number }[];
};

/** The DEG decryption series summed over a set of districts (votes per bin, per choice). */
export type DegTimeline = {
  bin_minutes: number;
  t: number[];
  districts: number[];
  single_mandate: SeriesSum | null;
  party_list: SeriesSum | null;
  /** Final electronic ballots cast in the same districts (station rows), to set against the bins. */
  final_electronic_cast: number;
  method: string;
  credit: string;
};
