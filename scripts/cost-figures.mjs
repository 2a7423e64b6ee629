// COST's published day figures (src/cost/cost-escalated/published-figures.ts) against what
// cost-escalated gives for the same day of a full nationwide shutdown, and the k each implies
// (k scales a day linearly: implied k = median k × COST's day ÷ ours). Figures for less than the
// whole country are priced as the whole country, so their k is a lower bound. The geometric
// mean and range of k are printed for each of COST's two models (its ICT-indicator proxy, and
// CIPESA's model for sub-Saharan Africa).
// Run after `npm run build`: node scripts/cost-figures.mjs STORE.duckdb (a seeded store; one CLI
// call per figure, about 7 s).
import { execFileSync } from 'node:child_process';

const db = process.argv[2];
if (!db) {
  console.error('usage: node scripts/cost-figures.mjs STORE.duckdb');
  process.exit(2);
}
const { COST_PUBLISHED_FIGURES, impliedK, usdPerDay } = await import('../dist/src/cost/cost-escalated/published-figures.js');
const { COST_PROXY_K } = await import('../dist/src/cost/cost-escalated/params.js');
const kMedian = COST_PROXY_K.dist.median;

const oursPerDay = (f) => {
  const args = ['dist/bundle/bin.js', 'cost', '--country', f.country, '--type', 'full', '--start', `${f.day}T00:00:00Z`, '--end', `${f.day}T23:59:59Z`];
  const out = execFileSync('node', [...args, '--method', 'cost-escalated', '--json', '--db', db], { stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out).estimates[0].usd.point * (86400 / 86399);
};

const M = (x) => (x / 1e6).toFixed(x < 1e7 ? 2 : 1);
const rows = [];
console.log('| figure | model | role | area | COST $ M a day | ours $ M a day | ours ÷ COST | k implied |');
console.log('|---|---|---|---|---|---|---|---|');
for (const f of COST_PUBLISHED_FIGURES) {
  const ours = oursPerDay(f);
  const k = impliedK(f, ours, kMedian);
  const whole = f.area === 'national';
  rows.push({ f, k, whole });
  const area = whole ? 'whole country' : `${f.area} (k a lower bound)`;
  console.log(
    `| ${f.what} | ${f.regime} | ${f.role} | ${area} | ${f.qualifier ? `${f.qualifier} ` : ''}${M(usdPerDay(f))} | ${M(ours)} | ${(ours / usdPerDay(f)).toFixed(2)} | ${k.toFixed(3)} |`,
  );
}
const geo = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
for (const regime of ['proxy', 'cipesa']) {
  const ks = rows.filter((r) => r.f.regime === regime && r.whole).map((r) => r.k);
  console.log(
    `${regime}: ${ks.length} whole-country figures, k ${Math.min(...ks).toFixed(3)}–${Math.max(...ks).toFixed(3)} (${(Math.max(...ks) / Math.min(...ks)).toFixed(1)}×), geometric mean ${geo(ks).toFixed(3)}`,
  );
}
const all = rows.filter((r) => r.whole).map((r) => r.k);
console.log(
  `all ${all.length} whole-country figures: k ${Math.min(...all).toFixed(3)}–${Math.max(...all).toFixed(3)} (${(Math.max(...all) / Math.min(...all)).toFixed(1)}×); cost-escalated's median k ${kMedian}; within 3× of it: ${all.filter((k) => k / kMedian <= 3 && kMedian / k <= 3).length}`,
);
