/**
 * Over time: the register's size, entries by decision body and blocked addresses, per day (the
 * derived 2012-2016 series) and per snapshot (the dumps), published as ledger indicators
 * (origin 'registry') so the dashboard charts them with every value sourced; a day of several
 * snapshots is one value per series, from the day's last complete snapshot (import.ts). Also links the
 * ledger event of a named service's block (e.g. ru-2018-telegram-block) to each snapshot that
 * lists that decision, as evidence.
 */
import { saveSeries, type IndicatorSeries } from '../ledger/index.js';
import type { RegistryDailyStatRecord, RetiredValues, Store } from '../store/index.js';
import type { SnapshotAnalysis } from './analysis.js';
import { namedServices } from './collateral.js';
import { dailyLocator } from './daily-days.js';

type Value = IndicatorSeries['values'][number];

/** Stable ASCII ids for the decision bodies named in the dumps. */
const BODY_SLUGS: Record<string, string> = {
  суд: 'court',
  Роскомнадзор: 'roskomnadzor',
  ФСКН: 'fskn',
  ФНС: 'fns',
  Генпрокуратура: 'prosecutor-general',
  Мосгорсуд: 'moscow-city-court',
  Роспотребнадзор: 'rospotrebnadzor',
  МВД: 'mvd',
  Росалкогольрегулирование: 'rosalkogolregulirovanie',
  Минкомсвязь: 'minkomsvyaz',
  other: 'other',
};
export const bodySlug = (body: string): string => BODY_SLUGS[body] ?? 'other';

/**
 * The series of one decision body's records. Every body without a slug of its own shares the
 * "other" series, so its title and description name no single body: the same words whichever
 * bodies a dump adds to it.
 */
function bodySeries(body: string, values: Value[]): IndicatorSeries {
  const slug = bodySlug(body);
  if (slug === 'other')
    return series(
      'ru-registry-records-other',
      "Russia's blocking register: records by other",
      'records',
      `Records whose decision body has no series of its own (any but ${Object.keys(BODY_SLUGS)
        .filter((b) => b !== 'other')
        .join(', ')}), summed.`,
      values,
    );
  return series(`ru-registry-records-${slug}`, `Russia's blocking register: records by ${body}`, 'records', `Records whose decision body is ${body}.`, values);
}

const PUBLISHER = 'Zapret-Info / RosKomSvoboda (republished register of Roskomnadzor, EAIS)';

function series(id: string, title: string, unit: string, description: string, values: Value[]): IndicatorSeries {
  return { id, title, unit, description, country: 'RU', values };
}

/** Daily series from the rows daily-days.ts keeps (complete days only, one row a day: truncated blobs are not totals). */
export function dailySeries(days: RegistryDailyStatRecord[], sourceFile: string): IndicatorSeries[] {
  const text = (v: unknown, fallback: string) => (typeof v === 'string' || typeof v === 'number' ? String(v) : fallback);
  const value = (r: RegistryDailyStatRecord, v: number): Value => ({
    period: r.day,
    value: v,
    source: {
      url: `https://github.com/gsnw/z-i/commit/${text(r.doc.commit, '')}`,
      title: `Zapret-Info dump.csv, ${text(r.doc.updated_header, r.day)}`,
      publisher: PUBLISHER,
      published: r.day,
      archive_url: null,
      locator: dailyLocator(r, sourceFile),
    },
    note: null,
  });
  const col = (k: string) => days.map((r) => value(r, Number(r.doc[k] ?? 0)));
  const out = [
    series(
      'ru-registry-records',
      "Russia's blocking register: records",
      'records',
      'Records in the Zapret-Info dump (one per line), per day and per complete snapshot.',
      col('records'),
    ),
    series(
      'ru-registry-ip-tokens',
      "Russia's blocking register: IP tokens listed (addresses and ranges, not de-duplicated)",
      'IP tokens',
      'IP tokens listed per day: a single address and a CIDR range count one each, however many addresses the range covers; the same token listed twice counts twice. Not a count of addresses: `registry summary` counts distinct addresses per snapshot.',
      col('ip_tokens'),
    ),
    series('ru-registry-domains', "Russia's blocking register: distinct domains", 'domains', 'Distinct domain field values per day.', col('distinct_domains')),
  ];
  const organs = new Set(days.flatMap((r) => Object.keys(r.doc).filter((k) => k.startsWith('organ_'))));
  for (const organ of organs) {
    const values = col(organ);
    if (values.every((v) => v.value === 0)) continue;
    out.push(bodySeries(organ.slice('organ_'.length), values));
  }
  return out.filter((s) => s.values.length > 0);
}

/** Where a snapshot's values say they come from (also what retires them when another snapshot of the day speaks for it). */
export const snapshotLocator = (id: string): string => `splinternet registry summary --snapshot ${id}`;

