/**
 * The outage detector run: every stored signal series (source × entity) is judged on its own
 * (outage.ts); episodes of one entity that overlap in time form one candidate outage. A
 * candidate becomes a detection when a second signal of the same entity, or a second network
 * of the same country, shows an overlapping episode, unless corroboration is switched off.
 * Each detection states every signal's level during the outage (e.g. active probing holding at
 * a fraction of its baseline), the samples and thresholds behind the onset, and its sources.
 */
import { evidenceQuery } from './evidence-query.js';
import { paramRangeProblem } from './param-ranges.js';
import { AppError, breather, percentText } from '../shared/index.js';
import { canonicalSource } from '../signals/index.js';
import type { SignalFilter, SignalPointRecord, Store } from '../store/index.js';
import { detectionId, type Detection, type SeriesReport } from './detection.js';
import { DEFAULT_OUTAGE_PARAMS, judgeSeries, severityOf, type Episode, type OutageParams } from './outage.js';
import { median } from './stats.js';

/** Thresholds that may differ per signal (data source): the rest of OutageParams is shared. */
export type SignalThresholds = Partial<Pick<OutageParams, 'dropRatio' | 'poissonAlpha' | 'minBaseline'>>;

/**
 * Built-in thresholds of signals whose counts are not Poisson-like: OONI measurement counts
 * depend on whether volunteers ran a probe, so a network with a handful of measurements a
 * bin (AS12880 in Iran, November 2019: 13, 1, 17, 3, 1, 2, 1 a day) swings below half its
 * baseline with no outage; below 20 measurements a bin its silence is not judged. A
 * `bySource` override wins.
 */
export const SOURCE_THRESHOLDS: Record<string, SignalThresholds> = { ooni_measurements: { minBaseline: 20 } };

export interface OutageRunParams extends OutageParams {
  /** Require a second signal or a second network (true), or accept one signal's episode. */
  corroborate: boolean;
  /** Per data source, e.g. { darknet: { dropRatio: 0.25 } }: overrides dropRatio / poissonAlpha for that signal. */
  bySource: Record<string, SignalThresholds>;
}

export const DEFAULT_OUTAGE_RUN_PARAMS: OutageRunParams = { ...DEFAULT_OUTAGE_PARAMS, corroborate: true, bySource: {} };

/** The per-signal thresholds: each takes the range of the run's own (param-ranges.ts). */
const THRESHOLD_KEYS: readonly string[] = ['dropRatio', 'poissonAlpha', 'minBaseline'] satisfies (keyof SignalThresholds)[];

/** The parameters one signal is judged with; a VALIDATION error names a bad per-signal value. */
export function paramsForSource(params: OutageRunParams, source: string): OutageRunParams {
  // a key names its source in any case, or by IODA's API name (canonicalSource)
  const own = Object.entries(params.bySource).find(([k]) => canonicalSource(k) === source)?.[1];
  const builtIn = SOURCE_THRESHOLDS[source] ?? {};
  if (!own) return { ...params, ...builtIn };
  if (typeof own !== 'object' || Array.isArray(own)) throw badSource(source, null, 'expected an object like {"dropRatio":0.25,"poissonAlpha":0.01}');
  for (const [k, v] of Object.entries(own)) {
    if (!THRESHOLD_KEYS.includes(k)) throw badSource(source, k, `unknown per-signal threshold; valid: ${THRESHOLD_KEYS.join(', ')}`);
    const problem = paramRangeProblem('outage', k, v);
    if (problem) throw badSource(source, k, problem);
  }
  return { ...params, ...builtIn, ...own };
}

const badSource = (source: string, key: string | null, message: string) =>
  new AppError('VALIDATION', `params.outage.bySource.${source}${key ? `.${key}` : ''}: ${message}`, {
    issues: [{ path: ['params', 'outage', 'bySource', source, ...(key ? [key] : [])], message }],
  });

