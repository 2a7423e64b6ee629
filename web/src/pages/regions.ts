/**
 * Regions (/regions/RU, /regions/CN): Russia's 85 regions or China's 31 provinces coloured by
 * the cost of a shutdown (one day, full, by default; type, method, currency and hours from the
 * URL, each sent as given) from GET /api/cost/regions, with the 90% interval on hover and in the
 * ranked table beside the map. A scenario the API refuses shows its error and no figures. Crimea and Sevastopol
 * are drawn hatched with a note on their codes; Taiwan, Hong Kong and Macao are context only.
 */
import * as Plot from '@observablehq/plot';
import { csvUrl, getJson, hasApi, type RegionCost, type RegionCosts } from '../api.js';
import { costMethods, pageHead, withCurrent } from '../common.js';
import { h, replace } from '../dom.js';
import { formValue, interval, money, titleCase } from '../format.js';
import { calculatorHref, durationWords, regionsHref, regionsRequest, regionsScenario } from '../regions-query.js';
import { projectionFor, regionsOf, REGION_COUNTRIES, type GeoFeature, type RegionCountry, type RegionProps } from '../geo.js';
import { choropleth, hoverLine } from '../map.js';
import { navigate, type PageContext } from '../router.js';
import { inputsTable } from '../ui/cost-view.js';
import { figure } from '../ui/figure.js';
import { errorBox, loading, notAvailable } from '../ui/state.js';
import { costProvenance } from '../ui/provenance.js';
import { rampLegend } from '../ui/legend.js';
import { dataTable } from '../ui/table.js';

const NO_DATA = '#e8e8e4';

const CRIMEA_NOTE =
  'Crimea (UA-43) and Sevastopol (UA-40), hatched: annexed by Russia in 2014; ISO 3166-2 and the UN code them as parts of Ukraine, while Russian statistics list them as federal subjects (unofficial keys RU-CR, RU-SEV). They are drawn as the source draws them (Natural Earth’s de facto view) and counted among the 85 regions Russian data reports; the ledger accepts either code. This is a description of the data, not a position on sovereignty.';
const CHINA_NOTE =
  'Taiwan, Hong Kong and Macao (hatched grey) are not in the Natural Earth admin-1 source and have no GRP series in the NBS data; they are shown for context only. Aksai Chin is inside Xinjiang as in the source (de facto control); Arunachal Pradesh is not part of this map.';

