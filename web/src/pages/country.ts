/**
 * Country profile (/country/:cc): the timeline of ledger events by category, the indicator
 * series (every value with its source; disagreeing sources flagged), measurement status for
 * the key targets, model cost totals by year, and the speed-test throttling view.
 */
import * as Plot from '@observablehq/plot';
import { csvUrl, getAll, getJson, hasApi, type Indicator, type IndicatorList, type LedgerEvent } from '../api.js';
import { categories, categoryColor, chartWidth, countLink, pageHead } from '../common.js';
import { h } from '../dom.js';
import { day, noteText, short, titleCase } from '../format.js';
import { countryNames } from '../geo.js';
import type { PageContext } from '../router.js';
import { costByYear } from '../ui/cost-by-year.js';
import { costCompare } from '../ui/cost-compare.js';
import { figure } from '../ui/figure.js';
import { keyTargets } from '../ui/key-targets.js';
import { empty, errorBox, section, settle } from '../ui/state.js';
import { dataTable } from '../ui/table.js';
import { throttlingView } from '../ui/throttling.js';
import { notTwoLetters } from '../page-params.js';

const parseDate = (s: string): Date => new Date(s.length === 4 ? `${s}-07-01` : s.length === 7 ? `${s}-15` : s);

function timeline(cc: string, events: LedgerEvent[], cats: string[]): HTMLElement {
  const rows = events.map((e) => ({ ...e, s: parseDate(e.start), e2: e.end ? parseDate(e.end) : null }));
  const present = cats.filter((c) => rows.some((r) => r.category === c));
  const chart = Plot.plot({
    width: chartWidth(),
    marginLeft: 140,
    height: 50 + 34 * Math.max(1, present.length),
    x: { type: 'utc', label: 'Start (bars run to the end date)', grid: true },
    y: { domain: present, tickFormat: titleCase, label: null },
    color: categoryColor(cats),
    marks: [
      Plot.ruleY(
        rows.filter((r) => r.e2),
        { x1: 's', x2: 'e2', y: 'category', stroke: 'category', strokeOpacity: 0.35, strokeWidth: 6 },
      ),
      Plot.dot(rows, {
        x: 's',
        y: 'category',
        fill: 'category',
        r: 5,
        stroke: '#fff',
        title: (r: (typeof rows)[number]) => `${r.title}\n${r.start}${r.end ? ` – ${r.end}` : ''}`,
        href: (r: (typeof rows)[number]) => `/events/${r.id}`,
        ariaLabel: (r: (typeof rows)[number]) => `${r.start}: ${r.title}`,
      }),
    ],
  });
  const table = dataTable(
    [
      { key: 'start', label: 'Start', cell: (e) => day(e.start) },
      { key: 'end', label: 'End', cell: (e) => day(e.end ?? '—') },
      { key: 'category', label: 'Category', cell: (e) => titleCase(e.category) },
      { key: 'title', label: 'Event', cell: (e) => h('a', { href: `/events/${e.id}` }, e.title) },
    ],
    events,
    // the events export of the same query: every field, ids and sources included
    { caption: `Ledger events listing ${cc}`, csvName: `splinternet-${cc}-events.csv`, csvHref: csvUrl('/api/events', { country: cc }) },
  );
  const counts = present.map((c) => `${titleCase(c)} ${rows.filter((r) => r.category === c).length}`).join(', ');
  return figure(chart, table, {
    title: 'Timeline of events by category',
    label: `Timeline of ${events.length} ledger events in ${cc} by category: ${counts}. Each dot links to its event.`,
    note: 'Each dot is one event (click it for the record and its sources); a bar runs from start to end when the end is known.',
  });
}

