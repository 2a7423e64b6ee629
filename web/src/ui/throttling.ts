/**
 * Throttling view: the share of speed tests in which the target was far slower than the control,
 * per ASN per day (GET /api/speedtests/summary, issue #6), with the verdict and median speeds.
 */
import * as Plot from '@observablehq/plot';
import { getJson, hasApi } from '../api.js';
import { chartWidth } from '../common.js';
import { num, pct } from '../format.js';
import type { SpeedtestDay } from '../types.js';
import { figure } from './figure.js';
import { empty, notAvailable, section } from './state.js';
import { dataTable } from './table.js';

const asLabel = (d: SpeedtestDay) => `AS${String(d.asn).replace(/^AS/i, '')}${d.as_name ? ` ${d.as_name}` : ''}`;

export function throttlingFigure(items: SpeedtestDay[], cc: string): HTMLElement {
  const rows = items.map((d) => ({ ...d, as: asLabel(d) }));
  const nets = [...new Set(rows.map((r) => r.as))];
  const chart = Plot.plot({
    width: chartWidth(),
    marginLeft: Math.min(240, 12 + 6.5 * Math.max(...nets.map((n) => n.length))),
    marginBottom: 50,
    height: 60 + 22 * Math.max(1, nets.length),
    x: { type: 'band', label: 'Day', tickRotate: -40, tickFormat: (d: string) => d.slice(5) },
    y: { label: null, domain: nets },
    color: { type: 'linear', scheme: 'reds', domain: [0, 1], legend: true, label: 'Share of tests throttled', tickFormat: '.0%' },
    marks: [
      Plot.cell(rows.filter((r) => r.verdict !== 'insufficient'), { x: 'day', y: 'as', fill: 'share_throttled', inset: 0.5, title: (r: (typeof rows)[number]) => `${r.as} ${r.day}: ${r.verdict}, ${pct(r.share_throttled)} of ${r.n} tests throttled; median ${num(r.median_target_kbps)} vs control ${num(r.median_control_kbps)} kbps` }),
      Plot.cell(rows.filter((r) => r.verdict === 'insufficient'), { x: 'day', y: 'as', fill: '#e0e0d8', inset: 0.5, title: (r: (typeof rows)[number]) => `${r.as} ${r.day}: insufficient data (${r.n} tests)` }),
    ],
  });
  const table = dataTable(
    [
      { key: 'day', label: 'Day' },
      { key: 'as', label: 'Network' },
      { key: 'n', label: 'Tests', numeric: true },
      { key: 'share_throttled', label: 'Throttled', numeric: true, cell: (r) => pct(r.share_throttled) },
      { key: 'median_target_kbps', label: 'Target kbps', numeric: true, cell: (r) => num(r.median_target_kbps) },
      { key: 'median_control_kbps', label: 'Control kbps', numeric: true, cell: (r) => num(r.median_control_kbps) },
      { key: 'verdict', label: 'Verdict' },
    ],
    rows,
    { caption: `Speed tests in ${cc} per network per day`, csvName: `splinternet-${cc}-throttling.csv` },
  );
  const throttled = rows.filter((r) => r.verdict === 'throttled');
  return figure(chart, table, {
    title: `Throttling in ${cc}: share of tests throttled, per network per day`,
    label: `Heat map of ${nets.length} networks over ${new Set(rows.map((r) => r.day)).size} days; ${throttled.length} network-days judged throttled.`,
    note: 'A test counts as throttled when the target is far slower than the control in the same test (thresholds in the detector’s design note). Grey: too few tests to judge.',
  });
}

export async function throttlingView(slot: HTMLElement, cc: string, signal: AbortSignal): Promise<void> {
  if (!(await hasApi('/api/speedtests/summary'))) {
    slot.replaceChildren(notAvailable('Throttling view', 'GET /api/speedtests/summary (the detector)'));
    return;
  }
  await section(slot, 'the speed-test summary', () => getJson<{ items: SpeedtestDay[] }>('/api/speedtests/summary', { cc }, signal), (r) => (r.items.length ? throttlingFigure(r.items, cc) : empty(`No speed tests for ${cc} in this database.`)), signal);
}