export default async function regions({ root, params, query, signal }: PageContext): Promise<void> {
  const cc = (params.cc ?? 'RU').toUpperCase() as RegionCountry;
  if (!REGION_COUNTRIES.includes(cc)) {
    pageHead(root, `Regions: ${cc}`);
    root.append(
      h(
        'p',
        { class: 'state empty' },
        'Regional maps exist for Russia and China: ',
        h('a', { href: '/regions/RU' }, 'Russia'),
        ' · ',
        h('a', { href: '/regions/CN' }, 'China'),
        '.',
      ),
    );
    return;
  }
  const unit = cc === 'RU' ? 'regions' : 'provinces';
  // No method chosen: the engine's default for the country (ozi-regional for RU).
  const state = regionsScenario(query);
  const local = cc === 'RU' ? 'RUB' : 'CNY';
  const dur = durationWords(state.hours);
  pageHead(
    root,
    `${cc === 'RU' ? 'Russia' : 'China'}: what a ${dur} shutdown costs, by ${cc === 'RU' ? 'region' : 'province'}`,
    h(
      'span',
      null,
      `Modelled cost of cutting the internet for ${state.hours} hours in each of the ${cc === 'RU' ? 85 : 31} ${unit}. `,
      h('a', { href: cc === 'RU' ? '/regions/CN' : '/regions/RU' }, cc === 'RU' ? 'China’s provinces' : 'Russia’s regions'),
      ' · ',
      h('a', { href: `/country/${cc}` }, 'country profile'),
    ),
  );
  const [available, methods] = await Promise.all([hasApi('/api/cost/regions'), costMethods()]);
  const form = h(
    'form',
    { class: 'controls', 'aria-label': 'Scenario' },
    h(
      'fieldset',
      { class: 'toggle' },
      h('legend', null, 'Shutdown'),
      // the URL's own type stays chosen when it is none of these (the API prices it or refuses it)
      ...withCurrent(['full', 'mobile', 'fixed'], state.type).map((t) =>
        h(
          'label',
          null,
          h('input', { type: 'radio', name: 'type', value: t, checked: state.type === t }),
          t === 'full' ? ' Full' : t === 'mobile' ? ' Mobile only' : t === 'fixed' ? ' Fixed only' : ` ${t}`,
        ),
      ),
    ),
    h(
      'label',
      null,
      'Method ',
      h(
        'select',
        { name: 'method' },
        h('option', { value: '', selected: state.method === '' }, 'engine default'),
        methods.map((m) => h('option', { value: m.id, selected: m.id === state.method, title: m.summary ?? null }, m.id)),
        state.method && !methods.some((m) => m.id === state.method) ? h('option', { value: state.method, selected: true }, state.method) : null,
      ),
    ),
    h(
      'fieldset',
      { class: 'toggle' },
      h('legend', null, 'Currency'),
      ...withCurrent(['local', 'USD'], state.currency || 'local').map((c) =>
        h(
          'label',
          null,
          h('input', { type: 'radio', name: 'currency', value: c, checked: (state.currency || 'local') === c }),
          ` ${c === 'local' ? local : c}`,
        ),
      ),
    ),
    h('label', null, 'Hours ', h('input', { name: 'hours', value: state.hours, size: 5, inputmode: 'decimal' })),
  );
  form.addEventListener('change', () => {
    const f = new FormData(form);
    navigate(regionsHref(cc, { type: formValue(f, 'type'), method: formValue(f, 'method'), currency: formValue(f, 'currency'), hours: formValue(f, 'hours') }));
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  const body = h('div', null, loading('the regional map'));
  root.append(form, body);

  const costQuery = regionsRequest(cc, state);
  const [shapes, costs] = await Promise.all([
    regionsOf(cc).catch((e: unknown) => e as Error),
    available ? getJson<RegionCosts>('/api/cost/regions', costQuery, signal).catch((e: unknown) => e as Error) : null,
  ]);
  if (signal.aborted) return;
  if (shapes instanceof Error) {
    body.replaceChildren(errorBox(shapes, 'the region boundaries'));
    return;
  }
  // A scenario the API refuses has no figures: its error alone, never a ranked table of blanks.
  if (costs instanceof Error) {
    body.replaceChildren(errorBox(costs, `the ${state.method || 'default method'} estimates`));
    return;
  }
  const methodName = costs ? costs.method : state.method || 'default method';
  const byCode = new Map<string, RegionCost>();
  if (costs) for (const r of costs.items) byCode.set(r.code, r);
  const costOf = (f: GeoFeature<RegionProps>) => byCode.get(f.properties.code) ?? (f.properties.alias ? byCode.get(f.properties.alias) : undefined);
  /** A region's median, interval and point in the currency the API answered in (undefined: not priced). */
  const amount = (r: RegionCost | undefined): { median: number; low: number; high: number; point: number } | undefined =>
    r ? { median: r.median, low: r.low, high: r.high, point: r.point } : undefined;
  const NOT_PRICED = { median: undefined, low: undefined, high: undefined, point: undefined };
  const currency = (costs ? (costs.items[0]?.currency ?? costs.currency) : undefined) ?? (state.currency || local);
  const medians = shapes.map((f) => amount(costOf(f))?.median).filter((v): v is number => typeof v === 'number' && v > 0);
  const colorOpts = {
    type: 'log' as const,
    scheme: 'reds' as const,
    domain: medians.length ? [Math.min(...medians), Math.max(...medians)] : [1, 10],
    label: `Median cost of a ${dur} ${state.type} shutdown (${currency})`,
  };
  const scale = Plot.scale({ color: colorOpts });
  const tip = (f: GeoFeature<RegionProps>) => {
    const p = f.properties;
    const r = costOf(f);
    const a = amount(r);
    const head = `${p.name}${p.name_local ? ` (${p.name_local})` : ''}, ${p.code}${p.alias ? ` / ${p.alias}` : ''}`;
    if (p.context) return `${head}: context only. ${p.note ?? ''}`;
    return `${head}: ${a ? interval(a.median, a.low, a.high, currency) : 'no estimate'}${p.disputed ? ' — disputed, see the note' : ''}`;
  };
  const hover = hoverLine(`Hover over or focus a ${cc === 'RU' ? 'region' : 'province'} for its median and 90% interval.`);
  const map = choropleth({
    features: shapes,
    projection: projectionFor(cc),
    width: 800,
    height: cc === 'RU' ? 460 : 620,
    label: `Map of ${shapes.filter((f) => !f.properties.context).length} ${unit} of ${cc}${medians.length ? `, coloured by ${colorOpts.label}` : ' (no cost estimates available)'}.`,
    key: (f) => f.properties.code,
    fill: (f) => {
      if (f.properties.context) return '#cfcfca';
      const v = amount(costOf(f))?.median;
      return typeof v === 'number' && v > 0 ? String(scale.apply(v)) : NO_DATA;
    },
    kind: (f) => (f.properties.disputed ? 'disputed' : f.properties.context ? 'context' : costOf(f) ? 'has-data' : 'nodata'),
    title: tip,
    onHover: hover.set,
  });
  map.dataset.map = `regions-${cc}`;

  const rows = shapes
    .filter((f) => !f.properties.context)
    .map((f) => ({
      code: f.properties.code,
      alias: f.properties.alias ?? '',
      name: f.properties.name,
      name_local: f.properties.name_local ?? '',
      disputed: Boolean(f.properties.disputed),
      ...(amount(costOf(f)) ?? NOT_PRICED),
    }))
    .sort((x, y) => (y.median ?? -1) - (x.median ?? -1) || x.name.localeCompare(y.name));
  type Row = (typeof rows)[number];
  const rank = (r: Row) => (r.median !== undefined ? rows.indexOf(r) + 1 : '');
  const disputedBadge = (r: Row) => (r.disputed ? h('span', { class: 'badge disputed', title: CRIMEA_NOTE }, ' disputed') : null);
  const caption = `${titleCase(dur)} ${state.type} shutdown cost by ${cc === 'RU' ? 'region' : 'province'}, ${methodName}, ranked`;
  // The full table (Table view, CSV) and a narrower one beside the map with the same figures.
  const fullTable = dataTable(
    [
      { key: 'rank', label: '#', numeric: true, cell: (r) => String(rank(r) || '—'), csv: rank },
      { key: 'name', label: cc === 'RU' ? 'Region' : 'Province', cell: (r) => [r.name, disputedBadge(r)] },
      { key: 'code', label: 'Code', nowrap: true, cell: (r) => `${r.code}${r.alias ? ` / ${r.alias}` : ''}` },
      { key: 'median', label: `Median (${currency})`, numeric: true, cell: (r) => money(r.median) },
      { key: 'low', label: '5%', numeric: true, cell: (r) => money(r.low) },
      { key: 'high', label: '95%', numeric: true, cell: (r) => money(r.high) },
      { key: 'point', label: 'Point', numeric: true, cell: (r) => money(r.point) },
    ],
    rows,
    {
      caption,
      csvName: `splinternet-${cc}-regions-${state.type}-${state.hours}h-${methodName}-${currency}.csv`,
      // the API's rows for the same scenario, in the currency shown (each row names it)
      csvHref: csvUrl('/api/cost/regions', costQuery),
    },
  );
  const sideTable = dataTable(
    [
      { key: 'rank', label: '#', numeric: true, cell: (r) => String(rank(r) || '—') },
      { key: 'name', label: cc === 'RU' ? 'Region' : 'Province', cell: (r) => [r.name, ' ', h('small', { class: 'note' }, r.code), disputedBadge(r)] },
      { key: 'median', label: `Median (${currency})`, numeric: true, cell: (r) => money(r.median) },
      { key: 'interval', label: '90% interval', numeric: true, cell: (r) => (r.low !== undefined ? `${money(r.low)}–${money(r.high)}` : '—') },
    ],
    rows,
    { caption: `${caption} (CSV in the map's Table view)` },
  );
  const status =
    costs === null
      ? notAvailable('Regional cost estimates', 'GET /api/cost/regions (the cost engine); the map shows the boundaries only')
      : h(
          'p',
          { class: 'note' },
          `Method ${costs.method}${costs.method_version ? ` v${costs.method_version}` : ''}; ${costs.items.length} ${unit} estimated; amounts in ${currency} for ${state.hours} hours; 90% intervals from the engine's Monte Carlo draws. `,
          h('a', { href: calculatorHref(cc, state) }, 'Compare methods in the calculator'),
          '.',
        );
  // the rate (in USD), data years, vintage and sources the figures read, as the API returns them
  const provenance = costs
    ? h(
        'dl',
        { class: 'kv provenance' },
        costProvenance(costs, currency !== local).map(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
      )
    : null;
  const legend = medians.length ? rampLegend(colorOpts, true, 4) : null;
  replace(
    body,
    status,
    provenance,
    h(
      'div',
      { class: 'map-with-table' },
      figure(h('div', null, legend, map, hover.el), fullTable, {
        title: `${titleCase(dur)} ${state.type} shutdown cost`,
        label: map.getAttribute('aria-label') ?? '',
      }),
      sideTable,
    ),
    h('p', { class: 'note', id: 'disputed-note' }, cc === 'RU' ? CRIMEA_NOTE : CHINA_NOTE),
    costs?.inputs?.length
      ? h(
          'details',
          null,
          h('summary', null, `Inputs of ${costs.method} (${costs.inputs.length})`),
          inputsTable(costs.inputs, `Inputs of ${costs.method}`, `splinternet-${cc}-regions-inputs.csv`),
        )
      : null,
  );
}
