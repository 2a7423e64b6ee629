/**
 * Detections (/detections?cc=&kind=&since=&until=): what the detectors (docs/design/030-detection.md) find in the
 * stored measurements and speed tests: blocks, throttling and shutdowns, each with its summary,
 * strength, networks, the ledger status of its draft, and a chart of its own evidence (drawn
 * from the evidence query the detection carries). Every series judged is listed too, so
 * "insufficient data" is never silent.
 */
import * as Plot from '@observablehq/plot';
import { getJson, hasApi, paramEnum, type MeasurementSummary, type SpeedTestSummary } from '../api.js';
import { chartWidth, pageHead, withCurrent } from '../common.js';
import { h } from '../dom.js';
import { day, measure, text } from '../format.js';
import { navigate, type PageContext } from '../router.js';
import { heatmap, normalizeCell } from '../ui/measure-view.js';
import { figure } from '../ui/figure.js';
import { empty, notAvailable, section } from '../ui/state.js';
import { dataTable } from '../ui/table.js';
import { throttlingFigure } from '../ui/throttling.js';
import type { components } from '../api-types.js';

type Detection = components['schemas']['Detection'];
type DetectionList = components['schemas']['DetectionList'];

/** The chart every detection shows at once: its per-network figure (throttled share, severity ...). */
function perNetworkFigure(d: Detection): HTMLElement | null {
  const rows = d.per_network;
  const first = rows[0];
  if (!first) return null;
  const numeric = Object.keys(first).filter((k) => typeof first[k] === 'number');
  const key = ['share_throttled', 'severity', 'share_blocked', 'depth'].find((k) => numeric.includes(k)) ?? numeric[0];
  if (!key) return null;
  const label = (r: Record<string, unknown>) => `${text(r.asn ?? r.probe_asn ?? '?')}${r.as_name ? ` ${text(r.as_name).slice(0, 26)}` : ''}`;
  const top = [...rows].sort((a, b) => Number(b[key]) - Number(a[key])).slice(0, 15);
  const chart = Plot.plot({
    width: chartWidth(),
    height: 40 + 20 * top.length,
    marginLeft: 230,
    x: { label: key.replace(/_/g, ' '), grid: true },
    y: { label: null, domain: top.map(label) },
    marks: [
      Plot.barX(top, {
        y: label,
        x: (r: Record<string, unknown>) => Number(r[key]),
        fill: '#8a2c0d',
        title: (r: Record<string, unknown>) =>
          Object.entries(r)
            .map(([k, v]) => `${k}: ${text(v)}`)
            .join('\n'),
      }),
      Plot.ruleX([0]),
    ],
  });
  const table = dataTable(
    Object.keys(first).map((k) => ({ key: k, label: k.replace(/_/g, ' '), numeric: typeof first[k] === 'number' })),
    rows,
    { caption: `Per network (${rows.length})`, csvName: `${d.id}-networks.csv` },
  );
  return figure(chart, table, {
    title: `${key.replace(/_/g, ' ')} by network (top ${top.length} of ${rows.length})`,
    label: `${d.kind} detection ${d.id}: ${key} per network; highest ${top
      .slice(0, 3)
      .map((r) => `${label(r)} ${text(r[key])}`)
      .join(', ')}.`,
  });
}

/** The detection's own evidence, drawn the way the explorer or the throttling view draws it. */
function evidenceChart(d: Detection, signal: AbortSignal): HTMLElement {
  const slot = h('div');
  const path = d.evidence_query.api.split('?')[0] ?? '';
  const params = { ...Object.fromEntries(new URLSearchParams(d.evidence_query.api.split('?')[1] ?? '')), ...d.evidence_query.params };
  if (path.startsWith('/api/speedtests/summary')) {
    void section(
      slot,
      'the speed tests',
      () => getJson<SpeedTestSummary>(path, params, signal),
      (r) => (r.items.length ? throttlingFigure(r.items, d.probe_cc) : empty('No speed tests behind this detection.')),
      signal,
    );
  } else if (path.startsWith('/api/measurements')) {
    void section(
      slot,
      'the measurements',
      () => getJson<MeasurementSummary>('/api/measurements/summary', { grain: 'day', ...params }, signal),
      (r) =>
        r.cells.length
          ? heatmap(r.cells.map(normalizeCell), { title: `Evidence of ${d.id}`, csvName: `${d.id}.csv` })
          : empty('No measurements behind this detection.'),
      signal,
    );
  } else {
    slot.append(
      d.per_network.length
        ? dataTable(
            Object.keys(d.per_network[0] ?? {}).map((key) => ({ key, label: key, cell: (r: Record<string, unknown>) => text(r[key]) })),
            d.per_network,
            { caption: 'Per network', csvName: `${d.id}-networks.csv` },
          )
        : empty('No evidence query.'),
    );
  }
  return slot;
}

