/**
 * One election (/elections/:id): totals paper vs electronic, the turnout and leader-share
 * histograms at 0.1-point resolution (integer percentages marked, where the spikes are), the
 * turnout × leader-share heat map, Shpilkin's curve and estimate, the integer-percentage
 * excess, and for elections with DEG the district table paper vs electronic with the winners
 * DEG changed marked and the DEG votes per 20-minute bin. Reads
 * GET /api/elections/:id/{summary,fingerprints,electronic}.
 */
import * as Plot from '@observablehq/plot';
import { type ElectionElectronic, type ElectionFingerprints, type ElectionList, type ElectionSummary, getJson } from '../api.js';
import { chartWidth, pageHead } from '../common.js';
import { h } from '../dom.js';
import { num, short } from '../format.js';
import type { PageContext } from '../router.js';
import { degTimeline } from '../ui/deg-timeline.js';
import { figure } from '../ui/figure.js';
import { empty, section, settle } from '../ui/state.js';
import { dataTable } from '../ui/table.js';

type Summary = ElectionSummary;
type Fingerprints = ElectionFingerprints;
type Electronic = ElectionElectronic;
type District = Electronic['districts'][number];

const name = (c: { label: string; label_en: string | null }) => c.label_en ?? c.label;
const p2 = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(2)}%`);

function totals(s: Summary): HTMLElement {
  const rows = s.totals.all.choices
    .map((c) => ({
      choice: name(c),
      paper: s.totals.paper.choices[c.idx]?.pct_of_cast ?? null,
      electronic: s.totals.electronic.choices[c.idx]?.pct_of_cast ?? null,
      all: c.pct_of_cast,
      votes: c.votes,
    }))
    .sort((a, b) => b.votes - a.votes);
  const b = s.totals;
  // Electronic ballots come from DEG stations or, in 2024, regional DEG totals (no station).
  const electronicRows = b.electronic.stations + b.electronic.aggregates;
  return h(
    'div',
    null,
    h(
      'p',
      { class: 'lede' },
      `${num(b.all.stations)} stations (${num(b.electronic.stations)} electronic)${b.all.aggregates ? ` and ${num(b.all.aggregates)} regional DEG totals` : ''}, ${num(b.all.registered)} registered voters, turnout ${p2(b.all.turnout_pct)} (paper ${p2(b.paper.turnout_pct)}, electronic ${p2(electronicRows ? b.electronic.turnout_pct : null)}). ${num(b.all.flagged)} rows do not add up and are kept, flagged.`,
    ),
    dataTable(
      [
        { key: 'choice', label: 'Party or candidate' },
        { key: 'votes', label: 'Votes', numeric: true, cell: (r) => num(r.votes) },
        { key: 'all', label: 'Share (all)', numeric: true, cell: (r) => p2(r.all) },
        { key: 'paper', label: 'Paper', numeric: true, cell: (r) => p2(r.paper) },
        { key: 'electronic', label: 'Electronic', numeric: true, cell: (r) => (electronicRows ? p2(r.electronic) : '—') },
      ],
      rows,
      { caption: 'Shares of ballots cast (the CEC’s base)', csvName: `${s.election.id}-totals.csv` },
    ),
    h('p', { class: 'note' }, s.method),
  );
}

function histogram(f: Fingerprints, which: 'turnout' | 'leader', id: string): HTMLElement {
  const xs = f.histograms.centres;
  const rows = xs
    .map((c, i) => ({ centre: c, stations: f.histograms[which][i] ?? 0, integer: Math.abs(c - Math.round(c)) < 1e-9 }))
    .filter((r) => r.stations > 0);
  const w = f.histograms.bin_width / 2;
  const label = which === 'turnout' ? 'Turnout (%)' : `${name(f.leader)} (%)`;
  const chart = Plot.plot({
    width: chartWidth(),
    height: 240,
    marginLeft: 50,
    x: { domain: [0, 100], label },
    y: { grid: true, label: 'Polling stations per 0.1-point bin' },
    color: { domain: [false, true], range: ['#9aa7b8', '#c0392b'], legend: true, tickFormat: (d: boolean) => (d ? 'integer percentage' : 'other') },
    marks: [
      Plot.rectY(rows, {
        x1: (d) => d.centre - w,
        x2: (d) => d.centre + w,
        y: 'stations',
        fill: 'integer',
        title: (d) => `${d.centre.toFixed(1)} %: ${d.stations} stations`,
        className: `hist-${which}`,
      }),
      Plot.ruleY([0]),
    ],
  });
  const table = dataTable(
    [
      { key: 'centre', label: 'Bin centre (%)', numeric: true, cell: (r) => r.centre.toFixed(1) },
      { key: 'stations', label: 'Stations', numeric: true, cell: (r) => num(r.stations) },
      { key: 'integer', label: 'Integer', cell: (r) => (r.integer ? 'yes' : '') },
    ],
    rows,
    { caption: `${label}: stations per bin`, csvName: `${id}-${which}-histogram.csv`, maxRows: 200 },
  );
  return figure(chart, table, {
    title: which === 'turnout' ? 'Turnout, 0.1-point bins' : `${name(f.leader)}’s share, 0.1-point bins`,
    label: `Histogram of ${label.toLowerCase()} over ${num(f.histograms.stations_included)} stations; bins centred on integer percentages drawn in red.`,
    note: `Bins centred on multiples of 0.1 (Kobak, Shpilkin & Pshenichnikov 2016), so an integer percentage falls in a bin of its own: red bars that stand above their neighbours are the integer spikes. Turnout = ballots issued / registered; share = votes / ballots cast. Method v${f.histograms.version}.`,
  });
}

function heat(f: Fingerprints, id: string): HTMLElement {
  const cells = f.heatmap.cells.map(([t, s, v]) => ({ t, s, v }));
  const bw = f.heatmap.bin_width;
  const chart = Plot.plot({
    width: Math.min(chartWidth(), 560),
    height: 480,
    x: { domain: [0, 100], label: 'Turnout (%)' },
    y: { domain: [0, 100], label: `${name(f.leader)} (%)` },
    color: { type: 'log', scheme: 'viridis', legend: true, label: 'Registered voters' },
    marks: [
      Plot.rect(cells, {
        x1: 't',
        x2: (d) => d.t + bw,
        y1: 's',
        y2: (d) => d.s + bw,
        fill: 'v',
        title: (d) => `turnout ${d.t}-${d.t + bw} %, share ${d.s}-${d.s + bw} %: ${num(d.v)} voters`,
        className: 'heat-cell',
      }),
    ],
  });
  const table = dataTable(
    [
      { key: 't', label: 'Turnout from (%)', numeric: true },
      { key: 's', label: 'Share from (%)', numeric: true },
      { key: 'v', label: 'Registered voters', numeric: true, cell: (r) => num(r.v) },
    ],
    cells,
    { caption: 'Turnout × leader share, registered voters per cell', csvName: `${id}-heatmap.csv`, maxRows: 200 },
  );
  return figure(chart, table, {
    title: 'Turnout × leader share (election fingerprint)',
    label: `Two-dimensional histogram of turnout against ${name(f.leader)}'s share, ${cells.length} non-empty ${bw}-point cells weighted by registered voters.`,
    note: 'Klimek, Yegorov, Hanel & Thurner, PNAS 109(41), 2012: a clean election is one compact cloud; ballot stuffing smears it towards the top right (high turnout, high leader share).',
  });
}

