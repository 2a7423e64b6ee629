/**
 * Measurement aggregates (GET /api/measurements/summary) as a heat map of target ×
 * day coloured by the most severe verdict status of each cell.
 */
import * as Plot from '@observablehq/plot';
import { chartWidth } from '../common.js';
import { h } from '../dom.js';
import { figure } from './figure.js';
import { dataTable } from './table.js';
import type { MeasurementCell } from '../api.js';

/** Our verdict statuses, most severe first (a cell shows the most severe status it holds). */
export const STATUSES = ['blocked', 'likely_blocked', 'down', 'invalid', 'insufficient', 'ok'] as const;
export const OONI_FLAGS = ['confirmed', 'anomaly', 'failure', 'ok'] as const;
const COLORS: Record<string, string> = {
  blocked: '#b2182b',
  likely_blocked: '#ef8a62',
  down: '#8c8c8c',
  invalid: '#c2a5cf',
  insufficient: '#e0e0d8',
  ok: '#4d9221',
  confirmed: '#b2182b',
  anomaly: '#ef8a62',
  failure: '#8c8c8c',
};

/** One heat-map cell: a summary cell of GET /api/measurements/summary, with its counts grouped. */
export interface Cell {
  day: string;
  cc: string;
  asn: string;
  test_name: string;
  target: string;
  total: number;
  counts: Record<string, number>;
  ooni: Record<string, number>;
  examples: Record<string, string>;
  mechanisms: Record<string, number>;
  status: string;
}

/** A summary cell's counts grouped by our verdict status and by OONI's flags; the status shown is the most severe present. */
export function normalizeCell(r: MeasurementCell): Cell {
  const counts: Cell['counts'] = {};
  for (const s of STATUSES) if (r[s]) counts[s] = r[s];
  const ooni: Cell['ooni'] = {};
  for (const f of OONI_FLAGS) if (r[`${f}_count`]) ooni[f] = r[`${f}_count`];
  const status =
    STATUSES.find((s) => (counts[s] ?? 0) > 0) ??
    (ooni.confirmed ? 'confirmed' : ooni.anomaly ? 'anomaly' : ooni.failure ? 'failure' : r.n ? 'ok' : 'insufficient');
  return {
    day: r.bucket.replace('T', ' ').slice(0, 19),
    cc: r.probe_cc,
    asn: r.probe_asn,
    test_name: r.test_name,
    target: r.target || r.test_name,
    total: r.n,
    counts,
    ooni,
    examples: r.examples,
    mechanisms: r.mechanisms,
    status,
  };
}

const cellTitle = (c: Cell) =>
  `${c.target} · ${c.day} · ${c.cc} ${c.asn} · ${c.test_name}\n${c.total} measurements; ${Object.entries(c.counts)
    .filter(([, n]) => n)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ')}${
    Object.keys(c.ooni).length
      ? `\nOONI: ${Object.entries(c.ooni)
          .map(([s, n]) => `${s} ${n}`)
          .join(', ')}`
      : ''
  }`;

/** Merge cells over ASNs and tests into one per (target, day); the most severe status wins. */
export function byTargetDay(cells: Cell[]): Cell[] {
  const m = new Map<string, Cell>();
  for (const c of cells) {
    const k = `${c.target}\u0000${c.day.slice(0, 10)}`;
    const cur = m.get(k);
    if (!cur) {
      m.set(k, { ...c, day: c.day.slice(0, 10), counts: { ...c.counts }, ooni: { ...c.ooni }, examples: { ...c.examples }, asn: c.asn });
      continue;
    }
    cur.total += c.total;
    for (const [s, n] of Object.entries(c.counts)) cur.counts[s] = (cur.counts[s] ?? 0) + n;
    for (const [s, n] of Object.entries(c.ooni)) cur.ooni[s] = (cur.ooni[s] ?? 0) + n;
    for (const [s, id] of Object.entries(c.examples)) cur.examples[s] ??= id;
    if (cur.asn !== c.asn) cur.asn = 'several';
    if (cur.test_name !== c.test_name) cur.test_name = 'several';
    const rank = (s: string) => (STATUSES as readonly string[]).indexOf(s) >>> 0;
    if (rank(c.status) < rank(cur.status)) cur.status = c.status;
  }
  return [...m.values()];
}

/** The heat map with its table and CSV; `href` opens a cell (e.g. the explorer's measurement list). */
export function heatmap(cells: Cell[], o: { title: string; href?: (c: Cell) => string; csvName: string; note?: string; targets?: string[] }): HTMLElement {
  const merged = byTargetDay(cells);
  const targets = o.targets ?? [...new Set(merged.map((c) => c.target))].sort();
  const days = [...new Set(merged.map((c) => c.day))].sort();
  const oneYear = days.length > 0 && days[0]?.slice(0, 4) === days.at(-1)?.slice(0, 4);
  const statuses = [...new Set(merged.map((c) => c.status))];
  const chart = Plot.plot({
    width: chartWidth(),
    marginLeft: Math.min(200, 12 + 7 * Math.max(...targets.map((t) => t.length), 4)),
    marginBottom: 50,
    height: 90 + 24 * Math.max(2, targets.length),
    x: {
      type: 'band',
      domain: days,
      label: oneYear ? `Day (${days[0]?.slice(0, 4)})` : 'Day (days with measurements only)',
      tickRotate: -40,
      tickFormat: (d: string) => (oneYear ? d.slice(5) : d),
    },
    y: { label: null, domain: targets },
    color: { domain: statuses, range: statuses.map((s) => COLORS[s] ?? '#999'), legend: true, label: 'Most severe status' },
    marks: [
      Plot.cell(merged, {
        x: 'day',
        y: 'target',
        fill: 'status',
        inset: 0.5,
        title: cellTitle,
        ...(o.href ? { href: o.href } : {}),
        ariaLabel: (c: Cell) => `${c.target} ${c.day}: ${c.status}`,
      }),
    ],
  });
  chart.classList.add('heatmap');
  const table = dataTable(
    [
      { key: 'day', label: 'Day' },
      { key: 'target', label: 'Target', cell: (c) => (o.href ? h('a', { href: o.href(c) }, c.target) : c.target) },
      { key: 'status', label: 'Most severe status' },
      { key: 'total', label: 'Measurements', numeric: true },
      ...STATUSES.map((s) => ({
        key: s,
        label: s.replace('_', ' '),
        numeric: true,
        cell: (c: Cell) => String(c.counts[s] ?? 0),
        csv: (c: Cell) => c.counts[s] ?? 0,
      })),
      {
        key: 'ooni',
        label: 'OONI flags',
        cell: (c) =>
          Object.entries(c.ooni)
            .map(([k, n]) => `${k} ${n}`)
            .join(', '),
        csv: (c) => c.ooni,
      },
    ],
    merged.sort((a, b) => a.day.localeCompare(b.day) || a.target.localeCompare(b.target)),
    { caption: o.title, csvName: o.csvName },
  );
  return figure(chart, table, {
    title: o.title,
    label: `Heat map of ${targets.length} targets over ${new Set(merged.map((c) => c.day)).size} days; cells coloured by the most severe verdict status: ${statuses.join(', ')}.`,
    note:
      o.note ??
      'Status is our per-layer verdict (method: docs/design/020-measurement-pipeline.md), the most severe among the day’s measurements; OONI’s own flags are in the table.',
  });
}
