/**
 * Registry (/registry?snapshot=): Russia's blocking register. Growth over time (the ledger's
 * registry indicator series), the blocked IPv4 space by organisation for a snapshot (today's
 * routing), target versus collateral, the Telegram 2018 panel (decision 2-1779/2018), and a
 * lookup of an address or domain. Reads GET /api/registry/* and /api/indicators.
 */
import * as Plot from '@observablehq/plot';
import { ApiError, getJson, hasApi, type Indicator, type IndicatorList } from '../api.js';
import { chartWidth, pageHead } from '../common.js';
import { chartRows } from '../indicator-rows.js';
import { h } from '../dom.js';
import { day, formValue, num, pct, short } from '../format.js';
import { navigate, type PageContext } from '../router.js';
import type { components } from '../api-types.js';
import { figure } from '../ui/figure.js';
import { empty, notAvailable, section } from '../ui/state.js';
import { dataTable } from '../ui/table.js';

type Schemas = components['schemas'];
type Org = Schemas['RegistryAsns']['organisations'][number];
type Summary = Schemas['RegistrySummary'];
type Asns = Schemas['RegistryAsns'];
type Decision = Schemas['RegistryDecision'];
type Lookup = Schemas['RegistryLookup'];

const TELEGRAM_DECISION = '2-1779/2018';
const NO_SNAPSHOT =
  'No registry snapshot imported yet: run `splinternet registry import FILE...` (a dump of the register) or `splinternet db seed` (the shipped ones).';

/** One chart of indicator series over time: lines, or stacked areas for parts of a whole. */
function seriesFigure(series: Indicator[], title: string, o: { stacked?: boolean; log?: boolean; csv: string }): HTMLElement {
  const rows = chartRows(series, o);
  const tip = (d: (typeof rows)[number]) => `${d.series}\n${d.period}: ${num(d.value)} ${d.unit} (${d.source})`;
  const chart = Plot.plot({
    width: chartWidth(),
    height: 280,
    marginLeft: 60,
    x: { type: 'utc', label: null },
    y: { grid: true, label: series[0]?.unit ?? '', tickFormat: short, ...(o.log ? { type: 'log' as const } : {}) },
    color: { legend: true, label: 'Series' },
    marks: o.stacked
      ? [Plot.areaY(rows, { x: 'date', y: 'value', fill: 'series', title: tip, curve: 'step-after' }), Plot.ruleY([0])]
      : [
          // a line joins only comparable neighbours (indicator-rows.ts); a point alone or a lower bound is always drawn
          Plot.line(
            rows.filter((d) => !d.alone),
            { x: 'date', y: 'value', stroke: 'series', z: 'segment', curve: 'step-after' },
          ),
          Plot.dot(
            rows.filter((d, i) => !d.lower_bound && (d.alone || rows.length < 60 || i % 20 === 0)),
            { x: 'date', y: 'value', fill: 'series', r: 2.5, title: tip },
          ),
          Plot.dot(
            rows.filter((d) => d.lower_bound),
            { x: 'date', y: 'value', stroke: 'series', fill: 'white', strokeWidth: 1.5, r: 4, title: (d: (typeof rows)[number]) => `${tip(d)}\nlower bound` },
          ),
        ],
  });
  const table = dataTable(
    [
      { key: 'series', label: 'Series' },
      { key: 'period', label: 'Period' },
      { key: 'value', label: 'Value', numeric: true, cell: (d) => `${num(d.value)}${d.lower_bound ? ' (lower bound)' : ''}` },
      { key: 'unit', label: 'Unit' },
      { key: 'source', label: 'Source' },
    ],
    rows,
    { caption: title, csvName: o.csv, maxRows: 300 },
  );
  const last = series.map((s) => `${s.title} ${num(s.values.at(-1)?.value)} (${s.values.at(-1)?.period ?? '?'})`).slice(0, 4);
  return figure(chart, table, {
    title,
    label: `${title}: ${series.length} series; latest ${last.join('; ')}.`,
    note: rows.some((d) => d.lower_bound)
      ? 'From the ledger’s indicator series (each value with its source). Hollow points are lower bounds: figures of a truncated, partial or derived extract, not comparable with one another, so no line joins them. A line joins only values at most 45 days apart.'
      : 'From the ledger’s indicator series (each value with its source). A line joins only values at most 45 days apart; sparser values are points.',
  });
}

