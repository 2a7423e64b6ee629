/**
 * The shape every detector hands over: a Detection (a change in state with its evidence, which
 * can become a draft ledger event) and a SeriesReport per series looked at, so a run never ends
 * in a silent "no event": each series says what it found, or that its data was insufficient.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const DETECTION_KINDS = ['block', 'throttling', 'shutdown', 'outage'] as const;
export type DetectionKind = (typeof DETECTION_KINDS)[number];

/** Where a figure's data comes from, with its licence. */
export const DataSourceSchema = z
  .object({ name: z.string(), url: z.string().nullable(), licence: z.string(), attribution: z.string().nullable().optional() })
  .meta({ id: 'DataSource' });
export type DataSource = z.infer<typeof DataSourceSchema>;

/**
 * Where a detection's evidence comes from: OONI verdicts (block), OONI measurement volume
 * (shutdown), crowdsourced speed tests or OONI network_events throughput (throttling), outage
 * signal series such as IODA's telescope and active probing (outage).
 */
export const DETECTION_INPUTS = ['ooni_verdicts', 'ooni_volume', 'speedtests', 'ooni_network_events', 'outage_signals'] as const;
export type DetectionInput = (typeof DETECTION_INPUTS)[number];

const figures = z.record(z.string(), z.union([z.number(), z.string(), z.null()]));

export const DetectionSchema = z
  .object({
    id: z.string().meta({ description: 'deterministic: the same detection on the same data always has the same id (= its draft ledger event id)' }),
    kind: z.enum(DETECTION_KINDS),
    input: z
      .enum(DETECTION_INPUTS)
      .meta({ description: 'the data the detection stands on: ooni_verdicts (block), ooni_volume (shutdown), speedtests or ooni_network_events (throttling)' }),
    scope: z.enum(['country', 'network', 'region']).meta({
      description:
        'country: corroborated by at least k networks; network: one network (asked for with asn); region: one region of the country (outage signals of an ISO 3166-2 entity)',
    }),
    probe_cc: z.string(),
    probe_asn: z.string().nullable(),
    region: z.string().nullable().optional().meta({ description: 'the ISO 3166-2 region of a region-scope detection (outage signals of a region entity)' }),
    networks: z.array(z.string()),
    target: z.string().nullable(),
    layer: z.string().nullable(),
    start: z.string().meta({ description: 'ISO instant of the estimated onset' }),
    end: z.string().nullable().meta({ description: 'ISO instant (exclusive) of the end; null = still in state when the data ends' }),
    start_censored: z.boolean().meta({ description: 'the onset is the first data point: the state may have begun earlier' }),
    data_until: z.string().meta({ description: 'the last instant of data the detector saw' }),
    strength: figures.meta({ description: 'kind-specific figures: how strong, how long, how many measurements' }),
    summary: z.string().meta({ description: 'one line a human can check against the evidence query' }),
    evidence_query: z
      .object({ api: z.string(), cli: z.string(), params: z.record(z.string(), z.string()) })
      .meta({ description: 'what to run to see the measurements behind the detection' }),
    per_network: z.array(z.record(z.string(), z.unknown())).meta({ description: 'per-network figures behind a country detection' }),
    method: z.string(),
    sources: z.array(DataSourceSchema),
    draft: z.object({ id: z.string(), status: z.string(), revision: z.number() }).nullable().meta({
      description:
        'the ledger event with this id, if one exists (draft, active after confirm, dismissed...); else the draft or active event of the same finding (a moved onset: its own id, as --emit names it in same_outage)',
    }),
  })
  .meta({ id: 'Detection' });
export type Detection = z.infer<typeof DetectionSchema>;

