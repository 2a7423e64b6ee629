import { describe, expect, it } from 'vitest';
import { isAppError } from '../shared/index.js';
import { parseEventInput } from './model.js';
import { sampleEvent } from '../../test/helpers/index.js';

const fieldsOf = (input: unknown): string[] => {
  try {
    parseEventInput(input);
    return [];
  } catch (e) {
    if (!isAppError(e)) throw e;
    return e.issues.map((i) => i.path.join('.'));
  }
};

describe('event validation', () => {
  it('accepts a complete event and fills defaults', () => {
    const e = parseEventInput(sampleEvent());
    expect(e.targets).toEqual([]);
    expect(e.date_precision).toBe('day');
    expect(e.sources[0]?.archive_url).toBeNull();
  });
  it('names an unknown country code', () => expect(fieldsOf(sampleEvent({ countries: ['XQ'] }))).toEqual(['countries.0']));
  it('names an unknown region code', () => expect(fieldsOf(sampleEvent({ regions: ['RU-XXX'] }))).toEqual(['regions.0']));
  it('refuses a region outside the countries', () => expect(fieldsOf(sampleEvent({ regions: ['CN-XJ'] }))).toEqual(['regions.0']));
  it('accepts Crimea under both its UA and RU codes', () => {
    expect(fieldsOf(sampleEvent({ regions: ['UA-43', 'RU-CR', 'UA-40', 'RU-SEV'] }))).toEqual([]);
    expect(fieldsOf(sampleEvent({ countries: ['UA'], regions: ['UA-43', 'RU-CR'] }))).toEqual([]);
  });
  it('refuses a country, region, tag or network listed twice, naming the repeat (SYNTHETIC event)', () => {
    expect(fieldsOf(sampleEvent({ countries: ['RU', 'RU'] }))).toEqual(['countries.1']);
    expect(fieldsOf(sampleEvent({ countries: ['RU', 'UA', 'RU'], regions: ['RU-MOW', 'UA-43', 'RU-MOW'] }))).toEqual(['countries.2', 'regions.2']);
    expect(fieldsOf(sampleEvent({ tags: ['qa', 'x', 'qa'], networks: ['AS12389', 'AS12389'] }))).toEqual(['tags.2', 'networks.1']);
    expect(() => parseEventInput(sampleEvent({ countries: ['RU', 'RU'] }))).toThrow('countries[1]: "RU" is listed already at countries[0]');
  });
  it('refuses end before start', () => expect(fieldsOf(sampleEvent({ start: '2020-05-01', end: '2020-04-30' }))).toEqual(['end']));
  it('compares an end by the last day of its period and a start by its first: June 2025 does not end before 6 June 2025', () => {
    expect(fieldsOf(sampleEvent({ start: '2025-06-06', end: '2025-06' }))).toEqual([]);
    expect(fieldsOf(sampleEvent({ start: '2025-06-06', end: '2025' }))).toEqual([]);
    expect(fieldsOf(sampleEvent({ start: '2025-06', end: '2025-06-03' }))).toEqual([]);
    expect(fieldsOf(sampleEvent({ start: '2025-06-06', end: '2025-05' }))).toEqual(['end']);
    expect(fieldsOf(sampleEvent({ start: '2025', end: '2024-12-31' }))).toEqual(['end']);
  });
  it('accepts partial dates and orders them by their earliest instant', () => {
    expect(fieldsOf(sampleEvent({ start: '2019', end: '2019-12' }))).toEqual([]);
    expect(fieldsOf(sampleEvent({ start: '2019-02-30' }))).toEqual(['start']);
  });
  it('requires at least one source', () => expect(fieldsOf(sampleEvent({ sources: [] }))).toEqual(['sources']));
  it('names a bad source URL', () => expect(fieldsOf(sampleEvent({ sources: [{ url: 'not a url', title: 't', publisher: 'p' }] }))).toEqual(['sources.0.url']));
  it('refuses an unknown category and a subtype outside its category', () => {
    expect(fieldsOf(sampleEvent({ category: 'hacking' }))).toContain('category');
    expect(fieldsOf(sampleEvent({ category: 'law', subtype: 'platform' }))).toEqual(['subtype']);
  });
});
