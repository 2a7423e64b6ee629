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
import { ourCountryYear, publishedArea, uniqueIds } from '../world-cost.js';
import { worldLabels } from '../world-labels.js';
import { worldHref, worldQuery } from '../world-query.js';
import { yearRange } from '../year-range.js';
import { empty, errorBox, loading } from '../ui/state.js';
import { rampLegend } from '../ui/legend.js';
import { dataTable } from '../ui/table.js';

export const NO_DATA = '#e8e8e4';

/** Published yearly cost series (USD), e.g. Top10VPN's; the per-day OZI estimates are not yearly totals. */
const isYearlyCost = (s: Indicator) => /cost/i.test(s.id + s.title) && /USD/.test(s.unit) && !/per day/i.test(s.unit);

/**
 * Our yearly estimates (GET /api/cost/compare, method cost-escalated) in the shape of published
 * cost series, so the map colours both the same way. A country-year's figure is every event
 * priced there: a Top10VPN row for part of the country (its events_outside_area) narrows the
 * country page's like-for-like comparison, never the country's own total.
 */
async function modelCostSeries(signal: AbortSignal): Promise<IndicatorList & { method: string }> {
  const r = await getJson<CostCompare>('/api/cost/compare', {}, signal);
  const by = new Map<string, Indicator>();
  for (const row of r.rows) {
    const ours = ourCountryYear(row, r.method);
    if (!ours) continue;
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
      value: ours.usd,
      source: { url: '/api/cost/compare', title: 'cost compare', publisher: 'Splinternet Observatory', published: null, archive_url: null, locator: null },
      // the events priced in that year, for the download's event_ids
      note: ours.ids.join('; '),
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

  // The category filters event counts only: a cost colouring prices every shutdown, throttling
  // and block event, so there the filter is set aside, visibly, and kept for the counts view.
  const byCost = state.color === 'cost' || state.color === 'model';
  const category = byCost ? '' : state.category;
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
        { name: 'category', disabled: byCost },
        h('option', { value: '' }, 'All categories'),
        cats.map((c) => h('option', { value: c, selected: c === state.category }, titleCase(c))),
      ),
      byCost && state.category ? h('input', { type: 'hidden', name: 'category', value: state.category }) : null,
    ),
    byCost
      ? h(
          'small',
          { class: 'note category-note' },
          `${state.category ? `Category (${titleCase(state.category)}) applies` : 'Category applies'} to event counts only: the cost colouring covers every priced shutdown, throttling and block event, and the Events column counts every category.`,
        )
      : null,
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
    navigate(worldHref(Object.fromEntries(['category', 'from', 'to', 'color'].map((k) => [k, formValue(f, k)])), range));
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
    if (category && c.category !== category) continue;
    if (c.year < state.from || c.year > state.to) continue;
    perCountry.set(c.country, (perCountry.get(c.country) ?? 0) + c.count);
  }
  // Published cost per country: the sum of yearly values in the year range (each series names its source).
  // A published value for part of a country names that part ("2019: Azad Kashmir only").
  const costOf = new Map<string, { usd: number; series: string[]; ids: string[]; urls: string[]; parts: string[] }>();
  for (const s of costSeries) {
    if (!s.country) continue;
    const inRange = s.values.filter((v) => Number(v.period.slice(0, 4)) >= state.from && Number(v.period.slice(0, 4)) <= state.to);
    const sum = inRange.reduce((a, v) => a + v.value, 0);
    if (sum <= 0) continue;
    const cur = costOf.get(s.country) ?? { usd: 0, series: [], ids: [], urls: [], parts: [] };
    const publishers = [...new Set(inRange.map((v) => v.source.publisher))];
    const periodText = (v: (typeof inRange)[number]) => {
      const area = model ? null : publishedArea(v.note);
      return area ? `${v.period}: ${area} only` : v.period;
    };
    costOf.set(s.country, {
      usd: cur.usd + sum,
      series: [...cur.series, `${publishers.join(', ')} (${inRange.map(periodText).join(', ')})`],
      // each event behind the figure once, however many years it was priced in
      ids: uniqueIds([...cur.ids, ...(model ? inRange.flatMap((v) => (v.note ? v.note.split('; ') : [])) : [s.id])]),
      urls: [...new Set([...cur.urls, ...inRange.map((v) => v.source.url)])],
      parts: [...cur.parts, ...inRange.map(periodText).filter((t) => t.includes(' only'))],
    });
  }

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
    const none = model ? 'no estimate of ours' : 'no published cost';
    const parts = cost?.parts.length ? ` (${cost.parts.join('; ')})` : '';
    return `${name}: ${n} event${n === 1 ? '' : 's'}${cost ? `; ${what} ${money(cost.usd, 'USD')}${parts}` : byCost ? `; ${none}` : ''}`;
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
        cell: (r) => countLink(r.events, { country: r.cc, category, ...startedIn(state.from, state.to) }),
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
  // A cost view with no figure at all says so, instead of a one-value scale.
  const span = state.from === state.to ? String(state.from) : `${state.from}–${state.to}`;
  const legend =
    byCost && !costs.length
      ? empty(
          model
            ? `No event of these years is priced by us for ${span}: every country is grey. A country page lists its events not priced, with what each misses (no GDP or users data when the database holds no economic data: \`splinternet db seed\` loads the shipped World Bank, Rosstat and NBS files).`
            : `No published cost figure is in the ledger for ${span}: every country is grey.`,
        )
      : rampLegend(colorOpts, byCost);
  const costNote = model
    ? "Our estimate: the yearly figures of `splinternet cost compare top10vpn` (method cost-escalated, USD), summed per country over the selected years: every shutdown, throttling and block event priced by the share of the country it cut off (the population of its geocoded area; regional output for Russia and China) for its hours in each year, throttling at severity 1 and events marked ongoing by STOP's yearly accounting (a block to the end of the year it began), as Top10VPN counts them. Where Top10VPN's figure is for part of a country (Pakistan 2019: Azad Kashmir), the events elsewhere in that country, which the country page lists beside that row and leaves out of its like-for-like comparison, count here too. `cost events` prices an ongoing event only with --end and a throttle only with --severity, so its sums are lower where the ledger holds such events. Each country page sets it beside Top10VPN, year by year, with the cause where they differ."
    : costSeries.length
      ? `Cost: the sum of the published yearly shutdown-cost figures in the ledger by ${[...new Set(costSeries.flatMap((s) => s.values.map((v) => v.source.publisher)))].join(', ')} (${(costSeries[0]?.description ?? '').replace(/\.$/, '')}), in current US dollars, over the selected years; a figure for part of a country names that part ("2019: Azad Kashmir only"); countries without a published figure are grey. Model estimates per event are on each event page and in the cost calculator.`
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
