import { describe, expect, it } from 'vitest';
import { idsHref, parseIds } from './event-ids.js';

describe('idsHref / parseIds', () => {
  it('round-trips the ids of a count, each once, in order', () => {
    // ids of shipped ledger events (data/ledger)
    const ids = ['ru-2018-telegram-block', 'ru-2021-twitter-throttling', 'ru-2018-telegram-block'];
    const href = idsHref(ids, 'RU');
    expect(href).toBe('/events?country=RU&id=ru-2018-telegram-block%2Cru-2021-twitter-throttling');
    expect(parseIds(new URLSearchParams(href.split('?')[1]).getAll('id'))).toEqual(['ru-2018-telegram-block', 'ru-2021-twitter-throttling']);
  });
  it('reads repeated and comma-separated ids, dropping blanks', () => {
    expect(parseIds(['a,b', ' c ', '', 'a'])).toEqual(['a', 'b', 'c']);
  });
});