/** Growth over time: size, entries by decision body, blocked addresses. */
function growth(series: Indicator[]): HTMLElement[] {
  const byBody = series.filter((s) => /-records-/.test(s.id));
  const size = series.filter((s) => !byBody.includes(s) && /record|domain/.test(s.unit));
  const addresses = series.filter((s) => /address/.test(s.unit));
  return [
    size.length ? seriesFigure(size, 'Register size: records and domains', { csv: 'splinternet-registry-size.csv' }) : null,
    byBody.length ? seriesFigure(byBody, 'Records by decision body', { stacked: true, csv: 'splinternet-registry-by-body.csv' }) : null,
    addresses.length
      ? seriesFigure(addresses, 'IPv4 addresses listed and blocked (log scale)', { log: true, csv: 'splinternet-registry-addresses.csv' })
      : null,
  ].filter((x): x is HTMLElement => x !== null);
}

function orgFigure(a: Asns, snapshot: string): HTMLElement {
  const rows = a.organisations.filter((o) => o.blocked > 0);
  const chart = Plot.plot({
    width: chartWidth(),
    height: 40 + 24 * Math.max(1, rows.length),
    marginLeft: 220,
    x: { label: 'Blocked IPv4 addresses', grid: true, tickFormat: short },
    y: { label: null, domain: rows.map((r) => r.org) },
    marks: [
      Plot.barX(rows, {
        y: 'org',
        x: 'blocked',
        fill: '#8a2c0d',
        title: (o: Org) => `${o.org}: ${num(o.blocked)} addresses blocked (${pct(o.share_of_announced, 1)} of its announced space); AS ${o.asns.join(', ')}`,
      }),
      Plot.ruleX([0]),
    ],
  });
  const table = dataTable(
    [
      { key: 'org', label: 'Organisation' },
      { key: 'asns', label: 'ASNs', cell: (o) => o.asns.map((x) => `AS${x}`).join(', '), csv: (o) => o.asns.join(' ') },
      { key: 'blocked', label: 'Blocked addresses', numeric: true, cell: (o) => num(o.blocked) },
      { key: 'announced', label: 'Announced today', numeric: true, cell: (o) => num(o.announced) },
      { key: 'share_of_announced', label: 'Share blocked', numeric: true, cell: (o) => pct(o.share_of_announced, 1) },
    ],
    a.organisations,
    { caption: `Blocked IPv4 space by organisation, snapshot ${snapshot}`, csvName: `splinternet-registry-orgs-${snapshot}.csv` },
  );
  return figure(chart, table, {
    title: 'Whose networks the register blocks',
    label: `Blocked addresses by organisation: ${rows
      .slice(0, 5)
      .map((o) => `${o.org} ${short(o.blocked)}`)
      .join(', ')}.`,
    note: `Attributed with today’s routing (${a.as_data.package} ${a.as_data.version}, ${a.as_data.licence}), not the routing of the dump’s date; ${num(a.totals.not_announced_today)} addresses are not announced today.`,
  });
}

