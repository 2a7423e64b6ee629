import { describe, expect, it } from 'vitest';
import { EVENTS_PAGE_PARAMS } from './event-query.js';
import { comparePair, notTwoLetters, refusalText, unknownParams, withoutUnknown } from './page-params.js';

const MEASUREMENTS = ['cc', 'asn', 'test_name', 'target', 'since', 'until', 'list', 'id'];

describe('page parameters', () => {
  it('names each parameter a page does not take, with the hint the API gives for it', () => {
    // the addresses of the QA report: a typo, another page's name for a filter, a made-up name
    expect(unknownParams(new URLSearchParams('contry=RU'), EVENTS_PAGE_PARAMS)).toEqual([{ name: 'contry', near: ['country'] }]);
    expect(unknownParams(new URLSearchParams('country=IR'), MEASUREMENTS)).toEqual([{ name: 'country', near: ['cc'] }]);
    expect(unknownParams(new URLSearchParams('foo=1&foo=2&cc=RU'), MEASUREMENTS)).toEqual([{ name: 'foo', near: [] }]);
  });

  it('takes every filter of the events list, region and subtype included', () => {
    expect(unknownParams(new URLSearchParams('region=RU-MOW&subtype=mobile&status=active&origin=stop&id=a'), EVENTS_PAGE_PARAMS)).toEqual([]);
  });

  it('words the refusal with every name the page takes, and links the address without the refused ones', () => {
    const q = new URLSearchParams('contry=RU&category=block');
    const text = refusalText(unknownParams(q, EVENTS_PAGE_PARAMS), EVENTS_PAGE_PARAMS, '/events');
    expect(text).toContain('unknown query parameter "contry" (did you mean country?) for the page /events; it takes country, region, category');
    expect(refusalText(unknownParams(new URLSearchParams('foo=1'), []), [], '/country/RU')).toContain('it takes no query parameters');
    expect(withoutUnknown('/events', q, EVENTS_PAGE_PARAMS)).toBe('/events?category=block');
    expect(withoutUnknown('/country/RU', new URLSearchParams('foo=1'), [])).toBe('/country/RU');
  });
});

describe('country codes a page refuses without asking the API', () => {
  it('refuses what is not two letters, and leaves a two-letter code (UK, XX) to the API', () => {
    expect(notTwoLetters('country', '<IMG SRC=X>')).toBe('country: "<IMG SRC=X>" is not an ISO 3166-1 alpha-2 country code (two letters)');
    expect(notTwoLetters('cc', '123')).toContain('"123"');
    expect(notTwoLetters('country', 'UK')).toBeNull();
    expect(notTwoLetters('country', '')).toBeNull();
  });
});

describe('comparePair', () => {
  it('reads two codes in either case', () => {
    expect(comparePair('CN-RU')).toEqual({ codes: ['CN', 'RU'] });
    expect(comparePair('ir-ru')).toEqual({ codes: ['IR', 'RU'] });
  });

  it('refuses a code that is not two letters, naming it, instead of comparing another country (SYNTHETIC pairs)', () => {
    expect(comparePair('IR-USA')).toEqual({ error: 'pair: "USA" is not an ISO 3166-1 alpha-2 country code (two letters)' });
    expect(comparePair('RUS-CHN')).toEqual({
      error: 'pair: "RUS" is not an ISO 3166-1 alpha-2 country code (two letters); pair: "CHN" is not an ISO 3166-1 alpha-2 country code (two letters)',
    });
    expect(comparePair('CN-')).toEqual({ error: 'pair: the second country code is empty' });
  });

  it('refuses an address that is not a pair', () => {
    expect(comparePair('foo')).toEqual({ error: 'pair: "foo" is not two country codes joined by a hyphen (CN-RU); it has one part' });
    expect(comparePair('IN')).toEqual({ error: 'pair: "IN" is not two country codes joined by a hyphen (CN-RU); it has one part' });
    expect(comparePair('CN-RU-IR')).toEqual({ error: 'pair: "CN-RU-IR" is not two country codes joined by a hyphen (CN-RU); it has 3 parts' });
  });
});
