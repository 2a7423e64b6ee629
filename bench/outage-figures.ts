/**
 * Figures of docs/design/070-outage-watch.md, reproducible: `npx tsx bench/outage-figures.ts`.
 * Prints the synthetic accuracy table (SYNTHETIC series, src/detect/outage-synthetic.ts) and the
 * real IODA AS44244 episodes, and writes docs/design/070-iran-2019.svg (the two real series,
 * their baselines and the detected onset).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { judgeSeries, type JudgedSample } from '../src/detect/outage.js';
import { SEEDED_STEP_MIN as STEP, seededDrop, seededQuiet } from '../src/detect/outage-synthetic.js';
import { parseSignals } from '../src/signals/index.js';
import { packagePath } from '../src/shared/index.js';

const rows: string[] = [];
for (const level of [20, 80, 400]) {
  let hits = 0;
  let found = 0;
  let n = 0;
  const errs: number[] = [];
  for (let seed = 1; seed <= 300; seed++) {
    const { samples, truth } = seededDrop(seed, level);
    const eps = judgeSeries(samples).episodes;
    n++;
    if (eps.length) found++;
    const best = eps.map((e) => (Date.parse(e.onset) - truth) / (STEP * 60_000)).sort((a, b) => Math.abs(a) - Math.abs(b))[0];
    if (best !== undefined) errs.push(best);
    if (best !== undefined && Math.abs(best) <= 2) hits++;
  }
  let fp = 0;
  for (let seed = 1; seed <= 300; seed++) fp += judgeSeries(seededQuiet(seed, level, seed % 2 ? 0.5 : 0)).episodes.length;
  errs.sort((a, b) => a - b);
  rows.push(
    `| ${level} | ${n} | ${found} | ${((100 * hits) / n).toFixed(1)} % | ${errs[Math.floor(errs.length / 2)]} | ${errs[Math.floor(errs.length * 0.95)]} | ${fp} in 300 × 6 days |`,
  );
}
console.log('| level | drops | found | onset within 2 samples | median onset error (samples) | 95th pct | false episodes on flat/diurnal |');
console.log('|---|---|---|---|---|---|---|');
console.log(rows.join('\n'));

const file = packagePath('test', 'fixtures', 'outages', 'ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv');
const parsed = parseSignals(readFileSync(file, 'utf8'), { file, nowMs: Date.now() });
const series: Record<string, JudgedSample[]> = {};
for (const source of ['darknet', 'active_probing']) {
  const pts = parsed.points.filter((p) => p.source === source).map((p) => ({ t: Date.parse(p.t), v: p.value }));
  const j = judgeSeries(pts);
  for (const e of j.episodes)
    console.log(
      source,
      'onset',
      e.onset,
      'after',
      e.onset_after,
      'recovery',
      e.recovery,
      'drop',
      e.drop,
      'median',
      e.median_value,
      'baseline',
      e.median_baseline,
    );
  // Judged samples for the figure: re-judge and keep everything (the episodes list only evidence).
  series[source] = pts.map((p) => ({ t: new Date(p.t).toISOString(), value: p.v, baseline: null, baseline_kind: null, ratio: null, low: false }));
  const sample = j.episodes[0]?.samples ?? [];
  for (const s of sample) {
    const x = series[source].find((y) => y.t === s.t);
    if (x) Object.assign(x, s);
  }
}

// SVG: both series normalised to their pre-cut median, onset marked.
const W = 900;
const H = 300;
const t0 = Date.parse('2019-11-14T08:00:00Z');
const t1 = Date.parse('2019-11-23T15:00:00Z');
const x = (t: number) => 50 + ((t - t0) / (t1 - t0)) * (W - 70);
const y = (r: number) => H - 40 - Math.min(r, 1.6) * ((H - 70) / 1.6);
const lines = Object.entries(series).map(([source, s], i) => {
  const pre = s
    .filter((p) => p.value !== null && Date.parse(p.t) < Date.parse('2019-11-16T14:00:00Z'))
    .map((p) => p.value!)
    .sort((a, b) => a - b);
  const med = pre[Math.floor(pre.length / 2)]!;
  const segs: string[] = [];
  let cur: string[] = [];
  for (const p of s) {
    if (p.value === null) {
      if (cur.length) segs.push(cur.join(' '));
      cur = [];
      continue;
    }
    cur.push(`${x(Date.parse(p.t)).toFixed(1)},${y(p.value / med).toFixed(1)}`);
  }
  if (cur.length) segs.push(cur.join(' '));
  const colour = i === 0 ? '#1f77b4' : '#d62728';
  return (
    segs.map((pts) => `<polyline fill="none" stroke="${colour}" stroke-width="1" points="${pts}"/>`).join('') +
    `<text x="${W - 260}" y="${20 + i * 16}" fill="${colour}" font-size="12">${source} / its median before 16 Nov 14:00 (${med})</text>`
  );
});
const onset = Date.parse('2019-11-16T14:25:00Z');
const days = Array.from({ length: 10 }, (_, i) => Date.parse('2019-11-15T00:00:00Z') + i * 86_400_000).filter((d) => d < t1);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
${days.map((d) => `<line x1="${x(d)}" x2="${x(d)}" y1="20" y2="${H - 40}" stroke="#eee"/><text x="${x(d) + 2}" y="${H - 25}" font-size="10">${new Date(d).toISOString().slice(5, 10)}</text>`).join('')}
<line x1="50" x2="${W - 20}" y1="${y(0.5)}" y2="${y(0.5)}" stroke="#999" stroke-dasharray="4 3"/><text x="52" y="${y(0.5) - 3}" font-size="10">drop ratio 0.5</text>
<line x1="50" x2="${W - 20}" y1="${y(1)}" y2="${y(1)}" stroke="#ccc"/><text x="20" y="${y(1) + 3}" font-size="10">1.0</text><text x="20" y="${y(0) + 3}" font-size="10">0</text>
${lines.join('\n')}
<line x1="${x(onset)}" x2="${x(onset)}" y1="20" y2="${H - 40}" stroke="black"/><text x="${x(onset) + 3}" y="34" font-size="11">detected onset 16 Nov 14:25 UTC (after 14:20)</text>
<text x="50" y="${H - 8}" font-size="10">IODA signals for IranCell (AS44244), UTC; data: IODA/CAIDA via OONI (CC BY 3.0). Gaps are missing samples.</text>
</svg>
`;
writeFileSync(packagePath('docs', 'design', '070-iran-2019.svg'), svg);
