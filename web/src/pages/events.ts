/**
 * Event list (/events?country=&category=&from=&to=&started_from=&q=): where every count on the
 * dashboard links to (a count by start year as started_from..to). Filters map one to one onto GET /api/events; the CSV is the API's own export.
 * A count no filter can express links to its events by id (/events?id=a,b,c): the page lists
 * exactly those events, each read from GET /api/events/{id}.
 */
import { apiUrl, csvUrl, type EventList, getJson, type LedgerEvent } from '../api.js';
import { categories, pageHead, pool } from '../common.js';
import { parseIds } from '../event-ids.js';
import { h } from '../dom.js';
import { day, titleCase } from '../format.js';
import { navigate, type PageContext } from '../router.js';
import { empty, section } from '../ui/state.js';
import { dataTable } from '../ui/table.js';

const FILTERS = ['country', 'category', 'from', 'started_from', 'to', 'q'] as const;

export default async function events({ root, query, signal }: PageContext): Promise<void> {
  const f = Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const ids = parseIds(query.getAll('id'));
  const cats = await categories();
  // a category the ledger does not have is quoted as given, never dressed as one of its names
  const catName = (c: string) => (cats.includes(c) ? titleCase(c) : `“${c}”`);
  const what = [
    f.country,
    ids.length && `${ids.length} event${ids.length === 1 ? '' : 's'} by id`,
    f.category && f.category.split(',').map(catName).join(' + '),
    f.started_from &&
      `started ${f.to && f.to !== f.started_from ? `${f.started_from}–${f.to}` : f.started_from === f.to ? `in ${f.to}` : `from ${f.started_from}`}`,
    !f.started_from && (f.from && f.to && f.from === f.to ? f.from : [f.from, f.to].filter(Boolean).join('–')),
    f.q && `“${f.q}”`,
  ]
    .filter(Boolean)
    .join(' · ');
  pageHead(root, `Ledger events${what ? `: ${what}` : ''}`, 'Each row opens the event with its sources and revision history.');
  // "category=shutdown,block" (links from the comparison's groups): one request per category, merged.
  const list = f.category.split(',').filter(Boolean);
  const form = h(
    'form',
    { class: 'controls', 'aria-label': 'Event filters' },
    h('label', null, 'Country (ISO alpha-2) ', h('input', { name: 'country', value: f.country, size: 4, maxlength: 2, pattern: '[A-Za-z]{2}' })),
    h(
      'label',
      null,
      'Category ',
      h(
        'select',
        { name: 'category' },
        h('option', { value: '' }, 'All'),
        cats.map((c) => h('option', { value: c, selected: c === f.category }, titleCase(c))),
        // a list of categories, or a value that is none (the API refuses it), stays chosen as the URL gave it
        list.length > 1 ? h('option', { value: f.category, selected: true }, list.map(titleCase).join(' + ')) : null,
        list.length === 1 && !cats.includes(f.category) ? h('option', { value: f.category, selected: true }, f.category) : null,
      ),
    ),
    h('label', null, 'From ', h('input', { name: 'from', value: f.from, size: 10, placeholder: 'YYYY[-MM[-DD]]' })),
    h('label', null, 'Started from ', h('input', { name: 'started_from', value: f.started_from, size: 10, placeholder: 'YYYY[-MM[-DD]]' })),
    h('label', null, 'To ', h('input', { name: 'to', value: f.to, size: 10, placeholder: 'YYYY[-MM[-DD]]' })),
    h('label', null, 'Text ', h('input', { name: 'q', value: f.q, size: 16, type: 'search' })),
    h('button', { type: 'submit' }, 'Filter'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim()) p.set(k, v.trim());
    navigate(`/events?${p.toString()}`);
  });
  const slot = h('div');
  root.append(form, slot);
  const q = { ...f, country: f.country.toUpperCase(), limit: 1000 };
  const load = async (): Promise<EventList> => {
    if (ids.length) {
      const items = await pool(ids, 4, (id) => getJson<LedgerEvent>(`/api/events/${encodeURIComponent(id)}`, {}, signal));
      return { items: items.sort((x, y) => y.start.localeCompare(x.start)), next_cursor: null, total: items.length };
    }
    if (list.length < 2) return getJson<EventList>('/api/events', q, signal);
    const pages = await Promise.all(list.map((category) => getJson<EventList>('/api/events', { ...q, category }, signal)));
    const items = pages.flatMap((p) => p.items).sort((x, y) => y.start.localeCompare(x.start));
    return { items, next_cursor: pages.some((p) => p.next_cursor) ? 'more' : null, total: pages.reduce((n, p) => n + p.total, 0) };
  };
  await section(
    slot,
    'events',
    load,
    (page) => {
      if (page.items.length === 0) return empty('No events match these filters.');
      return [
        dataTable(
          [
            { key: 'id', label: 'Id', csvOnly: true },
            { key: 'start', label: 'Start', cell: (e) => day(e.start) },
            { key: 'end', label: 'End', cell: (e) => day(e.end ?? 'ongoing / n.a.') },
            { key: 'title', label: 'Event', cell: (e) => h('a', { href: `/events/${e.id}` }, e.title) },
            { key: 'category', label: 'Category', cell: (e) => `${titleCase(e.category)} · ${e.subtype.replace(/_/g, ' ')}` },
            { key: 'countries', label: 'Countries', cell: (e) => e.countries.join(', '), csv: (e) => e.countries.join('; ') },
            { key: 'sources', label: 'Sources', numeric: true, cell: (e) => String(e.sources.length), csv: (e) => e.sources.map((s) => s.url).join('; ') },
          ],
          page.items,
          {
            caption: `${page.total ?? page.items.length} events${page.next_cursor ? ' (first 1000 shown)' : ''}`,
            csvName: 'splinternet-events.csv',
            // one category: the events export of the same filters (every row and field); ids: that export cut to them; merged categories: the rows above, lists joined with "; " as there
            csvHref: ids.length ? csvUrl('/api/events', { country: q.country }) : list.length > 1 ? undefined : csvUrl('/api/events', q),
            csvKeep: ids.length ? { column: 'id', values: ids } : undefined,
          },
        ),
        list.length > 1 || ids.length
          ? null
          : h(
              'p',
              { class: 'note' },
              'Full export with every field: ',
              h('a', { href: apiUrl('/api/export/events.csv', { ...f, country: q.country }), download: 'events.csv' }, 'events.csv'),
              ' · ',
              h('a', { href: apiUrl('/api/export/events.json', { ...f, country: q.country }), download: 'events.json' }, 'JSON'),
            ),
      ];
    },
    signal,
  );
}
