/**
 * Shared plumbing of the read side: find an election or fail with NOT_FOUND, turn a user's
 * --region/--district into a store filter, pick the leader (the choice with the most votes
 * unless one is named), and the source note every figure carries.
 */
import { AppError } from '../shared/index.js';
import type { ElectionChoiceRecord, ElectionFileRecord, ElectionFilter, ElectionRecord, Store } from '../store/index.js';
import { districtNumber } from './groups.js';
import { choiceEnglish } from './protocol.js';
import { nearRegions, resolveRegion } from './region-query.js';

export interface ElectionDeps {
  store: Store;
  /** Awaited between steps of a Monte Carlo (default: the next turn of the event loop). */
  pause?: () => Promise<void>;
}

export const DATA_CREDIT =
  'CEC polling-station protocols scraped by Sergey Shpilkin (until 2021) and Ivan Shukshin (2024), from github.com/dkobak/elections (data/, commit 8003707); official results are not objects of copyright (Civil Code of the Russian Federation, art. 1259(6)).';

export interface Loaded {
  election: ElectionRecord;
  choices: ElectionChoiceRecord[];
  files: ElectionFileRecord[];
}

export async function loadElection(deps: ElectionDeps, id: string): Promise<Loaded> {
  const e = await deps.store.elections.get(id);
  if (!e) {
    const known = (await deps.store.elections.list()).map((x) => x.id);
    throw new AppError(
      'NOT_FOUND',
      `no election "${id}" imported${known.length ? ` (imported: ${known.join(', ')})` : '; run `splinternet elections import FILE`'}`,
    );
  }
  return e;
}

/** Names for the regions without an ISO 3166-2 code, each a pattern over the stored name. */
const CODELESS_REGIONS: { names: RegExp; stored: RegExp }[] = [
  { names: /^(baikonur|baykonur|байконур|город байконур|baikonur city)$/, stored: /байконур/i },
  {
    names: /^(abroad|outside russia|voters abroad|foreign territory|зарубежная территория|территория за пределами рф|за рубежом)$/,
    stored: /зарубежн|за пределами/i,
  },
];

/** Whether a stored region name is one of the places with no ISO 3166-2 code (voters abroad, Baikonur). */
export const isCodelessRegion = (stored: string): boolean => CODELESS_REGIONS.some((r) => r.stored.test(stored));

/** The stored name of a code-less region the user named: its name in any vintage (without the CEC's number), or an alias. */
async function codelessRegion(deps: ElectionDeps, id: string, asked: string): Promise<string | null> {
  const bare = (s: string) =>
    s
      .toLowerCase()
      .replace(/^\d+\s+/, '')
      .replace(/\s*\([^)]*\)\s*$/, '')
      .replace(/\s+/g, ' ')
      .trim();
  const want = bare(asked);
  const alias = CODELESS_REGIONS.find((r) => r.names.test(want));
  const names = (await deps.store.elections.totals(id, 'region', {})).filter((r) => r.region_code === null && r.region !== null).map((r) => r.region!);
  return names.find((n) => bare(n) === want || (alias !== undefined && alias.stored.test(n))) ?? null;
}

async function filterOf(deps: ElectionDeps, id: string, q: { region?: string; district?: string }): Promise<ElectionFilter> {
  const f: ElectionFilter = {};
  if (q.region) {
    const code = resolveRegion(q.region);
    if (code) f.region_code = code;
    else f.region_name = q.region;
  }
  // A whole positive number (the op's input allows nothing else): every stored ОИК name that
  // gives that number, however it writes it ("ОИК №39", "ОИК № 39", "39 Алтайский край - Барнаульский").
  if (q.district) {
    const n = Number(q.district);
    const names = (await deps.store.elections.totals(id, 'district', {})).map((r) => r.district);
    f.oiks = [...new Set(names.filter((d): d is string => d !== null && districtNumber(d) === n))];
  }
  return f;
}

/**
 * The same filter, checked: a --region or --district that selects no row of the election is a
 * VALIDATION error naming it, so a misspelt or unknown region never reads as an empty result.
 */
