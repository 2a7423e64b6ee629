#!/usr/bin/env node
// What a change to the pricing does to the ledger: the events whose USD median moved between two
// `cost events --json` answers on the same store, one built before the change and one after.
//   splinternet cost events --json --db S > before.json   (build of the earlier commit)
//   splinternet cost events --json --db S > after.json    (build of the later commit)
//   node scripts/events-diff.mjs before.json after.json [--method cost-escalated]
// Prints each changed event (median before → after, in millions of USD), then the count.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const mi = args.indexOf('--method');
const method = mi >= 0 ? args[mi + 1] : 'cost-escalated';
const files = mi >= 0 ? args.filter((_, i) => i !== mi && i !== mi + 1) : args;
const [a, b] = files.map((f) => f && JSON.parse(readFileSync(f, 'utf8')));
if (!a || !b) {
  console.error('usage: node scripts/events-diff.mjs BEFORE.json AFTER.json [--method ID]');
  process.exit(2);
}
const rows = (x) => x.items.filter((i) => i.method === method && i.usd_median !== null);
const before = new Map(rows(a).map((i) => [i.event_id, i.usd_median]));
const m = (v) => (v / 1e6).toFixed(2);
let changed = 0;
let compared = 0;
for (const i of rows(b)) {
  const was = before.get(i.event_id);
  if (was === undefined) continue;
  compared++;
  if (Math.abs(i.usd_median / was - 1) <= 0.001) continue;
  changed++;
  console.log(`${i.event_id}  ${m(was)} → ${m(i.usd_median)} M USD`);
}
console.log(`${changed} of ${compared} events priced by both (${method}) changed by more than 0.1 %`);
