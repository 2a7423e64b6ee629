/**
 * Whose networks: blocked IPv4 space attributed to autonomous systems with the
 * `@ip-location-db/asn` table (RouteViews + RIR + DB-IP, CC BY 4.0), installed by `npm ci`.
 * It describes TODAY's routing (its build date is the vintage), not the routing on the dump's
 * date: a range blocked in 2018 may since have moved to another AS or be unannounced.
 * The engine loads the CSV; attribution is a linear sweep of two sorted interval lists.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError, type Clock } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { unionSorted, type IntervalSet } from './intervals.js';

export interface AsnMeta {
  package: string;
  version: string;
  vintage: string;
  file: string;
  licence: string;
  attribution: string;
  note: string;
  rows?: number;
}

export interface AsTable {
  first: Float64Array;
  last: Float64Array;
  asn: Uint32Array;
  orgs: Map<number, string>;
  /** Addresses each AS announces in this table (after clipping the rare overlapping rows). */
  announced: Map<number, number>;
  meta: AsnMeta;
}

const PACKAGE = '@ip-location-db/asn';

/** Where the installed dataset is, and what it is. Throws if `npm ci` did not install it. */
export function installedAsnDataset(): { path: string; meta: AsnMeta } {
  let pkgJson: string;
  try {
    pkgJson = createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`);
  } catch (e) {
    throw new AppError('INTERNAL', `the IP-to-AS dataset ${PACKAGE} is not installed; run \`npm ci\``, { cause: e });
  }
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  const stamp = /\.(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(version);
  return {
    path: join(dirname(pkgJson), 'asn-ipv4-num.csv'),
    meta: {
      package: PACKAGE,
      version,
      vintage: stamp ? `${stamp[1]}-${stamp[2]}-${stamp[3]}` : version,
      file: 'asn-ipv4-num.csv',
      licence: 'CC BY 4.0 (RouteViews, DB-IP, NRO)',
      attribution: 'IP-to-AS data: RouteViews (routeviews.org), DB-IP (https://db-ip.com), NRO (nro.net), via sapics/ip-location-db; CC BY 4.0',
      note: "today's routing (dataset build date = vintage), not the routing on the dump's date",
    },
  };
}

/** Load the installed dataset into the store unless that version is already there. */
export async function ensureAsnTable(deps: { store: Store; clock: Clock }): Promise<AsnMeta> {
  const { path, meta } = installedAsnDataset();
  const current = (await deps.store.registry.asnMeta()) as AsnMeta | null;
  if (current?.version === meta.version && (current.rows ?? 0) > 0) return current;
  const rows = await deps.store.registry.loadAsnCsv(path, { ...meta }, deps.clock.now().toISOString());
  return { ...meta, rows };
}

let cached: { key: string; table: AsTable } | undefined;

/** The AS table in memory (cached per process and dataset version). */
export async function loadAsTable(deps: { store: Store; clock: Clock }): Promise<AsTable> {
  const meta = await ensureAsnTable(deps);
  const key = `${meta.version}:${meta.rows}`;
  if (cached?.key === key) return cached.table;
  const t = await deps.store.registry.asnTable();
  const table = clipTable(t.first, t.last, t.asn, t.orgs, meta);
  cached = { key, table };
  return table;
}

/** Make rows disjoint (an earlier row wins an overlap) and total each AS's announced space. */
export function clipTable(first: Float64Array, last: Float64Array, asn: Uint32Array, orgs: Map<number, string>, meta: AsnMeta): AsTable {
  const f = new Float64Array(first.length);
  const l = new Float64Array(first.length);
  const a = new Uint32Array(first.length);
  const announced = new Map<number, number>();
  let n = 0;
  let prevLast = -1;
  for (let i = 0; i < first.length; i++) {
    const start = Math.max(first[i]!, prevLast + 1);
    if (start > last[i]!) continue;
    f[n] = start;
    l[n] = last[i]!;
    a[n] = asn[i]!;
    announced.set(asn[i]!, (announced.get(asn[i]!) ?? 0) + last[i]! - start + 1);
    prevLast = last[i]!;
    n++;
  }
  return { first: f.subarray(0, n), last: l.subarray(0, n), asn: a.subarray(0, n), orgs, announced, meta };
}

/** Addresses of `set` per AS, plus those no AS announces today. */
export function attribute(set: IntervalSet, t: AsTable): { byAsn: Map<number, number>; unrouted: number } {
  const byAsn = new Map<number, number>();
  let unrouted = 0;
  let j = 0;
  for (let i = 0; i < set.length; i++) {
    const f = set.first[i]!;
    const l = set.last[i]!;
    while (j < t.first.length && t.last[j]! < f) j++;
    let covered = 0;
    for (let k = j; k < t.first.length && t.first[k]! <= l; k++) {
      const overlap = Math.min(l, t.last[k]!) - Math.max(f, t.first[k]!) + 1;
      byAsn.set(t.asn[k]!, (byAsn.get(t.asn[k]!) ?? 0) + overlap);
      covered += overlap;
    }
    unrouted += l - f + 1 - covered;
  }
  return { byAsn, unrouted };
}

/** The space the given ASes announce today, as a set. */
export function spaceOf(t: AsTable, asns: readonly number[]): IntervalSet {
  const want = new Set(asns);
  const idx: number[] = [];
  for (let i = 0; i < t.asn.length; i++) if (want.has(t.asn[i]!)) idx.push(i);
  return unionSorted(t.first, t.last, idx);
}
