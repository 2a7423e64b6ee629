/**
 * Elections (/elections): the imported elections with their station, reject and flag counts,
 * each linking to its page, and the ledger events about election technology. Reads
 * GET /api/elections.
 */
import { type ElectionList, getJson, hasApi } from '../api.js';
import { pageHead } from '../common.js';
import { h } from '../dom.js';
import { num } from '../format.js';
import type { PageContext } from '../router.js';
import { empty, notAvailable, section } from '../ui/state.js';
import { dataTable } from '../ui/table.js';

export default async function elections({ root, signal }: PageContext): Promise<void> {
  pageHead(
    root,
    'Elections',
    'Official polling-station results of Russian federal elections and what independent statisticians read in them: turnout and result distributions, integer-percentage spikes, Shpilkin’s estimate, and what remote electronic voting did to Moscow’s count.',
  );
  if (!(await hasApi('/api/elections'))) {
    root.append(notAvailable('Elections', '/api/elections'));
    return;
  }
  const slot = h('div');
  root.append(slot);
  await section(
    slot,
    'elections',
    () => getJson<ElectionList>('/api/elections', {}, signal),
    (r) =>
      r.items.length === 0
        ? empty('No election imported yet: run `splinternet elections import ../shared/data/elections/kobak-2021.csv.zip`.')
        : dataTable(
            [
              { key: 'id', label: 'Election', nowrap: true, cell: (e) => h('a', { href: `/elections/${e.id}` }, e.id) },
              { key: 'title', label: 'What' },
              { key: 'stations', label: 'Stations', numeric: true, cell: (e) => num(e.stations) },
              { key: 'rejected', label: 'Rows rejected', numeric: true, cell: (e) => num(e.rejected) },
              { key: 'flagged', label: 'Rows flagged (kept)', numeric: true, cell: (e) => num(e.flagged) },
              {
                key: 'ledger_events',
                label: 'Ledger events',
                // separated, so two ids never read as one
                cell: (e) => e.ledger_events.flatMap((id, i) => [i ? ', ' : '', h('a', { href: `/events/${id}`, class: 'tag' }, id)]),
                csv: (e) => e.ledger_events.join('; '),
              },
            ],
            r.items,
            { caption: 'Imported elections', csvName: 'elections.csv' },
          ),
    signal,
  );
  root.append(
    h(
      'p',
      { class: 'note' },
      'Data: CEC polling-station protocols scraped by Sergey Shpilkin and Ivan Shukshin (github.com/dkobak/elections); Moscow 2021 single-mandate results transcribed by Meduza; DEG series by denull. Official results are not objects of copyright.',
    ),
  );
}