function shpilkin(f: Fingerprints, id: string): HTMLElement {
  const r = f.shpilkin.result;
  const rows = r.bins.flatMap((b) => [
    { turnout: b.turnout_from + 0.5, series: name(f.leader), votes: b.leader },
    { turnout: b.turnout_from + 0.5, series: 'All other choices', votes: b.others },
    ...(b.expected_leader === null ? [] : [{ turnout: b.turnout_from + 0.5, series: `${name(f.leader)} at the clean share`, votes: b.expected_leader }]),
  ]);
  const chart = Plot.plot({
    width: chartWidth(),
    height: 280,
    marginLeft: 60,
    x: { domain: [0, 100], label: 'Turnout (%), 1-point bins' },
    y: { grid: true, label: 'Votes', tickFormat: short },
    color: { legend: true },
    marks: [
      Plot.ruleX([r.turnout_mode.center], { stroke: '#888', strokeDasharray: '4,3' }),
      Plot.line(rows, { x: 'turnout', y: 'votes', stroke: 'series', className: 'shpilkin-line' }),
      Plot.ruleY([0]),
    ],
  });
  const table = dataTable(
    [
      { key: 'turnout_from', label: 'Turnout from (%)', numeric: true },
      { key: 'leader', label: name(f.leader), numeric: true, cell: (b) => num(b.leader) },
      { key: 'others', label: 'Others', numeric: true, cell: (b) => num(b.others) },
      { key: 'expected_leader', label: 'Expected at clean share', numeric: true, cell: (b) => num(b.expected_leader) },
    ],
    r.bins,
    { caption: 'Votes per turnout bin', csvName: `${id}-shpilkin.csv` },
  );
  return figure(chart, table, {
    title: 'Shpilkin’s curve',
    label: `Votes per 1-point turnout bin; mode at ${r.turnout_mode.center} %; clean share ${r.clean_share_pct} % against the official ${r.official_share_pct} %; ${num(r.anomalous_votes)} anomalous votes.`,
    note: `Turnout mode ${r.turnout_mode.from}–${r.turnout_mode.to} %; ${name(f.leader)}’s clean share ${r.clean_share_pct} % (official ${r.official_share_pct} % of valid ballots); anomalous votes ${num(r.anomalous_votes)} of ${num(r.leader_votes)}. ${f.shpilkin.reference} (v${f.shpilkin.version})`,
  });
}

