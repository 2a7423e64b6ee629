/**
 * Matching block-page fingerprints against a measurement, the OONI way (docs/design/020 §3):
 * DNS answers by equality; HTTP bodies by substring for every non-regexp row (fastpath ignores
 * pattern_type for bodies) and by regex for regexp rows; headers by equality (`full`) or prefix
 * on lower-cased names. Censored Planet's block-page and false-positive regexes run over the
 * whole response text (headers + body), and only when a caller asks (they are ~1,000 regexes).
 */
import { createHash } from 'node:crypto';
import { guardLiteral, literalChain, matchesChain, SubstringIndex, type LiteralChain } from './substring-index.js';
import type { Fingerprint } from './load.js';

export interface HttpResponseView {
  body: string | null;
  /**
   * A body kept only as facts (rescoring from the store): its body fingerprints and Censored
   * Planet signatures are the ones it matched at ingest that are still in this set.
   */
  facts?: { fingerprints: readonly string[]; signatures: readonly string[] | null } | null;
  /** Header names lower-cased; one value per name (the first). */
  headers: Record<string, string>;
}

/**
 * Literal and regex fingerprints searched together: one SubstringIndex pass finds the literals
 * and, for each regex that is a chain of literals (`A.*B`), its longest literal; the chain is
 * then checked with indexOf only where that anchor is present. Other regexes run after, in
 * their order; one with a literal it cannot match without (guardLiteral) only where the same
 * pass found that literal.
 */
class PatternSet {
  private readonly index: SubstringIndex;
  /** per anchor: a fingerprint (literal or chain), or the regex it guards (index into `other`) */
  private readonly entries: ({ fp: Fingerprint; chain: LiteralChain | null } | { guards: number })[] = [];
  private readonly other: { fp: Fingerprint; re: RegExp; guarded: boolean }[] = [];
  private readonly hit: Uint8Array;

  constructor(items: { fp: Fingerprint; regex: boolean }[]) {
    const anchors: string[] = [];
    for (const { fp, regex } of items) {
      const re = regex ? safeRegex(fp.pattern) : null;
      if (regex && !re) continue;
      const chain = re ? literalChain(fp.pattern) : null;
      if (re && !chain) {
        const guard = guardLiteral(fp.pattern);
        if (guard) {
          this.entries.push({ guards: this.other.length });
          anchors.push(guard);
        }
        this.other.push({ fp, re, guarded: guard !== null });
        continue;
      }
      this.entries.push({ fp, chain });
      anchors.push(chain ? chain.parts.map((p) => p.lit).reduce((a, b) => (b.length > a.length ? b : a)) : fp.pattern);
    }
    this.index = new SubstringIndex(anchors);
    this.hit = new Uint8Array(this.other.length);
  }

  match(text: string): Fingerprint[] {
    const out: Fingerprint[] = [];
    this.hit.fill(0);
    for (const id of this.index.search(text)) {
      const e = this.entries[id]!;
      if ('guards' in e) this.hit[e.guards] = 1;
      // a literal chain is decided by indexOf (exactly what the regex would say, without backtracking)
      else if (!e.chain || matchesChain(text, e.chain)) out.push(e.fp);
    }
    this.other.forEach(({ fp, re, guarded }, i) => {
      if ((!guarded || this.hit[i]) && re.test(text)) out.push(fp);
    });
    return out;
  }
}

export class FingerprintMatcher {
  readonly version: string;
  readonly count: number;
  private readonly dns = new Map<string, Fingerprint[]>();
  private readonly body: PatternSet;
  private readonly headers = new Map<string, Fingerprint[]>();
  private readonly cp: PatternSet;
  /** Body fingerprints and CP signatures by key, to answer for bodies kept as facts. */
  private readonly byKey = new Map<string, Fingerprint>();

  constructor(fps: Fingerprint[]) {
    this.count = fps.length;
    const body: { fp: Fingerprint; regex: boolean }[] = [];
    const cp: { fp: Fingerprint; regex: boolean }[] = [];
    for (const fp of fps) {
      if (fp.kind === 'dns') {
        const list = this.dns.get(fp.pattern) ?? [];
        list.push(fp);
        this.dns.set(fp.pattern, list);
      } else if (fp.kind === 'http') {
        if (fp.location_found === 'body') {
          body.push({ fp, regex: fp.pattern_type === 'regexp' });
          this.byKey.set(fingerprintKey(fp), fp);
        } else if (fp.location_found.startsWith('header.')) {
          const name = fp.location_found.slice(7);
          this.headers.set(name, [...(this.headers.get(name) ?? []), fp]);
        }
      } else {
        cp.push({ fp, regex: true });
        this.byKey.set(fingerprintKey(fp), fp);
      }
    }
    this.version = fingerprintsVersion(fps);
    this.body = new PatternSet(body);
    this.cp = new PatternSet(cp);
  }

