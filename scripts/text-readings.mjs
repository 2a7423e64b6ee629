#!/usr/bin/env node
// The counts the STOP readers of designs 002 and 014 quote, over the whole file, by the readers
// the import and the pricing use: records whose own duration field agrees with their dates or
// contradicts them (002, `datesContradicted`); texts that state a traffic drop, read or not
// (014 Decision 17); shutdown records read as blocks beside a brief cut (014 Decision 9); and
// records whose text names a platform's window over the whole span (014 Decision 8). Run after
// `npx tsc -p tsconfig.build.json`:
//   node scripts/text-readings.mjs ../shared/data/events/accessnow_stop_combined_2016-2025_snapshot-2026-05-20.csv
import { datesContradicted, namesWholeCountry } from '../dist/src/ledger/stop/map.js';
import { readShutdownText } from '../dist/src/cost/record-text.js';
import { trafficDrop } from '../dist/src/cost/traffic-drop.js';
import { statesPlatformWindow } from '../dist/src/cost/phases.js';
import { stopRows } from './stop-rows.mjs';

const rows = stopRows('text-readings.mjs');
const DAY = 86_400_000;
let dated = 0;
let toTheDay = 0;
const contradicted = [];
for (const r of rows) {
  if (!r.end_date || !/^-?\d+$/.test(r.duration.trim())) continue;
  dated++;
  const span = Math.round((Date.parse(r.end_date) - Date.parse(r.start_date)) / DAY);
  const d = Number(r.duration.trim());
  if (d === span || d === span + 1) toTheDay++;
  if (datesContradicted(r) !== null) contradicted.push(`${r.country} ${r.start_date}–${r.end_date} (duration "${r.duration.trim()}")`);
}
console.log(`duration field beside both dates: ${dated} records, ${toTheDay} agree to the day, ${contradicted.length} contradict: ${contradicted.join('; ')}`);

const drops = rows.filter(
  (r) =>
    /(traffic|connectivity)[^.]{0,40}(down|dropped|fell|declined|decreased|reduced)[^.]{0,20}\d+ ?%/i.test(r.event) ||
    /\b(dropped|reduced|lowered|decreased|cut)\s+([\w'-]+\s+){0,3}(traffic|connectivity)\b[^.]{0,40}\d+ ?%/i.test(r.event),
);
// A drop of the country's traffic is read where the record's area is the whole country.
const read = drops.filter((r) => trafficDrop(r.event, namesWholeCountry(r.area_name, r.country, r.geo_scope)) !== null);
console.log(`texts stating a traffic drop: ${drops.length}; read as a depth: ${read.length} (${read.map((r) => `${r.country} ${r.start_date}`).join(', ')})`);

const brief = rows.filter((r) => /Full network/.test(r.shutdown_extent) && readShutdownText([r.event], ['service'])?.brief_cut);
console.log(`network shutdowns read as blocks beside a brief cut: ${brief.length} (${brief.map((r) => `${r.country} ${r.start_date}`).join(', ')})`);

const windows = rows.filter((r) => statesPlatformWindow(r.event));
console.log(`texts giving a platform its own dated window: ${windows.length} (${windows.map((r) => `${r.country} ${r.start_date}`).join(', ')})`);
