#!/usr/bin/env node
// Which STOP records date the ends of their cuts (src/cost/dated-windows.ts; design 013,
// Decision 1b): every record with an end date whose text states dated windows, with the hours
// they give within its dates, or why they are left to the other readings. Run after
// `npx tsc -p tsconfig.build.json`:
//   node scripts/dated-windows.mjs ../shared/data/events/accessnow_stop_combined_2016-2025_snapshot-2026-05-20.csv
import { apartWindow, datedWindows } from '../dist/src/cost/dated-windows.js';
import { datedSchedule } from '../dist/src/cost/schedule.js';
import { stopRows } from './stop-rows.mjs';

const rows = stopRows('dated-windows.mjs');
const DAY = 86_400_000;
let stated = 0;
let priced = 0;
let whole = 0;
let apart = 0;
for (const r of rows) {
  const start = Date.parse(r.start_date);
  const end = Date.parse(r.end_date);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) continue;
  const span = (end + DAY - start) / 3_600_000;
  const windows = datedWindows(r.event, start).some((w) => w.to > start && w.from < end + DAY);
  // A start and an end stated apart count only where no window is stated whole.
  const isApart = !windows && apartWindow(r.event, start, end + DAY) !== null;
  if (!windows && !isApart) continue;
  stated++;
  if (isApart) apart++;
  const s = datedSchedule(r.event, span, start);
  if (s === 'whole') whole++;
  else if (s) priced++;
  const what =
    s === 'whole'
      ? 'fills its dates'
      : s
        ? `${s.hours} h of ${span} h${isApart ? ' (a start and an end stated apart)' : ''}`
        : 'left to the other readings (does not reach its dates, or extended)';
  console.log(`record ${r._record} (line ${r._line}) ${r.country} ${r.start_date}–${r.end_date}: ${what}`);
}
console.log(
  `${stated} of ${rows.length} records have an end date and state dated windows within their dates (${apart} of them as a start and an end stated apart): ${priced} priced by them, ${whole} fill their dates, ${stated - priced - whole} left to the other readings`,
);
