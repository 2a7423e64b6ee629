/**
 * Mapping one STOP row to our taxonomy (documented in docs/design/002-stop-import.md).
 *   shutdown_type × shutdown_extent -> category/subtype:
 *     Shutdown (+Throttle) on the full network -> shutdown/{full|mobile|fixed} by affected_network,
 *                                                 shutdown/unrecorded_network when it is "Unknown"
 *     Shutdown (+Throttle) of services only    -> block/platform
 *     Throttle on the full network             -> throttling/network
 *     Throttle of services only                -> throttling/platform
 *     Unknown, of services only                -> block/platform
 *     Unknown                                  -> shutdown/other
 *   geo_scope -> scope: only one city = local, several cities of one region = regional, several
 *     regions = regional; national whenever area_name names the whole country ("nationwide",
 *     "Countrywide", the country's own name: namesWholeCountry); service-only -> platform.
 * Returns a reject reason instead of throwing: a bad row is data, not an error.
 */
import { codedUnderAnother, countryCodeByName } from '../../geo/index.js';
import { isValidPartialDate } from '../../shared/index.js';
import { geocodeFields } from '../geocode.js';
import { norm } from './duplicates.js';
import { slugify } from '../service.js';
import type { StopRow } from './parse.js';
import { STOP_END_NOT_RECORDED } from '../end-text.js';

export { STOP_END_NOT_RECORDED };
/** The tag of a shutdown STOP files as "Shutdown, Throttle": cut for part of its span, slowed for part. */
export const SHUTDOWN_AND_THROTTLE_TAG = 'shutdown-and-throttle';

export const STOP_SHEET_URL = 'https://docs.google.com/spreadsheets/d/1DvPAuHNLp5BXGb0nnZDGNoiIwEeu2ogdXEIDvT4Hyfk';

/** Area names seen in STOP for Russia and China, mapped to ISO 3166-2 (others stay text). */
const AREA_REGIONS: Record<string, string[]> = {
  moscow: ['RU-MOW'],
  'st. petersburg': ['RU-SPE'],
  ingushetia: ['RU-IN'],
  'republic of dagestan': ['RU-DA'],
  'dagestan and ingushetia': ['RU-DA', 'RU-IN'],
  tyva: ['RU-TY'],
  'omsk oblast': ['RU-OMS'],
  'lipetsk oblast': ['RU-LIP'],
  'krasnoyarsk krai': ['RU-KYA'],
  'ulyanovsk oblast': ['RU-ULY'],
  vologograd: ['RU-VGG'],
  baimak: ['RU-BA'],
  'leningrad, novgorod, and pskov': ['RU-LEN', 'RU-NGR', 'RU-PSK'],
  xinjiang: ['CN-XJ'],
  tibet: ['CN-XZ'],
};

/** The regions STOP's area text names outright (the table above), of the record's countries: an import's regions before geocoding. */
export const stopAreaRegions = (area: string, countries: readonly string[]): string[] =>
  (AREA_REGIONS[area.replace(/\s+/g, ' ').trim().toLowerCase()] ?? []).filter((code) => countries.includes(code.slice(0, 2)));

const PLATFORMS: [keyof StopRow, string][] = [
  ['facebook_affected', 'Facebook'],
  ['twitter_affected', 'Twitter'],
  ['whatsapp_affected', 'WhatsApp'],
  ['instagram_affected', 'Instagram'],
  ['telegram_affected', 'Telegram'],
];

const yes = (v: string) => /^yes\b/i.test(v.trim());

/**
 * The platforms whose live feature the record lists ("Facebook Live", "Facebook Livestream",
 * "TikTok Live"). STOP sets the platform's own flag as well, but what was blocked was the
 * feature: Jordan's "certain Facebook applications that allow live broadcasting" (2021, "the
 * outage lasted several hours"), "unable to view live-streaming from Facebook" (2018). The
 * flag then stands for the feature, not the whole platform.
 */
