/**
 * Measurement status over time for the services users ask about first (Telegram, WhatsApp,
 * Signal, Facebook, Twitter, YouTube, Tor), from the measurement pipeline's daily aggregates.
 */
import { getJson, hasApi, type MeasurementSummary } from '../api.js';
import { h } from '../dom.js';
import { heatmap, normalizeCell } from './measure-view.js';
import { empty, notAvailable, section } from './state.js';

/** Service -> what identifies it in a cell's target or test name. */
export const KEY_TARGETS: [string, RegExp][] = [
  ['Telegram', /telegram/i],
  ['WhatsApp', /whatsapp/i],
  ['Signal', /signal/i],
  ['Facebook', /facebook|fbcdn|messenger/i],
  ['Twitter', /twitter|twimg|(^|\.)x\.com|t\.co$/i],
  ['YouTube', /youtube|ytimg|googlevideo/i],
  ['Tor', /(^|_)tor($|_|sf)|torproject/i],
];

export const keyTargetOf = (target: string, test: string): string | undefined => KEY_TARGETS.find(([, re]) => re.test(target) || re.test(test))?.[0];

export async function keyTargets(slot: HTMLElement, cc: string, signal: AbortSignal): Promise<void> {
  if (!(await hasApi('/api/measurements/summary'))) {
    slot.replaceChildren(notAvailable('Measurement status', 'GET /api/measurements/summary (the measurement pipeline)'));
    return;
  }
  await section(
    slot,
    'the measurement status',
    () => getJson<MeasurementSummary>('/api/measurements/summary', { cc, grain: 'day' }, signal),
    (r) => {
      const cells = r.cells
        .map(normalizeCell)
        .map((c) => ({ ...c, target: keyTargetOf(c.target, c.test_name) ?? '' }))
        .filter((c) => c.target);
      if (!cells.length) return empty(`No measurements of the key services in ${cc} in this database.`);
      return [
        heatmap(cells, {
          targets: KEY_TARGETS.map(([name]) => name),
          note: 'Rows without cells: no measurement of that service in this database. Status is our per-layer verdict, the most severe of the day; OONI’s own flags are in the table.',
          title: `Key services in ${cc}: status by day`,
          csvName: `splinternet-${cc}-key-services.csv`,
          href: (c) => `/measurements?cc=${cc}&since=${c.day}&until=${c.day}`,
        }),
        h('p', { class: 'note' }, h('a', { href: `/measurements?cc=${cc}` }, `Explore all ${cc} measurements`)),
      ];
    },
    signal,
  );
}
