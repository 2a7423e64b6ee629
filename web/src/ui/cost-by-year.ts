/**
 * Model cost totals by year for a country: each costable ledger event (shutdown, throttling,
 * block) priced by the cost engine (GET /api/events/:id/cost), summed per start year and method.
 * Summing the events' 5% and 95% bounds overstates the spread of a total; the note says so.
 */
import * as Plot from '@observablehq/plot';
import { ApiError, type EventCost, getJson, hasApi, type LedgerEvent } from '../api.js';
import { chartWidth, COSTABLE, pool } from '../common.js';
import { h } from '../dom.js';
import { count, money, short } from '../format.js';
import { figure } from './figure.js';
import { empty, notAvailable } from './state.js';
import { dataTable } from './table.js';
import { idsHref } from '../event-ids.js';

const MAX_EVENTS = 150;

export async function costByYear(slot: HTMLElement, cc: string, events: LedgerEvent[], signal: AbortSignal): Promise<void> {
  if (!(await hasApi('/api/events/{id}/cost'))) {
    slot.replaceChildren(notAvailable('Cost totals', 'GET /api/events/:id/cost (the cost engine)'));
    return;
  }
  const costable = events.filter((e) => COSTABLE.includes(e.category)).slice(0, MAX_EVENTS);
  if (!costable.length) {
    slot.replaceChildren(empty('No shutdown, throttling or block events to price.'));
    return;
  }
  slot.replaceChildren(h('p', { class: 'state loading', role: 'status' }, `Pricing ${count(costable.length, 'event')}…`));
  const results = await pool(costable, 4, async (e) => {
    try {
      const r = await getJson<EventCost>(`/api/events/${encodeURIComponent(e.id)}/cost`, {}, signal);
      const lacks = r.missing.map((m) => `${m.field}: ${m.reason}`).join('; ');
      return { e, r, err: r.estimates.length ? null : lacks || 'no method could price it' };
    } catch (err) {
      return { e, r: null, err: err instanceof ApiError ? err.message : String(err) };
    }
  });
  if (signal.aborted) return;
  const rows = new Map<string, { year: string; method: string; median: number; low: number; high: number; n: number; ids: string[] }>();
  for (const { e, r } of results) {
    for (const est of r?.estimates ?? []) {
      const usd = est.usd ?? (est.currency === 'USD' ? est : undefined);
      if (!usd || !Number.isFinite(usd.median)) continue;
      const k = `${e.start.slice(0, 4)}|${est.method}`;
      const cur = rows.get(k) ?? { year: e.start.slice(0, 4), method: est.method, median: 0, low: 0, high: 0, n: 0, ids: [] };
      cur.median += usd.median;
      cur.low += usd.low;
      cur.high += usd.high;
      cur.n++;
      cur.ids.push(e.id);
      rows.set(k, cur);
    }
  }
  const data = [...rows.values()].sort((a, b) => a.year.localeCompare(b.year) || a.method.localeCompare(b.method));
  const failed = results.filter((x) => x.err);
  const out: Node[] = [];
  if (data.length) {
    const chart = Plot.plot({
      width: chartWidth(),
      marginLeft: 60,
      height: 260,
      x: { label: null, axis: null },
      fx: { label: 'Start year' },
      y: { label: 'USD (sum of medians)', grid: true, tickFormat: short },
      color: { legend: true, label: 'Method' },
      marks: [
        Plot.barY(data, {
          fx: 'year',
          x: 'method',
          y: 'median',
          fill: 'method',
          title: (d: (typeof data)[number]) =>
            `${d.year}, ${d.method}: ${money(d.median, 'USD')} over ${count(d.n, 'event')} (summed 90% bounds ${money(d.low)}–${money(d.high)})`,
        }),
        Plot.ruleX(data, { fx: 'year', x: 'method', y1: 'low', y2: 'high', stroke: '#333' }),
      ],
    });
    const table = dataTable(
      [
        { key: 'year', label: 'Year' },
        { key: 'method', label: 'Method' },
        { key: 'n', label: 'Events', numeric: true, cell: (d) => h('a', { href: idsHref(d.ids, cc) }, String(d.n)), csv: (d) => d.n },
        { key: 'event_ids', label: 'Event ids', csvOnly: true, csv: (d) => d.ids.join('; ') },
        { key: 'median', label: 'Sum of medians (USD)', numeric: true, cell: (d) => money(d.median) },
        { key: 'low', label: 'Sum of 5% (USD)', numeric: true, cell: (d) => money(d.low) },
        { key: 'high', label: 'Sum of 95% (USD)', numeric: true, cell: (d) => money(d.high) },
      ],
      data,
      { caption: `Model cost of ${cc} disruptions by start year and method`, csvName: `splinternet-${cc}-cost-by-year.csv` },
    );
    out.push(
      figure(chart, table, {
        title: 'Estimated cost of disruptions by start year',
        label: `Cost by year and method for ${cc}: ${data.map((d) => `${d.year} ${d.method} ${money(d.median, 'USD')}`).join('; ')}`,
        note: 'Each event priced by the cost engine over its own span and regions; an event is counted in its start year. Totals add the events’ medians; the whiskers add their 5% and 95% bounds, which overstates the spread of a sum. Methods are named in the legend; open an event for its inputs.',
      }),
    );
  } else out.push(empty('The cost engine priced none of these events.'));
  if (failed.length) {
    out.push(
      h(
        'details',
        null,
        h('summary', null, `${count(failed.length, 'event')} could not be priced`),
        dataTable(
          [
            { key: 'id', label: 'Event', cell: (x) => h('a', { href: `/events/${x.e.id}` }, x.e.title), csv: (x) => x.e.id },
            { key: 'err', label: 'What is missing' },
          ],
          failed,
          { caption: 'Events without an estimate' },
        ),
      ),
    );
  }
  slot.replaceChildren(...out);
}
