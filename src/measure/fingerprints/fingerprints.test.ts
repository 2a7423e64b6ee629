// Fingerprint loading and matching: the substring index against plain includes(), regex
// prefilters, and the shipped OONI / Censored Planet files (counts from their READMEs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FingerprintMatcher, isConfirmingMatch, parseFingerprintFile, SHIPPED_FINGERPRINTS } from './index.js';
import { guardLiteral, literalChain, matchesChain, requiredLiterals, SubstringIndex } from './substring-index.js';

const DIR = join(import.meta.dirname, '../../../data/ooni/fingerprints');
const load = (file: string, source: string) => parseFingerprintFile(readFileSync(join(DIR, file), 'utf8'), file, source);

/** Every shipped regex fingerprint (OONI HTTP, Censored Planet) that JavaScript compiles, plus `extra`. */
function shippedRegexes(extra: string[] = []): { p: string; re: RegExp }[] {
  const patterns = [
    ...load('fingerprints_http.csv', 'ooni-http').items.filter((f) => f.pattern_type === 'regexp'),
    ...load('censoredplanet_blockpage_signatures.jsonl', 'cp').items,
    ...load('censoredplanet_false_positive_signatures.jsonl', 'cp').items,
  ].map((f) => f.pattern);
  return [...patterns, ...extra].flatMap((p) => {
    try {
      return [{ p, re: new RegExp(p, 's') }];
    } catch {
      return [];
    }
  });
}

describe('SubstringIndex', () => {
  it('finds exactly what includes() finds, on the real OONI body patterns', () => {
    const patterns = load('fingerprints_http.csv', 'ooni-http')
      .items.filter((f) => f.location_found === 'body')
      .map((f) => f.pattern);
    const idx = new SubstringIndex(patterns);
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let t = 0; t < 30; t++) {
      // random text with a few real patterns spliced in
      let text = Array.from({ length: 2000 }, () => String.fromCharCode(32 + Math.floor(rnd() * 90))).join('');
      for (let k = 0; k < 3; k++) text += patterns[Math.floor(rnd() * patterns.length)]! + 'x';
      const expected = patterns
        .map((p, i) => (p && text.includes(p) ? i : -1))
        .filter((i) => i >= 0)
        .sort((a, b) => a - b);
      expect(idx.search(text).sort((a, b) => a - b)).toEqual(expected);
    }
  });
  it('handles patterns shorter than four characters and matches at the very start', () => {
    const idx = new SubstringIndex(['ab', 'abcd', 'zzzz']);
    expect(idx.search('abcd...').sort()).toEqual([0, 1]);
    expect(idx.search('xzzzz')).toEqual([2]);
    expect(idx.search('')).toEqual([]);
  });
});

describe('requiredLiterals', () => {
  it('extracts the literals of dot-star patterns and refuses other syntax', () => {
    expect(requiredLiterals('<meta name=.*twitter:card')).toEqual(['<meta name=', 'twitter:card']);
    expect(requiredLiterals('Inc\\. or its affiliates\\.')).toEqual(['Inc. or its affiliates.']);
    expect(requiredLiterals('a(b|c)d')).toBeNull();
    expect(requiredLiterals('x.y')).toBeNull();
    expect(requiredLiterals('\\d+')).toBeNull();
    expect(requiredLiterals('{"msg":.*"id":')).toEqual(['{"msg":', '"id":']);
    expect(requiredLiterals('a{2}')).toBeNull();
  });

  it('decides literal chains exactly as the regex does (every chain among the shipped regexes, random texts)', () => {
    const regexes = shippedRegexes(['a.+b', '.+ab', 'ab.+', 'a.*?b.+?c', '{x}.*}']);
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    let chains = 0;
    for (const { p, re } of regexes) {
      const chain = literalChain(p);
      if (!chain) continue;
      chains++;
      const lits = chain.parts.map((x) => x.lit);
      for (let t = 0; t < 20; t++) {
        // the pattern's literals in random order and spacing, sometimes missing one
        const bits = lits.filter(() => rnd() > 0.1).sort(() => rnd() - 0.5);
        const text = bits.map((b) => 'x'.repeat(Math.floor(rnd() * 3)) + b).join('') + (rnd() > 0.5 ? 'y' : '');
        expect(matchesChain(text, chain), `${p} on ${text}`).toBe(re.test(text));
      }
    }
    expect(chains).toBeGreaterThan(100);
  });
});

