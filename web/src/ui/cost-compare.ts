/**
 * A country's model cost per year beside Top10VPN's published figure (GET /api/cost/compare):
 * each event priced by who it cut off and for how long, its hours counted in the year they fall
 * in, summed per method; the ratio, hours and users on both sides, and the cause where the two
 * differ by more than 3×.
 */
import * as Plot from '@observablehq/plot';
import { csvUrl, getJson, type CostCompare, type CostCompareRow, type LedgerEvent } from '../api.js';
import { chartWidth } from '../common.js';
import { h } from '../dom.js';
import { money, num, short, times } from '../format.js';
import { figure } from './figure.js';
import { unpricedView } from './cost-unpriced.js';
import { dataTable } from './table.js';
import { idsHref } from '../event-ids.js';

/** A count of events, linked to the list of exactly those events. */
const countOf = (events: { id: string }[], cc: string) =>
  events.length
    ? h(
        'a',
        {
          href: idsHref(
            events.map((e) => e.id),
            cc,
          ),
        },
        String(events.length),
      )
    : '0';

type Cause = CostCompareRow['causes'][number];

/**
 * Ours and theirs for one factor, in its unit. Where Top10VPN gives no figure for the factor, its
 * ratio is what the row's ratio leaves after the other factors, and is said to be so.
 */
function sides(c: Cause): string {
  const f = (v: number | null) =>
    v === null ? '—' : c.factor === 'hours' ? `${num(Math.round(v))} h` : c.factor === 'users affected' ? short(v) : `$${v.toPrecision(2)}`;
  const unit = c.factor === 'price per user-hour' ? ' a user-hour' : '';
  if (c.theirs === null)
    return `ours ${f(c.ours)}${unit}; Top10VPN gives no ${c.factor === 'price per user-hour' ? 'user count' : 'figure'}, so the ratio is the remainder of the other factors`;
  return `ours ${f(c.ours)}, theirs ${f(c.theirs)}${unit}`;
}

/** The reading of a cause: its explanation after "factor: ours …, theirs … (×r): " or "factor ×r: ". */
function reading(explanation: string): string {
  const i = explanation.indexOf('): ');
  return i >= 0 ? explanation.slice(i + 3) : explanation.slice(explanation.indexOf(': ') + 2);
}

/** Why a row differs, factor by factor (largest first): the factor, its ratio, both sides, and the reading. */
function causesCell(x: CostCompareRow): HTMLElement | string {
  if (!x.causes.length) return x.cause ?? '';
  return h(
    'ul',
    { class: 'causes' },
    ...x.causes.map((c) =>
      h(
        'li',
        { 'data-factor': c.factor, 'data-ratio': String(c.ratio) },
        h('strong', {}, `${c.factor} ${times(c.ratio)}`),
        ` (${sides(c)}): `,
        reading(c.explanation),
      ),
    ),
  );
}

