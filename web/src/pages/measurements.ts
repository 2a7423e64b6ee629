/**
 * Measurement explorer (/measurements?cc=&asn=&test_name=&target=&since=&until=): filters (ASNs
 * with their names from GET /api/networks), a heat map of target × day coloured by our verdict
 * status, click-through to the measurements of a cell and to one measurement's verdict and
 * evidence (&id=), and a CSV of the current view. All of it is GET /api/measurements*.
 */
import { getJson, hasApi, type MeasurementList, type MeasurementSummary, type NetworkList } from '../api.js';
import { pageHead } from '../common.js';
import { h, replace } from '../dom.js';
import { day, formValue, num } from '../format.js';
import { navigate, type PageContext } from '../router.js';
import { heatmap, normalizeCell, type Cell } from '../ui/measure-view.js';
import { measurementDetail } from '../ui/measurement-detail.js';
import { headline } from '../ui/measure-headline.js';
import { empty, errorBox, notAvailable, section } from '../ui/state.js';
import { notTwoLetters } from '../page-params.js';
import { dataTable, downloadLink, toCsv } from '../ui/table.js';

const FILTERS = ['cc', 'asn', 'test_name', 'target', 'since', 'until'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

const href = (f: Partial<Filters> & { id?: string; list?: string }) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  return `/measurements?${p.toString()}`;
};

function listView(f: Filters, signal: AbortSignal): HTMLElement {
  const slot = h('div');
  void section(
    slot,
    'the measurements',
    () => getJson<MeasurementList>('/api/measurements', { ...f, limit: 200 }, signal),
    (r) =>
      r.items.length
        ? dataTable(
            [
              { key: 'measurement_start_time', label: 'Start (UTC)', cell: (m) => day(m.measurement_start_time) },
              { key: 'target', label: 'Target', cell: (m) => h('a', { href: href({ ...f, id: m.id }) }, m.target || m.input || m.test_name) },
              { key: 'probe_asn', label: 'Network', cell: (m) => `${m.probe_asn}${m.probe_network_name ? ` ${m.probe_network_name}` : ''}` },
              { key: 'test_name', label: 'Test' },
              { key: 'status', label: 'Verdict', cell: (m) => h('span', { class: `badge status-${m.status}` }, m.status) },
              { key: 'mechanism', label: 'Mechanism', cell: (m) => m.mechanism ?? '—' },
              {
                key: 'ooni',
                label: 'OONI flags',
                cell: (m) => [m.confirmed && 'confirmed', m.anomaly && 'anomaly', m.failure && 'failure'].filter(Boolean).join(', ') || 'ok',
                csv: (m) => JSON.stringify({ anomaly: m.anomaly, confirmed: m.confirmed, failure: m.failure }),
              },
            ],
            r.items,
            {
              caption: `Measurements${f.target ? ` of ${f.target}` : ''}${f.since ? ` from ${f.since}` : ''}${f.until && f.until !== f.since ? ` to ${f.until}` : ''}${r.next_cursor ? ' (first 200)' : ''}`,
              csvName: 'splinternet-measurements-list.csv',
            },
          )
        : empty('No measurements in this cell.'),
    signal,
  );
  return slot;
}