export const OUTAGE_METHOD =
  'Per signal series (IODA-style counts per time bin): each sample against the median of the same time of day (±30 min) over up to 7 previous days of normal samples, or of the trailing 3 h where no earlier day covers it; ' +
  'low below 50% of that baseline (and Poisson-improbable for small counts); an episode is ≥3 low samples spanning ≥30 min, ended by 3 normal samples; missing samples are never low. ' +
  'An outage needs overlapping episodes in two signals of the network or in two networks of the country (docs/design/070-outage-watch.md).';

export const OUTAGE_SOURCES: Record<string, { name: string; url: string; licence: string; attribution: string }> = {
  darknet: {
    name: 'IODA network telescope (UCSD-NT)',
    url: 'https://ioda.inetintel.cc.gatech.edu/',
    licence: 'IODA terms; data as republished by OONI under CC BY 3.0',
    attribution: 'IODA / CAIDA (Georgia Tech)',
  },
  active_probing: {
    name: 'IODA active probing (responsive /24 blocks)',
    url: 'https://ioda.inetintel.cc.gatech.edu/',
    licence: 'IODA terms; data as republished by OONI under CC BY 3.0',
    attribution: 'IODA / CAIDA (Georgia Tech)',
  },
  bgp: {
    name: 'IODA BGP (visible /24 prefixes)',
    url: 'https://ioda.inetintel.cc.gatech.edu/',
    licence: 'IODA terms',
    attribution: 'IODA / CAIDA (Georgia Tech)',
  },
  ooni_measurements: { name: 'OONI measurement counts', url: 'https://explorer.ooni.org/', licence: 'CC BY-NC-SA 4.0', attribution: 'OONI' },
};

interface SignalEpisodes {
  source: string;
  entity: string;
  cc: string | null;
  episodes: Episode[];
  points: SignalPointRecord[];
}

interface Candidate {
  entity: string;
  entityType: string;
  cc: string | null;
  start: number;
  end: number | null;
  members: { source: string; ep: Episode }[];
}

const t = (s: string) => Date.parse(s);
const endOf = (e: Episode) => (e.recovery === null ? null : t(e.recovery));
const overlaps = (aStart: number, aEnd: number | null, bStart: number, bEnd: number | null) => aStart < (bEnd ?? Infinity) && bStart < (aEnd ?? Infinity);

/** Merge one entity's episodes (all signals) into overlapping clusters. */
function clusters(entity: string, entityType: string, cc: string | null, sigs: SignalEpisodes[]): Candidate[] {
  const eps = sigs.flatMap((s) => s.episodes.map((ep) => ({ source: s.source, ep }))).sort((a, b) => t(a.ep.onset) - t(b.ep.onset));
  const out: Candidate[] = [];
  for (const m of eps) {
    const last = out[out.length - 1];
    const s = t(m.ep.onset);
    const e = endOf(m.ep);
    if (last && overlaps(last.start, last.end, s, e)) {
      last.members.push(m);
      last.end = last.end === null || e === null ? null : Math.max(last.end, e);
    } else out.push({ entity, entityType, cc, start: s, end: e, members: [m] });
  }
  return out;
}

/** A signal's level over the outage window: median value and median ratio to its baseline. */
function levelDuring(s: SignalEpisodes, start: number, end: number | null) {
  const inside = s.points.filter((p) => p.value !== null && t(p.t) >= start && (end === null || t(p.t) < end)).map((p) => p.value!);
  return { samples: inside.length, median_value: median(inside) };
}

