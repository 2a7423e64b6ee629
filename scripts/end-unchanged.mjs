#!/usr/bin/env node
// The check of issue 17's first acceptance over the whole ledger: `--end` prices only what is
// ongoing. Every event priced without --end must keep the same median with it, and no priced row
// may lack its USD rate. Read from two files `cost events --json` wrote on the same store:
//   splinternet cost events --json --db S > a.json
//   splinternet cost events --end 2026-11-26 --json --db S > b.json
//   node scripts/end-unchanged.mjs a.json b.json
import { readFileSync } from 'node:fs';

const [a, b] = process.argv.slice(2).map((f) => f && JSON.parse(readFileSync(f, 'utf8')));
if (!a || !b) {
  console.error('usage: node scripts/end-unchanged.mjs WITHOUT_END.json WITH_END.json');
  process.exit(2);
}
const key = (i) => `${i.event_id}|${i.method}`;
const withEnd = new Map(b.items.map((i) => [key(i), i]));
const rows = a.items.filter((i) => i.median !== null);
const changed = rows.filter((i) => withEnd.get(key(i))?.median !== i.median);
const noRate = b.items.filter((i) => i.median !== null && (i.usd_rate === null || i.usd_rate_date === null));
const iran = (x) => x.items.find((i) => i.event_id === 'stop-ir-2019-11-16-national-except-kurdish-region-5ffc6f' && i.method === 'cost-escalated')?.usd_median;
console.log(
  `without --end: ${a.events_priced} events priced, ${rows.length} method rows; with it, ${rows.length - changed.length} the same, ${changed.length} changed`,
);
for (const i of changed.slice(0, 10)) console.log(`  changed: ${key(i)} ${i.median} → ${withEnd.get(key(i))?.median}`);
console.log(
  `with --end: ${b.events_read} read, ${b.events_priced} priced, ${b.events_not_priced} not priced ${JSON.stringify(b.missing_by_field)}; priced rows without a USD rate or its date: ${noRate.length}`,
);
console.log(`Iran, 16–23 November 2019 (cost-escalated, USD): ${iran(a)} without --end, ${iran(b)} with it`);
process.exit(changed.length || noRate.length ? 1 : 0);