export default async function measurements({ root, query, signal }: PageContext): Promise<void> {
  pageHead(
    root,
    'Measurement explorer',
    'OONI measurements with our per-layer verdicts. Pick a country and network; click a cell for its measurements, and a measurement for its verdict and evidence.',
  );
  if (!(await hasApi('/api/measurements/summary'))) {
    root.append(notAvailable('Measurement explorer', 'GET /api/measurements/summary and /api/measurements (the measurement pipeline)'));
    return;
  }
  const f = Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? ''])) as Filters;
  f.cc = (f.cc || 'RU').toUpperCase();
  const asnSelect = h('select', { name: 'asn' }, h('option', { value: '' }, 'All networks'));
  const form = h(
    'form',
    { class: 'controls', 'aria-label': 'Measurement filters' },
    h('label', null, 'Country ', h('input', { name: 'cc', value: f.cc, size: 3, maxlength: 2, required: true, pattern: '[A-Za-z]{2}' })),
    h('label', null, 'Network (ASN) ', asnSelect),
    h(
      'label',
      null,
      'Test ',
      h('input', { name: 'test_name', value: f.test_name, size: 16, list: 'tests', placeholder: 'any' }),
      h('datalist', { id: 'tests' }),
    ),
    h(
      'label',
      null,
      'Target ',
      h('input', { name: 'target', value: f.target, size: 16, list: 'targets', placeholder: 'domain or app' }),
      h('datalist', { id: 'targets' }),
    ),
    h('label', null, 'Since ', h('input', { name: 'since', type: 'date', value: f.since.slice(0, 10) })),
    h('label', null, 'Until ', h('input', { name: 'until', type: 'date', value: f.until.slice(0, 10) })),
    h('button', { type: 'submit', class: 'primary' }, 'Show'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p: Partial<Filters> = {};
    for (const k of FILTERS) p[k] = formValue(new FormData(form), k);
    navigate(href(p));
  });
  const detail = h('div');
  const overview = h('div');
  const list = h('div');
  root.append(form, detail, overview, list);
  const badCc = notTwoLetters('cc', f.cc);
  if (badCc) {
    overview.replaceChildren(errorBox(new Error(badCc), 'the measurement summary'));
    return;
  }

  // The page is busy until the network list is filled: a click before then would abort it.
  const networks = getJson<NetworkList>('/api/networks', { cc: f.cc }, signal)
    .then((r) => {
      for (const n of r.items)
        asnSelect.append(
          h(
            'option',
            { value: n.probe_asn, selected: n.probe_asn === f.asn || n.probe_asn === `AS${f.asn}` },
            `${n.probe_asn}${n.names?.[0] ? ` ${n.names[0]}` : ''} (${num(n.measurements)})`,
          ),
        );
    })
    .catch(() => asnSelect.append(h('option', { value: f.asn, selected: true, disabled: !f.asn }, f.asn || 'network names unavailable')));

  const id = query.get('id');
  const shown = id ? measurementDetail(detail, id, signal) : undefined;
  if (query.get('list') || id) list.append(h('h2', null, 'Measurements'), listView(f, signal));

  await section(
    overview,
    'the measurement summary',
    () => getJson<MeasurementSummary>('/api/measurements/summary', { ...f, grain: 'day' }, signal),
    (r) => {
      const cells = r.cells.map(normalizeCell);
      const tests = [...new Set(cells.map((c) => c.test_name))].sort();
      replace(
        form.querySelector('#tests') ?? h('datalist'),
        tests.map((t) => h('option', { value: t })),
      );
      replace(
        form.querySelector('#targets') ?? h('datalist'),
        [...new Set(cells.map((c) => c.target))].sort().map((t) => h('option', { value: t })),
      );
      if (!cells.length)
        return empty(`No measurements match these filters${r.data_vintage.first_bucket === null ? ' (the database holds none for them)' : ''}.`);
      const t = r.totals;
      const cellHref = (c: Cell) => href({ ...f, target: c.target, since: c.day, until: c.day, list: '1' });
      return [
        h('p', null, headline(t)),
        heatmap(cells, {
          title: `${f.cc}${f.asn ? ` ${f.asn}` : ''}: verdict status by target and day`,
          csvName: `splinternet-${f.cc}-target-day.csv`,
          href: cellHref,
        }),
        h(
          'p',
          { class: 'note' },
          downloadLink('Download this view (cells) as CSV', `splinternet-${f.cc}-cells.csv`, () =>
            toCsv(
              ['day', 'cc', 'asn', 'test_name', 'target', 'total', 'status', 'counts', 'ooni', 'mechanisms', 'examples'].map((key) => ({ key, label: key })),
              cells,
            ),
          ),
          ` Method: ${r.method} (rules ${r.rules_version}). Source: ${r.source}. Data: ${r.data_vintage.first_bucket ?? '?'} to ${r.data_vintage.last_bucket ?? '?'}.`,
        ),
      ];
    },
    signal,
  );
  await Promise.all([networks, shown]);
}
