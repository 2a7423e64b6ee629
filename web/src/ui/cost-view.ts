/**
 * How a cost estimate is shown everywhere (event page, calculator): each method side by side
 * with its median, 90% interval, point estimate, USD conversion (rate and its date), method
 * version, and the inputs table with sources; then per-region breakdowns.
 */
import * as Plot from '@observablehq/plot';
import { chartWidth } from '../common.js';
import { h } from '../dom.js';
import { interval, isNum, money, short, text } from '../format.js';
import type { CostEstimate, CostInput, EventCost } from '../api.js';
import { figure } from './figure.js';
import { costLabel, estimateRows } from './cost-rows.js';
import { dataTable } from './table.js';

const sourceCell = (s: unknown) => {
  if (!s) return '—';
  if (typeof s === 'string') return /^https?:/.test(s) ? h('a', { href: s, rel: 'noopener', target: '_blank' }, s) : s;
  const o = s as { url?: string; title?: string; publisher?: string; name?: string };
  const label = o.title ?? o.name ?? o.publisher ?? o.url ?? JSON.stringify(s);
  return o.url && /^https?:/.test(o.url) ? h('a', { href: o.url, rel: 'noopener', target: '_blank' }, label) : label;
};

const valueCell = (v: unknown) => (isNum(v) ? (Math.abs(v) >= 1e4 ? short(v) : String(Number(v.toPrecision(6)))) : text(v));

export function inputsTable(inputs: CostInput[], caption: string, csvName: string): HTMLElement {
  return dataTable(
    [
      { key: 'name', label: 'Input' },
      { key: 'value', label: 'Value', numeric: true, cell: (r) => valueCell(r.value) },
      { key: 'unit', label: 'Unit', cell: (r) => r.unit ?? '' },
      { key: 'year', label: 'Year', cell: (r) => String(r.year ?? '') },
      { key: 'source', label: 'Source', cell: (r) => sourceCell(r.source) },
    ],
    inputs,
    { caption, csvName },
  );
}

function estimateCard(e: CostEstimate): HTMLElement {
  const notes = e.notes;
  return h(
    'section',
    { class: 'card estimate', 'data-method': e.method },
    h(
      'h3',
      null,
      e.method,
      e.method_version ? h('span', { class: 'note' }, ` v${e.method_version}`) : null,
      e.proxy ? h('span', { class: 'badge proxy', title: e.proxy }, ' proxy') : null,
    ),
    h('p', { class: 'big' }, money(e.median, e.currency)),
    h(
      'dl',
      { class: 'kv' },
      h('dt', null, '90% interval'),
      h('dd', null, `${money(e.low, e.currency)} – ${money(e.high, e.currency)}`),
      h('dt', null, 'Point estimate'),
      h('dd', null, money(e.point, e.currency)),
      e.usd ? [h('dt', null, 'In USD'), h('dd', null, interval(e.usd.median, e.usd.low, e.usd.high, 'USD'))] : null,
      // amounts computed in US dollars used no rate: said so, never as a 1:1 rate line
      e.usd && /^none\b/.test(e.usd.rate_kind ?? '')
        ? [h('dt', null, 'Currency'), h('dd', null, `amounts in US dollars (no exchange rate used: ${(e.usd.rate_kind ?? '').replace(/^none:\s*/, '')})`)]
        : e.usd?.rate
          ? [
              h('dt', null, 'Exchange rate'),
              h(
                'dd',
                null,
                `${e.usd.rate.toFixed(e.usd.rate >= 100 ? 1 : 4)} ${e.usd.rate_unit ?? `${e.currency}/USD`}${e.usd.rate_date ? ` on ${e.usd.rate_date}` : ''}`,
              ),
            ]
          : null,
      e.years?.length ? [h('dt', null, 'Data years'), h('dd', null, e.years.join(', '))] : null,
      e.data_vintage?.length ? [h('dt', null, 'Data vintage'), h('dd', null, e.data_vintage.join('; '))] : null,
      e.proxy ? [h('dt', null, 'Proxy'), h('dd', null, e.proxy)] : null,
    ),
    notes.length
      ? h(
          'ul',
          { class: 'note' },
          notes.map((n) => h('li', null, n)),
        )
      : null,
    e.inputs?.length
      ? h('details', null, h('summary', null, `Inputs (${e.inputs.length})`), inputsTable(e.inputs, `Inputs of ${e.method}`, `cost-inputs-${e.method}.csv`))
      : null,
  );
}

/** What the view draws: a scenario's estimates (POST/GET /api/cost), or an event's, with how the event became a scenario. */
export type CostView = Pick<EventCost, 'estimates' | 'spread' | 'skipped'> & Partial<Pick<EventCost, 'mapping' | 'missing'>>;

