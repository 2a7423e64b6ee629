/**
 * The DEG timeline of an election page: electronic votes decrypted per 20-minute bin (party
 * list and single-mandate ballots), and each party's share of every bin, on a Moscow-time axis.
 * Each figure says what the bins count (re-votes included), how they compare with the final
 * electronic count, and where the series comes from.
 */
import * as Plot from '@observablehq/plot';
import type { DegTimeline, SeriesSum } from '../api.js';
import { chartWidth } from '../common.js';
import { h } from '../dom.js';
import { num } from '../format.js';
import { figure } from './figure.js';
import { dataTable } from './table.js';

/** Moscow is UTC+3 all year since 2014: shifting by 3 h and drawing in UTC shows Moscow time. */
const MSK = 3 * 3600_000;
const moscow = (t: number) => new Date(t + MSK);
const stamp = (t: number) => moscow(t).toISOString().slice(0, 16).replace('T', ' ');
/** Parties drawn one by one in the share chart; the rest are summed as "Other parties". */
const TOP = 6;

function ballots(tl: DegTimeline, id: string): HTMLElement {
  const series = [
    { key: 'Party-list ballots', s: tl.party_list },
    { key: 'Single-mandate ballots', s: tl.single_mandate },
  ].filter((x): x is { key: string; s: SeriesSum } => x.s !== null);
  const rows = series.flatMap(({ key, s }) => tl.t.map((t, i) => ({ t: moscow(t), series: key, votes: s.ballots[i]! })));
  const chart = Plot.plot({
    width: chartWidth(),
    height: 280,
    marginLeft: 60,
    x: { type: 'utc', label: `Moscow time (UTC+3), ${tl.bin_minutes}-minute bins` },
    y: { grid: true, nice: true, label: `Votes decrypted per ${tl.bin_minutes} minutes` },
    color: { legend: true },
    marks: [Plot.line(rows, { x: 't', y: 'votes', stroke: 'series', className: 'deg-ballots' }), Plot.ruleY([0])],
  });
  const table = dataTable(
    [
      { key: 't', label: 'Bin start (Moscow time)', nowrap: true, cell: (r) => stamp(r.t), csv: (r) => new Date(r.t).toISOString() },
      ...series.map(({ key, s }) => ({
        key,
        label: key,
        numeric: true,
        cell: (r: { i: number }) => num(s.ballots[r.i]),
        csv: (r: { i: number }) => s.ballots[r.i],
      })),
    ],
    tl.t.map((t, i) => ({ t, i })),
    { caption: `Electronic votes decrypted per ${tl.bin_minutes}-minute bin`, csvName: `${id}-deg-per-bin.csv`, maxRows: 200 },
  );
  const totals = series.map(({ key, s }) => `${num(s.total)} ${key.toLowerCase()}`).join(' and ');
  return figure(chart, table, {
    title: `Electronic (DEG) votes over time, ${tl.districts.length} districts`,
    label: `Line chart of electronic votes decrypted per ${tl.bin_minutes} minutes from ${stamp(tl.t[0]!)} to ${stamp(tl.t.at(-1)!)} Moscow time.`,
    note: `${totals} decrypted in ${tl.t.length} bins (a bin holds the votes decrypted in the ${tl.bin_minutes} minutes from its start), against ${num(tl.final_electronic_cast)} electronic party-list ballots in the final count: the bins include ballots that a later re-vote superseded. Source: ${tl.credit}`,
  });
}

function shares(tl: DegTimeline, s: SeriesSum, id: string): HTMLElement {
  const top = s.choices.slice(0, TOP);
  const rest = s.choices.slice(TOP);
  const lines = [
    ...top.map((c) => ({ name: c.label_en ?? c.name, votes: c.votes })),
    ...(rest.length ? [{ name: 'Other parties', votes: tl.t.map((_, i) => rest.reduce((a, c) => a + c.votes[i]!, 0)) }] : []),
  ];
  const rows = lines.flatMap((l) =>
    tl.t.flatMap((t, i) => (s.ballots[i]! > 0 ? [{ t: moscow(t), party: l.name, pct: (100 * l.votes[i]!) / s.ballots[i]! }] : [])),
  );
  const chart = Plot.plot({
    width: chartWidth(),
    height: 300,
    marginLeft: 50,
    x: { type: 'utc', label: `Moscow time (UTC+3), ${tl.bin_minutes}-minute bins` },
    y: { grid: true, label: 'Share of the bin’s party-list DEG votes (%)', domain: [0, 100] },
    color: { legend: true, domain: lines.map((l) => l.name) },
    marks: [Plot.line(rows, { x: 't', y: 'pct', stroke: 'party', className: 'deg-share' }), Plot.ruleY([0])],
  });
  const table = dataTable(
    [
      { key: 'name', label: 'Party' },
      { key: 'total', label: 'DEG votes in the bins', numeric: true, cell: (c) => num(c.total) },
      { key: 'share', label: 'Share of all bins', numeric: true, cell: (c) => `${((100 * c.total) / s.total).toFixed(2)}%`, csv: (c) => c.total / s.total },
    ],
    s.choices.map((c) => ({ name: c.label_en ?? c.name, total: c.total })),
    { caption: 'Party-list DEG votes over all bins', csvName: `${id}-deg-parties.csv` },
  );
  return figure(chart, table, {
    title: 'Each party’s share of the electronic votes, bin by bin',
    label: `Line chart of the share of each of the ${lines.length} largest parties in every ${tl.bin_minutes}-minute bin of party-list DEG votes.`,
    note: `Share = a party’s votes in the bin / all party-list votes decrypted in the bin (bins without votes left out); night bins hold a few hundred votes, so their shares move more. Source: ${tl.credit}`,
  });
}

/** The DEG section: the votes per bin and, where the party-list series exists, the shares. */
export function degTimeline(tl: DegTimeline, id: string): HTMLElement {
  return h('div', { class: 'deg-timeline' }, ballots(tl, id), tl.party_list ? shares(tl, tl.party_list, id) : null);
}
