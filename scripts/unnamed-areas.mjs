#!/usr/bin/env node
// The scope STOP gives its nationwide records and its records with no area (src/cost/unknown-area.ts;
// design 014, Decision 11): why a record that names no area but reached more than one state is
// priced like its country's shutdowns that reached more than one city, national ones included.
// Run after `npx tsc -p tsconfig.build.json`:
//   node scripts/unnamed-areas.mjs ../shared/data/events/accessnow_stop_combined_2016-2025_snapshot-2026-05-20.csv
import { namesWholeCountry } from '../dist/src/ledger/stop/map.js';
import { stopRows } from './stop-rows.mjs';

const rows = stopRows('unnamed-areas.mjs');
const SEVERAL_STATES = /more than one state, province, or region/i;
const count = (rs) => `${rs.filter((r) => SEVERAL_STATES.test(r.geo_scope)).length} of ${rs.length}`;
const national = rows.filter((r) => r.area_name.trim() && namesWholeCountry(r.area_name, r.country, r.geo_scope));
const unnamed = rows.filter((r) => !r.area_name.trim());
console.log(`records whose area names the whole country: ${count(national)} have the scope "more than one state, province, or region"`);
console.log(`records with no area: ${count(unnamed)} have that scope`);
for (const r of unnamed) console.log(`  record ${r._record} (line ${r._line}) ${r.country} ${r.start_date}: ${r.geo_scope || '(no scope)'}`);