function integers(f: Fingerprints, id: string): HTMLElement {
  const i = f.integers;
  if (!i) return empty('Integer-percentage test not run.');
  const rows = [
    { what: 'Turnout or leader share', ...i.result.either },
    { what: 'Leader share', ...i.result.leader },
    { what: 'Turnout', ...i.result.turnout },
  ];
  return h(
    'div',
    null,
    dataTable(
      [
        { key: 'what', label: 'Integer percentage in' },
        { key: 'observed', label: 'Stations observed', numeric: true, cell: (r) => num(r.observed) },
        { key: 'expected', label: 'Expected (Monte Carlo)', numeric: true, cell: (r) => num(r.expected) },
        { key: 'excess', label: 'Excess', numeric: true, cell: (r) => `${num(r.excess)} ± ${r.sd}` },
        { key: 'threshold', label: '99.9 % of chance below', numeric: true },
      ],
      rows,
      {
        caption: `Integer-percentage excess (${num(i.result.stations_included)} stations, ${i.params.reps} replicates, seed ${i.params.seed})`,
        csvName: `${id}-integers.csv`,
      },
    ),
    dataTable(
      [
        { key: 'region', label: 'Region' },
        { key: 'stations', label: 'Stations', numeric: true, cell: (r) => num(r.stations) },
        { key: 'excess', label: 'Excess', numeric: true, cell: (r) => `${num(r.either.excess)} ± ${r.either.sd}`, csv: (r) => r.either.excess },
      ],
      i.result.by_region,
      { caption: 'By region, largest excess first', csvName: `${id}-integers-regions.csv`, maxRows: 15 },
    ),
    h('p', { class: 'note' }, `${i.reference} Flagged rows included: ${i.result.flagged_included}. v${i.version}.`),
  );
}

