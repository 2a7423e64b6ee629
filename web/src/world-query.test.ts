import { describe, expect, it } from 'vitest';
import { worldHref, worldQuery } from './world-query.js';

const cats = ['shutdown', 'block'];
const q = (s: string) => worldQuery(new URLSearchParams(s), { min: 1995, max: 2026 }, cats);

describe('worldQuery', () => {
  it('defaults to every year and category, coloured by events', () => {
    expect(q('')).toEqual({ state: { category: '', from: 1995, to: 2026, color: 'events' }, problems: [] });
    expect(q('category=block&from=2019&to=2020&color=cost').state).toEqual({ category: 'block', from: 2019, to: 2020, color: 'cost' });
  });
  it('a range that ends before it begins is refused in the Events page words, never drawn as a blank map', () => {
    expect(q('from=2019&to=2010').problems).toEqual(['to: "2010" ends before from "2019" begins']);
  });
  it('unknown values are named with the accepted ones, not ignored', () => {
    expect(q('category=bogus&color=bogus&from=abc&to=2030').problems).toEqual([
      'category: Invalid option: expected one of "shutdown"|"block", got "bogus"',
      'color: Invalid option: expected one of "events"|"cost"|"model", got "bogus"',
      'from: "abc" is not a year the ledger holds (1995–2026)',
      'to: "2030" is not a year the ledger holds (1995–2026)',
    ]);
  });
});

describe('worldHref', () => {
  const years = { min: 1995, max: 2025 };
  it('leaves out a year at the end of the range offered, so a default view has one address', () => {
    expect(worldHref({ category: '', from: '1995', to: '2025', color: 'model' }, years)).toBe('/?color=model');
    expect(worldHref({ from: '1995', to: '2025', color: 'events' }, years)).toBe('/?color=events');
  });
  it('keeps every year and filter that is chosen', () => {
    expect(worldHref({ category: 'law', from: '2019', to: '2024', color: 'cost' }, years)).toBe('/?category=law&from=2019&to=2024&color=cost');
    expect(worldHref({ from: '1995', to: '2019' }, years)).toBe('/?to=2019');
  });
});
