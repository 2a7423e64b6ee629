/**
 * China vs Russia (/compare/CN-RU, any pair works; an address that is not a pair of two-letter
 * codes is refused, naming the bad part): generated from the ledger. Counts by
 * category per year side by side; the share of technical measures (shutdowns, throttling,
 * blocks) against legal and offline ones (laws, repression), the chapter's thesis on how
 * differently the two control the internet; and the cooperation events between them.
 * Every number links to the list of events behind it.
 */
import * as Plot from '@observablehq/plot';
import { csvUrl, type EventCount, type EventCounts, getAll, getJson, type LedgerEvent } from '../api.js';
import { categories, categoryColor, chartWidth, countLink, eventsHref, pageHead, startedIn } from '../common.js';
import { h } from '../dom.js';
import { day, pct, titleCase } from '../format.js';
import { countryNames } from '../geo.js';
import { comparePair } from '../page-params.js';
import type { PageContext } from '../router.js';
import { figure } from '../ui/figure.js';
import { empty, errorBox, loading } from '../ui/state.js';
import { dataTable } from '../ui/table.js';

/** The chapter's contrast: technical controls versus legal or offline ones. */
const LEGAL_OFFLINE = ['law', 'repression'];

function yearChart(cc: string, name: string, rows: EventCount[], cats: string[], years: [number, number]): SVGSVGElement | HTMLElement {
  return Plot.plot({
    title: name,
    width: chartWidth(0.5),
    height: 260,
    marginLeft: 40,
    x: {
      label: null,
      domain: Array.from({ length: years[1] - years[0] + 1 }, (_, i) => years[0] + i),
      tickFormat: (y: number) => (y % 5 === 0 ? String(y) : ''),
      tickRotate: 0,
    },
    y: { label: 'Events', grid: true },
    color: categoryColor(cats),
    marks: [
      Plot.barY(rows, {
        x: 'year',
        y: 'count',
        fill: 'category',
        order: cats,
        title: (d: EventCount) => `${name} ${d.year}: ${d.count} ${titleCase(d.category)}`,
        href: (d: EventCount) => eventsHref({ country: cc, category: d.category, ...startedIn(d.year, d.year) }),
      }),
      Plot.ruleY([0]),
    ],
  });
}

function shareGroups(rows: EventCount[], technical: string[]) {
  const sum = (cats: (c: string) => boolean) => rows.filter((r) => cats(r.category)).reduce((a, r) => a + r.count, 0);
  const tech = sum((c) => technical.includes(c));
  const legal = sum((c) => LEGAL_OFFLINE.includes(c));
  const other = sum((c) => !technical.includes(c) && !LEGAL_OFFLINE.includes(c) && c !== 'cooperation');
  return { tech, legal, other, total: tech + legal + other };
}

