#!/usr/bin/env node
// The figures design 014 quotes from `cost compare top10vpn --json`: the table of rows beyond 3×
// (country-year, ratio, hours and users on both sides, main cause × its factor, the first of the
// row's `causes`), the count of rows by main cause and on each side, the median ratio of the rows
// whose events are mostly blocks against the others, and the medians of ours ÷ theirs for hours,
// users and the price of a user-hour (outside and in the G-20), and the log10 ratio's median and mean
// with the rows within 3× under one scale factor (bias or scatter). Read from a file the command wrote
// (after `npx tsc -p tsconfig.build.json`, for the G-20 list):
//   splinternet cost compare top10vpn --json --db S > compare.json && node scripts/compare-rows.mjs compare.json
import { readFileSync } from 'node:fs';
import { G20 } from '../dist/src/cost/brookings-2016/params.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/compare-rows.mjs COMPARE.json');
  process.exit(2);
}
const c = JSON.parse(readFileSync(file, 'utf8'));
const times = (r) => (r >= 1 ? `×${r.toFixed(1)}` : `×1/${(1 / r).toFixed(1)}`);
const label = (k) => {
  if (k.factor === 'hours') return k.ratio < 1 ? 'hours we lack (no event or no end)' : 'hours Top10VPN does not count';
  if (k.factor === 'users affected') return k.ratio < 1 ? 'people cut off: theirs wider' : 'people cut off: ours wider';
  if (/platform weight/.test(k.explanation)) return 'price per user-hour (platform weights)';
  if (/outside the G-/.test(k.explanation)) return 'price per user-hour (non-G-20 proxy)';
  return 'price per user-hour (G-20)';
};
const compared = c.rows.filter((r) => r.ratio !== null);
const beyond = compared.filter((r) => r.within !== '3x').sort((a, b) => `${a.country}${a.year}`.localeCompare(`${b.country}${b.year}`));
const counts = {};
console.log('| country-year | ours ÷ theirs | hours ours / theirs | users ours / theirs (M) | main cause |');
console.log('|---|---|---|---|---|');
for (const r of beyond) {
  const k = r.causes[0];
  const l = k ? label(k) : 'none';
  counts[l] = (counts[l] ?? 0) + 1;
  const users = `${(r.our_users / 1e6).toFixed(1)} / ${r.their_users ? (r.their_users / 1e6).toFixed(1) : '–'}`;
  console.log(
    `| ${r.country} ${r.year} | ${times(r.ratio)} | ${Math.round(r.our_hours)} / ${r.their_hours} | ${users} | ${k ? `${l} ${times(k.ratio)}` : 'none'} |`,
  );
}
console.log(`\n${beyond.length} of ${compared.length} rows beyond 3×, by main cause:`);
for (const [l, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) console.log(`  ${l}: ${n}`);
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const blocks = (r) => {
  const all = r.events.reduce((s, e) => s + e.hours, 0);
  return all > 0 && r.events.filter((e) => /^Block of|blocked|block/i.test(e.title)).reduce((s, e) => s + e.hours, 0) / all >= 0.5;
};
const mostlyBlocks = compared.filter(blocks).map((r) => r.ratio);
const rest = compared.filter((r) => !blocks(r)).map((r) => r.ratio);
console.log(
  `median ours ÷ theirs: rows mostly of blocks ${median(mostlyBlocks).toFixed(2)} (${mostlyBlocks.length}), the others ${median(rest).toFixed(2)} (${rest.length})`,
);
console.log(`beyond 3×: ${compared.filter((r) => r.ratio < 1 / 3).length} below ⅓, ${compared.filter((r) => r.ratio > 3).length} above 3×`);
const ratios = (f) => compared.map(f).filter((x) => Number.isFinite(x) && x > 0);
const perUserHour = (r) => r.ours['cost-escalated'] / (r.our_hours * r.our_users) / (r.theirs / (r.their_hours * r.their_users));
const priced = (inG20) => ratios((r) => (G20.includes(r.country) === inG20 ? perUserHour(r) : NaN));
console.log(
  `median ours ÷ theirs: hours ${median(ratios((r) => r.our_hours / r.their_hours)).toFixed(2)}, users ${median(ratios((r) => r.our_users / r.their_users)).toFixed(2)}, price of a user-hour ${median(priced(false)).toFixed(2)} outside the G-20 (${priced(false).length} rows), ${median(priced(true)).toFixed(2)} in it (${priced(true).length})`,
);
// Bias or scatter: the log10 of ours ÷ theirs over every compared row, and the rows within 3× were
// every figure of ours scaled by one factor (a bias would show as a factor that brings more in).
const logs = compared.map((r) => Math.log10(r.ratio));
const within3 = (k) => compared.filter((r) => r.ratio * k >= 1 / 3 && r.ratio * k <= 3).length;
console.log(
  `log10 ours ÷ theirs: median ${median(logs).toFixed(2)}, mean ${(logs.reduce((a, b) => a + b, 0) / logs.length).toFixed(2)}; within 3× scaled by ${[0.5, 0.8, 1, 1.25, 2].map((k) => `${k}: ${within3(k)}`).join(', ')}`,
);
