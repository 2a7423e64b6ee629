/**
 * One record of a Zapret-Info dump: `ips;domain;urls;decision_body;decision_number;decision_date`.
 * The format has no quoting rules, and a few URLs contain ';' (7-10 fields instead of 6). The
 * first two fields are therefore taken from the left and the last three from the right; what
 * is left in the middle is the URL list. `ips` and `urls` are lists joined with " | ".
 * A line that cannot be a record becomes a reject with a reason code (never thrown); so does a
 * decision dated after the latest date begun anywhere, when the caller gives it
 * (shared/time.ts latestDateBegun): at the import's clock, or at the dump's own time when that is
 * earlier (a register published then cannot list a later decision; `decisionLimit`).
 */
import { latestDateBegun } from '../shared/index.js';
import { parseIp, type ParsedIp } from './addresses.js';
import { cp1251LineProblem } from './encoding.js';

export interface DumpRecord {
  ips: string[];
  parsed: ParsedIp[];
  domain: string;
  urls: string[];
  decisionBody: string;
  decisionNumber: string;
  decisionDate: string;
  /** How many ';' beyond the five separators were inside the URL field. */
  straySemicolons: number;
  /** The URL field was wrapped in double quotes (the dumps do this when a URL holds ';'). */
  quotedUrls: boolean;
}

/** Reject reason codes (kept as data; see docs/design/040-registry-address-space.md). */
export type RejectReason = 'too_few_fields' | 'bad_date' | 'future_date' | 'bad_ip' | 'missing_decision' | 'empty_record' | 'bad_encoding';

export type LineResult = { ok: true; record: DumpRecord } | { ok: false; reason: RejectReason; detail: string };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const validDates = new Set<string>();

/** A real calendar date in YYYY-MM-DD (valid ones memoised: a dump repeats a few thousand dates). */
export function isIsoDate(s: string): boolean {
  if (validDates.has(s)) return true;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  const ok = !Number.isNaN(d.getTime()) && d.getUTCDate() === Number(m[3]);
  if (ok && validDates.size < 100_000) validDates.add(s);
  return ok;
}

/** Why `s` is no date: the form, or (for YYYY-MM-DD) the calendar; null for a real date. */
export function dateProblem(s: string): string | null {
  if (isIsoDate(s)) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? 'is not a date on the calendar' : 'is not YYYY-MM-DD';
}

const fail = (reason: RejectReason, detail: string): LineResult => ({ ok: false, reason, detail });

/** Split a " | " list, trimming each item and dropping empty ones. */
export const splitList = (field: string, sep: string): string[] => {
  if (!field.includes(sep)) {
    const one = field.trim();
    return one ? [one] : [];
  }
  return field
    .split(sep)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
};

/** A record before its IP tokens are parsed (the bulk import leaves that to the store and the address library). */
export type SplitRecord = Omit<DumpRecord, 'parsed'>;
export type SplitResult = { ok: true; record: SplitRecord } | { ok: false; reason: RejectReason; detail: string };

/** Why a decision date after `latest` (YYYY-MM-DD) is refused; `dumpAt` when `latest` is the dump's, not today's. */
export const futureDateDetail = (date: string, latest: string, dumpAt?: string) =>
  dumpAt === undefined
    ? `decision date "${date}" is in the future (the latest date begun anywhere is ${latest})`
    : `decision date "${date}" is after the dump's time ${dumpAt} (the latest date begun anywhere then is ${latest})`;

/**
 * The latest decision date a dump made at `dumpAt` (ISO) can list, imported at `nowMs`: the latest
 * date begun anywhere at the dump's time, with `dumpAt` to name it, or at now when that is not later.
 */
export function decisionLimit(dumpAt: string | null, nowMs: number): { latest: string; dumpAt?: string } {
  const today = latestDateBegun(nowMs);
  if (dumpAt === null) return { latest: today };
  const then = latestDateBegun(Date.parse(dumpAt));
  return then < today ? { latest: then, dumpAt } : { latest: today };
}

/**
 * Every check but the addresses', in the reference order (bad_ip would come just before
 * empty_record, which cannot co-occur with it); with `latest`, a decision dated after it is future_date.
 */
export function splitDumpLine(line: string, latest?: string, dumpAt?: string): SplitResult {
  const encoding = cp1251LineProblem(line);
  if (encoding) return fail('bad_encoding', encoding);
  const i1 = line.indexOf(';');
  const i2 = i1 < 0 ? -1 : line.indexOf(';', i1 + 1);
  const j1 = line.lastIndexOf(';');
  const j2 = j1 <= 0 ? -1 : line.lastIndexOf(';', j1 - 1);
  const j3 = j2 <= 0 ? -1 : line.lastIndexOf(';', j2 - 1);
  // the two fields taken from the left and the three from the right must not share a separator: five at least
  if (i2 < 0 || j3 < 0 || j3 <= i2) {
    const fields = line.split(';').length;
    return fail('too_few_fields', `${fields} field${fields === 1 ? '' : 's'}, need 6`);
  }
  const decisionDate = line.slice(j1 + 1).trim();
  const dateWrong = dateProblem(decisionDate);
  if (dateWrong) return fail('bad_date', `decision date "${decisionDate.slice(0, 40)}" ${dateWrong}`);
  if (latest !== undefined && decisionDate > latest) return fail('future_date', futureDateDetail(decisionDate, latest, dumpAt));
  const decisionBody = line.slice(j3 + 1, j2).trim();
  const decisionNumber = line.slice(j2 + 1, j1).trim();
  if (!decisionBody || !decisionNumber) return fail('missing_decision', !decisionBody ? 'empty decision body' : 'empty decision number');
  let urlField = line.slice(i2 + 1, j3).trim();
  const quotedUrls = urlField.length >= 2 && urlField.startsWith('"') && urlField.endsWith('"');
  if (quotedUrls) urlField = urlField.slice(1, -1);
  const ips = splitList(line.slice(0, i1), '|');
  const domain = line.slice(i1 + 1, i2).trim();
  const urls = splitList(urlField, ' | ');
  if (ips.length === 0 && !domain && urls.length === 0) return fail('empty_record', 'no ips, domain or urls');
  let semicolons = 0;
  for (let k = i2 + 1; k < j3; k++) if (line.charCodeAt(k) === 59) semicolons++;
  return { ok: true, record: { ips, domain, urls, decisionBody, decisionNumber, decisionDate, straySemicolons: semicolons, quotedUrls } };
}

/** The first IP token that is not an address, as the reject detail gives it; null when all are. */
export const badIpDetail = (ips: string[], parse: (t: string) => unknown): string | null => {
  const bad = ips.find((t) => !parse(t));
  return bad === undefined ? null : `"${bad.slice(0, 60)}" is not an IPv4/IPv6 address or CIDR`;
};

export function parseDumpLine(line: string, latest?: string, dumpAt?: string): LineResult {
  const r = splitDumpLine(line, latest, dumpAt);
  if (!r.ok) return r;
  const parsed: ParsedIp[] = [];
  for (const token of r.record.ips) {
    const p = parseIp(token);
    if (!p) return fail('bad_ip', badIpDetail([token], parseIp)!);
    parsed.push(p);
  }
  return { ok: true, record: { ...r.record, parsed } };
}