/** Every per-signal threshold is valid (a VALIDATION error names the first bad one). */
export function checkOutageRunParams(params: OutageRunParams): void {
  if (params.bySource === null || typeof params.bySource !== 'object' || Array.isArray(params.bySource))
    throw new AppError('VALIDATION', 'params.outage.bySource: expected an object of data sources, e.g. {"darknet":{"dropRatio":0.25}}', {
      issues: [{ path: ['params', 'outage', 'bySource'], message: 'expected an object' }],
    });
  const named = new Map<string, string>();
  for (const source of Object.keys(params.bySource)) {
    // a misspelt source ("darkent") would be an override that never applies
    if (!(canonicalSource(source) in OUTAGE_SOURCES))
      throw badSource(source, null, `unknown data source; the sources are ${Object.keys(OUTAGE_SOURCES).join(', ')}`);
    // two names of one signal (darknet and IODA's ucsd-nt, or two cases) would leave the threshold to the keys' order
    const first = named.get(canonicalSource(source));
    if (first !== undefined)
      throw badSource(source, null, `the same signal as params.outage.bySource.${first} (${canonicalSource(source)}); give each signal once`);
    named.set(canonicalSource(source), source);
    paramsForSource(params, canonicalSource(source));
  }
}

export async function runOutage(store: Store, q: { cc?: string; asn?: string; since?: string; until?: string }, params: OutageRunParams) {
  checkOutageRunParams(params);
  // Every series is judged from its first stored point up to `until`, whatever `since`: an outage
  // open at `since` keeps its real onset and id however long it has run (a fixed history of days
  // holds neither the baseline nor the onset of a daily series cut a week before), and the cost is
  // that of a run without a window, as every watch cycle makes.
  const filter: SignalFilter = { cc: q.cc, until: q.until, ...(q.asn ? { entity_type: 'asn' as const, entity_code: q.asn } : {}) };
  const own = await store.signals.points(filter);
  // One network asked for is judged among its country's series, as the country's run judges it: its
  // other networks and signals corroborate its outage the same way, so it gets the same detection
  // and id; only its own series and detections are reported.
  const ccOfAsn = q.asn ? (q.cc ?? own.find((p) => p.cc)?.cc) : undefined;
  const points = ccOfAsn ? await withCountry(store, own, { cc: ccOfAsn, until: q.until }) : own;
  const asked = (etype: string, code: string) => !q.asn || (etype === 'asn' && code === filter.entity_code);
  // Episodes that ended before the window are history, not findings.
  const sinceMs = q.since === undefined ? -Infinity : Date.parse(q.since);
  const inWindow = (e: { recovery: string | null }) => e.recovery === null || t(e.recovery) >= sinceMs;
  // each series is judged synchronously; between series (and every few thousand points grouped)
  // the process's other work gets its turn
  const breathe = breather();
  const groups = new Map<string, SignalPointRecord[]>();
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (i % 4096 === 0) await breathe();
    const k = `${p.entity_type}\u0000${p.entity_code}\u0000${p.source}`;
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  const series: SeriesReport[] = [];
  /** Each series' report by entity and source, where an uncorroborated episode is counted. */
  const reportOf = new Map<string, SeriesReport>();
  const byEntity = new Map<string, SignalEpisodes[]>();
  for (const [k, pts] of groups) {
    await breathe();
    const [etype, code, source] = k.split('\u0000') as [string, string, string];
    // a country entity is its own country, a region (ISO 3166-2) is in the country its code begins with
    const cc = pts.find((p) => p.cc)?.cc ?? (etype === 'country' ? code : etype === 'region' ? code.split('-')[0]! : null) ?? q.cc ?? null;
    const own = paramsForSource(params, source);
    const judged = judgeSeries(
      pts.map((p) => ({ t: t(p.t), v: p.value })),
      own,
    );
    // The report lists this window's episodes; corroboration below sees them all (an outage running
    // into the window stays corroborated by a signal that recovered before it).
    const j = { ...judged, episodes: judged.episodes.filter(inWindow) };
    const baselines = j.episodes.map((e) => e.median_baseline);
    const report: SeriesReport = {
      kind: 'outage',
      input: 'outage_signals',
      probe_cc: cc,
      probe_asn: etype === 'asn' ? code : null,
      as_name: pts.find((p) => p.entity_name)?.entity_name ?? null,
      target: source,
      layer: etype,
      status: j.judged > 0 ? 'ok' : 'insufficient',
      reason:
        j.judged > 0
          ? null
          : `no sample could be judged (${j.samples} samples, ${j.missing} missing; a baseline needs ${params.minSlotValues} same-slot values on earlier days or half of a ${params.trailingHours} h trailing window)`,
      state: j.episodes.some((e) => e.recovery === null) ? 'down' : j.judged > 0 ? 'normal' : null,
      changes: j.episodes.map((e) => ({
        onset: e.onset,
        onset_after: e.onset_after,
        recovery: e.recovery,
        drop: e.drop,
        severity: e.severity,
        duration_min: e.duration_min,
      })),
      figures: {
        samples: j.samples,
        missing: j.missing,
        judged: j.judged,
        unjudged: j.unjudged,
        step_min: j.step_min,
        episodes: j.episodes.length,
        baseline_median_in_episodes: median(baselines),
        drop_ratio: own.dropRatio,
        poisson_alpha: own.poissonAlpha,
        min_baseline: own.minBaseline,
        ...(q.since === undefined ? {} : { history_from: pts[0]!.t }),
      },
    };
    if (asked(etype, code)) series.push(report);
    reportOf.set(k, report);
    const ek = `${etype}\u0000${code}`;
    const list = byEntity.get(ek) ?? [];
    list.push({ source, entity: code, cc, episodes: judged.episodes, points: pts });
    byEntity.set(ek, list);
  }

  // the entity's own last sample: an outage still open there ends there for every other network
  const lastOf = new Map(
    [...byEntity].map(([ek, sigs]) => [ek, sigs.flatMap((x) => x.points).reduce((m, p) => (p.t > m ? p.t : m), new Date(0).toISOString())]),
  );
  const candidates = [...byEntity.entries()].flatMap(([ek, sigs]) => {
    const [etype, code] = ek.split('\u0000') as [string, string];
    return clusters(code, etype, sigs.find((s) => s.cc)?.cc ?? null, sigs);
  });
  // how far a candidate reaches for corroboration: its recovery, or (still open) just past its entity's last sample
  const reach = (c: Candidate) => c.end ?? t(lastOf.get(`${c.entityType}\u0000${c.entity}`)!) + 1;
  const inWindowCandidate = (c: Candidate) => c.end === null || c.end >= sinceMs;
  const detections: Omit<Detection, 'draft'>[] = [];
  for (const c of candidates) {
    await breathe();
    if (!inWindowCandidate(c) || !asked(c.entityType, c.entity)) continue;
    const signals = [...new Set(c.members.map((m) => m.source))];
    const otherNetworks = candidates
      .filter((o) => o !== c && o.cc !== null && o.cc === c.cc && overlaps(o.start, reach(o), c.start, reach(c)))
      .map((o) => o.entity);
    const corroboratedBy = signals.length >= 2 ? 'signals' : otherNetworks.length ? 'networks' : null;
    if (params.corroborate && !corroboratedBy) {
      const s = reportOf.get(`${c.entityType}\u0000${c.entity}\u0000${c.members[0]!.source}`);
      if (s) s.figures.uncorroborated_episodes = Number(s.figures.uncorroborated_episodes ?? 0) + 1;
      continue;
    }
    const sigs = byEntity.get(`${c.entityType}\u0000${c.entity}`)!;
    // the entity's own last sample: another network's longer series never extends its outage
    const dataUntil = lastOf.get(`${c.entityType}\u0000${c.entity}`)!;
    detections.push(detectionOf(c, signals, otherNetworks, corroboratedBy, sigs, params, dataUntil, q));
  }
  return { detections, series };
}

