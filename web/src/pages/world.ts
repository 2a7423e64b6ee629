/**
 * World page (/): countries coloured by the number of ledger events (filter by category and
 * start-year range) or by published shutdown cost; a click opens the country's profile.
 * State lives in the query string (?category=&from=&to=&color=) so a view can be shared.
 */
import * as Plot from '@observablehq/plot';
import { type CostCompare, type EventCounts, getJson, type Indicator, type IndicatorList } from '../api.js';
import { categories, countLink, pageHead, startedIn } from '../common.js';
import { h } from '../dom.js';
import { formValue, money, num, titleCase } from '../format.js';
import { countryNames, disputedAreas, projectionFor, worldCountries } from '../geo.js';
import { choropleth, hoverLine } from '../map.js';
import { navigate, type PageContext } from '../router.js';
import { figure } from '../ui/figure.js';
import { worldLabels } from '../world-labels.js';
import { worldQuery } from '../world-query.js';
import { yearRange } from '../year-range.js';
import { errorBox, loading } from '../ui/state.js';
import { rampLegend } from '../ui/legend.js';
import { dataTable } from '../ui/table.js';

export const NO_DATA = '#e8e8e4';

/** Published yearly cost series (USD), e.g. Top10VPN's; the per-day OZI estimates are not yearly totals. */
const isYearlyCost = (s: Indicator) => /cost/i.test(s.id + s.title) && /USD/.test(s.unit) && !/per day/i.test(s.unit);

/**
 * Our yearly estimates (GET /api/cost/compare, method cost-escalated) in the shape of published
 * cost series, so the map colours both the same way.
 */
async function modelCostSeries(signal: AbortSignal): Promise<IndicatorList & { method: string }> {
  const r = await getJson<CostCompare>('/api/cost/compare', {}, signal);
  const by = new Map<string, Indicator>();
  for (const row of r.rows) {
    const usd = row.ours[r.method];
    if (usd === undefined) continue;
    const s: Indicator = by.get(row.country) ?? {
      id: `model-cost-${row.country.toLowerCase()}`,
      title: `Our estimate of the cost of shutdowns: ${row.country}`,
      description: `Splinternet Observatory, ${r.method}: each event priced by who it cut off and for how long`,
      unit: 'USD',
      country: row.country,
      origin: 'model',
      values: [],
    };
    s.values.push({
      period: String(row.year),
      value: usd,
      source: { url: '/api/cost/compare', title: 'cost compare', publisher: 'Splinternet Observatory', published: null, archive_url: null, locator: null },
      // the events priced in that year, for the download's event_ids
      note: row.events.map((e) => e.id).join('; '),
      disputed: false,
    });
    by.set(row.country, s);
  }
  return { items: [...by.values()], next_cursor: null, method: r.method };
}