export const SeriesReportSchema = z
  .object({
    kind: z.enum(DETECTION_KINDS),
    input: z.enum(DETECTION_INPUTS).optional().meta({ description: 'set where a kind has several inputs (throttling)' }),
    probe_cc: z.string().nullable(),
    probe_asn: z.string().nullable(),
    as_name: z.string().nullable().optional(),
    target: z.string().nullable(),
    layer: z.string().nullable(),
    status: z.enum(['ok', 'insufficient']).meta({ description: 'ok: the detector judged the series; insufficient: too little data to say anything' }),
    reason: z.string().nullable(),
    state: z.string().nullable(),
    changes: z.array(z.record(z.string(), z.unknown())),
    figures,
  })
  .meta({ id: 'DetectionSeries' });
export type SeriesReport = z.infer<typeof SeriesReportSchema>;

/** A series the detector could not judge: no state, no change, and the reason why. */
export function insufficientSeries(
  s: Pick<SeriesReport, 'kind' | 'probe_cc' | 'probe_asn' | 'target'> & Partial<Pick<SeriesReport, 'input' | 'figures'>>,
  reason: string,
): SeriesReport {
  const { kind, input, probe_cc, probe_asn, target, figures } = s;
  return {
    kind,
    ...(input ? { input } : {}),
    probe_cc,
    probe_asn,
    target,
    layer: null,
    status: 'insufficient',
    reason,
    state: null,
    changes: [],
    figures: figures ?? {},
  };
}

const hourStamp = (iso: string) => iso.slice(0, 13).replace(/[-T:]/g, '');

/**
 * A readable, deterministic id: det-<kind>-<cc>-<asn|region|all>-<yyyymmddhh>-<hash of the series>.
 * Distinct for every (kind, input, country, network or region, target, layer, onset): a region's
 * detection never shares its country's id, whatever the hour.
 */
export function detectionId(
  d: Pick<Detection, 'kind' | 'probe_cc' | 'probe_asn' | 'target' | 'layer' | 'start'> & { input?: DetectionInput; region?: string | null },
): string {
  // The first input of each kind, and country and network ids, keep the ids drafts already carry; the rest is hashed in.
  const extra = [...(d.input === 'ooni_network_events' ? [d.input] : []), ...(d.region ? [`region:${d.region}`] : [])];
  const hash = createHash('sha256')
    .update([d.kind, d.probe_cc, d.probe_asn ?? '', d.target ?? '', d.layer ?? '', d.start, ...extra].join('\u0000'))
    .digest('hex')
    .slice(0, 8);
  return `det-${d.kind}-${d.probe_cc.toLowerCase()}-${(d.probe_asn ?? d.region ?? 'all').toLowerCase()}-${hourStamp(d.start)}-${hash}`;
}

/**
 * The inclusive `--until` of a query ending before an exclusive end: the last whole second before
 * it ("2024-01-06T05:59:59Z" names up to 05:59:59.999), so the evidence never includes the first
 * hour after a detection ended.
 */
export const inclusiveUntil = (exclusiveEnd: number): string => new Date(exclusiveEnd - 1000).toISOString().slice(0, 19) + 'Z';

export const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);
export const iso = (t: number): string => new Date(t).toISOString();

type Identity = Pick<Detection, 'kind' | 'probe_cc' | 'probe_asn' | 'target' | 'layer' | 'start'> & { input: DetectionInput };

/**
 * The fields every corroborated detection shares: the deterministic id from its identity, the
 * identity itself, and from its episode the networks, the end (null = still in state when the
 * data ends) and the data horizon.
 */
export function detectionFrame<B extends Identity>(
  base: B,
  scope: Detection['scope'],
  ep: { members: string[]; end: number | null },
  startCensored: boolean,
  dataUntil: number,
): B & Pick<Detection, 'id' | 'scope' | 'networks' | 'end' | 'start_censored' | 'data_until'> {
  return {
    id: detectionId(base),
    ...base,
    scope,
    networks: ep.members,
    end: ep.end === null ? null : iso(ep.end),
    start_censored: startCensored,
    data_until: iso(dataUntil),
  };
}
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
