// An ongoing restriction later restrictions took over is priced up to where they began, never
// beside them. The events are the ledger's own records of Russia's restrictions of Twitter
// (data/ledger/events); the variants that change one field are synthetic and say so.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../ledger/index.js';
import { eventScenario } from './event-scenario.js';
import { supersededTable, takeover, THREAT_TAG } from './superseded.js';
import { syntheticEvent } from './testing.js';

const ledger = (id: string) =>
  syntheticEvent(JSON.parse(readFileSync(new URL(`../../data/ledger/events/${id}.json`, import.meta.url), 'utf8')) as Partial<LedgerEvent>);

const throttle = ledger('ru-2021-twitter-throttling');
const block = ledger('ru-2022-facebook-instagram-twitter-blocks');
const threat = ledger('ru-2020-threats-to-slow-facebook-twitter');
const youtubeThrottle = ledger('ru-2024-youtube-throttling');
const youtubeBlock = ledger('ru-2024-youtube-block');

describe('an ongoing restriction later restrictions took over', () => {
  const table = supersededTable([throttle, block, threat, youtubeThrottle, youtubeBlock]);

  it('the throttling of Twitter gives way to the block of 26 February 2022; the block and an ended throttle are left alone', () => {
    expect(table.get(throttle.id)).toEqual({
      at: '2022-02-26',
      by: [{ id: block.id, category: 'block', start: '2022-02-26', platforms: ['twitter'] }],
    });
    expect(table.has(block.id)).toBe(false);
    expect(table.has(youtubeThrottle.id)).toBe(false); // it ended on 2024-11-14: an event that ended keeps its end
  });

  it('prices the throttle up to the block with --end, and says why; without --end it is ongoing as before', () => {
    const s = eventScenario(throttle, { end: '2025-12-31', severity: 1 }, { superseded: table });
    expect(s.input).toMatchObject({ start: '2021-03-10', end: '2022-02-26T00:00:00.000Z' });
    expect(s.mapping.join('\n')).toMatch(
      /later restrictions took over .*twitter by the block ru-2022-facebook-instagram-twitter-blocks from 2022-02-26.*not to --end 2025-12-31/,
    );
    // An --end before the block began is the end as given.
    expect(eventScenario(throttle, { end: '2021-12-31', severity: 1 }, { superseded: table }).input.end).toBe('2021-12-31');
    expect(takeover(throttle, '2021-12-31', table)).toBeUndefined();
    expect(eventScenario(throttle, { severity: 1 }, { superseded: table }).missing.map((m) => m.field)).toEqual(['end']);
  });

  it('needs every platform taken over, by events that are themselves ongoing and nationwide, at least as hard', () => {
    // SYNTHETIC variants of the block, one field changed each.
    const variants: [string, Partial<LedgerEvent>][] = [
      ['ended', { end: '2022-06-01' }],
      ['regional', { scope: 'regional', regions: ['RU-MOW'] }],
      ['a throttle takes over a throttle', { category: 'throttling', subtype: 'platform' }],
      ['another country', { countries: ['BY'] }],
      ['earlier', { start: '2021-01-01' }],
    ];
    for (const [why, change] of variants) {
      const other = { ...block, ...change };
      const t = supersededTable([throttle, other]);
      if (why.startsWith('a throttle takes')) expect(t.get(throttle.id)?.by[0]?.category, why).toBe('throttling');
      else expect(t.has(throttle.id), why).toBe(false);
    }
    // A later throttle of all of a block's platforms does not take the block over (SYNTHETIC).
    const laterThrottle = { ...throttle, id: 'synthetic-later-throttle', start: '2023-01-01', targets: block.targets };
    expect(supersededTable([block, laterThrottle]).has(block.id)).toBe(false);
    expect(supersededTable([block, { ...laterThrottle, category: 'block', subtype: 'platform' }]).has(block.id)).toBe(true);
    // A block of one of two platforms takes over neither.
    const two = { ...throttle, id: 'synthetic-two', targets: [...throttle.targets, { kind: 'platform' as const, name: 'YouTube' }] };
    expect(supersededTable([two, block]).has('synthetic-two')).toBe(false);
  });

  it('prices each platform up to its own takeover when they were taken over at different times', () => {
    // SYNTHETIC: the throttle of Twitter given YouTube too; the ledger's blocks take Twitter (2022) and YouTube (2024).
    const two = { ...throttle, id: 'synthetic-two', targets: [...throttle.targets, { kind: 'platform' as const, name: 'YouTube' }] };
    const table = supersededTable([two, block, youtubeBlock]);
    expect(table.get('synthetic-two')?.at).toBe('2024-12-15');
    const s = eventScenario(two, { end: '2025-12-31', severity: 1 }, { superseded: table });
    expect(s.input.end).toBe('2024-12-15T00:00:00.000Z');
    const span = Date.parse('2024-12-15') - Date.parse('2021-03-10');
    expect(s.input.platform_phases?.shares.twitter).toBeCloseTo((Date.parse('2022-02-26') - Date.parse('2021-03-10')) / span, 9);
    expect(s.input.platform_phases?.shares.youtube).toBe(1);
    expect(s.mapping.join('\n')).toMatch(
      /platforms taken over at different times: each platform up to the start of the restriction that took it over \(twitter 2022-02-26, youtube 2024-12-15\)/,
    );
  });
});

describe('a threat recorded as what it threatened', () => {
  it('is not priced, and says why', () => {
    expect(threat.tags).toContain(THREAT_TAG);
    const s = eventScenario(threat, { end: '2025-12-31', severity: 1 });
    expect(s.missing).toEqual([{ field: 'category', reason: expect.stringMatching(/^a threat to slow \(tag "threat"\), not a restriction carried out/) }]);
    // The same record without the tag is a throttle like any other (SYNTHETIC: the tag removed).
    expect(eventScenario({ ...threat, tags: [] }, { end: '2025-12-31', severity: 1 }).missing).toEqual([]);
  });
});