/** The country's points with the asked network's own (stored under another country, they are still its). */
async function withCountry(store: Store, own: SignalPointRecord[], f: SignalFilter): Promise<SignalPointRecord[]> {
  const all = await store.signals.points(f);
  const code = own[0]?.entity_code;
  return all.some((p) => p.entity_type === 'asn' && p.entity_code === code) ? all : [...all.filter((p) => p.entity_code !== code), ...own];
}

/** The drop ratio the signals down were judged with: one number, or per signal when they differ. */
function dropThreshold(signals: string[], params: OutageRunParams): number | string {
  const ratios = signals.map((s) => paramsForSource(params, s).dropRatio);
  return new Set(ratios).size <= 1 ? (ratios[0] ?? params.dropRatio) : signals.map((s, i) => `${s} ${ratios[i]}`).join(', ');
}

/**
 * The episode that dates a recovered candidate's end: the latest recovery, unless a finer signal
 * (a smaller recovery window) recovers inside that window, (recovery_after, recovery].
 */
function recoveryOf(members: Candidate['members']): Episode {
  const byRecovery = [...members].sort((x, y) => t(y.ep.recovery!) - t(x.ep.recovery!));
  const width = (m: (typeof byRecovery)[number]) => m.ep.recovery_uncertainty_min ?? Infinity;
  const placedBetter = (x: (typeof byRecovery)[number]) =>
    byRecovery.some((y) => y !== x && width(y) < width(x) && t(y.ep.recovery!) > t(x.ep.recovery_after) && t(y.ep.recovery!) < t(x.ep.recovery!));
  return (byRecovery.find((x) => !placedBetter(x)) ?? byRecovery[0]!).ep;
}