export function liveFeatures(others: readonly string[]): Set<string> {
  return new Set(others.map((o) => /^(.+) live(?:stream(?:ing)?)?$/i.exec(o)?.[1]?.toLowerCase()).filter((p): p is string => !!p));
}

export interface MappedRow {
  countries: string[];
  fields: Record<string, unknown>;
}

function categoryOf(r: StopRow): { category: string; subtype: string } {
  const type = r.shutdown_type.toLowerCase();
  const full = /full network/i.test(r.shutdown_extent);
  const net = r.affected_network.toLowerCase();
  const netSubtype =
    net.includes('mobile') && net.includes('broadband')
      ? 'full'
      : net.includes('mobile')
        ? 'mobile'
        : net.includes('broadband')
          ? 'fixed'
          : 'unrecorded_network';
  if (type === 'throttle') return { category: 'throttling', subtype: full ? 'network' : 'platform' };
  if (type.includes('shutdown')) return full ? { category: 'shutdown', subtype: netSubtype } : { category: 'block', subtype: 'platform' };
  // A record of unknown kind that names services and no cut of the network is a block of them.
  if (/service-based/i.test(r.shutdown_extent) && !full) return { category: 'block', subtype: 'platform' };
  return { category: 'shutdown', subtype: 'other' };
}

/** Words STOP's area text uses for the whole country, spelling variants included ("Nation Wide", "Nationwde", "Near country-wide"). */
const WHOLE_COUNTRY = /\b(nation ?wi?de|national(?! capital)|countr(y|ies) ?wide|entire country|whole country|across the country)\b/;

/** "40 regions across the country", "59 universities across the country": that many units across it, not all of it (geo/counted.ts prices a count of regions). */
const COUNTED_ACROSS = /^(?:(?:at least|more than|over|about|some|nearly) )?\d+ [a-z ]+ across the country$/;
export const countedAcross = (area: string): boolean => COUNTED_ACROSS.test(norm(area));

/**
 * Does STOP's area text name the whole country? By the words above, or by the country's own
 * name ("Eswatini/Eswatini", "Entire South Sudan") in a record that says it reached more than
 * one city: an area that is the country itself. A town sharing the country's name ("Djibouti")
 * in a one-city record is not the country.
 */
export function namesWholeCountry(area: string, country: string, geoScope: string): boolean {
  const a = norm(area);
  if (WHOLE_COUNTRY.test(a)) return !COUNTED_ACROSS.test(a);
  if (/only affected one city/i.test(geoScope) || codedUnderAnother(country)) return false;
  const c = norm(country.replace(/\(.*\)|,.*$/g, ''));
  const rest = a.replace(/^(entire|all of|the whole of) /, '');
  return c.length > 0 && (rest === c || rest === `${c} ${c}`);
}

function scopeOf(r: StopRow, category: string): string {
  if (category !== 'shutdown' && !/full network/i.test(r.shutdown_extent)) return 'platform';
  if (namesWholeCountry(r.area_name, r.country, r.geo_scope)) return 'national';
  if (/only affected one city/i.test(r.geo_scope)) return 'local';
  return 'regional';
}

