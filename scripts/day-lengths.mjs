#!/usr/bin/env node
// How long the cuts of one and two calendar days last by the records that say (design 013,
// Decision 1c): the lengths stated by STOP records with an end date, dated without times, of
// one or two days (exam shutdowns left out), read by the schedule reader the pricing uses, set
// beside the rule that prices records that state nothing (start and end uniform within their
// days: one day 8 h on average, median 7 h; two days 24 h). Run after
// `npx tsc -p tsconfig.build.json`:
//   node scripts/day-lengths.mjs ../shared/data/events/accessnow_stop_combined_2016-2025_snapshot-2026-05-20.csv
import { scheduleOf, statedDuration, statedHours } from '../dist/src/cost/schedule.js';
import { stopRows } from './stop-rows.mjs';

const rows = stopRows('day-lengths.mjs');
const DAY = 86_400_000;
const RULE = { 1: { mean: 8, median: 24 * (1 - Math.SQRT1_2) }, 2: { mean: 24, median: 24 } };
const stated = { 1: [], 2: [] };
// The first count design 013 quotes read a length or one clock window only, not the dated windows.
const withoutDated = { 1: [], 2: [] };
for (const r of rows) {
  const start = Date.parse(r.start_date);
  const end = Date.parse(r.end_date);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start || /\bexam/i.test(r.event)) continue;
  const days = Math.round((end - start) / DAY) + 1;
  if (days > 2) continue;
  const s = scheduleOf(r.event, days * 24, false, start);
  if (s && s.occasions === 1 && s.hours > 0) stated[days].push(s.hours);
  const plain = statedDuration(r.event) ?? statedHours(r.event);
  if (plain && /full network|service/i.test(r.shutdown_extent)) withoutDated[days].push(plain.hours);
}
const r1 = (x) => Math.round(x * 10) / 10;
for (const days of [1, 2]) {
  const v = stated[days].sort((a, b) => a - b);
  const q = (p) => v[Math.round(p * (v.length - 1))];
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  console.log(
    `${days} day(s): ${v.length} records state one cut: median ${r1(q(0.5))} h (quartiles ${r1(q(0.25))}–${r1(q(0.75))} h), mean ${r1(mean)} h; the dates-only rule: median ${r1(RULE[days].median)} h, mean ${RULE[days].mean} h`,
  );
}
const w = withoutDated[2].sort((a, b) => a - b);
console.log(`without the dated-window reader, 2 days: ${w.length} records, median ${r1(w[Math.round(0.5 * (w.length - 1))])} h`);
