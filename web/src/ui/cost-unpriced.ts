/**
 * The cost block of a country whose comparison has no row: each shutdown, throttling and block
 * event is asked for its cost (GET /api/events/{id}/cost, at most 4 in flight), and those the
 * engine cannot price are listed year by year with what they miss and the command that loads
 * the missing data, so "nothing priced" is never mistaken for "nothing to price".
 */
import { ApiError, type EventCost, getJson, type LedgerEvent } from '../api.js';
import { COSTABLE, pool } from '../common.js';
import { h } from '../dom.js';
import { count } from '../format.js';
import { idsHref } from '../event-ids.js';
import { unpricedByYear, unpricedHeadline, type UnpricedEvent } from '../unpriced.js';
import { empty } from './state.js';
import { dataTable } from './table.js';

const MAX_EVENTS = 150;

export async function unpricedView(cc: string, events: readonly LedgerEvent[], signal: AbortSignal): Promise<Node[]> {
  const costable = events.filter((e) => COSTABLE.includes(e.category));
  if (!costable.length) return [empty(`No shutdown, throttling or block event of ${cc} to price, and no published cost for this country.`)];
  const asked = costable.slice(0, MAX_EVENTS);
  const results = await pool(asked, 4, async (e): Promise<UnpricedEvent | null> => {
    try {
      const r = await getJson<EventCost>(`/api/events/${encodeURIComponent(e.id)}/cost`, {}, signal);
      return r.estimates.length ? null : { id: e.id, start: e.start, reasons: r.missing.map((m) => m.reason) };
    } catch (err) {
      return { id: e.id, start: e.start, reasons: [err instanceof ApiError ? err.message : String(err)] };
    }
  });
  const unpriced = results.filter((x): x is UnpricedEvent => x !== null);
  if (!unpriced.length) return [empty(`The cost engine prices ${count(asked.length, 'event')} of ${cc}, but none falls in a year the comparison shows.`)];
  const years = unpricedByYear(unpriced);
  return [
    h(
      'div',
      { class: 'state empty', role: 'note' },
      h('strong', null, `${unpricedHeadline(cc, unpriced)}: `),
      `${count(unpriced.length, 'event')} of ${count(asked.length, 'shutdown, throttling or block event', 'shutdown, throttling and block events')} asked ${unpriced.length === 1 ? 'is' : 'are'} not priced (listed below with what ${unpriced.length === 1 ? 'it misses' : 'they miss'}). `,
      'Load the shipped World Bank, Rosstat and NBS data with ',
      h('code', null, 'splinternet db seed'),
      ', or newer files with ',
      h('code', null, 'splinternet data import worldbank|rosstat-grp|rosstat-regional|nbs-grp FILE'),
      '.',
      costable.length > asked.length ? ` The first ${asked.length} of ${costable.length} were asked.` : '',
    ),
    dataTable(
      [
        { key: 'year', label: 'Start year' },
        {
          key: 'not_priced',
          label: 'Not priced',
          numeric: true,
          cell: (y) => h('a', { href: idsHref(y.ids, cc) }, count(y.ids.length, 'event')),
          csv: (y) => y.ids.length,
        },
        { key: 'event_ids', label: 'Event ids', csvOnly: true, csv: (y) => y.ids.join('; ') },
        { key: 'reasons', label: 'What they miss', cell: (y) => y.reasons.join('; '), csv: (y) => y.reasons.join('; ') },
      ],
      years,
      { caption: `${cc}: events not priced, by start year`, csvName: `splinternet-${cc}-not-priced.csv` },
    ),
  ];
}
