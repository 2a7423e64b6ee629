import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { target, targetForm } from './checks.js';
import { targetOf } from '../measure/index.js';

/** The target ingest stores for a web_connectivity input (SYNTHETIC inputs, the real rule). */
const stored = (input: string) => targetOf({ test_name: 'web_connectivity', input } as Parameters<typeof targetOf>[0]);

describe('a target filter finds the form ingest stores', () => {
  it('a domain in Unicode is its IDNA form, as the stored target of the same input', () => {
    expect(targetForm('пример.рф')).toBe('xn--e1afmkfd.xn--p1ai');
    expect(targetForm('пример.рф')).toBe(stored('http://пример.рф/'));
    expect(targetForm('xn--e1afmkfd.xn--p1ai')).toBe('xn--e1afmkfd.xn--p1ai');
  });
  it('case and a leading www. do not matter, as ingest drops them', () => {
    expect(targetForm('WWW.Twitter.com')).toBe(stored('https://www.twitter.com/'));
    expect(targetForm(' telegram ')).toBe('telegram');
  });
  it("a host's root dot does not split a site: ingest and the filter drop it alike", () => {
    expect(stored('http://example.org./page')).toBe('example.org');
    expect(stored('https://www.example.org./')).toBe('example.org');
    expect(targetForm('example.org.')).toBe('example.org');
    expect(targetForm('www.пример.рф.')).toBe(stored('http://пример.рф/'));
  });
  it('the schema reads the filter in that form, and still refuses an empty one where it did', () => {
    expect(target(z.string()).parse('Пример.РФ')).toBe('xn--e1afmkfd.xn--p1ai');
    expect(target(z.string().min(1)).safeParse('').success).toBe(false);
  });
});