function card(d: Detection, signal: AbortSignal): HTMLElement {
  const chart = h('details', { class: 'evidence' }, h('summary', null, 'Evidence by day (the data behind the detection)'));
  chart.addEventListener(
    'toggle',
    () => {
      if (chart.open && chart.children.length === 1) chart.append(evidenceChart(d, signal));
    },
    { once: false },
  );
  return h(
    'section',
    { class: 'card detection', 'data-kind': d.kind, id: d.id },
    h('h3', null, `${d.kind} · ${d.probe_cc}${d.probe_asn ? ` ${d.probe_asn}` : ''}${d.target ? ` · ${d.target}` : ''}`),
    h('p', null, d.summary),
    h(
      'dl',
      { class: 'kv' },
      h('dt', null, 'When'),
      h('dd', null, `${day(d.start)}${d.start_censored ? ' (or earlier)' : ''} – ${d.end ? day(d.end) : `ongoing at ${day(d.data_until)}`}`),
      h('dt', null, 'Scope'),
      h('dd', null, `${d.scope}; networks: ${d.networks.join(', ') || '—'}${d.layer ? `; layer ${d.layer}` : ''}`),
      h('dt', null, 'Strength'),
      h(
        'dd',
        null,
        Object.entries(d.strength)
          .map(([k, v]) => `${k.replace(/_/g, ' ')} ${measure(k, v)}`)
          .join(' · '),
      ),
      h('dt', null, 'Ledger'),
      h(
        'dd',
        null,
        d.draft
          ? [h('a', { href: `/events/${d.draft.id}` }, d.draft.id), ` (${d.draft.status}, revision ${d.draft.revision})`]
          : 'no draft yet (splinternet detect --emit creates one)',
      ),
      h('dt', null, 'Evidence'),
      h('dd', null, h('code', null, d.evidence_query.cli)),
      h('dt', null, 'Method'),
      h('dd', null, d.method),
      h('dt', null, 'Sources'),
      h('dd', null, d.sources.map((s) => `${s.name} (${s.licence})`).join('; ')),
    ),
    perNetworkFigure(d),
    chart,
  );
}

export default async function detections({ root, query, signal }: PageContext): Promise<void> {
  pageHead(root, 'Detections', 'Blocks, throttling and shutdowns the detectors find in the data, each a draft for a human to confirm or dismiss.');
  if (!(await hasApi('/api/detections'))) {
    root.append(notAvailable('Detections', 'GET /api/detections (the detector)'));
    return;
  }
  const f = { cc: query.get('cc') ?? '', kind: query.get('kind') ?? '', since: query.get('since') ?? '', until: query.get('until') ?? '' };
  const kinds = await paramEnum('/api/detections', 'kind');
  const form = h(
    'form',
    { class: 'controls', 'aria-label': 'Detection filters' },
    h('label', null, 'Country ', h('input', { name: 'cc', value: f.cc, size: 3, maxlength: 2, placeholder: 'all' })),
    h(
      'label',
      null,
      'Kind ',
      h(
        'select',
        { name: 'kind' },
        // the kinds the API documents (/openapi.json), and the URL's own value when it is none of them
        ['', ...withCurrent(kinds, f.kind)].map((k) => h('option', { value: k, selected: k === f.kind }, k || 'all')),
      ),
    ),
    h('label', null, 'Since ', h('input', { name: 'since', type: 'date', value: f.since })),
    h('label', null, 'Until ', h('input', { name: 'until', type: 'date', value: f.until })),
    h('button', { type: 'submit', class: 'primary' }, 'Detect'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v) p.set(k, v);
    navigate(`/detections?${p.toString()}`);
  });
  const slot = h('div');
  root.append(form, slot);
  await section(
    slot,
    'the detections',
    () => getJson<DetectionList>('/api/detections', { ...f, cc: f.cc.toUpperCase() }, signal),
    (r) => {
      const insufficient = r.series.filter((s) => s.status === 'insufficient');
      return [
        r.items.length
          ? h(
              'div',
              { class: 'detections' },
              r.items.map((d) => card(d, signal)),
            )
          : empty('No detections for these filters.'),
        h(
          'details',
          null,
          h('summary', null, `${r.series.length} series judged (${insufficient.length} with insufficient data)`),
          dataTable(
            [
              { key: 'kind', label: 'Kind' },
              { key: 'probe_cc', label: 'Country', cell: (s) => s.probe_cc ?? '—' },
              { key: 'probe_asn', label: 'Network', cell: (s) => `${s.probe_asn ?? 'all'}${s.as_name ? ` ${s.as_name}` : ''}` },
              { key: 'target', label: 'Target', cell: (s) => s.target ?? '—' },
              { key: 'status', label: 'Judged' },
              { key: 'state', label: 'State', cell: (s) => s.state ?? '—' },
              { key: 'reason', label: 'Why not', cell: (s) => s.reason ?? '' },
            ],
            r.series,
            { caption: 'Every series the detectors looked at', csvName: 'splinternet-detection-series.csv' },
          ),
        ),
        h(
          'p',
          { class: 'note' },
          Object.entries(r.methods)
            .map(([k, m]) => `${k}: ${m}`)
            .join(' '),
        ),
      ];
    },
    signal,
  );
}
