/**
 * Event list (/events?country=&region=&category=&subtype=&from=&to=&started_from=&q=&status=&origin=):
 * where every count on the dashboard links to (a count by start year as started_from..to). Every
 * filter GET /api/events takes is read and sent as given (web/src/event-query.ts); the CSV is the API's own export.
 * A count no filter can express links to its events by id (/events?id=a,b,c): the page lists
 * exactly those events, each read from GET /api/events/{id}.
 */
import { apiUrl, csvUrl, type EventList, getJson, type LedgerEvent, paramEnum } from '../api.js';
import { categories, pageHead, pool, withCurrent } from '../common.js';
import { eventFilters, filtersBesideIds } from '../event-query.js';
import { notTwoLetters } from '../page-params.js';
import { parseIds } from '../event-ids.js';
import { h } from '../dom.js';
import { endNotRecorded } from '../../../src/ledger/end-text.js';
import { count, day, num, titleCase } from '../format.js';
import { navigate, type PageContext } from '../router.js';
import { empty, section } from '../ui/state.js';
import { dataTable } from '../ui/table.js';

export default async function events({ root, query, signal }: PageContext): Promise<void> {
  const f = eventFilters(query);
  const ids = parseIds(query.getAll('id'));
  const [cats, statuses, origins] = await Promise.all([categories(), paramEnum('/api/events', 'status'), paramEnum('/api/events', 'origin')]);
  // a category the ledger does not have is quoted as given, never dressed as one of its names
  const catName = (c: string) => (cats.includes(c) ? titleCase(c) : `“${c}”`);
  const what = [
    f.country,
    f.region,
    ids.length && `${ids.length} event${ids.length === 1 ? '' : 's'} by id`,
    f.category && f.category.split(',').map(catName).join(' + '),
    f.subtype && f.subtype.replace(/_/g, ' '),
    f.started_from &&
      `started ${f.to && f.to !== f.started_from ? `${f.started_from}–${f.to}` : f.started_from === f.to ? `in ${f.to}` : `from ${f.started_from}`}`,
    !f.started_from && (f.from && f.to && f.from === f.to ? f.from : [f.from, f.to].filter(Boolean).join('–')),
    f.q && `“${f.q}”`,
    f.status && `status ${f.status}`,
    f.origin && `from ${f.origin}`,
    f.include_retracted && `retracted included: ${f.include_retracted}`,
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
    h('label', null, 'Region (ISO 3166-2) ', h('input', { name: 'region', value: f.region, size: 7, placeholder: 'RU-MOW' })),
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
    h('label', null, 'Subtype ', h('input', { name: 'subtype', value: f.subtype, size: 12, placeholder: 'e.g. mobile' })),
    h('label', null, 'From ', h('input', { name: 'from', value: f.from, size: 10, placeholder: 'YYYY[-MM[-DD]]' })),
    h('label', null, 'Started from ', h('input', { name: 'started_from', value: f.started_from, size: 10, placeholder: 'YYYY[-MM[-DD]]' })),
    h('label', null, 'To ', h('input', { name: 'to', value: f.to, size: 10, placeholder: 'YYYY[-MM[-DD]]' })),
    h('label', null, 'Text ', h('input', { name: 'q', value: f.q, size: 16, type: 'search' })),
    // the API's own vocabularies, and the URL's value when it is none of them (the API refuses it in its words)
    h(
      'label',
      null,
      'Status ',
      h(
        'select',
        { name: 'status' },
        ['', ...withCurrent(statuses, f.status)].map((v) => h('option', { value: v, selected: v === f.status }, v || 'any')),
      ),
    ),
    h(
      'label',
      null,
      'Origin ',
      h(
        'select',
        { name: 'origin' },
        ['', ...withCurrent(origins, f.origin)].map((v) => h('option', { value: v, selected: v === f.origin }, v || 'any')),
      ),
    ),
    f.include_retracted ? h('input', { type: 'hidden', name: 'include_retracted', value: f.include_retracted }) : null,
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
  const q = { ...f, limit: 1000 };
  const besideIds = filtersBesideIds(query);
  const load = async (): Promise<EventList> => {
    if (besideIds.length)
      throw new Error(
        `the list by id takes country only (to head it); ${besideIds.map((k) => `"${k}"`).join(', ')} cannot narrow it. Open the list without "id" to filter by ${besideIds.length === 1 ? 'it' : 'them'}.`,
      );
    const badCountry = notTwoLetters('country', f.country);
    if (badCountry) throw new Error(badCountry);
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
            { key: 'end', label: 'End', cell: (e) => (endNotRecorded(e) ? 'not recorded' : day(e.end ?? 'ongoing / n.a.')) },
            { key: 'title', label: 'Event', cell: (e) => h('a', { href: `/events/${e.id}` }, e.title) },
            { key: 'category', label: 'Category', cell: (e) => `${titleCase(e.category)} · ${e.subtype.replace(/_/g, ' ')}` },
            { key: 'countries', label: 'Countries', cell: (e) => e.countries.join(', '), csv: (e) => e.countries.join('; ') },
            { key: 'sources', label: 'Sources', numeric: true, cell: (e) => String(e.sources.length), csv: (e) => e.sources.map((s) => s.url).join('; ') },
          ],
          page.items,
          {
            caption: `${count(page.total ?? page.items.length, 'event')}${page.next_cursor ? ` (first ${num(page.items.length)} shown)` : ''}`,
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
              h('a', { href: apiUrl('/api/export/events.csv', f), download: 'events.csv' }, 'events.csv'),
              ' · ',
              h('a', { href: apiUrl('/api/export/events.json', f), download: 'events.json' }, 'JSON'),
            ),
      ];
    },
    signal,
  );
}
