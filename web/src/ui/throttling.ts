/**
 * Throttling view: the share of speed tests in which the target was far slower than the control,
 * per ASN (and target) per day (GET /api/speedtests/summary), with the verdict and median speeds.
 */
import * as Plot from '@observablehq/plot';
import { csvUrl, getJson, hasApi, type SpeedtestDay, type SpeedTestSummary } from '../api.js';
import { chartWidth } from '../common.js';
import { num, pct } from '../format.js';
import { figure } from './figure.js';
import { empty, notAvailable, section } from './state.js';
import { dataTable } from './table.js';

/** A row of the heat map: the network, and its target when the items measured more than one (never two targets in one cell). */
const asLabel = (d: SpeedtestDay, manyTargets: boolean) => {
  const name = d.as_name && d.as_name.length > 30 ? `${d.as_name.slice(0, 29)}…` : d.as_name;
  return `AS${String(d.asn).replace(/^AS/i, '')}${name ? ` ${name}` : ''}${manyTargets ? ` → ${d.target ?? 'unnamed target'}` : ''}`;
};

/** Networks drawn in the heat map: the most-tested ones (a country can have a thousand ASNs). */
const TOP_NETWORKS = 25;

export function throttlingFigure(items: SpeedtestDay[], cc: string): HTMLElement {
  const manyTargets = new Set(items.map((d) => d.target)).size > 1;
  const all = items.map((d) => ({ ...d, as: asLabel(d, manyTargets) }));
  const tests = new Map<string, number>();
  for (const r of all) tests.set(r.as, (tests.get(r.as) ?? 0) + r.n);
  const nets = [...tests.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_NETWORKS)
    .map(([n]) => n);
  const shown = new Set(nets);
  const rows = all.filter((r) => shown.has(r.as));
  const chart = Plot.plot({
    width: chartWidth(),
    marginLeft: Math.min(240, 12 + 6.5 * Math.max(...nets.map((n) => n.length))),
    marginBottom: 50,
    height: 60 + 22 * Math.max(1, nets.length),
    x: { type: 'band', label: 'Day', tickRotate: -40, tickFormat: (d: string) => d.slice(5) },
    y: { label: null, domain: nets },
    color: { type: 'linear', scheme: 'reds', domain: [0, 1], legend: true, label: 'Share of tests throttled', tickFormat: '.0%' },
    marks: [
      Plot.cell(
        rows.filter((r) => r.verdict !== 'insufficient'),
        {
          x: 'day',
          y: 'as',
          fill: 'share_throttled',
          inset: 0.5,
          title: (r: (typeof rows)[number]) =>
            `${r.as} ${r.day}: ${r.verdict}, ${pct(r.share_throttled)} of ${num(r.n)} counted tests throttled; median ${num(r.median_target_kbps)} vs control ${num(r.median_control_kbps)} kbps`,
        },
      ),
      Plot.cell(
        rows.filter((r) => r.verdict === 'insufficient'),
        {
          x: 'day',
          y: 'as',
          fill: '#e0e0d8',
          inset: 0.5,
          title: (r: (typeof rows)[number]) => `${r.as} ${r.day}: insufficient data (${num(r.n)} of ${num(r.tests_read)} tests counted)`,
        },
      ),
    ],
  });
  const table = dataTable(
    [
      { key: 'day', label: 'Day' },
      { key: 'as', label: 'Network' },
      // the tests read for the network-day, and those counted (their control reached 1 Mbps), as the API and its CSV name them
      { key: 'tests_read', label: 'Tests read', numeric: true },
      { key: 'n', label: 'Counted tests', numeric: true },
      { key: 'share_throttled', label: 'Throttled', numeric: true, cell: (r) => pct(r.share_throttled) },
      { key: 'median_target_kbps', label: 'Target kbps', numeric: true, cell: (r) => num(r.median_target_kbps) },
      { key: 'median_control_kbps', label: 'Control kbps', numeric: true, cell: (r) => num(r.median_control_kbps) },
      { key: 'verdict', label: 'Verdict' },
    ],
    all,
    {
      caption: `Speed tests in ${cc} per network per day (all ${tests.size} networks)`,
      csvName: `splinternet-${cc}-throttling.csv`,
      csvHref: csvUrl('/api/speedtests/summary', { cc }),
      maxRows: 500,
    },
  );
  const throttled = all.filter((r) => r.verdict === 'throttled');
  const throttledNets = new Set(throttled.map((r) => r.as));
  return figure(chart, table, {
    title: `Throttling in ${cc}: share of tests throttled, per network per day`,
    label: `Heat map of the ${nets.length} most-tested of ${tests.size} networks over ${new Set(rows.map((r) => r.day)).size} days; ${throttled.length} network-days on ${throttledNets.size} networks judged throttled.`,
    note: `The ${nets.length} networks with the most tests are drawn (the table and CSV hold all ${tests.size}). A test counts as throttled when the target is far slower than the control in the same test (thresholds in the detector’s design note). Grey: too few tests to judge.`,
  });
}

export async function throttlingView(slot: HTMLElement, cc: string, signal: AbortSignal): Promise<void> {
  if (!(await hasApi('/api/speedtests/summary'))) {
    slot.replaceChildren(notAvailable('Throttling view', 'GET /api/speedtests/summary (the detector)'));
    return;
  }
  await section(
    slot,
    'the speed-test summary',
    () => getJson<SpeedTestSummary>('/api/speedtests/summary', { cc }, signal),
    (r) => (r.items.length ? throttlingFigure(r.items, cc) : empty(`No speed tests for ${cc} in this database.`)),
    signal,
  );
}