/** Per-snapshot values: blocked IPv4 always (a lower bound when partial); sizes only when complete. */
export function snapshotSeries(a: SnapshotAnalysis): IndicatorSeries[] {
  const s = a.snapshot;
  const prov = s.files.map((f) => f.provenance).find((p) => p && typeof p.commit === 'string');
  const source = {
    url: prov ? `https://github.com/gsnw/z-i/commit/${String(prov.commit)}` : `urn:splinternet:registry-snapshot:${s.id}`,
    title: `Zapret-Info dump, snapshot ${s.id} (${s.files.map((f) => f.file).join(', ')})`,
    publisher: PUBLISHER,
    published: s.dump_at.slice(0, 10),
    archive_url: null,
    locator: snapshotLocator(s.id),
  };
  const period = s.dump_at.slice(0, 10);
  const note = s.lower_bound ? 'lower bound: the snapshot is truncated, partial or derived' : null;
  const v = (value: number): Value[] => [{ period, value, source, note }];
  const out = [
    series(
      'ru-registry-blocked-ipv4',
      "Russia's blocking register: distinct IPv4 addresses blocked",
      'addresses',
      'Exact union of listed IPv4 ranges and addresses (overlaps once), per snapshot.',
      v(a.ipv4.distinct_addresses),
    ),
  ];
  if (s.complete) {
    out.push(
      series(
        'ru-registry-records',
        "Russia's blocking register: records",
        'records',
        'Records in the Zapret-Info dump (one per line), per day and per complete snapshot.',
        v(a.entries.total),
      ),
    );
    for (const b of a.by_body) out.push(bodySeries(b.decision_body, v(b.entries)));
  }
  return out;
}

/** Merge series sharing an id (e.g. several bodies mapped to "other"), then save; `retire` names the values they replace. */
export async function publish(store: Store, list: IndicatorSeries[], retire: RetiredValues[] = []): Promise<{ series: number; values: number }> {
  const byId = new Map<string, IndicatorSeries>();
  for (const s of list) {
    const cur = byId.get(s.id);
    byId.set(s.id, cur ? { ...cur, values: mergeValues(cur.values, s.values) } : s);
  }
  await saveSeries(store, [...byId.values()], 'registry', retire);
  return { series: byId.size, values: [...byId.values()].reduce((n, s) => n + s.values.length, 0) };
}

function mergeValues(a: Value[], b: Value[]): Value[] {
  const out = new Map(a.map((v) => [`${v.period}|${v.source.url}`, v]));
  for (const v of b) {
    const k = `${v.period}|${v.source.url}`;
    const cur = out.get(k);
    out.set(k, cur ? { ...cur, value: cur.value + v.value } : v);
  }
  return [...out.values()];
}

export interface LinkReport {
  event: string;
  snapshot: string;
  linked: boolean;
  reason: string | null;
}

/** Link each named service's ledger event to this snapshot's analysis, when the decision is listed. */
export async function linkEvidence(store: Store, a: SnapshotAnalysis): Promise<LinkReport[]> {
  const out: LinkReport[] = [];
  for (const svc of namedServices()) {
    const named = a.collateral.named_services.find((n) => n.decision_number === svc.decision_number);
    if (!svc.ledger_event || !named) continue;
    if (!(await store.ledger.getEvent(svc.ledger_event))) {
      out.push({ event: svc.ledger_event, snapshot: a.snapshot.id, linked: false, reason: 'the event is not in the ledger (seed the ledger first)' });
      continue;
    }
    const doc = {
      snapshot: a.snapshot.id,
      dump_at: a.snapshot.dump_at,
      lower_bound: a.snapshot.lower_bound,
      decision_number: svc.decision_number,
      service: svc.service,
      service_asns: svc.asns,
      ipv4_distinct_all: a.ipv4.distinct_addresses,
      decision_addresses: named.decision_addresses,
      service_target: named.target,
      outside_service: named.outside_service,
      target_all: a.collateral.target,
      collateral_all: a.collateral.collateral,
      top_collateral_orgs: a.collateral.collateral_by_org.slice(0, 5),
      method: a.method,
      collateral_rule: a.collateral.rule,
      as_data: `${a.as_data.package} ${a.as_data.version} (${a.as_data.note})`,
      api: `/api/registry/summary?snapshot=${encodeURIComponent(a.snapshot.id)}`,
    };
    await store.ledger.addLinks([{ eventId: svc.ledger_event, kind: 'registry_snapshot', target: a.snapshot.id, doc }]);
    out.push({ event: svc.ledger_event, snapshot: a.snapshot.id, linked: true, reason: null });
  }
  return out;
}