describe('guardLiteral', () => {
  it('finds the longest literal a regex needs, leaving out optional characters, and none under a top-level alternation', () => {
    expect(guardLiteral('You don.t have permission to access.*on this server\\.<P>')).toBe('t have permission to access');
    expect(guardLiteral('Location: https://internetbaik\\.telkomsel\\.com/block?')).toBe('Location: https://internetbaik.telkomsel.com/bloc');
    expect(guardLiteral('<html><body>Page moved permanently to (http|https)://www\\.greenpeace\\.org/usa/\\.</body></html>')).toBe(
      '://www.greenpeace.org/usa/.</body></html>',
    );
    expect(guardLiteral('colou?r name')).toBe('r name');
    expect(guardLiteral('ab+cdef{2,}gh')).toBe('cdef');
    expect(guardLiteral('a[xyz]bcd\\dxy')).toBe('bcd');
    expect(guardLiteral('cf-chl-|/cdn-cgi/challenge-platform/')).toBeNull();
    expect(guardLiteral('(a|b)')).toBeNull();
  });

  it('never rules out a text the regex matches (every shipped regex that is not a literal chain)', () => {
    const regexes = shippedRegexes();
    // texts the regex matches: its own characters with escapes, classes, quantifiers and alternatives resolved simply
    const sample = (p: string, pick: number) =>
      p
        .replace(/\((?:[^()|]*\|)*[^()]*\)/g, (g) => g.slice(1, -1).split('|')[pick % 2] ?? '')
        .replace(/\[\^?[^\]]*\]/g, 'a')
        .replace(/\\(.)/g, '$1')
        .replace(/\.\*\??|\.\+\??/g, 'zz')
        .replace(/[?*]/g, '');
    let guarded = 0;
    let matched = 0;
    for (const { p, re } of regexes) {
      const g = literalChain(p) ? null : guardLiteral(p);
      if (!g) continue;
      guarded++;
      for (const text of [sample(p, 0), sample(p, 1), `x ${sample(p, 0)} y`, p]) {
        if (!re.test(text)) continue;
        matched++;
        expect(text.includes(g), `${p} matches ${text} without ${g}`).toBe(true);
      }
    }
    expect(guarded).toBeGreaterThan(15);
    expect(matched).toBeGreaterThan(2 * guarded);
  });

  it('the matcher gives the same fingerprints, in the same order, with the guard as without', () => {
    const fps = SHIPPED_FINGERPRINTS.flatMap((s) => load(s.file, s.source).items);
    const m = new FingerprintMatcher(fps);
    const body = "<html><h1>Forbidden</h1>You don't have permission to access /index.html on this server.<P></html>";
    const hits = m.matchHttp({ body, headers: {} }).map((h) => h.fp.name);
    expect(hits.length).toBeGreaterThan(0);
    const naive = fps.filter(
      (f) =>
        f.kind === 'http' && f.location_found === 'body' && (f.pattern_type === 'regexp' ? new RegExp(f.pattern, 's').test(body) : body.includes(f.pattern)),
    );
    expect([...hits].sort()).toEqual(naive.map((f) => f.name).sort());
    const sigs = m.signatures({ body, headers: { server: 'Apache' } }).map((f) => f.name);
    expect(sigs.length).toBeGreaterThan(0);
  });
});

describe('shipped fingerprint files', () => {
  it('load with the counts their sources document', () => {
    expect(load('fingerprints_dns.csv', 'ooni-dns').items).toHaveLength(226);
    expect(load('fingerprints_http.csv', 'ooni-http').items).toHaveLength(1729);
    expect(load('censoredplanet_blockpage_signatures.jsonl', 'cp').items).toHaveLength(622);
    const fp = load('censoredplanet_false_positive_signatures.jsonl', 'cpfp');
    expect(fp.items).toHaveLength(460);
    expect(fp.items.every((f) => f.kind === 'cp_false_positive')).toBe(true);
    expect(new Set(fp.items.map((f) => f.name)).size).toBe(460); // duplicate names get #n
  });

  const matcher = new FingerprintMatcher(SHIPPED_FINGERPRINTS.flatMap((s) => load(s.file, s.source).items));
  it('matches DNS answers by equality and confirms by country or national/ISP scope', () => {
    const [ir] = matcher.matchDns('10.10.34.36');
    expect(ir).toMatchObject({ scope: 'nat', expected_countries: ['IR'] });
    expect(isConfirmingMatch('IR', ir!)).toBe(true);
    expect(isConfirmingMatch('DE', ir!)).toBe(true); // nat scope confirms anywhere, as fastpath does
    expect(matcher.matchDns('10.10.34.37')).toEqual([]);
  });
  it('matches Location headers by prefix and bodies by substring', () => {
    const loc = matcher.matchHttp({ body: null, headers: { location: 'http://warning.rt.ru/?id=1' } });
    expect(loc.map((h) => h.where)).toEqual(['header.location']);
    const body = matcher.matchHttp({ body: '<p>see http://eais.rkn.gov.ru/ for details</p>', headers: {} });
    expect(body.map((h) => h.fp.name)).toContain('ooni.ru_5');
  });
  it('runs Censored Planet signatures over headers and body, false positives apart', () => {
    const r = matcher.matchCensoredPlanet({ body: '<title>Just a moment...</title>', headers: { server: 'cloudflare' } });
    expect(r.falsePositives.map((f) => f.source)).toContain('splinternet-false-positive');
    expect(r.blockpages).toEqual([]);
  });
  it('rejects an unrecognised file naming it', () => {
    expect(() => parseFingerprintFile('hello', 'x.txt', 'x')).toThrow(/x\.txt/);
  });
});
