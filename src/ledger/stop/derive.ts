/**
 * Indicators derived from tabular sources: Access Now's yearly shutdown counts per country
 * (from STOP rows: Access Now counts an ongoing shutdown once in each year it lasts, so we count
 * rows per count_year, as their annual reports do), and Top10VPN's yearly cost per country.
 */
import { parse } from 'csv-parse/sync';
import { countryCodeByName, getCountry } from '../../geo/index.js';
import type { EventLinkRecord, IndicatorValueRecord } from '../../store/index.js';
import type { IndicatorSeries } from '../indicators.js';
import { STOP_SHEET_URL, countYearBeforeStart } from './map.js';
import type { StopRow } from './parse.js';

/**
 * Access Now's yearly counts per country from STOP records (a record of several countries counts
 * in each). A record whose values do not line up with the header (`_unreadable`) is not counted:
 * its country and year may be another column's; nor is one listed in a year before it starts.
 */
export function accessNowCounts(
  rows: (Pick<StopRow, 'country' | 'count_year' | '_unreadable'> & { start_date?: string })[],
  snapshot: string,
): IndicatorSeries[] {
  const counts = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (r._unreadable !== undefined || !/^\d{4}$/.test(r.count_year) || countYearBeforeStart(r)) continue;
    for (const name of r.country.split(';').map((s) => s.trim())) {
      const cc = countryCodeByName(name);
      if (!cc) continue;
      const perYear = counts.get(cc) ?? new Map<string, number>();
      perYear.set(r.count_year, (perYear.get(r.count_year) ?? 0) + 1);
      counts.set(cc, perYear);
    }
  }
  return [...counts].map(([cc, perYear]) => ({
    id: `accessnow-shutdowns-${cc.toLowerCase()}`,
    title: `Internet shutdowns recorded by Access Now #KeepItOn: ${getCountry(cc)?.name ?? cc}`,
    description:
      'Rows of the STOP "Combined" sheet per count_year: an ongoing shutdown counts once in every year it lasts, as in Access Now\'s annual reports. Includes service-based blocks and throttling.',
    unit: 'shutdowns',
    country: cc,
    values: [...perYear]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([year, n]) => ({
        period: year,
        value: n,
        source: {
          url: STOP_SHEET_URL,
          title: '#KeepItOn STOP dataset, Combined 2016-2025 sheet',
          publisher: 'Access Now',
          published: snapshot,
          archive_url: null,
          locator: `rows with country ${cc} and count_year ${year}`,
        },
        note: null,
      })),
  }));
}

/**
 * The STOP records the store holds for one snapshot, one per `stop_row` link: the link's target
 * is `<snapshot>:<record key>:<count_year>` and the key starts with the record's country field.
 */
export function storedStopRows(links: EventLinkRecord[], snapshot: string): Pick<StopRow, 'country' | 'count_year'>[] {
  const prefix = `${snapshot}:`;
  return links
    .filter((l) => l.kind === 'stop_row' && l.target.startsWith(prefix))
    .map((l) => {
      const rest = l.target.slice(prefix.length);
      return { country: rest.slice(0, rest.indexOf('|')), count_year: rest.slice(rest.lastIndexOf(':') + 1) };
    });
}

/**
 * The counts an import publishes for its snapshot, per country and year the largest of: the rows
 * of the file just read (rejected records included: Access Now counts them), the records the store
 * holds for the snapshot (several files of parts add up), and what an earlier import published
 * for the same snapshot. So a file holding part of a snapshot never lowers the count a fuller file
 * gave; one source read twice stays one value (upsertIndicators replaces it), not a dispute.
 */
