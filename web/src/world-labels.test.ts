import { describe, expect, it } from 'vitest';
import { worldLabels } from './world-labels.js';

const state = (color: 'events' | 'cost' | 'model') => ({ category: '', from: 1995, to: 2025, color });

describe('worldLabels', () => {
  it('our estimate is captioned as ours, with its method, never as the published figure', () => {
    const l = worldLabels(state('model'), 'cost-escalated');
    expect(l.title).toBe('Our estimated shutdown cost by country (cost-escalated, USD)');
    expect(l.title).not.toMatch(/published/i);
    expect(l.legend).toMatch(/^Our estimate/);
    expect(l.column).toBe('Our estimate (USD)');
  });
  it('the published figure names its publisher', () => {
    const l = worldLabels(state('cost'), 'cost-escalated', ['Top10VPN']);
    expect(l.title).toBe('Published shutdown cost by country (Top10VPN, USD)');
    expect(l.column).toBe('Published cost (USD)');
  });
  it('the file name says the view: what is counted or priced, by whom, in which currency, over which years', () => {
    expect(worldLabels(state('model'), 'cost-escalated').csvName).toBe('splinternet-world-our-estimate-cost-escalated-USD-1995-2025.csv');
    expect(worldLabels(state('cost'), 'cost-escalated', ['Top10VPN']).csvName).toBe('splinternet-world-published-cost-Top10VPN-USD-1995-2025.csv');
    expect(worldLabels({ ...state('events'), category: 'shutdown' }, 'cost-escalated').csvName).toBe('splinternet-world-events-shutdown-1995-2025.csv');
    expect(worldLabels(state('events'), 'x').title).toBe('Ledger events by country');
  });
});
