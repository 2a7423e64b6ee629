/**
 * Cost calculator (/cost?country=RU&region=RU-MOW&type=full&hours=24&method=all): a scenario
 * form whose state is the URL (so any result can be shared), and the cost engine's answer
 * (GET /api/cost) with every method side by side, each with its interval and inputs table.
 */
import { apiUrl, type CostResult, getJson, hasApi, type RegionCosts } from '../api.js';
import { costMethods, pageHead, withCurrent } from '../common.js';
import { h } from '../dom.js';
import { countryNames, regionsOf, REGION_COUNTRIES, type RegionCountry } from '../geo.js';
import { appliesToType, scenarioFromUrl, scenarioQuery } from '../cost-query.js';
import { navigate, type PageContext } from '../router.js';
import { costResultView } from '../ui/cost-view.js';
import { empty, notAvailable, section } from '../ui/state.js';

const TYPES = ['full', 'mobile', 'fixed', 'platform', 'throttling', 'isp'];
const field = (label: string, input: HTMLElement, hint?: string): HTMLElement =>
  h('label', null, label, ' ', input, hint ? h('small', { class: 'note' }, hint) : null);

export default async function cost({ root, query, signal }: PageContext): Promise<void> {
  pageHead(
    root,
    'Cost calculator',
    'What a shutdown, throttle or block costs, by every method we implement, with 90% intervals and the inputs behind each number. The address of this page is the scenario: share it.',
  );
  const [names, available, methods] = await Promise.all([countryNames(), hasApi('/api/cost'), costMethods()]);
  // The URL's scenario as the API reads it: every parameter it takes, regions as region.
  const scenario = scenarioFromUrl(query);
  const q = (k: string) => scenario.params[k]?.[0] ?? '';
  const country = (q('country') || 'RU').toUpperCase();
  const chosen = new Set(scenario.params.region ?? []);
  const regionSelect = h('select', { name: 'region', multiple: true, size: 6, 'aria-describedby': 'region-hint' });
  if ((REGION_COUNTRIES as readonly string[]).includes(country)) {
    const shapes = await regionsOf(country as RegionCountry).catch(() => []);
    for (const f of shapes.filter((x) => !x.properties.context).sort((a, b) => a.properties.name.localeCompare(b.properties.name))) {
      regionSelect.append(
        h(
          'option',
          {
            value: f.properties.code,
            'data-alias': f.properties.alias ?? null,
            selected: chosen.has(f.properties.code) || (f.properties.alias ? chosen.has(f.properties.alias) : false),
          },
          `${f.properties.name} (${f.properties.code})`,
        ),
      );
    }
  } else {
    // Elsewhere the engine prices a region by its population share: the regions it can price
    // are those of its ranked table (GET /api/cost/regions), read once with few draws.
    const table = await getJson<RegionCosts>('/api/cost/regions', { country, type: 'full', hours: '24', method: 'brookings-2016', draws: '100' }, signal).catch(
      () => null,
    );
    for (const r of [...(table?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name)))
      regionSelect.append(h('option', { value: r.code, selected: chosen.has(r.code) }, `${r.name} (${r.code})`));
    if (!table?.items.length) regionSelect.setAttribute('disabled', '');
  }
  // A region from the URL the list does not offer stays chosen (the API names it in its error),
  // so Estimate sends it again and never prices the whole country in its place.
  const offered = new Set([...regionSelect.options].flatMap((o) => [o.value, ...(o.dataset.alias ? [o.dataset.alias] : [])]));
  for (const code of chosen)
    if (!offered.has(code)) regionSelect.append(h('option', { value: code, selected: true }, `${code} (not a region of ${country} the calculator knows)`));
  if ([...chosen].some((c) => !offered.has(c))) regionSelect.removeAttribute('disabled');
  const byOutput = (REGION_COUNTRIES as readonly string[]).includes(country);
  const regionHint = byOutput
    ? 'Ctrl/⌘-click for several; none = the whole country (priced by regional output)'
    : regionSelect.hasAttribute('disabled')
      ? `No regional data for ${country}`
      : "Ctrl/⌘-click for several; none = the whole country (no regional output data: priced by each region's population share, a proxy)";
  const byHours = q('start') === '';
  const methodValue = (scenario.params.method ?? []).join(',');
  const form = h(
    'form',
    { class: 'controls scenario', 'aria-label': 'Scenario' },
    field(
      'Country',
      h(
        'select',
        { name: 'country' },
        Object.entries(names)
          .sort((a, b) => a[1].localeCompare(b[1]))
          .map(([c, n]) => h('option', { value: c, selected: c === country }, `${n} (${c})`)),
        // a code from the URL that names no country stays chosen (the API refuses it), never replaced by the first one
        names[country] ? null : h('option', { value: country, selected: true }, `${country} (not a country code)`),
      ),
    ),
    h('label', null, 'Regions (optional) ', regionSelect, h('small', { id: 'region-hint', class: 'note' }, regionHint)),
    field(
      'Type',
      h(
        'select',
        { name: 'type' },
        // no type in the URL: the form says so (the API requires one), never shows "full" while the request has none
        q('type') ? null : h('option', { value: '', selected: true }, 'choose a type (required)'),
        withCurrent(TYPES, q('type')).map((t) => h('option', { value: t, selected: t === q('type') }, t)),
      ),
    ),
    field('Platform', h('input', { name: 'platform', value: q('platform'), size: 10, placeholder: 'e.g. Telegram' }), 'type platform'),
    field('Severity', h('input', { name: 'severity', value: q('severity'), size: 4, inputmode: 'decimal', placeholder: '0–1' }), 'type throttling'),
    field('ISP share', h('input', { name: 'isp_share', value: q('isp_share'), size: 4, inputmode: 'decimal', placeholder: '0–1' }), 'type isp'),
    field(
      'Platform weight',
      h('input', { name: 'platform_weight', value: q('platform_weight'), size: 4, inputmode: 'decimal', placeholder: '0–1' }),
      'replaces the weight table',
    ),
    field(
      'Mobile share',
      h('input', { name: 'mobile_share', value: q('mobile_share'), size: 4, inputmode: 'decimal', placeholder: '0–1' }),
      'type mobile or fixed',
    ),
    field(
      'Affected share',
      h('input', { name: 'affected_share', value: q('affected_share'), size: 4, inputmode: 'decimal', placeholder: '0–1' }),
      'of the population; not with regions',
    ),
    field('Hours', h('input', { name: 'hours', value: byHours ? q('hours') || '24' : '', size: 5, inputmode: 'decimal' }), 'or a start and end'),
    field('Start', h('input', { name: 'start', value: q('start'), size: 16, placeholder: '2019-08-03T12:00+03:00' })),
    field('End', h('input', { name: 'end', value: q('end'), size: 16, placeholder: 'YYYY-MM-DD[Thh:mm±hh:mm]' })),
    field('Time zone', h('input', { name: 'tz', value: q('tz'), size: 12, placeholder: 'UTC, Europe/Moscow' }), 'for local start/end'),
    field(
      'Method',
      h(
        'select',
        { name: 'method' },
        h('option', { value: 'all', selected: (methodValue || 'all') === 'all' }, 'all, side by side'),
        methods.map((m) => h('option', { value: m.id, selected: m.id === methodValue, title: m.summary ?? null }, m.title ? `${m.id}: ${m.title}` : m.id)),
        // a list of methods from the URL is kept as it is, so Estimate sends it again
        methodValue && methodValue !== 'all' && !methods.some((m) => m.id === methodValue)
          ? h('option', { value: methodValue, selected: true }, methodValue)
          : null,
      ),
    ),
    h(
      'details',
      null,
      h('summary', null, 'Data year, currency, draws'),
      field('Year of data', h('input', { name: 'year', value: q('year'), size: 5, placeholder: 'auto' })),
      field('Currency', h('input', { name: 'currency', value: q('currency'), size: 4, placeholder: 'local' })),
      field('Draws', h('input', { name: 'draws', value: q('draws'), size: 6, placeholder: '2000' })),
      field('Seed', h('input', { name: 'seed', value: q('seed'), size: 6, placeholder: 'default' })),
    ),
    h('button', { type: 'submit', class: 'primary' }, 'Estimate'),
  );
  const toQuery = (): string => scenarioQuery(new FormData(form));
  // The fields the chosen type does not use are disabled (and so never sent).
  const typeSelect = form.querySelector<HTMLSelectElement>('select[name=type]');
  const fitType = () => {
    for (const el of form.querySelectorAll<HTMLInputElement>('input[name]')) el.disabled = !appliesToType(el.name, typeSelect?.value ?? 'full');
  };
  typeSelect?.addEventListener('change', fitType);
  fitType();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(`/cost?${toQuery()}`);
  });
  // A new country changes the region list: reload the form for it (keeping the other fields).
  form.querySelector('select[name=country]')?.addEventListener('change', () => {
    const p = new URLSearchParams(toQuery());
    p.delete('region');
    navigate(`/cost?${p.toString()}`, true);
  });
  const result = h('div', { class: 'result', 'aria-live': 'polite' });
  root.append(form, result);
  if (!available) {
    result.replaceChildren(notAvailable('Cost estimates', 'GET /api/cost (the cost engine)'));
    return;
  }
  if (!query.get('country')) {
    result.replaceChildren(
      empty('Choose a scenario and press Estimate. Example: a one-day full shutdown of Moscow.'),
      h('p', null, h('a', { href: '/cost?country=RU&region=RU-MOW&type=full&hours=24&method=all' }, 'Moscow, full shutdown, 24 hours, all methods')),
    );
    return;
  }
  // A parameter the API does not take is refused here, never dropped: the figure shown is the URL's.
  if (scenario.unknown.length) {
    result.replaceChildren(
      h(
        'div',
        { class: 'state error', role: 'alert' },
        h('strong', null, 'This scenario cannot be priced: '),
        `${scenario.unknown.map((k) => `"${k}"`).join(', ')} ${scenario.unknown.length === 1 ? 'is not a parameter' : 'are not parameters'} of the cost calculator (GET /api/cost).`,
      ),
    );
    return;
  }
  const params = scenario.params;
  const share = location.href;
  const copy = h('button', { type: 'button' }, 'Copy link');
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(share).then(
      () => (copy.textContent = 'Copied'),
      () => (copy.textContent = 'Select the link to copy it'),
    );
  });
  const shareLine = h(
    'p',
    { class: 'note share' },
    'Shareable link to this scenario: ',
    h('a', { href: share }, share),
    ' ',
    copy,
    ' · API: ',
    h('a', { href: apiUrl('/api/cost', params) }, 'JSON'),
  );
  const slot = h('div');
  result.replaceChildren(shareLine, slot);
  await section(
    slot,
    'the estimate',
    () => getJson<CostResult>('/api/cost', params, signal),
    (r) => (r.estimates.length ? costResultView(r, 'Estimates by method (USD)') : empty('The cost engine returned no estimate for this scenario.')),
    signal,
  );
}