function districts(e: Electronic, id: string): HTMLElement {
  const s = e.summary;
  const rows = e.districts;
  const changed = (d: District) => d.single_mandate?.changed_by_deg ?? d.party_list.changed_by_deg;
  const table = dataTable(
    [
      // 2024's DEG is published per region, with no district: the row is the region.
      { key: 'oik', label: 'District', nowrap: true, cell: (d) => d.oik ?? d.region ?? '—', csv: (d) => d.oik ?? d.region },
      {
        key: 'paper',
        label: 'Leader on paper',
        cell: (d) => d.single_mandate?.paper_leader.name ?? d.party_list.paper?.leader.name ?? '—',
        csv: (d) => d.single_mandate?.paper_leader.name ?? d.party_list.paper?.leader.name,
      },
      {
        key: 'electronic',
        label: 'Leader on DEG',
        cell: (d) => d.single_mandate?.electronic_leader.name ?? d.party_list.electronic?.leader.name ?? '—',
        csv: (d) => d.single_mandate?.electronic_leader.name ?? d.party_list.electronic?.leader.name,
      },
      {
        key: 'winner',
        label: 'Winner',
        cell: (d) => d.single_mandate?.winner.name ?? d.party_list.combined_leader.name,
        csv: (d) => d.single_mandate?.winner.name ?? d.party_list.combined_leader.name,
      },
      { key: 'margin', label: 'Winner’s margin', numeric: true, cell: (d) => num(d.single_mandate?.margin_votes), csv: (d) => d.single_mandate?.margin_votes },
      {
        key: 'paper_margin',
        label: 'Winner on paper (±)',
        numeric: true,
        cell: (d) => num(d.single_mandate?.winner_paper_margin_votes),
        csv: (d) => d.single_mandate?.winner_paper_margin_votes,
      },
      {
        key: 'list',
        label: 'Party list: paper → DEG leader',
        cell: (d) => `${d.party_list.paper?.leader.name ?? '—'} → ${d.party_list.electronic?.leader.name ?? '—'}`,
      },
      {
        key: 'changed',
        label: 'DEG changed the winner',
        cell: (d) => (changed(d) ? h('strong', { class: 'changed', 'data-changed': 'true' }, 'Changed') : 'no'),
        csv: (d) => changed(d),
      },
    ],
    rows,
    { caption: 'Paper versus electronic votes per district', csvName: `${id}-paper-vs-electronic.csv` },
  );
  return h(
    'div',
    { class: 'districts' },
    h(
      'p',
      { class: 'lede' },
      `${s.districts} ${rows.every((d) => d.oik === null) ? 'regions' : 'districts'} with electronic votes (${num(s.electronic_ballots_issued)} DEG ballots issued). ${
        s.with_single_mandate
          ? `Single-mandate winner changed by the electronic votes in ${s.single_mandate_changed_by_deg} of ${s.with_single_mandate}; party-list leader changed in ${s.party_list_changed_by_deg}.`
          : `No single-mandate results imported for them; ${e.election.kind === 'duma' ? 'party-list leader' : 'leader'} changed in ${s.party_list_changed_by_deg}.`
      }`,
    ),
    table,
    h('p', { class: 'note' }, e.method, ' ', ...e.caveats.map((c) => h('span', { class: 'caveat' }, ` ${c}`))),
  );
}

export default async function election({ root, params, signal }: PageContext): Promise<void> {
  const id = params.id ?? '';
  pageHead(root, `Election ${id}`);
  const head = h('div');
  const tot = h('div');
  const ledger = h('p');
  const fp = h('div');
  const el = h('div');
  root.append(
    head,
    ledger,
    h('h2', null, 'Totals, paper and electronic'),
    tot,
    h('h2', null, 'Distributions and fingerprints'),
    fp,
    h('h2', null, 'Paper versus electronic voting'),
    el,
  );
  settle(
    ledger,
    'the ledger events about this election',
    getJson<ElectionList>('/api/elections', {}, signal).then((l) => {
      const ev = l.items.find((x) => x.id === id)?.ledger_events ?? [];
      if (ev.length && !signal.aborted)
        ledger.replaceChildren(
          'Ledger events about this election’s technology: ',
          ...ev.flatMap((x, i) => [i ? ', ' : '', h('a', { href: `/events/${x}` }, x)]),
        );
    }),
    signal,
  );
  const s = await section(tot, 'totals', () => getJson<Summary>(`/api/elections/${encodeURIComponent(id)}/summary`, {}, signal), totals, signal);
  if (s)
    head.replaceChildren(
      h('p', { class: 'lede' }, `${s.election.title}, ${s.election.year}. Source: ${s.source.files.map((f) => f.file).join(', ')}. ${s.source.credit}`),
    );
  await Promise.all([
    section(
      fp,
      'fingerprints',
      () => getJson<Fingerprints>(`/api/elections/${encodeURIComponent(id)}/fingerprints`, {}, signal),
      (f) => [histogram(f, 'turnout', id), histogram(f, 'leader', id), heat(f, id), shpilkin(f, id), h('h3', null, 'Integer percentages'), integers(f, id)],
      signal,
    ),
    section(
      el,
      'paper versus electronic',
      () => getJson<Electronic>(`/api/elections/${encodeURIComponent(id)}/electronic`, {}, signal),
      (e) =>
        e.districts.length
          ? [districts(e, id), ...(e.deg_timeline ? [h('h3', null, 'Electronic votes over time'), degTimeline(e.deg_timeline, id)] : [])]
          : empty('No electronic votes in this election’s data.'),
      signal,
    ),
  ]);
}