function telegramPanel(d: Decision): HTMLElement {
  const s = d.snapshots[0];
  return h(
    'section',
    { class: 'card telegram-2018' },
    h('h3', null, `Telegram, 2018: decision ${d.decision_number}`),
    h('p', null, `${d.decision_bodies.join(', ')}, ${d.decision_dates.join(', ')}. `, h('a', { href: '/events/ru-2018-telegram-block' }, 'The ledger event')),
    s
      ? dataTable(
          [
            { key: 'snapshot', label: 'Snapshot', cell: (x) => `${x.snapshot}${x.lower_bound ? ' (lower bound)' : ''}` },
            { key: 'entries', label: 'Entries', numeric: true },
            { key: 'ipv4', label: 'Distinct IPv4', numeric: true, cell: (x) => num(x.ipv4.distinct_addresses), csv: (x) => x.ipv4.distinct_addresses },
            { key: 'target', label: 'In Telegram’s own ranges', numeric: true, cell: (x) => num(x.collateral.target), csv: (x) => x.collateral.target },
            { key: 'collateral', label: 'Collateral', numeric: true, cell: (x) => num(x.collateral.collateral), csv: (x) => x.collateral.collateral },
            {
              key: 'orgs',
              label: 'Organisations hit',
              cell: (x) =>
                x.organisations
                  .slice(0, 5)
                  .map((o) => `${o.org} (${short(o.addresses)})`)
                  .join('; '),
              csv: (x) => x.organisations,
            },
          ],
          d.snapshots,
          { caption: 'The decision in each snapshot that lists it', csvName: 'splinternet-registry-telegram-2018.csv' },
        )
      : empty('No snapshot lists this decision.'),
  );
}

/** A lookup's answer as readable fields: listed since, the decisions behind it, the network, and the note on what the snapshots can tell. */
function lookupFields(r: Lookup): HTMLElement {
  const since = r.since;
  return h(
    'dl',
    { class: 'kv lookup' },
    since
      ? [
          h('dt', null, 'Listed since'),
          h(
            'dd',
            null,
            `snapshot ${since.first_snapshot} (dumped ${day(since.first_snapshot_dump_at)})${since.decision_date ? `, decision of ${since.decision_date}` : ''}; still in ${since.last_snapshot}`,
          ),
        ]
      : null,
    r.decisions.length
      ? [
          h('dt', null, `Decisions (${r.decisions.length})`),
          h(
            'dd',
            null,
            h(
              'ul',
              null,
              r.decisions.map((d) =>
                h(
                  'li',
                  null,
                  `${d.decision_body} ${d.decision_number}${d.decision_date ? ` of ${d.decision_date}` : ''}: ${d.entries} entr${d.entries === 1 ? 'y' : 'ies'}, in ${d.snapshots.join(', ')}`,
                ),
              ),
            ),
          ),
        ]
      : null,
    r.as ? [h('dt', null, 'Network'), h('dd', null, `AS${r.as.asn} ${r.as.org}`, h('small', { class: 'note' }, ` (${r.as.as_data})`))] : null,
    h('dt', null, 'Note'),
    h('dd', null, r.note),
  );
}

