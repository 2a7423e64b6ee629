#!/usr/bin/env node
// The counts the STOP readers of designs 002 and 014 quote, over the whole file, by the readers
// the import and the pricing use: records whose own duration field agrees with their dates or
// contradicts them (002, `datesContradicted`); texts that state a traffic drop, read or not
// (014 Decision 17); shutdown records read as blocks beside a brief cut (014 Decision 9); and
// records whose text names a platform's window over the whole span (014 Decision 8); area texts
// stating a count of units (012); clock windows at midnight or noon and the records whose
// imputed days are cut for part of each day (013 Decisions 1 and 2); and sub-national records of
// a cyberattack on the networks they name (014 Decision 4); records listing a platform's live
// feature beside its flag (002); areas stated as most of the country, and area texts or record
// texts that make the units named parts (012). Run after
// `npx tsc -p tsconfig.build.json`:
//   node scripts/text-readings.mjs ../shared/data/events/accessnow_stop_combined_2016-2025_snapshot-2026-05-20.csv
import { datesContradicted, namesWholeCountry } from '../dist/src/ledger/stop/map.js';
import { readShutdownText } from '../dist/src/cost/record-text.js';
import { trafficDrop } from '../dist/src/cost/traffic-drop.js';
import { statesPlatformWindow } from '../dist/src/cost/phases.js';
import { clockWindow, scheduleOf } from '../dist/src/cost/schedule.js';
import { MOST_OF_COUNTRY } from '../dist/src/cost/event-scenario.js';
import { outageOfNetworks } from '../dist/src/cost/network-outage.js';
import { countedUnits, uncountedUnits } from '../dist/src/geo/counted.js';
import { liveFeatures, mapStopRow } from '../dist/src/ledger/stop/map.js';
import { partRanges } from '../dist/src/geo/parts.js';
import { textSaysPartsOf } from '../dist/src/ledger/geocode.js';
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
    /(traffic|connectivity|signal)[^.]{0,60}(down|drops?|dropped|fell|declined|decreased|reduced)[^.]{0,20}\d+ ?%/i.test(r.event) ||
    /\b(dropped|reduced|lowered|decreased|cut)\s+([\w'-]+\s+){0,3}(traffic|connectivity)\b[^.]{0,40}\d+ ?%/i.test(r.event),
);
// A drop of the country's traffic is a depth where the record's area is the whole country, else the share of the country's use lost.
const readings = drops.map((r) => ({ r, d: trafficDrop(r.event, namesWholeCountry(r.area_name, r.country, r.geo_scope)) }));
const named = (list) => list.map(({ r }) => `${r.country} ${r.start_date}`).join(', ');
const read = readings.filter((x) => x.d && !x.d.national);
const national = readings.filter((x) => x.d?.national);
const unread = readings.filter((x) => !x.d);
console.log(
  `texts stating a traffic drop: ${drops.length}; read as a depth: ${read.length} (${named(read)}); as the country's share lost, in the record of a smaller area: ${national.length} (${named(national)}); not read: ${unread.length} (${named(unread)})`,
);

const brief = rows.filter((r) => /Full network/.test(r.shutdown_extent) && readShutdownText([r.event], ['service'])?.brief_cut);
console.log(`network shutdowns read as blocks beside a brief cut: ${brief.length} (${brief.map((r) => `${r.country} ${r.start_date}`).join(', ')})`);

const windows = rows.filter((r) => statesPlatformWindow(r.event));
console.log(`texts giving a platform its own dated window: ${windows.length} (${windows.map((r) => `${r.country} ${r.start_date}`).join(', ')})`);

const which = (rs) => [...new Set(rs.map((r) => `${r.country} ${r.start_date}`))].join(', ');
const counted = new Map();
for (const r of rows) {
  const c = countedUnits(r.area_name);
  if (c) counted.set(`${r.country}|${r.start_date}|${r.area_name}`, c);
}
const firstLevel = [...counted.values()].filter((c) => c.level === 'admin1').length;
console.log(`area texts stating a count of units: ${counted.size} (${firstLevel} of first-level units)`);
const uncounted = [...new Set(rows.filter((r) => !countedUnits(r.area_name) && uncountedUnits(r.area_name)).map((r) => r.area_name))];
console.log(`area texts adding units without a count: ${uncounted.length} (${uncounted.join('; ')})`);

const clockWords = rows.filter((r) => /\b(midnight|noon)\b/i.test(r.event));
const atClockWord = clockWords.filter((r) => /\b(midnight|noon)\b/i.test(clockWindow(r.event)?.phrase ?? ''));
console.log(`texts naming midnight or noon: ${clockWords.length}; a clock window at one: ${atClockWord.length} (${which(atClockWord)})`);

// An end not recorded (not ongoing), on an exam shutdown by STOP's cause or a text stating a daily schedule (occasions one or more a day over 30 days).
const noEnd = rows.filter((r) => !r.end_date && !/ongoing/i.test(r.shutdown_status));
const partOfDay = noEnd.filter((r) => /exam/i.test(r.actual_cause) || (scheduleOf(r.event, 30 * 24, false)?.occasions ?? 1) % 30 === 0);
console.log(
  `ends not recorded, cut for part of each imputed day: ${new Set(partOfDay.map((r) => `${r.country}|${r.start_date}|${r.area_name}`)).size} (${which(partOfDay)})`,
);

const cyber = rows.filter((r) => {
  const m = mapStopRow(r, '2026-05-20');
  return !('reject' in m) && m.fields.scope !== 'national' && outageOfNetworks(m.fields, [r.event]);
});
console.log(`sub-national records of a cyberattack on the networks they name: ${cyber.length} (${which(cyber)})`);

// The same split of other_affected as the importer's; a flag counts when its platform's live feature is listed.
const FLAGS = {
  facebook_affected: 'facebook',
  twitter_affected: 'twitter',
  whatsapp_affected: 'whatsapp',
  instagram_affected: 'instagram',
  telegram_affected: 'telegram',
};
const live = rows.filter((r) => {
  const features = liveFeatures(r.other_affected.split(/[,;]| and /).map((x) => x.trim()));
  return Object.entries(FLAGS).some(([col, name]) => /^yes\b/i.test(r[col].trim()) && features.has(name));
});
console.log(`records whose platform flag stands for its live feature: ${live.length} (${which(live)})`);

const most = rows.filter((r) => MOST_OF_COUNTRY.test(r.area_name.trim()));
console.log(`areas stated as most of the country: ${most.length} (${which(most)})`);

const partAreas = new Set(rows.filter((r) => partRanges(r.area_name).length).map((r) => r.area_name));
const partTexts = rows.filter((r) => textSaysPartsOf(r.event, r.area_name));
console.log(
  `distinct area texts naming parts of units ("parts of", "areas of", "several cities in"): ${partAreas.size}; records whose text says their area was parts of it: ${partTexts.length} (${which(partTexts)})`,
);
