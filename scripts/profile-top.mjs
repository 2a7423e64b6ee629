#!/usr/bin/env node
/**
 * Where one process's CPU went: reads a V8 `.cpuprofile` (node --cpu-prof) and prints the
 * functions with the most self time, each with its file and line. The start-up figures of
 * bench/RESULTS.md (bench:startup run 3) and design 098 come from it:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --cpu-prof-interval 200 dist/bundle/bin.js events list --limit 1 --db EMPTY.duckdb --json
 *   node scripts/profile-top.mjs /tmp/prof/*.cpuprofile [--top 25]
 *
 * Usage errors exit 2.
 */
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
const files = args.filter((a, i) => a !== '--top' && i !== topAt + 1);
if (files.length !== 1 || !Number.isInteger(top) || top < 1) {
  console.error('usage: node scripts/profile-top.mjs FILE.cpuprofile [--top N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(files[0], 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => {
  const f = nodes.get(id).callFrame;
  const key = `${f.functionName || '(anonymous)'}  ${f.url.split('/').pop() || '-'}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`total ${(total / 1000).toFixed(1)} ms sampled (idle and garbage collection included)`);
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);
