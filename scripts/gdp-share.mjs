#!/usr/bin/env node
// How consistent Top10VPN's own price of an hour offline is (docs/design/014-price-of-an-hour.md,
// "How consistent Top10VPN's own price of an hour is"): on the country-years where both sides
// price the same cut, their dollars per hour over the country's GDP per hour, and ours.
//
// Usage: node scripts/gdp-share.mjs --db FILE      (build first: npx tsc -p tsconfig.build.json)
// It runs the CLI once per candidate event (`cost event`): about 2 minutes on the seeded ledger.
//
// Selection rule (scripts/gdp-share-rows.mjs): a row of `cost compare top10vpn --json` is kept
// when Top10VPN gives dollars and hours for it, every event of ours in the country-year is priced
// and is a national network shutdown in the ledger (`events list --json`: category shutdown,
// subtype full, mobile or fixed, scope national) and is priced as one (`cost event ID --json`:
// scenario type full, mobile or fixed; a record whose text describes only blocked services is
// not, Decision 9), our hours are 0.6–1.7× theirs, and the World Bank has GDP (current US$) for
// the country in the row's year or before (the engine's file and year rule). Share = (dollars /
// hours) / (GDP / hours in the GDP's year); ours is the compare's method (cost-escalated) median.
// Rows left out after passing the ledger test are printed with the reason.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { candidateRows, parseGdp, range, shareRows } from './gdp-share-rows.mjs';

const USAGE = 'usage: node scripts/gdp-share.mjs --db FILE';
const root = new URL('../', import.meta.url);
const bin = new URL('dist/bundle/bin.js', root).pathname;

let db;
try {
  ({
    values: { db },
  } = parseArgs({ options: { db: { type: 'string' } }, strict: true, allowPositionals: false }));
} catch (err) {
  console.error(`gdp-share: ${err.message}\n${USAGE}`);
  process.exit(2);
}
if (!db || !existsSync(db)) {
  console.error(`gdp-share: ${db ? `--db ${db}: no such file (the CLI would create an empty one)` : '--db FILE is required'}\n${USAGE}`);
  process.exit(2);
}

/** One CLI command's JSON; a failing command stops the script with its own message and code. */
function cli(args) {
  try {
    return JSON.parse(execFileSync(process.execPath, [bin, ...args, '--json', '--db', db], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (err) {
    const said = err.stderr
      ?.toString()
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('{"type":"progress"'))
      .join('\n');
    console.error(`gdp-share: splinternet ${args.join(' ')} failed: ${said || err.message}`);
    process.exit(typeof err.status === 'number' && err.status > 0 ? err.status : 1);
  }
}

const { SHIPPED } = await import(new URL('dist/src/cost/data/manifest.js', root).href);
const { getCountry } = await import(new URL('dist/src/geo/index.js', root).href);
const gdpFile = SHIPPED.find((f) => f.indicator === 'NY.GDP.MKTP.CD').path;
const gdp = parseGdp(readFileSync(new URL(gdpFile, root), 'utf8'), gdpFile);

const compare = cli(['cost', 'compare', 'top10vpn']);
if (!compare.rows.length) {
  console.error(`gdp-share: --db ${db}: cost compare top10vpn gives no rows (an empty ledger? splinternet db seed --db ${db})`);
  process.exit(1);
}
const events = new Map();
let cursor;
do {
  const page = cli(['events', 'list', '--limit', '1000', ...(cursor ? ['--cursor', cursor] : [])]);
  for (const e of page.items) events.set(e.id, e);
  cursor = page.next_cursor;
} while (cursor);

const candidates = candidateRows(compare.rows, events);
const pricedType = new Map();
for (const r of candidates)
  for (const x of r.events) if (!pricedType.has(x.id)) pricedType.set(x.id, cli(['cost', 'event', x.id, '--draws', '100']).scenario.type);

const alpha3 = (cc) => getCountry(cc)?.alpha3 ?? cc;
const { kept, left } = shareRows(candidates, { pricedType, gdp, alpha3, method: compare.method });

const f = (x, d = 3) => x.toFixed(d);
const usd = (x) => `$${(x / 1e6).toFixed(3)} M`;
console.log(`Top10VPN's and our dollars per hour over GDP per hour (World Bank current US$, ${gdpFile}); ours: ${compare.method}`);
console.log(['row', 'theirs $/h', 'ours $/h', 'GDP/h (year)', 'hours ours/theirs', 'theirs', 'ours'].join('\t'));
for (const r of kept)
  console.log(
    [r.row, usd(r.their_per_hour), usd(r.our_per_hour), `${usd(r.gdp_per_hour)} (${r.gdp_year})`, f(r.hours_ratio, 2), f(r.theirs), f(r.ours)].join('\t'),
  );
for (const l of left) console.log(`left out: ${l.row}: ${l.reason}`);
const theirs = range(kept, 'theirs');
const ours = range(kept, 'ours');
console.log(`${kept.length} comparable national-shutdown rows (of ${compare.rows.length} compare rows; ${candidates.length} pass the ledger test)`);
if (theirs && ours) {
  console.log(`Top10VPN: ${f(theirs.low)} (${theirs.low_row}) to ${f(theirs.high)} (${theirs.high_row}), ×${f(theirs.spread, 1)}`);
  console.log(`ours:     ${f(ours.low)} (${ours.low_row}) to ${f(ours.high)} (${ours.high_row}), ×${f(ours.spread, 1)}`);
}
const iran = kept.filter((r) => r.country === 'IR');
console.log(`Iran: ${iran.map((r) => `${r.year} theirs ${f(r.theirs)}, ours ${f(r.ours)}`).join('; ') || 'no comparable row'}`);