function detectionOf(
  c: Candidate,
  signals: string[],
  otherNetworks: string[],
  corroboratedBy: string | null,
  sigs: SignalEpisodes[],
  params: OutageRunParams,
  dataUntil: string,
  q: { cc?: string },
): Omit<Detection, 'draft'> {
  // The onset: the earliest episode's, unless a finer signal (a smaller onset window) has its
  // onset inside that episode's window; a daily count's episode starts at 00:00 of the day
  // holding the cut, and defers to a 5-minute signal that places the cut within that day.
  const byOnset = [...c.members].sort((x, y) => t(x.ep.onset) - t(y.ep.onset));
  const window = (m: (typeof byOnset)[number]) => ({
    lo: m.ep.onset_after === null ? -Infinity : t(m.ep.onset_after),
    hi: t(m.ep.onset) + (m.ep.onset_uncertainty_min ?? 0) * 60_000,
    width: m.ep.onset_uncertainty_min ?? Infinity,
  });
  const placedBetter = (x: (typeof byOnset)[number]) =>
    byOnset.some((y) => y !== x && window(y).width < window(x).width && t(y.ep.onset) > window(x).lo && t(y.ep.onset) < window(x).hi);
  const first = (byOnset.find((x) => !placedBetter(x)) ?? byOnset[0]!).ep;
  const from = t(first.onset);
  const cc = c.cc ?? q.cc ?? 'ZZ';
  const start = first.onset;
  // The recovery, by the same rule: the latest episode's, unless a finer signal (a smaller recovery
  // window) has its recovery inside that window: a daily count's episode recovers at 00:00 of the
  // first normal day, and defers to a 5-minute signal back during the day before.
  const last = c.end === null ? null : recoveryOf(c.members);
  const endMs = last === null ? null : t(last.recovery!);
  const end = endMs === null ? null : new Date(endMs).toISOString();
  const perSignal = sigs.map((s) => {
    const eps = c.members.filter((m) => m.source === s.source).map((m) => m.ep);
    const lvl = levelDuring(s, from, endMs);
    const baseline = median(eps.map((e) => e.median_baseline)) ?? median(s.episodes.map((e) => e.median_baseline));
    const base = s.points.filter((p) => p.value !== null && t(p.t) < from && t(p.t) >= from - 86_400_000).map((p) => p.value!);
    const pre = median(base);
    const own = paramsForSource(params, s.source);
    return {
      source: s.source,
      thresholds: { drop_ratio: own.dropRatio, poisson_alpha: own.poissonAlpha, min_baseline: own.minBaseline },
      episodes: eps.map(({ samples, ...rest }) => ({ ...rest, samples })),
      level_during_outage: {
        samples: lvl.samples,
        median_value: lvl.median_value,
        median_value_24h_before: pre,
        ratio_to_24h_before: pre && lvl.median_value !== null ? Math.round((lvl.median_value / pre) * 1000) / 1000 : null,
        baseline_in_episodes: baseline,
      },
    };
  });
  const drop = Math.max(...c.members.map((m) => m.ep.drop));
  const durationMin = ((endMs ?? t(dataUntil)) - from) / 60_000;
  const levelText = (x: (typeof perSignal)[number]) => {
    const l = x.level_during_outage;
    if (l.samples === 0 || l.median_value === null) return `${x.source}, no sample during the outage`;
    const ratio = l.ratio_to_24h_before === null ? 'no level in the 24 h before to compare' : `${percentText(l.ratio_to_24h_before)}% of the 24 h before`;
    return `${x.source} at ${l.median_value} (${ratio})`;
  };
  const down = perSignal.filter((x) => signals.includes(x.source));
  const notDown = perSignal.filter((x) => !signals.includes(x.source));
  const levels = down.map(levelText).join(', ') + (notDown.length ? `; not down: ${notDown.map(levelText).join(', ')}` : '');
  const onsetText =
    first.onset_after === null
      ? 'at the start of the data'
      : // the time alone reads as the onset's own day: a bound on an earlier day (day bins) is given with its date
        `onset after ${first.onset_after.slice(0, 10) === start.slice(0, 10) ? first.onset_after.slice(11, 16) : first.onset_after.slice(0, 16).replace('T', ' ')}${first.onset_uncertainty_min === null ? '' : `, ±${first.onset_uncertainty_min} min`}`;
  const base = {
    kind: 'outage' as const,
    input: 'outage_signals' as const,
    probe_cc: cc,
    probe_asn: c.entityType === 'asn' ? c.entity : null,
    region: c.entityType === 'region' ? c.entity : null,
    target: null,
    layer: null,
    start,
  };
  // signals points' until is exclusive: a recovery as it is, an open outage's last sample included
  // the evidence lists the entity's own points: its network, its region, or its country
  const by = c.entityType === 'asn' ? 'asn' : c.entityType === 'region' ? 'region' : 'cc';
  const params_: Record<string, string> = {
    [by]: by === 'cc' ? cc : c.entity,
    since: new Date(from - 86_400_000).toISOString(),
    until: end ?? new Date(t(dataUntil) + 1000).toISOString().slice(0, 19) + 'Z',
  };
  return {
    ...base,
    id: detectionId(base),
    scope: c.entityType === 'asn' ? 'network' : c.entityType === 'region' ? 'region' : 'country',
    networks: c.entityType === 'asn' ? [c.entity, ...otherNetworks] : otherNetworks,
    start_censored: first.onset_after === null,
    end,
    data_until: dataUntil,
    strength: {
      drop,
      severity: severityOf(drop),
      signals: signals.join(','),
      corroborated_by: corroboratedBy,
      onset_after: first.onset_after,
      onset_uncertainty_min: first.onset_uncertainty_min,
      recovery_uncertainty_min: last === null ? null : (last.recovery_uncertainty_min ?? 0),
      duration_h: Math.round((durationMin / 60) * 10) / 10,
      drop_ratio_threshold: dropThreshold(signals, params),
      min_duration_min: params.minDurationMin,
    },
    summary: `${c.entity}${c.cc ? ` (${c.cc})` : ''}: outage from ${start.slice(0, 16).replace('T', ' ')} UTC (${onsetText})${end ? ` to ${end.slice(0, 16).replace('T', ' ')} UTC` : ', ongoing at the end of the data'}; ${signals.length} signal(s) down (${signals.join(', ')}), drop ${percentText(drop)}%; during it ${levels}`,
    evidence_query: evidenceQuery('/api/signals/points', 'signals points', params_),
    per_network: perSignal,
    method: OUTAGE_METHOD,
    sources: signals
      .map((s) => OUTAGE_SOURCES[s] ?? { name: s, url: null, licence: 'as stated by the importer of the signal file' })
      .map((s) => ({ name: s.name, url: s.url, licence: s.licence, attribution: 'attribution' in s ? s.attribution : null })),
  };
}