/** `events`: the country's ledger events, read only when no row is compared (to list those not priced and why). */
export async function costCompare(slot: HTMLElement, cc: string, signal: AbortSignal, events: () => Promise<readonly LedgerEvent[]>): Promise<void> {
  slot.replaceChildren(h('p', { class: 'state loading', role: 'status' }, 'Pricing the events and comparing with Top10VPN…'));
  const query = { country: cc };
  const r = await getJson<CostCompare>('/api/cost/compare', query, signal);
  if (signal.aborted) return;
  const rows = r.rows.filter((x) => x.country === cc);
  if (!rows.length) {
    const shown = await unpricedView(cc, await events(), signal);
    if (!signal.aborted) slot.replaceChildren(...shown);
    return;
  }
  const m = r.method;
  const bars = rows.flatMap((x) => [
    ...(x.ours[m] !== undefined ? [{ year: String(x.year), who: `ours (${m})`, usd: x.ours[m] }] : []),
    ...(x.theirs !== null ? [{ year: String(x.year), who: 'Top10VPN', usd: x.theirs }] : []),
  ]);
  const chart = Plot.plot({
    width: chartWidth(),
    marginLeft: 60,
    height: 260,
    x: { label: null, axis: null },
    fx: { label: 'Year' },
    y: { label: 'USD', grid: true, tickFormat: short, type: 'log' },
    color: { legend: true, label: 'Estimate' },
    marks: [
      Plot.barY(bars, { fx: 'year', x: 'who', y: 'usd', fill: 'who', title: (d: (typeof bars)[number]) => `${d.year}, ${d.who}: ${money(d.usd, 'USD')}` }),
    ],
  });
  const methods = [...new Set(rows.flatMap((x) => Object.keys(x.ours)))].sort((a, b) => (a === m ? -1 : b === m ? 1 : a.localeCompare(b)));
  const table = dataTable(
    [
      {
        key: 'year',
        label: 'Year',
        nowrap: true,
        // A Top10VPN row for part of the country is compared with our events there only.
        cell: (x: CostCompareRow) => (x.their_area ? h('span', { 'data-their-area': x.their_area }, `${x.year} (${x.their_area} only)`) : String(x.year)),
        csv: (x: CostCompareRow) => (x.their_area ? `${x.year} (${x.their_area} only)` : x.year),
      },
      ...methods.map((k) => ({
        key: `ours_${k}`,
        label: `Ours, ${k} (USD)`,
        numeric: true,
        // a total over part of the row's events is a lower bound, naming the events it leaves out
        cell: (x: CostCompareRow) => {
          const out = x.ours_leaves_out[k] ?? [];
          return h(
            'span',
            {
              'data-year': String(x.year),
              'data-method': k,
              'data-usd': String(x.ours[k] ?? ''),
              'data-leaves-out': out.length ? out.join(' ') : null,
              class: out.length ? 'lower-bound' : null,
              title: out.length
                ? `At least: ${k} does not price ${out.length === 1 ? 'this event' : `these ${out.length} events`} of the row, so the total leaves ${out.length === 1 ? 'it' : 'them'} out and is not comparable with the others: ${out.join(', ')}`
                : null,
            },
            out.length ? `≥ ${money(x.ours[k])}` : money(x.ours[k]),
          );
        },
        csv: (x: CostCompareRow) => x.ours[k] ?? null,
      })),
      { key: 'theirs', label: 'Top10VPN (USD)', numeric: true, cell: (x: CostCompareRow) => money(x.theirs) },
      { key: 'ratio', label: 'Ours / theirs', numeric: true, cell: (x: CostCompareRow) => times(x.ratio) },
      {
        key: 'hours',
        label: 'Hours ours / theirs',
        numeric: true,
        cell: (x: CostCompareRow) => `${num(Math.round(x.our_hours))} / ${num(x.their_hours)}`,
        csv: (x: CostCompareRow) => `${Math.round(x.our_hours)}/${x.their_hours ?? ''}`,
      },
      {
        key: 'users',
        label: 'Users affected ours / theirs',
        numeric: true,
        cell: (x: CostCompareRow) => `${short(x.our_users)} / ${short(x.their_users)}`,
        csv: (x: CostCompareRow) => `${Math.round(x.our_users)}/${x.their_users ?? ''}`,
      },
      {
        key: 'events',
        label: 'Events',
        numeric: true,
        // each number opens exactly the events it counts
        cell: (x: CostCompareRow) =>
          h(
            'span',
            null,
            countOf(x.events, cc),
            x.events_not_priced.length ? [' (+', countOf(x.events_not_priced, cc), ' not priced)'] : null,
            x.events_outside_area.length ? [' (+', countOf(x.events_outside_area, cc), ` outside ${x.their_area ?? 'the area'})`] : null,
          ),
        csv: (x: CostCompareRow) => x.events.length,
      },
      {
        key: 'cause',
        label: 'Why they differ',
        cell: causesCell,
        csv: (x: CostCompareRow) => x.causes.map((c) => `${c.factor} ${times(c.ratio)} (${sides(c)})`).join('; ') || (x.cause ?? ''),
      },
    ],
    rows,
    {
      caption: `Model cost of ${cc} shutdowns by year beside Top10VPN`,
      csvName: `splinternet-${cc}-cost-compare.csv`,
      csvHref: csvUrl('/api/cost/compare', query),
    },
  );
  slot.replaceChildren(
    figure(chart, table, {
      title: 'Estimated cost of shutdowns by year, beside Top10VPN',
      label: `Cost by year for ${cc}: ${rows.map((x) => `${x.year} ours ${x.ours_leaves_out[m]?.length ? 'at least ' : ''}${money(x.ours[m], 'USD')}, Top10VPN ${money(x.theirs, 'USD')}`).join('; ')}`,
      note: `Each event priced by the share of the country it cut off (the population of its geocoded area; regional output for Russia and China) for its own hours, which count in the year they fall in; totals add the events' medians; "≥" marks a method's total over part of the row's events (ozi-regional and deloitte-2016 do not price platform blocks), a lower bound whose tooltip names the events it leaves out. Top10VPN: ${r.source.title}. ${r.notes.join('; ')}.`,
    }),
  );
}