function indicatorFigure(s: Indicator): HTMLElement {
  const rows = s.values.map((v) => ({ ...v, year: parseDate(v.period), publisher: v.source.publisher }));
  const chart = Plot.plot({
    width: chartWidth(0.5),
    height: 200,
    marginLeft: 60,
    x: { type: 'utc', label: null },
    y: { label: s.unit, grid: true, zero: true, tickFormat: short },
    color: { legend: new Set(rows.map((r) => r.publisher)).size > 1, label: 'Source' },
    marks: [
      Plot.line(
        rows.filter((r) => !r.disputed),
        { x: 'year', y: 'value', stroke: '#999' },
      ),
      Plot.dot(rows, {
        x: 'year',
        y: 'value',
        fill: 'publisher',
        r: 4,
        symbol: (r: (typeof rows)[number]) => (r.disputed ? 'diamond' : 'circle'),
        title: (r: (typeof rows)[number]) =>
          `${r.period}: ${short(r.value)} ${s.unit}\n${r.source.title} (${r.source.publisher})${r.disputed ? '\nSources disagree for this period' : ''}`,
      }),
    ],
  });
  const table = dataTable(
    [
      { key: 'period', label: 'Period' },
      // values and notes written as the cost table writes them; the download keeps the API's raw values
      { key: 'value', label: s.unit, numeric: true, cell: (v) => short(v.value) },
      { key: 'disputed', label: 'Sources disagree', cell: (v) => (v.disputed ? 'yes' : '') },
      {
        key: 'source',
        label: 'Source',
        cell: (v) =>
          /^https?:/.test(v.source.url)
            ? h('a', { href: v.source.url, target: '_blank', rel: 'noopener' }, `${v.source.title} (${v.source.publisher})`)
            : `${v.source.title} (${v.source.publisher})`,
        csv: (v) => v.source.url,
      },
      { key: 'note', label: 'Note', cell: (v) => noteText(v.note) },
    ],
    s.values,
    { caption: s.title, csvName: `${s.id}.csv`, csvHref: csvUrl('/api/indicators', { id: s.id }) },
  );
  return figure(chart, table, {
    title: s.title,
    label: `${s.title}: ${s.values.map((v) => `${v.period} ${v.value}`).join(', ')} (${s.unit}).`,
    note: s.description || undefined,
  });
}

export default async function country({ root, params, signal }: PageContext): Promise<void> {
  const cc = (params.cc ?? '').toUpperCase();
  const names = await countryNames();
  // A code with no name is asked of the API once: its refusal is the page, not five failing sections.
  if (!names[cc]) {
    const local = notTwoLetters('country', cc);
    const refused = local
      ? new Error(local)
      : await getJson('/api/events', { country: cc, limit: 1 }, signal).then(
          () => null,
          (e: unknown) => e,
        );
    if (signal.aborted) return;
    if (refused) {
      pageHead(root, `No country “${cc}”`);
      root.append(errorBox(refused, `the profile of ${cc}`));
      return;
    }
  }
  const name = names[cc] ?? cc;
  pageHead(
    root,
    `${name} (${cc})`,
    h(
      'span',
      null,
      'Profile generated from the ledger, indicators, measurements and cost models. ',
      ['RU', 'CN'].includes(cc)
        ? [h('a', { href: `/regions/${cc}` }, 'Regional shutdown costs'), ' · ', h('a', { href: '/compare/CN-RU' }, 'China vs Russia'), ' · ']
        : null,
      h('a', { href: `/events?country=${cc}` }, 'All events'),
      ' · ',
      h('a', { href: `/cost?country=${cc}&type=full&hours=24` }, 'Cost calculator'),
    ),
  );
  const slots = { timeline: h('div'), indicators: h('div'), measurements: h('div'), cost: h('div'), throttling: h('div') };
  root.append(
    h('h2', null, 'Timeline'),
    slots.timeline,
    h('h2', null, 'Cost of disruptions by year'),
    slots.cost,
    h('h2', null, 'Measurement status of key services'),
    slots.measurements,
    h('h2', null, 'Throttling (speed tests)'),
    slots.throttling,
    h('h2', null, 'Indicators'),
    slots.indicators,
  );
  const cats = await categories();
  const events = section(
    slots.timeline,
    'the events',
    () => getAll<LedgerEvent>('/api/events', { country: cc }, 5000, signal),
    (evs) =>
      evs.length
        ? [
            timeline(cc, evs, cats),
            h(
              'p',
              { class: 'note' },
              'Counts by category: ',
              cats
                .filter((c) => evs.some((e) => e.category === c))
                .flatMap((c, i) => [i ? ' · ' : '', `${titleCase(c)} `, countLink(evs.filter((e) => e.category === c).length, { country: cc, category: c })]),
            ),
          ]
        : empty(`The ledger has no events for ${name} yet.`),
    signal,
  );
  void section(
    slots.indicators,
    'the indicators',
    () => getJson<IndicatorList>('/api/indicators', { country: cc }, signal),
    (r) => (r.items.length ? h('div', { class: 'grid2' }, r.items.map(indicatorFigure)) : empty(`No indicator series for ${name}.`)),
    signal,
  );
  settle(slots.measurements, 'the key services', keyTargets(slots.measurements, cc, signal), signal);
  settle(slots.throttling, 'the speed tests', throttlingView(slots.throttling, cc, signal), signal);
  settle(
    slots.cost,
    'the cost comparison',
    hasApi('/api/cost/compare').then((yes) =>
      yes ? costCompare(slots.cost, cc, signal, async () => (await events) ?? []) : events.then((evs) => costByYear(slots.cost, cc, evs ?? [], signal)),
    ),
    signal,
  );
}
