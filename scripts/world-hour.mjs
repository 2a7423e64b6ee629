// The worldwide hour of a full shutdown as cost-escalated prices it: the sum over countries of
// the median of one hour (4 October 2021, 15:00–16:00 UTC), without and with China (where these
// platforms are blocked). It checks COST's share of one service (src/cost/cost-escalated/
// service-share.ts) against COST's worldwide figure for the Facebook, WhatsApp and Instagram
// outage of that day, $161 M an hour: the share that figure implies for each of the three.
// Run after `npm run build`: node scripts/world-hour.mjs STORE.duckdb (a seeded store; about
// 3 minutes, one CLI call per country). Countries with no GDP in the store are counted apart.
import { execFileSync } from 'node:child_process';

const db = process.argv[2];
if (!db) {
  console.error('usage: node scripts/world-hour.mjs STORE.duckdb');
  process.exit(2);
}
const { allCountries } = await import('../dist/src/geo/index.js');
const COST_WORLD_FB_WA_IG = 161e6;
const hour = (cc) => {
  const args = ['dist/bundle/bin.js', 'cost', '--country', cc, '--type', 'full', '--start', '2021-10-04T15:00:00Z', '--end', '2021-10-04T16:00:00Z'];
  const out = execFileSync('node', [...args, '--method', 'cost-escalated', '--json', '--db', db], { stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out).estimates[0].usd.median;
};
let world = 0;
let priced = 0;
const unpriced = [];
for (const c of allCountries()) {
  if (c.alpha2 === 'CN') continue;
  try {
    world += hour(c.alpha2);
    priced++;
  } catch {
    unpriced.push(c.alpha2);
  }
}
const china = hour('CN');
const pct = (x) => `${((COST_WORLD_FB_WA_IG / x / 3) * 100).toFixed(2)} %`;
console.log(`countries priced: ${priced} (no GDP: ${unpriced.length}: ${unpriced.join(' ')})`);
console.log(`one hour, every country but China: $${(world / 1e6).toFixed(1)} M; China: $${(china / 1e6).toFixed(1)} M`);
console.log(`share of one service implied by COST's $161 M for three: ${pct(world)} without China, ${pct(world + china)} with it`);