export function snapshotCounts(
  fromFile: IndicatorSeries[],
  fromStore: IndicatorSeries[],
  published: Pick<IndicatorValueRecord, 'seriesId' | 'period' | 'value' | 'doc'>[],
  snapshot: string,
): IndicatorSeries[] {
  const best = new Map<string, number>();
  const keep = (id: string, period: string, value: number) => {
    const k = `${id}\u0000${period}`;
    best.set(k, Math.max(best.get(k) ?? 0, value));
  };
  for (const s of [...fromFile, ...fromStore]) for (const v of s.values) keep(s.id, v.period, v.value);
  for (const v of published) if ((v.doc.source as { published?: unknown } | undefined)?.published === snapshot) keep(v.seriesId, v.period, v.value);
  const bySeries = new Map<string, IndicatorSeries>();
  for (const s of [...fromStore, ...fromFile]) {
    const values = new Map((bySeries.get(s.id)?.values ?? []).map((v) => [v.period, v]));
    for (const v of s.values) values.set(v.period, v);
    bySeries.set(s.id, { ...s, values: [...values.values()] });
  }
  return [...bySeries.values()].map((s) => ({
    ...s,
    values: s.values.map((v) => ({ ...v, value: best.get(`${s.id}\u0000${v.period}`)! })).sort((x, y) => x.period.localeCompare(y.period)),
  }));
}

const TOP10VPN_URL = 'https://www.top10vpn.com/research/cost-of-internet-shutdowns/';

/**
 * Top10VPN's yearly table as one series per country. A row for part of a country (its table's
 * "Pakistan - Azad Kashmir") keeps its area in the value's note (`area: Azad Kashmir`), so the
 * comparison sets it beside our events in that area only.
 */
export function top10vpnCosts(csv: string): { series: IndicatorSeries[]; rejects: { line: number; reason: string }[] } {
  const records = parse<Record<string, string>>(csv, { columns: true, skip_empty_lines: true, bom: true });
  const byCountry = new Map<string, IndicatorSeries>();
  const rejects: { line: number; reason: string }[] = [];
  records.forEach((r, i) => {
    const line = i + 2;
    // A row for part of a country ("Pakistan - Azad Kashmir") names its area after the dash.
    const dash = / - (.+)$/.exec(r.country ?? '');
    const area = dash?.[1]!.trim();
    const cc = (r.iso3 && getCountry(r.iso3)?.alpha2) || countryCodeByName(dash ? r.country!.slice(0, dash.index) : (r.country ?? ''));
    const cost = Number(r.cost_usd);
    if (!cc) return rejects.push({ line, reason: `country: "${r.country}" / iso3 "${r.iso3}" unknown` });
    if (!/^\d{4}$/.test(r.year ?? '')) return rejects.push({ line, reason: `year: "${r.year}" is not a year` });
    if (!Number.isFinite(cost) || r.cost_usd === '') return rejects.push({ line, reason: `cost_usd: "${r.cost_usd}" is not a number` });
    const key = r.country === 'Somaliland' ? 'somaliland' : cc.toLowerCase();
    const s = byCountry.get(key) ?? {
      id: `top10vpn-cost-${key}`,
      title: `Cost of internet shutdowns (Top10VPN): ${getCountry(cc)?.name ?? cc}`,
      description: 'Top10VPN\'s yearly estimate (NetBlocks COST method), transcribed from the annual "Cost of Internet Shutdowns" reports.',
      unit: 'USD',
      country: cc,
      values: [],
    };
    s.values.push({
      period: r.year!,
      value: cost,
      source: {
        url: TOP10VPN_URL,
        title: `The Global Cost of Internet Shutdowns ${r.year}`,
        publisher: 'Top10VPN',
        published: r.year!,
        archive_url: null,
        locator: `table row ${r.country}`,
      },
      note: `duration ${r.duration_hours || '?'} h, ${r.users_affected || '?'} users affected${r.country === 'Somaliland' ? '; Somaliland coded under Somalia (SO)' : ''}${area ? `; area: ${area}` : ''}`,
    });
    byCountry.set(key, s);
  });
  return { series: [...byCountry.values()], rejects };
}
