#!/usr/bin/env node
// What a change to the pricing does to the ledger: the events whose USD median moved between two
// `cost events --json` answers on the same store, one built before the change and one after.
//   splinternet cost events --json --db S > before.json   (build of the earlier commit)
//   splinternet cost events --json --db S > after.json    (build of the later commit)
//   node scripts/events-diff.mjs before.json after.json [--method cost-escalated]
// Prints each changed event (median before → after, in millions of USD), then the count, the
// range and median of the changed events' ratios, and the sums of the changed and of all events
// (the same file twice prints the sum of all its events).
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
const bn = (v) => (v / 1e9).toFixed(2);
let compared = 0;
const ratios = [];
const sums = { all: [0, 0], changed: [0, 0] };
for (const i of rows(b)) {
  const was = before.get(i.event_id);
  if (was === undefined) continue;
  compared++;
  sums.all[0] += was;
  sums.all[1] += i.usd_median;
  if (Math.abs(i.usd_median / was - 1) <= 0.001) continue;
  ratios.push(i.usd_median / was);
  sums.changed[0] += was;
  sums.changed[1] += i.usd_median;
  console.log(`${i.event_id}  ${m(was)} → ${m(i.usd_median)} M USD`);
}
console.log(`${ratios.length} of ${compared} events priced by both (${method}) changed by more than 0.1 %`);
if (ratios.length) {
  ratios.sort((x, y) => x - y);
  const x = (r) => `×${r.toFixed(2)}`;
  console.log(`changed by ${x(ratios[0])} to ${x(ratios.at(-1))}, median ${x(ratios[Math.floor((ratios.length - 1) / 2)])}`);
  console.log(`sum of medians: the changed ${bn(sums.changed[0])} → ${bn(sums.changed[1])} bn USD; all ${bn(sums.all[0])} → ${bn(sums.all[1])} bn USD`);
} else console.log(`sum of medians: all ${bn(sums.all[0])} → ${bn(sums.all[1])} bn USD`);
