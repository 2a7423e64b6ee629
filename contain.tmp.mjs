import { DuckDBInstance } from '@duckdb/node-api';
const db = await DuckDBInstance.create('/tmp/stoptext/new.duckdb', { access_mode: 'READ_ONLY' });
const c = await db.connect();
const r = await c.runAndReadAll(`select id, origin, doc::varchar as doc from events where status='active' and category in ('shutdown','throttling','block')`);
const evs = r.getRowObjects().map((x) => ({ id: x.id, origin: x.origin, ...JSON.parse(x.doc) }));
const DAY = 86400000;
const day = (d) => Date.parse(d.slice(0, 10) + 'T00:00:00Z');
const national = (e) => e.scope === 'national';
// region set an event covers whole (places of kind region, or regions with no places below)
const wholeRegions = (e) => {
  const pl = e.places ?? [];
  if (pl.length && pl.every((p) => p.kind === 'region')) return new Set(pl.map((p) => p.region));
  if (!pl.length && e.regions.length) return new Set(e.regions);
  return null;
};
const below = (e) => (e.places ?? []).length > 0 && (e.places ?? []).some((p) => p.kind !== 'region');
const regionsOf = (e) => new Set([...(e.places ?? []).map((p) => p.region).filter(Boolean), ...e.regions]);
const kind = (e) => [e.category, e.subtype, e.category === 'shutdown' ? '' : e.targets.map((t) => t.name.toLowerCase()).sort().join(',')].join('|');
const mode = process.argv[2] ?? 'region';
const minShare = Number(process.argv[3] ?? 0.5);
const pairs = [];
const byCc = new Map();
for (const e of evs) { if (e.countries.length !== 1) continue; const k = e.countries[0] + '|' + kind(e); byCc.set(k, [...(byCc.get(k) ?? []), e]); }
for (const list of byCc.values()) for (const a of list) for (const b of list) {
  if (a === b || a.end === null || b.end === null) continue;
  // a inside b
  let inside = false;
  if (national(a)) continue;
  if (national(b)) inside = mode === 'national' && a.scope !== 'national' && a.scope !== 'platform';
  else {
    const w = wholeRegions(b);
    const ra = regionsOf(a);
    inside = !!w && w.size > 0 && ra.size > 0 && [...ra].every((x) => w.has(x)) && (below(a) || ra.size < w.size);
  }
  if (!inside) continue;
  const as = day(a.start), ae = day(a.end), bs = day(b.start), be = day(b.end);
  const ov = (Math.min(ae, be) - Math.max(as, bs)) / DAY + 1;
  const shorter = Math.min(ae - as, be - bs) / DAY + 1;
  const longer = Math.max(ae - as, be - bs) / DAY + 1;
  const okOuter = national(b) || b.geocode?.status === 'ok';
  if (ov < 2 || ov < shorter * minShare) continue;
  if (process.argv[4] === 'strict' && (ov < longer * minShare || !okOuter)) continue;
  const urls = (e) => new Set(e.sources.filter((x) => !/docs\.google\.com|accessnow\.org/.test(x.url)).map((x) => x.url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '')));
  const ua = urls(a), ub = urls(b);
  const shared = [...ua].filter((u) => ub.has(u));
  if (process.argv[5] === 'source' && !shared.length) continue;
  pairs.push({ shared, inner: a.id, outer: b.id, ov, shorter, longer, gs: b.geocode?.status, a: `${a.start}..${a.end} ${a.geocode?.text}`, b: `${b.start}..${b.end} ${b.geocode?.text}` });
}
console.log(pairs.length);
for (const p of pairs) console.log(JSON.stringify(p));