export default async function compare({ root, params, signal }: PageContext): Promise<void> {
  const pair = comparePair(params.pair ?? '');
  if ('error' in pair) {
    pageHead(root, `No comparison “${params.pair ?? ''}”`);
    root.append(
      errorBox(new Error(pair.error), 'the comparison'),
      h('p', null, 'A comparison names two countries: ', h('a', { href: '/compare/CN-RU' }, '/compare/CN-RU'), '.'),
    );
    return;
  }
  const [a, b] = pair.codes;
  const names = await countryNames();
  const na = names[a] ?? a;
  const nb = names[b] ?? b;
  pageHead(
    root,
    `${a === 'CN' ? 'China' : na} vs ${b === 'RU' ? 'Russia' : nb}`,
    'Two profiles side by side, generated from the ledger. Every number opens the events behind it.',
  );
  const body = h('div', null, loading('the comparison'));
  root.append(body);
  let ca: EventCounts, cb: EventCounts, coop: LedgerEvent[], cats: string[];
  try {
    [ca, cb, coop, cats] = await Promise.all([
      getJson<EventCounts>('/api/stats/events', { country: a }, signal),
      getJson<EventCounts>('/api/stats/events', { country: b }, signal),
      getAll<LedgerEvent>('/api/events', { country: a, category: 'cooperation' }, 5000, signal),
      categories(),
    ]);
  } catch (e) {
    if (!signal.aborted) body.replaceChildren(errorBox(e, 'the comparison'));
    return;
  }
  if (signal.aborted) return;
  const technical = ca.technical_categories;
  const all = [...ca.items, ...cb.items];
  const years: [number, number] = all.length ? [Math.min(...all.map((r) => r.year)), Math.max(...all.map((r) => r.year))] : [2000, 2025];

  // 1. Counts by category per year.
  const keyed = new Map<string, { year: number; category: string; [cc: string]: number | string }>();
  for (const [cc, rows] of [
    [a, ca.items],
    [b, cb.items],
  ] as const) {
    for (const r of rows) {
      const k = `${r.year}|${r.category}`;
      const row = keyed.get(k) ?? { year: r.year, category: r.category, [a]: 0, [b]: 0 };
      row[cc] = r.count;
      keyed.set(k, row);
    }
  }
  const table = dataTable(
    [
      { key: 'year', label: 'Year' },
      { key: 'category', label: 'Category', cell: (r) => titleCase(r.category) },
      { key: a, label: a, numeric: true, cell: (r) => countLink(Number(r[a]), { country: a, category: r.category, ...startedIn(r.year, r.year) }) },
      { key: b, label: b, numeric: true, cell: (r) => countLink(Number(r[b]), { country: b, category: r.category, ...startedIn(r.year, r.year) }) },
    ],
    [...keyed.values()].sort((x, y) => x.year - y.year || x.category.localeCompare(y.category)),
    { caption: `Ledger events by start year and category, ${a} and ${b}`, csvName: `splinternet-${a}-${b}-by-year.csv` },
  );
  const charts = h('div', { class: 'side-by-side' }, yearChart(a, na, ca.items, cats, years), yearChart(b, nb, cb.items, cats, years));
  const totalOf = (x: EventCounts) => x.items.reduce((n, r) => n + r.count, 0);

  // 2. Technical versus legal/offline.
  const ga = shareGroups(ca.items, technical);
  const gb = shareGroups(cb.items, technical);
  const groupRows = [
    { cc: a, name: na, ...ga },
    { cc: b, name: nb, ...gb },
  ];
  const shareData = groupRows.flatMap((g) => [
    { cc: g.cc, group: 'Technical (shutdowns, throttling, blocks)', n: g.tech, share: g.total ? g.tech / g.total : 0, cats: technical },
    { cc: g.cc, group: 'Legal or offline (laws, repression)', n: g.legal, share: g.total ? g.legal / g.total : 0, cats: LEGAL_OFFLINE },
    {
      cc: g.cc,
      group: 'Other controls (surveillance, takedowns, app removals, election tech)',
      n: g.other,
      share: g.total ? g.other / g.total : 0,
      cats: cats.filter((c) => !technical.includes(c) && !LEGAL_OFFLINE.includes(c) && c !== 'cooperation'),
    },
  ]);
  const shareChart = Plot.plot({
    width: chartWidth(),
    height: 140,
    marginLeft: 40,
    x: { label: 'Share of control measures in the ledger', tickFormat: '.0%', domain: [0, 1] },
    y: { label: null },
    color: { legend: true, domain: shareData.slice(0, 3).map((d) => d.group), range: ['#b2182b', '#2166ac', '#bababa'] },
    marks: [
      Plot.barX(
        shareData,
        Plot.stackX({
          x: 'share',
          y: 'cc',
          fill: 'group',
          title: (d: (typeof shareData)[number]) => `${d.cc}: ${d.n} ${d.group} (${pct(d.share)})`,
          href: (d: (typeof shareData)[number]) => eventsHref({ country: d.cc, category: d.cats.join(',') }),
        }),
      ),
      Plot.text(
        shareData.filter((d) => d.share > 0.08),
        Plot.stackX({ x: 'share', y: 'cc', text: (d: (typeof shareData)[number]) => pct(d.share), fill: 'white' }),
      ),
    ],
  });
  const shareTable = dataTable(
    [
      { key: 'cc', label: 'Country', cell: (g) => h('a', { href: `/country/${g.cc}` }, g.name) },
      {
        key: 'tech',
        label: 'Technical',
        numeric: true,
        cell: (g) => [countLink(g.tech, { country: g.cc, category: technical.join(',') }), ` (${pct(g.total ? g.tech / g.total : null)})`],
      },
      {
        key: 'legal',
        label: 'Legal/offline',
        numeric: true,
        cell: (g) => [countLink(g.legal, { country: g.cc, category: LEGAL_OFFLINE.join(',') }), ` (${pct(g.total ? g.legal / g.total : null)})`],
      },
      { key: 'other', label: 'Other controls', numeric: true, cell: (g) => String(g.other) },
      { key: 'total', label: 'All controls', numeric: true, cell: (g) => String(g.total) },
    ],
    groupRows,
    { caption: 'Control measures by kind (cooperation events excluded)', csvName: `splinternet-${a}-${b}-technical-share.csv` },
  );

  // 3. Cooperation events naming both.
  const both = coop.filter((e) => e.countries.includes(b)).sort((x, y) => x.start.localeCompare(y.start));
  const coopTable = both.length
    ? dataTable(
        [
          { key: 'start', label: 'Start', cell: (e) => day(e.start) },
          { key: 'title', label: 'Event', cell: (e) => h('a', { href: `/events/${e.id}` }, e.title) },
          { key: 'subtype', label: 'Kind', cell: (e) => titleCase(e.subtype) },
          { key: 'countries', label: 'Countries', cell: (e) => e.countries.join(', '), csv: (e) => e.countries.join(' ') },
        ],
        both,
        {
          caption: `Cooperation events listing both ${a} and ${b}`,
          csvName: `splinternet-${a}-${b}-cooperation.csv`,
          // the events export of the list read (every field), cut to the events listing both
          csvHref: csvUrl('/api/events', { country: a, category: 'cooperation' }),
          csvKeep: { column: 'id', values: both.map((e) => e.id) },
        },
      )
    : empty(`No cooperation event lists both ${a} and ${b}.`);

  body.replaceChildren(
    h(
      'p',
      null,
      `${na}: `,
      countLink(totalOf(ca), { country: a }),
      ' events · ',
      `${nb}: `,
      countLink(totalOf(cb), { country: b }),
      ' events in the ledger (hand-curated records and imported Access Now #KeepItOn shutdowns, tagged "keepiton").',
    ),
    h('h2', null, 'Technical or legal control?'),
    figure(shareChart, shareTable, {
      title: 'Share of measures that are technical versus legal or offline',
      label: `${a}: ${pct(ga.total ? ga.tech / ga.total : null)} technical, ${pct(ga.total ? ga.legal / ga.total : null)} legal or offline; ${b}: ${pct(gb.total ? gb.tech / gb.total : null)} technical, ${pct(gb.total ? gb.legal / gb.total : null)} legal or offline.`,
      note: `Technical = ${technical.join(', ')}; legal or offline = ${LEGAL_OFFLINE.join(', ')}; other controls = the remaining categories except cooperation. Shares of event counts, not of severity; a nationwide block counts once like a local shutdown, and the ledger records what is documented, so the shares describe the record as much as the practice.`,
    }),
    h('h2', null, 'Events by category and year'),
    figure(charts, table, {
      title: `Ledger events per year by category: ${na} and ${nb}`,
      label: `Two stacked bar charts of events per start year, coloured by category, for ${na} (${totalOf(ca)} events) and ${nb} (${totalOf(cb)} events). Each bar segment links to its events.`,
    }),
    h('h2', null, `Cooperation between ${a} and ${b}`),
    coopTable,
  );
}
