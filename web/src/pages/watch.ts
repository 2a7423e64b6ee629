/**
 * Watch (/watch): the outage watch as the store last recorded it (last cycle, next cycle, inputs
 * seen, errors, webhook deliveries) and what is new since this browser's last visit: confirmed
 * events and draft detections written after the watermark the server gave on that visit (kept
 * in localStorage, so the server's clock alone decides what is new). A first visit lists the
 * latest items and says so. A returning visit with more new items than shown says how many are
 * left out and links to them all (/watch?all=1); the server keeps the watermark at the previous
 * visit until an answer holds every new item. Reads GET /api/watch/status and GET /api/watch/new.
 */
import { getJson, hasApi, type WatchStatus, type WhatsNew } from '../api.js';
import { pageHead } from '../common.js';
import { h, type Child } from '../dom.js';
import { day, num, titleCase } from '../format.js';
import type { PageContext } from '../router.js';
import { empty, notAvailable, section } from '../ui/state.js';
import { dataTable } from '../ui/table.js';

type Cycle = NonNullable<WatchStatus['last_cycle']>;
type NewList = WhatsNew['events'];
type NewItem = NewList['items'][number];

/** Where this browser keeps the watermark of its last visit. */
export const SEEN_KEY = 'splinternet.watch.seen';
const LIMIT = 20;
/** The most a returning visit lists when asked for every new item (the API's own maximum). */
const ALL = 500;

function readSeen(): string | null {
  try {
    const v = localStorage.getItem(SEEN_KEY);
    return v && Number.isFinite(Date.parse(v)) ? v : null; // an unreadable value counts as no visit
  } catch {
    return null; // storage disabled: every visit is a first visit
  }
}

function writeSeen(v: string): void {
  try {
    localStorage.setItem(SEEN_KEY, v);
  } catch {
    /* storage disabled or full: nothing to remember */
  }
}

type CycleSummary = NonNullable<Cycle['summary']>;
const summaryNum = (s: CycleSummary | null, k: (typeof FIGURES | typeof OONI_FIGURES)[number][0]): number | null => s?.[k] ?? null;
const summaryErrors = (s: CycleSummary | null): string[] => s?.errors ?? [];

const kv = (rows: [string, string, Child][]) =>
  h(
    'dl',
    { class: 'kv watch-status' },
    rows.map(([key, label, value]) => [h('dt', null, label), h('dd', { 'data-k': key }, value)]),
  );

/** The cycle summary's counts, in the order and words the panel shows them. */
const FIGURES = [
  ['inputs_new', 'new input(s)'],
  ['points_stored', 'signal points stored'],
  ['rejected', 'rejected'],
  ['detections', 'detection(s)'],
  ['drafts_created', 'new draft(s)'],
  ['notices_enqueued', 'webhook notice(s) queued'],
] as const;
/** Shown when the cycle synced OONI data (its summary names the window). */
const OONI_FIGURES = [
  ['ooni_files_new', 'OONI file(s) ingested'],
  ['ooni_stored', 'OONI measurement(s) stored'],
] as const;

function statusView(s: WatchStatus): Node[] {
  const c = s.last_cycle;
  if (!c) {
    return [
      empty(
        'The watch has not run on this database yet: start it with `splinternet watch --every 15m --signals-dir ./incoming` (or one cycle: `watch --once`).',
      ),
      kv([
        ['inputs-seen', 'Inputs seen', num(s.inputs_seen)],
        [
          'deliveries',
          'Webhook deliveries',
          `${num(s.deliveries.delivered)} delivered, ${num(s.deliveries.pending)} pending, ${num(s.deliveries.dead)} dead-lettered`,
        ],
      ]),
    ];
  }
  const sum = c.summary;
  const errors = summaryErrors(sum);
  const ooni = typeof sum?.ooni_window === 'string' ? sum.ooni_window : null;
  const figures = [...FIGURES, ...(ooni ? OONI_FIGURES : [])].map(([k, label]) => [label, summaryNum(sum, k)] as const).filter(([, v]) => v !== null);
  return [
    kv([
      ['last-cycle', 'Last cycle', `${day(c.started_at)} UTC, ${c.status}${c.finished_at ? ` (finished ${day(c.finished_at)})` : ''}`],
      [
        'next-cycle',
        'Next cycle',
        !s.running ? 'none: no watch is running' : s.cycle_running ? 'after the one running now' : s.next_cycle ? `${day(s.next_cycle)} UTC` : '—',
      ],
      ['last-figures', 'In the last cycle', figures.map(([label, v]) => `${num(v)} ${label}`).join(', ') || '—'],
      ['ooni-window', 'OONI upload hours synced', ooni ? `${ooni.replace('..', ' to ')} UTC` : 'not watched (start with --ooni-sync)'],
      ['inputs-seen', 'Inputs seen', num(s.inputs_seen)],
      [
        'errors',
        'Errors in the last cycle',
        errors.length
          ? h(
              'ul',
              { class: 'errors' },
              errors.map((e) => h('li', null, e)),
            )
          : 'none',
      ],
      [
        'deliveries',
        'Webhook deliveries',
        `${num(s.deliveries.delivered)} delivered, ${num(s.deliveries.pending)} pending, ${num(s.deliveries.dead)} dead-lettered`,
      ],
    ]),
    s.recent_inputs.length
      ? dataTable(
          [
            { key: 'seen_at', label: 'Seen', nowrap: true, cell: (i) => day(i.seen_at) },
            { key: 'kind', label: 'Kind' },
            { key: 'key', label: 'Input' },
            { key: 'outcome', label: 'Outcome' },
            { key: 'detail', label: 'Detail', cell: (i) => i.detail ?? '' },
          ],
          s.recent_inputs,
          { caption: 'Latest inputs taken in', csvName: 'watch-inputs.csv' },
        )
      : empty('No input taken in yet.'),
  ];
}