export default async function world({ root, query, signal }: PageContext): Promise<void> {
  pageHead(root, 'Internet controls by country', 'Every count links to the ledger events behind it. Click a country for its profile.');
  const body = h('div', null, loading('the world map'));
  root.append(body);
  const model = query.get('color') === 'model';
  let data: [
    EventCounts,
    IndicatorList,
    Awaited<ReturnType<typeof worldCountries>>,
    Awaited<ReturnType<typeof disputedAreas>>,
    Record<string, string>,
    string[],
  ];
  try {
    data = await Promise.all([
      getJson<EventCounts>('/api/stats/events', {}, signal),
      // Published cost series are only needed when colouring by cost (they are the larger payload).
      query.get('color') === 'cost'
        ? getJson<IndicatorList>('/api/indicators', {}, signal)
        : model
          ? modelCostSeries(signal)
          : Promise.resolve({ items: [], next_cursor: null }),
      worldCountries(),
      disputedAreas(),
      countryNames(),
      categories(),
    ]);
  } catch (e) {
    if (!signal.aborted) body.replaceChildren(errorBox(e, 'the world map'));
    return;
  }
  if (signal.aborted) return;
  const [counts, indicators, countries, disputed, names, cats] = data;
  const costSeries = indicators.items.filter(isYearlyCost);
  // the cost years too: an ongoing event is priced in years after the last start year
  const range = yearRange(
    counts.items.map((c) => c.year),
    costSeries.map((s) => s.values.map((v) => v.period)),
  );
  const [minYear, maxYear] = [range.min, range.max];

  const { state, problems } = worldQuery(query, { min: minYear, max: maxYear }, cats);

  const yearOptions = (sel: number) => range.years.map((y) => h('option', { value: y, selected: y === sel }, String(y)));
  const form = h(
    'form',
    { class: 'controls', 'aria-label': 'Map filters' },
    h(
      'label',
      null,
      'Category ',
      h(
        'select',
        { name: 'category' },
        h('option', { value: '' }, 'All categories'),
        cats.map((c) => h('option', { value: c, selected: c === state.category }, titleCase(c))),
      ),
    ),
    h('label', null, 'From ', h('select', { name: 'from' }, yearOptions(state.from))),
    h('label', null, 'to ', h('select', { name: 'to' }, yearOptions(state.to))),
    h(
      'fieldset',
      { class: 'toggle' },
      h('legend', null, 'Colour by'),
      h('label', null, h('input', { type: 'radio', name: 'color', value: 'events', checked: state.color === 'events' }), ' Number of events'),
      h('label', null, h('input', { type: 'radio', name: 'color', value: 'cost', checked: state.color === 'cost' }), ' Published cost'),
      h('label', null, h('input', { type: 'radio', name: 'color', value: 'model', checked: state.color === 'model' }), ' Our estimate'),
    ),
  );
  form.addEventListener('change', () => {
    const f = new FormData(form);
    const p = new URLSearchParams();
    for (const k of ['category', 'from', 'to', 'color']) if (formValue(f, k)) p.set(k, formValue(f, k));
    navigate(`/?${p.toString()}`);
  });
  if (problems.length) {
    body.replaceChildren(
      form,
      h(
        'div',
        { class: 'state error', role: 'alert' },
        h('strong', null, 'This map cannot be drawn for these filters: '),
        problems.join('; '),
        '. ',
        h('a', { href: '/' }, 'Show every year and category'),
        '.',
      ),
    );
    return;
  }

  // Events per country under the filters.
  const perCountry = new Map<string, number>();
  for (const c of counts.items) {
    if (state.category && c.category !== state.category) continue;
    if (c.year < state.from || c.year > state.to) continue;
    perCountry.set(c.country, (perCountry.get(c.country) ?? 0) + c.count);
  }
  // Published cost per country: the sum of yearly values in the year range (each series names its source).
  const costOf = new Map<string, { usd: number; series: string[]; ids: string[]; urls: string[] }>();
  for (const s of costSeries) {
    if (!s.country) continue;
    const inRange = s.values.filter((v) => Number(v.period.slice(0, 4)) >= state.from && Number(v.period.slice(0, 4)) <= state.to);
    const sum = inRange.reduce((a, v) => a + v.value, 0);
    if (sum <= 0) continue;
    const cur = costOf.get(s.country) ?? { usd: 0, series: [], ids: [], urls: [] };
    const publishers = [...new Set(inRange.map((v) => v.source.publisher))];
    costOf.set(s.country, {
      usd: cur.usd + sum,
      series: [...cur.series, `${publishers.join(', ')} (${inRange.map((v) => v.period).join(', ')})`],
      ids: [...cur.ids, ...(model ? inRange.flatMap((v) => (v.note ? v.note.split('; ') : [])) : [s.id])],
      urls: [...new Set([...cur.urls, ...inRange.map((v) => v.source.url)])],
    });
  }

  const byCost = state.color === 'cost' || state.color === 'model';
  const method = 'method' in indicators && typeof indicators.method === 'string' ? indicators.method : 'cost-escalated';
  const publishers = [...new Set(costSeries.flatMap((s) => s.values.map((v) => v.source.publisher)))];
  const labels = worldLabels(state, method, publishers);
  const costs = [...costOf.values()].map((c) => c.usd);
  const max = Math.max(1, ...(byCost ? costs : [...perCountry.values()]));
  const colorOpts = byCost
    ? {
        type: 'log' as const,
        scheme: 'purples' as const,
        domain: [Math.min(max, ...costs), max],
        label: labels.legend,
      }
    : {
        type: 'sqrt' as const,
        scheme: 'oranges' as const,
        domain: [0, max],
        label: labels.legend,
      };
  const scale = Plot.scale({ color: colorOpts });
  const valueOf = (cc: string | null) => (cc ? (byCost ? costOf.get(cc)?.usd : perCountry.get(cc)) : undefined);
  const tip = (cc: string | null, fallback: string) => {
    const n = perCountry.get(cc ?? '') ?? 0;
    const cost = costOf.get(cc ?? '');
    const name = cc ? `${names[cc] ?? fallback} (${cc})` : `${fallback} (no ISO code)`;
    const what = model ? 'our estimate' : 'published cost';
    return `${name}: ${n} event${n === 1 ? '' : 's'}${cost ? `; ${what} ${money(cost.usd, 'USD')}` : byCost ? `; no ${what}` : ''}`;
  };
  const hover = hoverLine('Hover over or focus a country to read its figures; click to open its profile.');
  const map = choropleth({
    features: countries,
    projection: projectionFor('world'),
    fitTo: { type: 'Sphere' },
    width: 960,
    height: 470,
    label: `World map: ${colorOpts.label}. ${perCountry.size} countries have events.`,
    key: (f) => f.properties.cc ?? f.properties.name,
    fill: (f) => {
      const v = valueOf(f.properties.cc);
      return v === undefined || v <= 0 ? NO_DATA : String(scale.apply(v));
    },
    kind: (f) => ((valueOf(f.properties.cc) ?? 0) > 0 ? 'has-data' : 'nodata'),
    title: (f) => tip(f.properties.cc, f.properties.name),
    href: (f) => (f.properties.cc ? `/country/${f.properties.cc}` : null),
    overlay: {
      features: disputed,
      key: (f) => f.properties.code,
      title: (f) => `${f.properties.name} (${f.properties.code}, disputed). ${f.properties.note ?? ''} Its events count under the countries each event lists.`,
      href: () => '/regions/RU',
    },
    onHover: hover.set,
  });
  map.dataset.map = 'world';

  const rows = [...new Set([...perCountry.keys(), ...costOf.keys()])]
    .map((cc) => ({
      cc,
      name: names[cc] ?? cc,
      events: perCountry.get(cc) ?? 0,
      cost: costOf.get(cc)?.usd ?? null,
      series: costOf.get(cc)?.series.join('; ') ?? '',
      ids: costOf.get(cc)?.ids ?? [],
      urls: costOf.get(cc)?.urls ?? [],
    }))
    .sort((a, b) => (byCost ? (b.cost ?? 0) - (a.cost ?? 0) : b.events - a.events) || a.cc.localeCompare(b.cc));
  const table = dataTable(
    [
      { key: 'cc', label: 'Code', cell: (r) => h('a', { href: `/country/${r.cc}` }, r.cc) },
      { key: 'name', label: 'Country' },
      {
        key: 'events',
        label: 'Events',
        numeric: true,
        cell: (r) => countLink(r.events, { country: r.cc, category: state.category, ...startedIn(state.from, state.to) }),
      },
      ...(byCost
        ? [
            { key: 'cost', label: labels.column, numeric: true, cell: (r: (typeof rows)[number]) => money(r.cost) },
            { key: 'series', label: 'Cost source' },
            // what a row of the file says without the page: its currency, method, sources and events (lists joined with "; ")
            { key: 'currency', label: 'Currency', csvOnly: true, csv: () => 'USD' },
            { key: 'method', label: 'Method', csvOnly: true, csv: () => (model ? method : 'published') },
            { key: model ? 'event_ids' : 'series_ids', label: 'Ids', csvOnly: true, csv: (r: (typeof rows)[number]) => r.ids.join('; ') },
            { key: 'source_urls', label: 'Source URLs', csvOnly: true, csv: (r: (typeof rows)[number]) => r.urls.join('; ') },
          ]
        : [
            { key: 'category', label: 'Category', csvOnly: true, csv: () => state.category || 'all' },
            { key: 'started_from', label: 'Started from', csvOnly: true, csv: () => state.from },
            { key: 'started_to', label: 'Started to', csvOnly: true, csv: () => state.to },
          ]),
    ],
    rows,
    {
      caption: labels.caption,
      csvName: labels.csvName,
    },
  );
  const legend = rampLegend(colorOpts, byCost);
  const costNote = model
    ? "Our estimate: the yearly figures of `splinternet cost compare top10vpn` (method cost-escalated, USD), summed per country over the selected years: every shutdown, throttling and block event priced by the share of the country it cut off (the population of its geocoded area; regional output for Russia and China) for its hours in each year, throttling at severity 1 and events marked ongoing by STOP's yearly accounting (a block to the end of the year it began), as Top10VPN counts them. `cost events` prices an ongoing event only with --end and a throttle only with --severity, so its sums are lower where the ledger holds such events. Each country page sets it beside Top10VPN, year by year, with the cause where they differ."
    : costSeries.length
      ? `Cost: the sum of the published yearly shutdown-cost figures in the ledger by ${[...new Set(costSeries.flatMap((s) => s.values.map((v) => v.source.publisher)))].join(', ')} (${(costSeries[0]?.description ?? '').replace(/\.$/, '')}), in current US dollars, over the selected years; countries without a published figure are grey. Model estimates per event are on each event page and in the cost calculator.`
      : 'No published yearly cost series is in the ledger yet, so no country is coloured by cost; model estimates per event are on each event page and in the cost calculator.';
  const note = h(
    'span',
    null,
    byCost
      ? costNote
      : `Counts: ledger events (status active) by the year they started, counted once in every country they list; ${num([...perCountry.values()].reduce((a, n) => a + n, 0))} country-event pairs under these filters.`,
    ' Crimea and Sevastopol (hatched) are disputed: Natural Earth draws them inside Russia; ISO codes them UA-43 and UA-40. ',
    h('a', { href: '/regions/RU' }, 'How we code them'),
    '.',
  );
  body.replaceChildren(
    form,
    figure(h('div', null, legend, map, hover.el), table, {
      title: labels.title,
      label: map.getAttribute('aria-label') ?? '',
      note,
    }),
  );
}
