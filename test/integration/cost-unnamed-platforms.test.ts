// A block of "social media" that names no platform, priced by the weights of the blocks that did
// name theirs: real STOP records (test/fixtures/stop/unnamed-platforms.csv, Access Now #KeepItOn
// STOP, 2026-05-20 snapshot) with the shipped economic data.
import { describe, expect, it } from 'vitest';
import { findPlatform, platformWeightIn } from '../../src/cost/platforms.js';
import { costFixture } from '../helpers/cost-ledger.js';

const { json } = costFixture('unnamed-platforms.csv');

type EventCost = {
  mapping: string[];
  missing: { field: string }[];
  scenario: { type: string; platform: string; platform_weight: number; platform_weight_class: { values: number[]; basis: string } | null };
  estimates: { median: number; inputs: { name: string; distribution?: string }[] }[];
};
const weight = (names: string[]) =>
  Math.min(
    1,
    names.reduce((s, n) => s + platformWeightIn(findPlatform(n)!, 'ET').weight, 0),
  );

describe('a block of social media that names no platform', () => {
  it("Ethiopia, 11 July 2016: the median weight of the blocks that named theirs (Ethiopia's three, one country's median)", async () => {
    const list = await json<{ items: { id: string; start: string; category: string }[] }>(['events', 'list', '--country', 'ET', '--limit', '20']);
    const id = list.items.find((e) => e.start === '2016-07-11')!.id;
    const c = await json<EventCost>(['cost', 'event', id, '--method', 'cost-escalated']);
    expect(c.missing).toEqual([]);
    // Ethiopia's named blocks: Facebook + WhatsApp; Facebook + WhatsApp + Instagram; Facebook + Telegram + TikTok + YouTube
    const named = [weight(['Facebook', 'WhatsApp']), weight(['Facebook', 'WhatsApp', 'Instagram']), weight(['Facebook', 'Telegram', 'TikTok', 'YouTube'])];
    const median = [...named].sort((a, b) => a - b)[1]!;
    expect(c.scenario.type).toBe('platform');
    expect(c.scenario.platform).toBe('social media (unnamed)');
    expect(c.scenario.platform_weight).toBeCloseTo(median, 10);
    // fewer than five named blocks in Ethiopia: every country's median, here Ethiopia's alone
    expect(c.scenario.platform_weight_class?.values).toEqual([c.scenario.platform_weight]);
    expect(c.scenario.platform_weight_class?.basis).toMatch(/each of 1 country by its median/);
    expect(c.mapping.join(' ')).toMatch(/a block of "Social media", which names no platform/);
    expect(c.estimates[0]!.median).toBeGreaterThan(0);
  });

  it("India's Bagaha town, 2023: 'Unspecified messaging' and 'social media services' are both unnamed; with a weight given, that weight prices it", async () => {
    const list = await json<{ items: { id: string }[] }>(['events', 'list', '--country', 'IN', '--limit', '5']);
    const id = list.items[0]!.id;
    const c = await json<EventCost>(['cost', 'event', id, '--method', 'cost-escalated']);
    expect(c.missing).toEqual([]);
    expect(c.scenario.platform_weight_class).not.toBeNull();
    const given = await json<EventCost>(['cost', 'event', id, '--method', 'cost-escalated', '--platform-weight', '0.3']);
    expect(given.scenario.platform_weight).toBe(0.3);
    expect(given.scenario.platform_weight_class).toBeNull();
  });
});