/** Methods side by side, a comparison chart with intervals, and region breakdowns. */
export function costResultView(r: CostView, title: string): HTMLElement {
  const ests = r.estimates.filter((e) => isNum(e.median));
  const rows = estimateRows(ests);
  const withUsd = rows.filter((x) => isNum(x.median_usd));
  const chart = Plot.plot({
    width: chartWidth(),
    marginLeft: 130,
    height: 40 + 36 * Math.max(1, withUsd.length),
    x: { label: 'USD (median, 90% interval)', grid: true, tickFormat: short },
    y: { label: null, domain: withUsd.map((x) => x.method) },
    marks: [
      Plot.ruleY(withUsd, { x1: 'low_usd', x2: 'high_usd', y: 'method', strokeWidth: 3, stroke: '#c9a27e' }),
      Plot.dot(withUsd, {
        x: 'median_usd',
        y: 'method',
        fill: '#8a2c0d',
        r: 5,
        title: (d: (typeof rows)[number]) => `${d.method}: ${interval(d.median_usd, d.low_usd, d.high_usd, 'USD')}`,
      }),
    ],
  });
  const spread =
    r.spread?.ratio ??
    (withUsd.length > 1 ? Math.max(...withUsd.map((x) => x.median_usd ?? 0)) / Math.max(1, Math.min(...withUsd.map((x) => x.median_usd ?? 0))) : null);
  const table = dataTable(
    [
      { key: 'method', label: 'Method' },
      { key: 'method_version', label: 'Version', csvOnly: true },
      { key: 'currency', label: 'Currency', csvOnly: true },
      { key: 'median', label: 'Median', numeric: true, cell: (x) => money(x.median, x.currency) },
      { key: 'low', label: '5%', numeric: true, cell: (x) => money(x.low, x.currency) },
      { key: 'high', label: '95%', numeric: true, cell: (x) => money(x.high, x.currency) },
      { key: 'median_usd', label: 'Median USD', numeric: true, cell: (x) => money(x.median_usd) },
      { key: 'low_usd', label: '5% USD', numeric: true, cell: (x) => money(x.low_usd) },
      { key: 'high_usd', label: '95% USD', numeric: true, cell: (x) => money(x.high_usd) },
      { key: 'data_vintage', label: 'Data vintage', csvOnly: true },
      { key: 'sources', label: 'Sources', csvOnly: true },
    ],
    rows,
    { caption: 'Estimates by method', csvName: 'cost-estimates.csv' },
  );
  const regionRows = ests.flatMap((e) =>
    (e.regions ?? []).map((g) => ({
      method: e.method,
      code: g.code,
      name: g.name,
      median: g.median,
      low: g.low,
      high: g.high,
      currency: e.currency,
    })),
  );
  const skipped = r.skipped ?? [];
  return h(
    'div',
    { class: 'cost-result' },
    r.mapping?.length ? h('p', { class: 'note' }, `Scenario from the event: ${r.mapping.join('; ')}.`) : null,
    r.missing?.length
      ? h(
          'div',
          { class: 'state empty' },
          h('strong', null, 'What this event lacks for a full estimate: '),
          r.missing.map((m) => `${m.field}: ${m.reason}`).join('; '),
        )
      : null,
    h('div', { class: 'cards' }, ests.map(estimateCard)),
    skipped.length
      ? h('p', { class: 'note' }, `Methods that cannot price this scenario: ${skipped.map((s) => `${s.method} (${s.parameter}: ${s.reason})`).join('; ')}.`)
      : null,
    withUsd.length
      ? figure(chart, table, {
          title,
          label: costLabel(withUsd),
          note:
            spread && spread > 1
              ? `Spread between methods: the highest median is ${spread.toFixed(1)}× the lowest. Each method's assumptions are in its inputs table.`
              : undefined,
        })
      : table,
    regionRows.length
      ? dataTable(
          [
            { key: 'method', label: 'Method' },
            { key: 'code', label: 'Region' },
            { key: 'name', label: 'Name' },
            { key: 'currency', label: 'Currency', csvOnly: true },
            { key: 'median', label: 'Median', numeric: true, cell: (x) => money(x.median, x.currency) },
            { key: 'low', label: '5%', numeric: true, cell: (x) => money(x.low, x.currency) },
            { key: 'high', label: '95%', numeric: true, cell: (x) => money(x.high, x.currency) },
          ],
          regionRows,
          { caption: 'Per-region breakdown', csvName: 'cost-regions.csv' },
        )
      : null,
  );
}
