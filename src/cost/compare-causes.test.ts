// The causes a compared row names. SYNTHETIC rows: Eritrea 2019's shape (one block, priced far
// below Top10VPN), with and without a target the platform table does not weigh.
import { describe, expect, it } from 'vitest';
import { causesOf, type CompareRow, type RowMix } from './compare.js';
import { unweightedTargets } from './platforms.js';

const row = {
  country: 'ER',
  year: 2019,
  ours: { 'cost-escalated': 5_500 },
  theirs: 400_000,
  ratio: 5_500 / 400_000,
  within: 'beyond 10x',
  their_hours: 240,
  their_users: 100_000,
  our_hours: 240,
  our_users: 100_000,
  events: [],
  events_not_priced: [],
  cause: null,
  causes: [],
} as unknown as CompareRow;
const mix = (unweighted?: string[]): RowMix => ({
  platform_hours: 240,
  missing: {},
  areas: new Map(),
  ...(unweighted ? { unweighted: new Set(unweighted) } : {}),
});

describe('the price cause of a row of platform blocks', () => {
  it('names the targets left unpriced for want of a weight, ours a lower bound', () => {
    const targets = unweightedTargets([
      { kind: 'platform', name: 'Facebook' },
      { kind: 'platform', name: 'Other social media platforms' },
      { kind: 'person', name: 'not a target a weight prices' },
    ]);
    expect(targets).toEqual(['Other social media platforms']);
    const [price] = causesOf(row, mix(targets));
    expect(price!.factor).toBe('price per user-hour');
    expect(price!.explanation).toMatch(/platform weight table .*; not priced, for want of a weight: Other social media platforms \(ours is a lower bound\)$/);
    expect(
      causesOf(row, mix())
        .map((c) => c.explanation)
        .join(' '),
    ).not.toMatch(/lower bound/);
  });
});
