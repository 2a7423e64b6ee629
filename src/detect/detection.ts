/**
 * The shape every detector hands over: a Detection (a change in state with its evidence, which
 * can become a draft ledger event) and a SeriesReport per series looked at, so a run never ends
 * in a silent "no event": each series says what it found, or that its data was insufficient.
 */
import { createHash } from 'node:crypto';

export const DETECTION_KINDS = ['block', 'throttling', 'shutdown'] as const;
export type DetectionKind = (typeof DETECTION_KINDS)[number];

export interface DataSource {
  name: string;
  url: string | null;
  licence: string;
  attribution?: string | null;
}

/**
 * Where a detection's evidence comes from: OONI verdicts (block), OONI measurement volume
 * (shutdown), crowdsourced speed tests or OONI network_events throughput (throttling).
 */
export const DETECTION_INPUTS = ['ooni_verdicts', 'ooni_volume', 'speedtests', 'ooni_network_events'] as const;
export type DetectionInput = (typeof DETECTION_INPUTS)[number];

export interface Detection {
  /** Deterministic: the same detection on the same data always has the same id (= its draft's id). */
  id: string;
  kind: DetectionKind;
  input: DetectionInput;
  /** country: corroborated by at least k networks; network: one network (asked for with --asn). */
  scope: 'country' | 'network';
  probe_cc: string;
  probe_asn: string | null;
  networks: string[];
  target: string | null;
  layer: string | null;
  /** ISO instant of the estimated onset. */
  start: string;
  /** ISO instant (exclusive) of the end, or null when the state lasts to the end of the data. */
  end: string | null;
  /** The onset is the first data point: the state may have begun earlier. */
  start_censored: boolean;
  /** The last instant of data the detector saw. */
  data_until: string;
  /** Kind-specific figures: how strong, how long, how many measurements. */
  strength: Record<string, number | string | null>;
  /** One line a human can check against the evidence query. */
  summary: string;
  /** What to run to see the measurements behind the detection. */
  evidence_query: { api: string; cli: string; params: Record<string, string> };
  /** Per-network figures behind a country detection. */
  per_network: Record<string, unknown>[];
  method: string;
  sources: DataSource[];
  /** The ledger event with this id, if one exists (draft, active after confirm, dismissed...). */
  draft: { id: string; status: string; revision: number } | null;
}

export interface SeriesReport {
  kind: DetectionKind;
  /** Set where a kind has several inputs (throttling). */
  input?: DetectionInput;
  probe_cc: string | null;
  probe_asn: string | null;
  as_name?: string | null;
  target: string | null;
  layer: string | null;
  /** ok: the detector judged the series; insufficient: too little data to say anything. */
  status: 'ok' | 'insufficient';
  reason: string | null;
  state: string | null;
  changes: Record<string, unknown>[];
  figures: Record<string, number | string | null>;
}

const hourStamp = (iso: string) => iso.slice(0, 13).replace(/[-T:]/g, '');

/** A readable, deterministic id: det-<kind>-<cc>-<asn|all>-<yyyymmddhh>-<hash of the series>. */
export function detectionId(d: Pick<Detection, 'kind' | 'probe_cc' | 'probe_asn' | 'target' | 'layer' | 'start'> & { input?: DetectionInput }): string {
  // The first input of each kind keeps the ids drafts already carry; later inputs are hashed in.
  const extra = d.input === 'ooni_network_events' ? [d.input] : [];
  const hash = createHash('sha256')
    .update([d.kind, d.probe_cc, d.probe_asn ?? '', d.target ?? '', d.layer ?? '', d.start, ...extra].join('\u0000'))
    .digest('hex')
    .slice(0, 8);
  return `det-${d.kind}-${d.probe_cc.toLowerCase()}-${(d.probe_asn ?? 'all').toLowerCase()}-${hourStamp(d.start)}-${hash}`;
}

export const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);
export const iso = (t: number): string => new Date(t).toISOString();
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