function urls(text: string): string[] {
  return [...new Set((text.match(/https?:\/\/[^\s;,"<>]+/g) ?? []).map((u) => u.replace(/[).]+$/, '')))].filter((u) => {
    try {
      new URL(u);
      return true;
    } catch {
      return false;
    }
  });
}

/** A record's own text (its `event` cell) as an event summary holds it, or null when the cell is empty. */
export function recordText(r: StopRow): string | null {
  const t = r.event.replace(/\r\n/g, '\n').slice(0, 5000).trim();
  return t || null;
}

/**
 * Where a record is: its count_year, record number and line in the file it was read from, so a
 * reader finds it there. A file named otherwise than the snapshot (a part of it) is named.
 */
export function stopLocator(r: Pick<StopRow, 'count_year' | '_record' | '_line'>, snapshot: string, file?: string): string {
  const where = file && !file.includes(snapshot) ? `${file} (the ${snapshot} snapshot)` : `the ${snapshot} snapshot`;
  return `count_year ${r.count_year}, record ${r._record} (line ${r._line}) of ${where}`;
}

/**
 * Why a record's dates cannot be true of the snapshot, or null: a start or end date after the
 * snapshot date (a sheet published that day cannot describe a later one), or after `today` (the
 * latest date begun anywhere at the import's clock) when that is earlier; a count_year after the
 * snapshot's year. An ongoing record has no end date and is not refused for it.
 */
function laterThanSnapshot(r: StopRow, snapshot: string, today?: string): string | null {
  const future = today !== undefined && today < snapshot;
  const limit = future ? today : snapshot;
  for (const field of ['start_date', 'end_date'] as const) {
    const d = r[field];
    if (!d || d <= limit) continue;
    return future
      ? `${field}: ${d} is in the future (the latest date begun anywhere is ${today})`
      : `${field}: ${d} is after the snapshot date ${snapshot} (a record cannot describe a later day)`;
  }
  if (r.count_year > snapshot.slice(0, 4)) return `count_year: ${r.count_year} is after the year of the snapshot date ${snapshot}`;
  return null;
}

/** The values STOP uses in its coded columns (a cell may list several, comma-separated: "Shutdown, Throttle", "Broadband, Mobile"). */
const VOCABULARY: Record<'shutdown_type' | 'affected_network' | 'shutdown_extent', readonly string[]> = {
  shutdown_type: ['Shutdown', 'Throttle', 'Unknown'],
  affected_network: ['Broadband', 'Mobile', 'Unknown'],
  shutdown_extent: ['Full network', 'Service-based'],
};

/**
 * Why one record cannot be read as STOP means it, by itself, or null: a coded column holding a
 * value STOP does not use (the mapping would file "Banana" as another category and price it), a
 * count_year that is not a year, or one before the year the record starts (Access Now lists an
 * ongoing shutdown in each year it lasts, never before it began).
 */
export function recordIssue(r: StopRow): string | null {
  for (const [field, values] of Object.entries(VOCABULARY) as [keyof typeof VOCABULARY, readonly string[]][]) {
    const items = r[field].split(',').map((v) => v.trim().toLowerCase());
    if (items.some((v) => !values.some((k) => k.toLowerCase() === v)))
      return `${field}: "${r[field]}" is not a value STOP uses (${values.join(', ')}, or a list of them)`;
  }
  if (!/^\d{4}$/.test(r.count_year)) return `count_year: "${r.count_year}" is not a year`;
  if (countYearBeforeStart(r)) return `count_year: ${r.count_year} is before the year of start_date ${r.start_date}`;
  return null;
}

/**
 * What an import rejects in each record as it reads it (a group's latest record gives the event's
 * fields, so an earlier one is checked here): `recordIssue`, unless a date after the snapshot is
 * wrong first (the group's mapping names it).
 */
export const readIssue = (r: StopRow, snapshot: string, today?: string): string | null => (laterThanSnapshot(r, snapshot, today) ? null : recordIssue(r));

/** Is the record listed in a count_year before the year it starts? */
export const countYearBeforeStart = (r: Pick<StopRow, 'count_year'> & { start_date?: string }): boolean =>
  r.start_date !== undefined && /^\d{4}$/.test(r.count_year) && /^\d{4}-/.test(r.start_date) && r.count_year < r.start_date.slice(0, 4);

/**
 * Map a row, or say why it cannot be. `snapshot` is the STOP snapshot date (YYYY-MM-DD); `today`,
 * when given, the latest date begun anywhere at the import's clock (a later date is refused).
 */
export function mapStopRow(r: StopRow, snapshot: string, file?: string, today?: string): MappedRow | { reject: string } {
  const countries = r.country
    .split(';')
    .map((n) => n.trim())
    .filter(Boolean);
  const codes = countries.map((n) => countryCodeByName(n));
  const unknown = countries.filter((_, i) => !codes[i]);
  if (countries.length === 0) return { reject: 'country: empty' };
  if (unknown.length) return { reject: `country: unknown name(s) ${unknown.map((u) => `"${u}"`).join(', ')}` };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(r.start_date) || !isValidPartialDate(r.start_date))
    return { reject: `start_date: "${r.start_date}" is not a YYYY-MM-DD date` };
  if (r.end_date && (!/^\d{4}-\d{2}-\d{2}$/.test(r.end_date) || !isValidPartialDate(r.end_date)))
    return { reject: `end_date: "${r.end_date}" is not a YYYY-MM-DD date` };
  if (r.end_date && r.end_date < r.start_date) return { reject: `end_date: ${r.end_date} is before start_date ${r.start_date}` };
  if (!/^\d{4}$/.test(r.count_year)) return { reject: `count_year: "${r.count_year}" is not a year` };
  const later = laterThanSnapshot(r, snapshot, today);
  if (later) return { reject: later };
  const issue = recordIssue(r);
  if (issue) return { reject: issue };
  const cc = [...new Set(codes as string[])];
  const { category, subtype } = categoryOf(r);
  const area = r.area_name.replace(/\s+/g, ' ').trim();
  const scope = scopeOf(r, category);
  const known = stopAreaRegions(area, cc);
  const geo = geocodeFields({ countries: cc, regions: known, scope, geocode: null, summary: recordText(r) ?? undefined }, area);
  const others = r.other_affected
    .split(/[,;]| and /)
    .map((s) => s.trim())
    .filter((s) => s && !/^(no|yes|unknown|n\/a)$/i.test(s));
  const live = liveFeatures(others);
  const platforms = PLATFORMS.filter(([col]) => yes(r[col] as string))
    .map(([, name]) => name)
    .filter((name) => !live.has(name.toLowerCase()));
  const targets = [...platforms, ...others].map((name) => ({ kind: 'platform', name }));
  if (yes(r.sms_affected)) targets.push({ kind: 'service', name: 'SMS' });
  if (yes(r.phonecall_affected)) targets.push({ kind: 'service', name: 'Phone calls' });
  const what =
    category === 'shutdown'
      ? `${subtype === 'full' ? 'Internet' : subtype === 'fixed' ? 'Broadband' : subtype === 'mobile' ? 'Mobile internet' : 'Network'} shutdown`
      : category === 'throttling'
        ? `Throttling${targets.length ? ` of ${targets.map((t) => t.name).join(', ')}` : ''}`
        : `Block of ${targets.map((t) => t.name).join(', ') || 'online services'}`;
  const title = `${what} in ${area || r.country} (${r.country})`.slice(0, 300);
  const actors = [
    ...r.ordered_by
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((name) => ({ role: 'ordered_by', name })),
    ...r.decision_maker
      .split(/[;]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((name) => ({ role: 'ordered_by', name })),
    ...r.telcos_involved
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter((s) => s && !/^(unknown|no|n\/a)$/i.test(s))
      .map((name) => ({ role: 'implemented_by', name })),
  ];
  const stopSource = {
    url: STOP_SHEET_URL,
    title: `#KeepItOn STOP dataset, Combined 2016-2025 sheet: ${r.country}, ${r.start_date}`,
    publisher: 'Access Now',
    published: snapshot,
    archive_url: null,
    locator: stopLocator(r, snapshot, file),
  };
  const linked = urls(r.info_source_link)
    .slice(0, 10)
    .map((url) => ({
      url,
      title: `Source cited by Access Now STOP (${r.info_source || 'info_source'})`,
      publisher: new URL(url).hostname,
      published: null,
      archive_url: null,
      locator: null,
    }));
  const anLink = urls(r.an_link).map((url) => ({
    url,
    title: 'Access Now on this shutdown',
    publisher: 'Access Now',
    published: null,
    archive_url: null,
    locator: null,
  }));
  const contradicted = datesContradicted(r);
  const notes = [
    r.start_date_type === 'Estimated' ? 'Start date estimated by Access Now.' : '',
    contradicted
      ? `${STOP_END_NOT_RECORDED}: the record's own duration field (${r.duration.trim()} days) contradicts its dates (${r.start_date} to ${r.end_date}, ${contradicted} days), so its end date (${r.end_date}) is not trusted.`
      : '',
    !r.end_date && r.shutdown_status === 'Ongoing' ? `Marked ongoing in the ${snapshot} STOP snapshot.` : '',
    !r.end_date && r.shutdown_status !== 'Ongoing' ? `${STOP_END_NOT_RECORDED} (shutdown_status "${r.shutdown_status || 'empty'}").` : '',
    r.duration ? `STOP duration field: "${r.duration}" (free text, not trusted).` : '',
    countries.includes('Somaliland') ? 'Somaliland is coded under Somalia (SO): it is not an ISO 3166-1 country.' : '',
  ].filter(Boolean);
  const tags = [
    'keepiton',
    ...(yes(r.election) ? ['election'] : []),
    ...(yes(r.violence) ? ['violence'] : []),
    ...(r.actual_cause ? [slugify(r.actual_cause, 40)] : []),
    ...(r.gov_justification ? [`justification-${slugify(r.gov_justification, 40)}`] : []),
    // "Shutdown, Throttle": the network was cut for part of the record and slowed for part of it.
    ...(category === 'shutdown' && /throttle/i.test(r.shutdown_type) ? [SHUTDOWN_AND_THROTTLE_TAG] : []),
  ];
  return {
    countries: cc,
    fields: {
      title,
      summary: recordText(r) ?? `${what} recorded by Access Now's #KeepItOn STOP in ${area || r.country}.`,
      category,
      subtype,
      countries: cc,
      ...geo,
      start: r.start_date,
      end: contradicted ? null : r.end_date || null,
      date_precision: 'day',
      scope,
      targets,
      actors,
      networks: [],
      people_affected: null,
      tags: [...new Set(tags)],
      confidence: r.start_date_type === 'Estimated' ? 'medium' : 'high',
      status: 'active',
      sources: [stopSource, ...anLink, ...linked],
      notes: notes.join(' ') || null,
    },
  };
}

/**
 * The days between a record's dates when its own `duration` field contradicts them, else null.
 * Where a record has both dates, the field is the span in days (1,328 of the 1,330 such records
 * of the 2026-05-20 snapshot agree to the day, one within 2 days); a field off by more (Congo-
 * Kinshasa, 1 January to 30 December 2017, "-363") says the dates are wrong, and which one is
 * not known: the end is then not trusted, and the record is priced as an end nobody recorded.
 */
export function datesContradicted(r: Pick<StopRow, 'start_date' | 'end_date' | 'duration'>): number | null {
  const stated = r.duration.trim();
  if (!r.end_date || !/^-?\d+$/.test(stated)) return null;
  const span = Math.round((Date.parse(r.end_date) - Date.parse(r.start_date)) / 86_400_000);
  const d = Number(stated);
  return Number.isFinite(span) && Math.abs(d - span) > 2 && Math.abs(d - span - 1) > 2 ? span : null;
}

/**
 * The identity of a STOP event across the yearly repeats of ongoing events: country, start
 * date, type, network, extent and the normalised area ("National" == "Nationwide").
 */
export function stopEventKey(r: StopRow): string {
  const area = r.area_name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^national$/, 'nationwide');
  return [r.country, r.start_date, r.shutdown_type, r.affected_network, r.shutdown_extent, area].join('|');
}
