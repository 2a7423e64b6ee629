#!/usr/bin/env node
// Which STOP records state an area that narrowed (src/cost/area-steps.ts; design 014, Decision 10):
// every record of a STOP Combined CSV whose text the reader takes, with the instant, the place
// left cut off and the words read. Run after `npx tsc -p tsconfig.build.json`:
//   node scripts/area-narrowing.mjs ../shared/data/events/accessnow_stop_combined_2016-2025_snapshot-2026-05-20.csv
import { areaNarrowing } from '../dist/src/cost/area-steps.js';
import { stopRows } from './stop-rows.mjs';

const rows = stopRows('area-narrowing.mjs');
let hits = 0;
for (const r of rows) {
  const n = areaNarrowing(r.event, r.start_date);
  if (!n) continue;
  hits++;
  console.log(
    `record ${r._record} (line ${r._line}) ${r.country} ${r.start_date} count_year ${r.count_year}: from ${new Date(n.at).toISOString().slice(0, 10)}${n.approximate ? ' (approximately)' : ''} ${n.remainder}: "${n.quote}"`,
  );
}
console.log(`${hits} of ${rows.length} records state an area that narrowed`);