  matchDns(answer: string): Fingerprint[] {
    return this.dns.get(answer) ?? [];
  }

  private readonly httpCache = new WeakMap<HttpResponseView, { fp: Fingerprint; where: string }[]>();

  /** OONI HTTP fingerprints (body and headers) that match this response (computed once per response object). */
  matchHttp(r: HttpResponseView): { fp: Fingerprint; where: string }[] {
    let out = this.httpCache.get(r);
    if (!out) this.httpCache.set(r, (out = this.scanHttp(r)));
    return out;
  }

  private scanHttp(r: HttpResponseView): { fp: Fingerprint; where: string }[] {
    const out: { fp: Fingerprint; where: string }[] = [];
    if (r.body) for (const fp of this.body.match(r.body)) out.push({ fp, where: 'body' });
    else if (r.facts) for (const fp of this.known(r.facts.fingerprints)) out.push({ fp, where: 'body' });
    for (const [name, fps] of this.headers) {
      const v = r.headers[name];
      if (v === undefined) continue;
      for (const fp of fps) {
        const hit = fp.pattern_type === 'full' ? v === fp.pattern : fp.pattern_type === 'prefix' ? v.startsWith(fp.pattern) : v.includes(fp.pattern);
        if (hit) out.push({ fp, where: `header.${name}` });
      }
    }
    return out;
  }

  private readonly cpCache = new WeakMap<HttpResponseView, Fingerprint[]>();

  /** Censored Planet signatures over headers + body: known false positives first, then block pages (computed once per response object). */
  matchCensoredPlanet(r: HttpResponseView): { falsePositives: Fingerprint[]; blockpages: Fingerprint[] } {
    const falsePositives: Fingerprint[] = [];
    const blockpages: Fingerprint[] = [];
    for (const fp of this.signatures(r)) (fp.kind === 'cp_false_positive' ? falsePositives : blockpages).push(fp);
    return { falsePositives, blockpages };
  }

  /** Every Censored Planet signature the response matches, in match order. */
  signatures(r: HttpResponseView): Fingerprint[] {
    let out = this.cpCache.get(r);
    if (!out) {
      if (r.facts && !r.body) {
        if (!r.facts.signatures) throw new NotInFacts('the Censored Planet signatures of a body kept only as facts, never searched at ingest');
        out = this.known(r.facts.signatures);
      } else
        out = this.cp.match(
          Object.entries(r.headers)
            .map(([k, v]) => `${k}: ${v}`)
            .join('\r\n') +
            '\r\n\r\n' +
            (r.body ?? ''),
        );
      this.cpCache.set(r, out);
    }
    return out;
  }

  /** The signatures already searched for in this response object, if they were. */
  signaturesIfSearched(r: HttpResponseView): Fingerprint[] | undefined {
    return this.cpCache.get(r);
  }

  private known(keys: readonly string[]): Fingerprint[] {
    return keys.flatMap((k) => this.byKey.get(k) ?? []);
  }
}

/** The version a matcher built from these fingerprints reports, without building it. */
export function fingerprintsVersion(fps: readonly Fingerprint[]): string {
  const h = createHash('sha256');
  for (const fp of fps) h.update(`${fp.source}\0${fp.name}\0${fp.pattern}\n`);
  return h.digest('hex').slice(0, 12);
}

/** A rule asked a body kept only as facts something the facts do not hold: the measurement needs its source line. */
export class NotInFacts extends Error {}

/** A fingerprint's identity across sets and versions of the matcher. */
export const fingerprintKey = (fp: Pick<Fingerprint, 'source' | 'name'>): string => `${fp.source}/${fp.name}`;

/** Python-flavoured regexes (DOTALL); a pattern JS cannot compile is skipped, not fatal. */
function safeRegex(p: string): RegExp | null {
  try {
    return new RegExp(p, 's');
  } catch {
    return null;
  }
}

/** OONI's rule: a match confirms blocking if the probe's country is expected, or the scope is national/ISP. */
export function isConfirmingMatch(cc: string, fp: Fingerprint): boolean {
  if (fp.scope === 'fp') return false;
  return (cc !== 'ZZ' && fp.expected_countries.includes(cc)) || fp.scope === 'isp' || fp.scope === 'nat';
}