export default async function registry({ root, query, signal }: PageContext): Promise<void> {
  pageHead(root, 'Russia’s blocking register', 'What the register lists, how much address space it blocks, and whose networks that space belongs to.');
  const growthSlot = h('div');
  root.append(h('h2', null, 'Growth over time'), growthSlot);
  void section(
    growthSlot,
    'the register series',
    () => getJson<IndicatorList>('/api/indicators', { country: 'RU' }, signal),
    (r) => {
      const series = r.items.filter((s) => /regist/i.test(s.id));
      return series.length ? growth(series) : empty('No register series in the ledger yet.');
    },
    signal,
  );
  if (!(await hasApi('/api/registry/summary'))) {
    root.append(notAvailable('Snapshot analysis', 'GET /api/registry/summary, /asns, /decisions and /lookup (the registry importer)'));
    return;
  }
  const snapshot = query.get('snapshot') ?? undefined;
  const sumSlot = h('div');
  const orgSlot = h('div');
  const tgSlot = h('div');
  const lookupOut = h('div', { 'aria-live': 'polite' });
  const lookup = h(
    'form',
    { class: 'controls', 'aria-label': 'Look up an address or domain' },
    h(
      'label',
      null,
      'Is it listed? ',
      h('input', { name: 'q', value: query.get('q') ?? '', placeholder: '149.154.167.99 or a domain', size: 24, required: true }),
    ),
    h('button', { type: 'submit' }, 'Look up'),
  );
  // A lookup replaces only its own answer (and the URL's q): the snapshot sections are not fetched again.
  let current: AbortController | null = null;
  const showLookup = (q: string) => {
    current?.abort();
    const mine = new AbortController();
    current = mine;
    signal.addEventListener('abort', () => mine.abort(), { once: true });
    void section(
      lookupOut,
      `the lookup of ${q}`,
      () => getJson<Lookup>('/api/registry/lookup', { q }, mine.signal),
      (r) =>
        h(
          'div',
          { class: 'card' },
          h('p', { class: 'big' }, r.listed ? 'Listed' : 'Not listed in the imported snapshots'),
          r.looked_up_from === 'url' ? h('p', { class: 'note' }, `${r.query} is a URL: looked up its host ${r.looked_up}`) : null,
          lookupFields(r),
        ),
      mine.signal,
    );
  };
  lookup.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams(location.search);
    const q = formValue(new FormData(lookup), 'q');
    p.set('q', q);
    history.replaceState(null, '', `/registry?${p.toString()}`);
    showLookup(q);
  });
  root.append(h('h2', null, 'Snapshot'), sumSlot, orgSlot, h('h2', null, 'The Telegram block, 2018'), tgSlot, h('h2', null, 'Lookup'), lookup, lookupOut);
  const summaryView = (s: Summary) => {
    const picker = h(
      'select',
      { name: 'snapshot', 'aria-label': 'Snapshot' },
      s.snapshots.map((x) =>
        h('option', { value: x.id, selected: x.id === s.snapshot.id }, `${x.dump_at.slice(0, 10)} (${x.id})${x.lower_bound ? ', lower bound' : ''}`),
      ),
    );
    picker.addEventListener('change', () => navigate(`/registry?snapshot=${encodeURIComponent(picker.value)}`, true));
    return h(
      'div',
      null,
      h('label', null, 'Snapshot ', picker),
      h(
        'div',
        { class: 'cards' },
        h(
          'div',
          { class: 'card' },
          h('div', { class: 'big' }, num(s.ipv4.distinct_addresses)),
          'distinct IPv4 addresses blocked',
          s.snapshot.lower_bound ? h('div', { class: 'badge' }, 'lower bound: partial dump') : null,
        ),
        h('div', { class: 'card' }, h('div', { class: 'big' }, num(s.entries.total)), `entries under ${num(s.entries.decisions)} decisions`),
        h(
          'div',
          { class: 'card' },
          h('div', { class: 'big' }, num(s.collateral.collateral)),
          `addresses outside the decisions’ named targets (collateral); ${num(s.collateral.target)} inside`,
        ),
      ),
      h('p', { class: 'note' }, `Method: ${s.method} Collateral rule: ${s.collateral.rule}`),
    );
  };
  // The summary first: a store without a snapshot is said once, with the command, and the
  // blocks that read a snapshot (organisations, the Telegram decision) are not asked at all.
  const summary = section(
    sumSlot,
    'the snapshot summary',
    () =>
      getJson<Summary>('/api/registry/summary', { snapshot }, signal).catch((e: unknown) => {
        if (!snapshot && e instanceof ApiError && e.code === 'NOT_FOUND') return null;
        throw e;
      }),
    (s) => (s ? summaryView(s) : empty(NO_SNAPSHOT)),
    signal,
  );
  const held = await summary;
  if (held === null || held === undefined) {
    orgSlot.remove();
    tgSlot.replaceChildren(empty(held === null ? 'No snapshot to read decision 2-1779/2018 from.' : 'The snapshot summary did not load: see above.'));
  } else {
    void section(
      orgSlot,
      'the organisations',
      () => getJson<Asns>('/api/registry/asns', { snapshot, top: 15 }, signal),
      (a) => (a.organisations.length ? orgFigure(a, snapshot ?? 'default') : empty('No blocked space attributed to any network.')),
      signal,
    );
    void section(
      tgSlot,
      'decision 2-1779/2018',
      () => getJson<Decision>(`/api/registry/decisions/${encodeURIComponent(TELEGRAM_DECISION)}`, {}, signal),
      telegramPanel,
      signal,
    );
  }
  const q = query.get('q');
  if (q) showLookup(q);
}