const DONE: Record<string, string> = {
  create: 'added',
  confirm: 'confirmed',
  update: 'updated',
  restore: 'restored',
  retract: 'retracted',
  dismiss: 'dismissed',
};
const happened = (i: NewItem) => (i.added ? 'added' : (DONE[i.action] ?? i.action));

function newTable(list: NewList, caption: string, kind: string, since: string | null): Node[] | Node {
  if (list.items.length === 0) return empty(`No new ${kind}.`);
  const left = list.total - list.items.length;
  const table = dataTable(
    [
      { key: 'updated_at', label: 'Written', nowrap: true, cell: (i) => day(i.updated_at) },
      { key: 'action', label: 'What happened', cell: happened, csv: happened },
      { key: 'title', label: kind === 'events' ? 'Event' : 'Detection', cell: (i) => h('a', { href: `/events/${encodeURIComponent(i.id)}` }, i.title) },
      { key: 'countries', label: 'Countries', cell: (i) => i.countries.join(', '), csv: (i) => i.countries.join(' ') },
      { key: 'category', label: 'Category', cell: (i) => titleCase(i.category) },
    ],
    list.items,
    { caption: `${caption}: ${num(list.total)}${left > 0 ? ` (newest ${list.items.length} shown)` : ''}`, csvName: `new-${kind}.csv` },
  );
  if (!since || left <= 0) return table;
  return [
    table,
    h(
      'p',
      { class: 'note', 'data-k': `left-${kind}` },
      `${num(left)} older ${kind === 'events' ? 'event(s)' : 'detection(s)'} written since your last visit are not shown here; they stay new until you have seen them: `,
      list.total <= ALL
        ? h('a', { href: '/watch?all=1' }, `show all ${num(list.total)}`)
        : `the first ${num(ALL)} at /watch?all=1, the rest on the visit after`,
      '.',
    ),
  ];
}

function newView(r: WhatsNew): Node[] {
  const head = r.since
    ? h(
        'p',
        { class: 'note', 'data-k': 'since' },
        `Written since your last visit from this browser (server time ${day(r.since)} UTC): ${num(r.events.total)} confirmed event(s), ${num(r.drafts.total)} draft detection(s).`,
      )
    : h(
        'p',
        { class: 'note first-visit', 'data-k': 'since' },
        `First visit from this browser: the latest ${r.limit} confirmed events and draft detections are shown. From your next visit, this lists only what was written after this one.`,
      );
  return [
    head,
    h('div', { class: 'new-events' }, newTable(r.events, r.since ? 'New confirmed events' : 'Latest confirmed events', 'events', r.since)),
    h(
      'div',
      { class: 'new-drafts' },
      newTable(r.drafts, r.since ? 'New draft detections (unconfirmed)' : 'Latest draft detections (unconfirmed)', 'drafts', r.since),
    ),
  ];
}

export default async function watch({ root, query, signal }: PageContext): Promise<void> {
  pageHead(
    root,
    'Watch',
    'The outage watch takes in new signal files and OONI data on a schedule, runs the outage detector and proposes draft events. Here: its last cycle, and what is new since your last visit.',
  );
  if (!(await hasApi('/api/watch/status'))) {
    root.append(notAvailable('The watch', '/api/watch/status'));
    return;
  }
  const status = h('section', { class: 'watch-panel', 'aria-labelledby': 'watch-status-h' });
  const news = h('section', { class: 'watch-new', 'aria-labelledby': 'watch-new-h' });
  const statusSlot = h('div');
  const newSlot = h('div');
  status.append(h('h2', { id: 'watch-status-h' }, 'Watch status'), statusSlot);
  news.append(h('h2', { id: 'watch-new-h' }, 'New since your last visit'), newSlot);
  root.append(status, news);
  const since = readSeen();
  await Promise.all([
    section(statusSlot, 'the watch status', () => getJson<WatchStatus>('/api/watch/status', {}, signal), statusView, signal),
    section(
      newSlot,
      'what is new',
      async () => {
        const r = await getJson<WhatsNew>('/api/watch/new', { since, limit: since && query.get('all') === '1' ? ALL : LIMIT }, signal);
        if (r.watermark) writeSeen(r.watermark);
        return r;
      },
      newView,
      signal,
    ),
  ]);
  root.append(
    h(
      'p',
      { class: 'note' },
      'Follow the same lists as feeds: ',
      h('a', { href: '/feeds/events.atom' }, 'confirmed events (Atom)'),
      ', ',
      h('a', { href: '/feeds/drafts.atom' }, 'draft detections (Atom)'),
      ', or per country at /feeds/{CC}.atom. Your last visit is remembered in this browser only.',
    ),
  );
}
