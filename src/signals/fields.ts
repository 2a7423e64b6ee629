/**
 * One signal record's fields, whatever the input spelled them: IODA's CSV and API names, OONI's
 * count export (`count`, `test_day`, `probe_asn`) and plain names. Each value is checked here and
 * either becomes part of a point or a reason the record is rejected.
 */
import { check } from '../op/index.js';
import type { SignalEntityType } from '../store/index.js';

export type Field = 'source' | 'value' | 'entity_type' | 'entity_code' | 'asn' | 'cc' | 'region' | 'name' | 'timestamp';

const ALIASES: Record<Field, string[]> = {
  source: ['datasource', 'data_source', 'source', 'signal'],
  value: ['value', 'count', 'n'],
  entity_type: ['entity_type', 'entitytype'],
  entity_code: ['entity_code', 'entitycode', 'entity'],
  asn: ['asn', 'probe_asn'],
  cc: ['cc', 'country', 'country_code', 'probe_cc'],
  region: ['region', 'region_code'],
  name: ['entity_name', 'entityname', 'as_name', 'name', 'network_name', 'probe_network_name'],
  timestamp: ['timestamp', 'time', 't', 'ts', 'from', 'test_day', 'date', 'bin_start'],
};

const BY_NAME = new Map(Object.entries(ALIASES).flatMap(([f, names]) => names.map((n) => [n, f as Field])));

/** The field a column or JSON key names, or undefined. */
export const fieldOf = (name: string): Field | undefined => BY_NAME.get(name.trim().toLowerCase());

/** IODA's published CSV has no header: datasource,value,asn,as_name,timestamp. */
export const IODA_COLUMNS: Field[] = ['source', 'value', 'asn', 'name', 'timestamp'];

export type Raw = Partial<Record<Field, unknown>>;

export interface Entity {
  entity_type: SignalEntityType;
  entity_code: string;
  cc: string | null;
}

const str = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : JSON.stringify(v);

/** The largest AS number: ASNs are 32-bit (RFC 6793). */
export const MAX_ASN = 4_294_967_295;

function asn(v: string): string | Error {
  const m = /^(?:AS)?(\d{1,10})$/i.exec(v);
  if (!m) return new Error(`asn "${v}" is not an AS number`);
  if (Number(m[1]) === 0) return new Error('AS0 is not a network (OONI writes it when the probe did not know its network)');
  if (Number(m[1]) > MAX_ASN) return new Error(`asn "${v}" is beyond the largest AS number (${MAX_ASN}, 32 bits)`);
  return `AS${Number(m[1])}`;
}

const BLANK_ENTITY = 'a record of a file with';
const COUNTRY_WIDE = '(entity_type country for a country-wide point)';

/**
 * The entity a record is about; explicit entity_type/code win over asn, region, country. A
 * record that has an asn (or region) field left blank is an error, not a country-wide point.
 */
export function entityOf(r: Raw, defaultCc: string | undefined): Entity | Error {
  const cc0 = str(r.cc).toUpperCase();
  // a network's country is as OONI writes probe_cc: assigned codes, XK and ZZ
  const ccProblem = cc0 ? check.countryProblem(cc0, true) : null;
  if (ccProblem) return new Error(ccProblem);
  const cc = cc0 || defaultCc || null;
  let type = str(r.entity_type).toLowerCase();
  let code = str(r.entity_code);
  if (!type) {
    if (str(r.asn)) [type, code] = ['asn', str(r.asn)];
    else if (str(r.region)) [type, code] = ['region', str(r.region)];
    // a blank asn or region where the record has that field is never read as the whole country
    else if ('asn' in r) return new Error(`asn is blank: ${BLANK_ENTITY} an asn column names its network ${COUNTRY_WIDE}`);
    else if ('region' in r) return new Error(`region is blank: ${BLANK_ENTITY} a region column names its region ${COUNTRY_WIDE}`);
    else if (cc0) [type, code] = ['country', cc0];
    else return new Error('no entity: give entity_type and entity_code, or an asn, region or country column');
  }
  if (!code) return new Error(`entity_type "${type}" without an entity_code`);
  if (type === 'asn') {
    const a = asn(code);
    return a instanceof Error ? a : { entity_type: 'asn', entity_code: a, cc };
  }
  if (type === 'country') {
    const c = code.toUpperCase();
    const problem = c === 'ZZ' ? 'ZZ (unknown country) is not a country to watch' : check.countryProblem(c, true);
    return problem ? new Error(problem) : { entity_type: 'country', entity_code: c, cc: c };
  }
  if (type === 'region') {
    const c = code.toUpperCase();
    // Subdivision codes are renumbered over time (old series keep old codes): only the country part is checked against ISO.
    const problem = check.regionFormProblem(code);
    return problem ? new Error(problem.startsWith('region') ? problem : `region ${problem}`) : { entity_type: 'region', entity_code: c, cc: c.slice(0, 2) };
  }
  return new Error(`entity_type "${type}" is not one of country, region, asn`);
}

/**
 * The largest value kept: counts above 2^53 - 1 are no longer whole numbers in a double (the
 * stored type), and the database's binder reads a whole number as a 64-bit integer.
 */
export const MAX_VALUE = Number.MAX_SAFE_INTEGER;

/** A value: a non-negative number up to MAX_VALUE, or null for a missing sample (empty, null, NA, NaN). */
export function valueOf(v: unknown): number | null | Error {
  if (v === null || v === undefined) return null;
  const s = str(v);
  if (s === '' || /^(null|na|nan|none)$/i.test(s)) return null;
  // Decimal notation only: Number() would also read "0x10" as 16 and "0b1" as 1.
  const n = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(s) ? Number(s) : NaN;
  if (!Number.isFinite(n)) return new Error(`value "${s}" is not a number`);
  if (n < 0) return new Error(`value ${n} is negative (a count cannot be)`);
  if (n > MAX_VALUE) return new Error(`value "${s}" is beyond the largest value stored exactly (${MAX_VALUE})`);
  return n;
}

/** A timestamp: ISO 8601, "YYYY-MM-DD hh:mm:ss[+00:00]" (UTC when no zone), or Unix seconds. */
export function timeOf(v: unknown, nowMs: number, toleranceMs: number): string | Error {
  const s = str(v);
  if (!s) return new Error('no timestamp');
  let ms: number;
  if (/^\d{9,11}$/.test(s)) ms = Number(s) * 1000;
  else {
    const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(s);
    if (!m) return new Error(`timestamp "${s}" is not ISO 8601 or Unix seconds`);
    const zone = m[3]
      ? m[3].toUpperCase() === 'Z'
        ? 'Z'
        : m[3].length === 3
          ? `${m[3]}:00`
          : m[3].includes(':')
            ? m[3]
            : `${m[3].slice(0, 3)}:${m[3].slice(3)}`
      : 'Z';
    ms = Date.parse(`${m[1]}T${m[2] ?? '00:00:00'}${zone}`);
    // Date.parse rolls 2019-02-30 over to 2019-03-02; a day the month does not have is refused.
    const [y, mo, d] = m[1]!.split('-').map(Number) as [number, number, number];
    const day = new Date(Date.UTC(y, mo - 1, d));
    if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d)
      return new Error(`timestamp "${s}": ${m[1]} is not a calendar date`);
  }
  if (!Number.isFinite(ms)) return new Error(`timestamp "${s}" is not a valid instant`);
  if (ms > nowMs + toleranceMs) return new Error(`timestamp ${new Date(ms).toISOString()} is in the future`);
  return new Date(ms).toISOString();
}

export const textOf = (v: unknown): string | null => str(v) || null;
