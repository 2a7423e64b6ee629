/**
 * One speed-test CSV row -> a typed record, or the reason it cannot be one. Data failures are
 * data: the importer keeps each reason with its line number and goes on.
 * Columns (verbatim from the dataset's README): datetime_rounded, anonymized_ip, subnet, asn,
 * as_country, as_organization, as_organization_iden, version, test_result (kbps to the target),
 * control_result (kbps to a control server), control_taco_result (kbps to a control domain
 * that contains the target's short-link string).
 * A stored row holds only values the summary's filters take: a real calendar time no later than
 * now (FUTURE_TOLERANCE_MS allowed for clock skew), an AS number of 32 bits other than 0, and a
 * country code the filters accept (or EU, below); each other value is the row's reject reason.
 */
import { check } from '../../op/index.js';
import { futureProblem, isValidPartialDate } from '../../shared/index.js';
import type { SpeedTestRecord } from '../../store/index.js';

/** Columns without which a row cannot be placed in time, in a network, or classified. */
export const REQUIRED_COLUMNS = ['datetime_rounded', 'asn', 'as_country', 'test_result', 'control_result'] as const;
export const OPTIONAL_COLUMNS = ['anonymized_ip', 'subnet', 'as_organization', 'as_organization_iden', 'version', 'control_taco_result'] as const;

export type ColumnIndex = Record<(typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number], number>;

/** Map header names to positions; returns the missing required columns when any. */
export function indexHeader(header: string[]): { index: ColumnIndex } | { missing: string[] } {
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) return { missing };
  const index = Object.fromEntries([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].map((c) => [c, names.indexOf(c)])) as ColumnIndex;
  return { index };
}

// "2021-03-13 00:05:00 UTC" (the dataset's form) or ISO 8601 with Z / offset.
const DATETIME_RE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(UTC|Z|[+-]\d{2}:?\d{2})?$/;

/** The instant a datetime_rounded cell names (ISO, UTC), or why it names none: never a day rolled over into the next month. */
export function parseDatetime(s: string): string | { problem: string } {
  const m = DATETIME_RE.exec(s.trim());
  if (!m) return { problem: 'not a date-time like 2021-03-13 00:05:00 UTC' };
  if (!isValidPartialDate(m[1]!)) return { problem: `${m[1]} is not a calendar date` };
  const zone = !m[3] || m[3] === 'UTC' || m[3] === 'Z' ? 'Z' : m[3];
  const d = new Date(`${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(d.getTime()) ? { problem: `${m[2]} is not a time of day` } : d.toISOString();
}

const NUMBER_RE = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A speed in kbps: a finite, non-negative decimal number. */
export function parseSpeed(s: string): number | null {
  const t = s.trim();
  if (!NUMBER_RE.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

const cell = (fields: string[], i: number): string => (i >= 0 ? (fields[i] ?? '').trim() : '');
const textOrNull = (s: string): string | null => (s === '' ? null : s);

export type RowResult = { record: SpeedTestRecord } | { reason: string };

/**
 * Why an as_country cell is not stored, or null. The codes the summary's --cc takes (assigned
 * ISO 3166-1 codes, XK, ZZ), and EU: RIRs (so CAIDA's AS-to-organisation data the dataset
 * carries) write it for a network registered for Europe as a whole, and the shipped data has it.
 */
const countryRowProblem = (cc: string): string | null => (cc === 'EU' ? null : check.countryProblem(cc, true));

/** Why an asn cell (AS prefix allowed) is not stored, or null: a 32-bit AS number, never AS0. */
function asnRowProblem(text: string): string | null {
  const parsed = check.asn.safeParse(text);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'not an AS number';
  return Number(text.replace(/^AS/i, '')) === 0 ? 'AS0 is not a network (a row without one leaves asn empty)' : null;
}

/** One data line (`nowMs`: the importer's clock; a time after it, beyond the skew allowed, is refused). */
export function parseRow(fields: string[], width: number, ix: ColumnIndex, line: number, nowMs: number): RowResult {
  if (fields.length !== width) return { reason: `column_count: expected ${width} fields, got ${fields.length}` };
  const whenText = cell(fields, ix.datetime_rounded);
  const when = parseDatetime(whenText);
  if (typeof when !== 'string') return { reason: `bad_datetime: datetime_rounded="${whenText.slice(0, 40)}": ${when.problem}` };
  const future = futureProblem(Date.parse(when), nowMs);
  if (future) return { reason: `future_datetime: datetime_rounded="${whenText.slice(0, 40)}" is ${future}` };
  const speeds: Record<'test_result' | 'control_result', number> = { test_result: 0, control_result: 0 };
  for (const col of ['test_result', 'control_result'] as const) {
    const v = parseSpeed(cell(fields, ix[col]));
    if (v === null)
      return { reason: `${/^-\d/.test(cell(fields, ix[col])) ? 'negative_speed' : 'non_numeric_speed'}: ${col}="${cell(fields, ix[col]).slice(0, 40)}"` };
    speeds[col] = v;
  }
  const tacoText = cell(fields, ix.control_taco_result);
  const taco = tacoText === '' ? null : parseSpeed(tacoText);
  if (tacoText !== '' && taco === null) return { reason: `non_numeric_speed: control_taco_result="${tacoText.slice(0, 40)}"` };
  const asnCell = cell(fields, ix.asn);
  const asnProblem = asnCell === '' ? null : asnRowProblem(asnCell);
  if (asnProblem) return { reason: `bad_asn: asn="${asnCell.slice(0, 40)}": ${asnProblem}` };
  const asnText = asnCell.replace(/^AS/i, '');
  const cc = cell(fields, ix.as_country).toUpperCase();
  const ccProblem = cc === '' ? null : countryRowProblem(cc);
  if (ccProblem) return { reason: `bad_country: as_country="${cc.slice(0, 40)}": ${ccProblem}` };
  return {
    record: {
      line,
      datetime_rounded: when,
      anonymized_ip: textOrNull(cell(fields, ix.anonymized_ip)),
      subnet: textOrNull(cell(fields, ix.subnet)),
      asn: asnText === '' ? null : Number(asnText),
      as_country: cc === '' ? null : cc,
      as_organization: textOrNull(cell(fields, ix.as_organization)),
      as_organization_iden: textOrNull(cell(fields, ix.as_organization_iden)),
      version: textOrNull(cell(fields, ix.version)),
      test_result: speeds.test_result,
      control_result: speeds.control_result,
      control_taco_result: taco,
    },
  };
}