export async function filterFor(deps: ElectionDeps, id: string, q: { region?: string; district?: string }): Promise<ElectionFilter> {
  if (!q.region && !q.district) return {};
  const f = await filterOf(deps, id, q);
  const rows = await deps.store.elections.totals(id, 'election', f);
  if (rows.some((r) => Number(r.stations) + Number(r.aggregates) > 0)) return f;
  // Regions with no ISO code (Baikonur, voters abroad) are spelt differently in each vintage:
  // "98 Город Байконур (Республика Казахстан)", "Зарубежная территория", "Территория за пределами РФ".
  if (f.region_name !== undefined) {
    const stored = await codelessRegion(deps, id, f.region_name);
    if (stored) return { ...f, region_name: stored };
  }
  const asked = [q.region ? (['region', q.region] as const) : null, q.district ? (['district', q.district] as const) : null].filter((x) => x !== null);
  const near = q.region && !f.region_code ? nearRegions(q.region) : [];
  // Rejected lines are no stations: a region whose every line was rejected (2024's annexed regions) says so.
  const rejected = ((await deps.store.elections.get(id))?.files ?? []).reduce((a, x) => a + x.rejected, 0);
  const rejectNote = rejected
    ? `; ${rejected.toLocaleString('en-US')} line${rejected === 1 ? '' : 's'} of ${id}'s files ${rejected === 1 ? 'was' : 'were'} rejected and ${rejected === 1 ? 'is' : 'are'} no station (splinternet elections rejects ${id})`
    : '';
  throw new AppError(
    'VALIDATION',
    `no station of ${id} in ${asked.map(([k, v]) => `${k} "${v}"`).join(' and ')}${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}: a region is the CEC's name, an English or Russian name, short or full, or an ISO 3166-2 code (Moscow, Moscow Oblast, Tatarstan, город Москва, RU-MOW), a district its ОИК number; the regions are listed by \`splinternet elections summary ${id} --by region\` (GET /api/elections/${id}/summary?by=region)${rejectNote}`,
    { issues: asked.map(([k]) => ({ path: [k], message: 'selects no station of this election' })) },
  );
}

/** The ballot number a header gives a choice ("5. Всероссийская политическая партия ..." is 5); null when it gives none. */
const ballotNumber = (name: string): number | null => {
  const m = /^(\d+)\.\s/.exec(name);
  return m ? Number(m[1]) : null;
};

/**
 * The leader: a named choice, else the most voted. A whole number is the ballot number the
 * header gives (1 is the KPRF on the 2021 party list), refused where the ballot has none; text
 * is found in the name, label or English label (case and ё aside), or is a known short name
 * (КПРФ, РПСС).
 */
export async function leaderOf(deps: ElectionDeps, l: Loaded, named?: string): Promise<ElectionChoiceRecord> {
  if (named !== undefined && named !== '') {
    const fold = (x: string) => x.toLowerCase().replace(/ё/g, 'е');
    const low = fold(named.trim());
    const refuse = (why: string) =>
      new AppError('VALIDATION', `${why} (choices: ${l.choices.map((c) => c.label_en ?? c.label).join(', ')})`, {
        issues: [{ path: ['leader'], message: 'no such choice' }],
      });
    if (/^\d+$/.test(named.trim())) {
      if (!l.choices.some((c) => ballotNumber(c.name) !== null))
        throw refuse(`the choices of ${l.election.id} have no ballot numbers: name one, got "${named}"`);
      const hit = l.choices.find((c) => ballotNumber(c.name) === Number(named.trim()));
      if (!hit) throw refuse(`no party with ballot number ${Number(named.trim())} in ${l.election.id}`);
      return hit;
    }
    const en = choiceEnglish(named.trim());
    const hit =
      l.choices.find((c) => [c.name, c.label, c.label_en ?? ''].some((x) => fold(x).includes(low))) ??
      (en === null ? undefined : l.choices.find((c) => c.label_en === en));
    if (!hit) throw refuse(`no choice matching "${named}" in ${l.election.id}`);
    return hit;
  }
  const t = await deps.store.elections.totals(l.election.id, 'election', { stations_only: true });
  const sums = l.choices.map((c) => t.reduce((a, r) => a + (r.votes[c.idx] ?? 0), 0));
  const best = sums.indexOf(Math.max(...sums));
  return l.choices[best]!;
}

export const sourceOf = (l: Loaded) => ({
  files: l.files.map((f) => ({
    file: f.file,
    format: f.format,
    sha256: f.checksum,
    imported_at: f.imported_at,
    lines_read: f.lines_read,
    stored: f.stored,
    rejected: f.rejected,
    flagged: f.flagged,
  })),
  credit: DATA_CREDIT,
});

export const pct = (num: number, den: number, dp = 2): number | null => (den > 0 ? Math.round((num / den) * 100 * 10 ** dp) / 10 ** dp : null);
