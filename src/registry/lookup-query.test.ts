import { describe, expect, it } from 'vitest';
import { isAppError } from '../shared/index.js';
import { domainForms, lookupQuery } from './lookup-query.js';

const refusal = (q: string) => {
  try {
    lookupQuery(q);
    return 'ok';
  } catch (e) {
    return isAppError(e) ? `${e.code}: ${e.message}` : String(e);
  }
};

describe('lookupQuery', () => {
  it('looks up an address or a domain as given', () => {
    expect(lookupQuery('149.154.167.99')).toEqual({ kind: 'ip', target: '149.154.167.99', from: null });
    expect(lookupQuery('2001:db8::1')).toEqual({ kind: 'ip', target: '2001:db8::1', from: null });
    expect(lookupQuery(' telegram.org ')).toEqual({ kind: 'domain', target: 'telegram.org', from: null });
  });
  it('looks up the host of a URL, and says so', () => {
    expect(lookupQuery('https://www.powerpoetry.org/poems/x')).toEqual({ kind: 'domain', target: 'www.powerpoetry.org', from: 'url' });
    expect(lookupQuery('http://user@Example.ORG:8080/a?b#c')).toEqual({ kind: 'domain', target: 'example.org', from: 'url' });
    expect(lookupQuery('http://149.154.167.99/x')).toEqual({ kind: 'ip', target: '149.154.167.99', from: 'url' });
    expect(lookupQuery('http://[2001:db8::1]:443/')).toEqual({ kind: 'ip', target: '2001:db8::1', from: 'url' });
    expect(lookupQuery('www.powerpoetry.org/poems/x')).toEqual({ kind: 'domain', target: 'www.powerpoetry.org', from: 'url' });
  });
  it("drops a domain's trailing dot and its capitals: the name is the same", () => {
    expect(lookupQuery('www.powerpoetry.org.')).toEqual({ kind: 'domain', target: 'www.powerpoetry.org', from: null });
    expect(lookupQuery('WWW.PowerPoetry.org')).toEqual({ kind: 'domain', target: 'www.powerpoetry.org', from: null });
  });
  it('refuses a range, a URL without a host and what is neither, saying what to give', () => {
    expect(refusal('149.154.160.0/20')).toMatch(/^VALIDATION: "149.154.160.0\/20": look up one address, not a range/);
    expect(refusal('https:///x')).toMatch(/^VALIDATION: .*no host.*give the domain or IP address/);
    expect(refusal('a b')).toMatch(/^VALIDATION: "a b" is not an IP address or a domain/);
    expect(refusal('a..b')).toMatch(/^VALIDATION: "a..b" is not an IP address or a domain/);
  });
});

describe('domainForms', () => {
  // Real entries of the 2016 dump: line 367 holds "76автобар.рф", line 1677 "betcity.xn--6frz82g".
  it('gives an internationalised domain in both its forms (IDNA: punycode and Unicode), whichever was typed', () => {
    expect(domainForms('xn--76-8kcaef8fsao.xn--p1ai')).toEqual(['xn--76-8kcaef8fsao.xn--p1ai', '76автобар.рф']);
    expect(domainForms('76автобар.рф')).toEqual(['76автобар.рф', 'xn--76-8kcaef8fsao.xn--p1ai']);
    expect(domainForms(lookupQuery('http://betcity.移动/').target)).toEqual(['betcity.移动', 'betcity.xn--6frz82g']);
    expect(domainForms(lookupQuery('76АВТОБАР.РФ').target)).toEqual(['76автобар.рф', 'xn--76-8kcaef8fsao.xn--p1ai']);
  });
  it('gives an ASCII domain, or one IDNA cannot convert, as it is', () => {
    expect(domainForms('telegram.org')).toEqual(['telegram.org']);
    expect(domainForms('a_b.example')).toEqual(['a_b.example']);
  });
});
