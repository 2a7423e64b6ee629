/**
 * Which of ~1,300 block-page substrings occur in a response body, in one pass. A rolling hash of
 * the last four UTF-16 code units is looked up in a 1 Mbit table of pattern anchors; only on a
 * hit (rare: about 0.1% of positions by chance) are the candidate patterns compared in place.
 * Measured here this is several times faster in V8 than an Aho-Corasick automaton with sparse
 * transitions, and it needs ~300 KB instead of tens of MB for a dense one.
 */
const BITS = 20;
const MASK = (1 << BITS) - 1;

const roll = (h: number, c: number) => ((h << 5) ^ c) & MASK;

/** 4-grams so common in HTML that anchoring on them would verify candidates at every tag. */
const COMMON = new Set([
  'http',
  'ttp:',
  'tp:/',
  'p://',
  'ttps',
  'tps:',
  'ps:/',
  's://',
  'www.',
  '.com',
  'html',
  '<htm',
  '<tit',
  'titl',
  'itle',
  'tle>',
  'head',
  'body',
  'scri',
  'crip',
  'ript',
  'meta',
  '<met',
  'cont',
  'onte',
  'nten',
  'tent',
  'text',
  'type',
  'styl',
  'tyle',
  'clas',
  'lass',
  'href',
  'src=',
  'font',
  'span',
  '<div',
  'div>',
  'inpu',
  'form',
  'name',
  'valu',
  'alue',
  'widt',
  'idth',
  'heig',
  'eigh',
  'ight',
  'olor',
  'colo',
  'ject',
  '</a>',
  '<a h',
  'a hr',
  ' hre',
  'ref=',
  '="ht',
  '"htt',
  'the ',
  ' the',
  'tion',
  'ing ',
  ' and',
  'and ',
]);

export class SubstringIndex {
  /** one bit per hash: 128 KB, small enough to stay in the CPU cache during the scan */
  private readonly table = new Int32Array(1 << (BITS - 5));
  /** hash of an anchor 4-gram -> first candidate + 1 (0: none); candidates of one hash are contiguous */
  private readonly first = new Int32Array(1 << BITS);
  private readonly count = new Uint16Array(1 << BITS);
  /** candidates: pattern id and offset of the anchor's last character in the pattern */
  private readonly candId: Int32Array;
  private readonly candEnd: Int32Array;
  /** first character of each pattern, to reject most candidates without a string compare */
  private readonly head: Int32Array;
  private readonly short: number[] = [];
  /** per-search "already found" stamps (no allocation per search) */
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(private readonly patterns: string[]) {
    // anchor each pattern on its least shared, least common 4-gram, so a table hit is rare and
    // leads to few candidates (anchoring on "http" would verify hundreds at every link)
    const shared = new Map<string, number>();
    for (const p of patterns) for (const g of new Set(grams(p))) shared.set(g, (shared.get(g) ?? 0) + 1);
    const byHash = new Map<number, [number, number][]>();
    patterns.forEach((p, id) => {
      if (p.length < 4) {
        if (p.length) this.short.push(id);
        return;
      }
      let best = 0;
      let bestScore = Infinity;
      grams(p).forEach((g, k) => {
        const score = (shared.get(g) ?? 0) + (COMMON.has(g.toLowerCase()) ? 1000 : 0) + (/^[\s<>"'=/.]|[\s<>"'=/.]$/.test(g) ? 10 : 0);
        if (score < bestScore) [best, bestScore] = [k, score];
      });
      let h = 0;
      for (let i = best; i < best + 4; i++) h = roll(h, p.charCodeAt(i));
      this.table[h >>> 5]! |= 1 << (h & 31);
      const list = byHash.get(h);
      if (list) list.push([id, best + 3]);
      else byHash.set(h, [[id, best + 3]]);
    });
    const n = [...byHash.values()].reduce((a, l) => a + l.length, 0);
    this.candId = new Int32Array(n);
    this.candEnd = new Int32Array(n);
    let at = 0;
    for (const [h, list] of byHash) {
      this.first[h] = at + 1;
      this.count[h] = list.length;
      for (const [id, end] of list) {
        this.candId[at] = id;
        this.candEnd[at++] = end;
      }
    }
    this.head = Int32Array.from(patterns, (p) => (p.length ? p.charCodeAt(0) : -1));
    this.seen = new Int32Array(patterns.length);
  }

  /** Ids of the patterns that occur in text (each once). */
  search(text: string): number[] {
    const found: number[] = [];
    const stamp = ++this.stamp;
    const seen = this.seen;
    for (const id of this.short) if (text.includes(this.patterns[id]!)) found.push(id);
    const { table, first, count, candId, candEnd, head, patterns } = this;
    let h = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      h = ((h << 5) ^ text.charCodeAt(i)) & MASK;
      if ((table[h >>> 5]! & (1 << (h & 31))) === 0 || i < 3) continue;
      for (let c = first[h]! - 1, e = c + count[h]!; c < e; c++) {
        const id = candId[c]!;
        const start = i - candEnd[c]!;
        if (start >= 0 && seen[id] !== stamp && text.charCodeAt(start) === head[id] && text.startsWith(patterns[id]!, start)) {
          seen[id] = stamp;
          found.push(id);
        }
      }
    }
    return found;
  }
}

const grams = (p: string): string[] => Array.from({ length: Math.max(0, p.length - 3) }, (_, k) => p.slice(k, k + 4));

/** A regex that is only literals joined by `.*` / `.+` (lazy or not): each literal with the least gap before it. */
export interface LiteralChain {
  parts: { lit: string; gap: number }[];
  /** least number of characters after the last literal */
  tail: number;
}

/**
 * Parse a pattern as a literal chain (`<meta name=.*twitter:card`, `{"msg":.*"id":`), or null
 * when it uses any other syntax. With the `s` flag such a regex matches exactly when each
 * literal occurs, in order, at least its gap after the previous one, which chained indexOf
 * calls decide (taking each literal's first fitting occurrence never loses a match).
 */
export function literalChain(pattern: string): LiteralChain | null {
  const parts: { lit: string; gap: number }[] = [];
  let lit = '';
  let gap = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined || /[A-Za-z0-9]/.test(n)) return null;
      lit += n;
      i++;
    } else if (c === '.') {
      const q = pattern[i + 1];
      if (q !== '*' && q !== '+') return null;
      if (lit) parts.push({ lit, gap });
      if (lit) gap = 0;
      lit = '';
      gap += q === '+' ? 1 : 0;
      i += pattern[i + 2] === '?' ? 2 : 1;
    } else if ('[]()?*+|^$'.includes(c)) return null;
    else if (c === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(i))) return null;
    else lit += c;
  }
  if (lit) {
    parts.push({ lit, gap });
    gap = 0;
  }
  return parts.length ? { parts, tail: gap } : null;
}

/** Does text match the chain (see literalChain)? */
export function matchesChain(text: string, chain: LiteralChain): boolean {
  let pos = 0;
  for (const { lit, gap } of chain.parts) {
    const at = text.indexOf(lit, pos + gap);
    if (at < 0) return false;
    pos = at + lit.length;
  }
  return text.length - pos >= chain.tail;
}

/**
 * Literal fragments a regex cannot match without (for literal chains, above): the longest one
 * anchors the pattern in the SubstringIndex, so the pattern is only tried on pages that
 * contain it. Null when the pattern has other syntax (then the regex always runs).
 */
export function requiredLiterals(pattern: string): string[] | null {
  return literalChain(pattern)?.parts.map((p) => p.lit) ?? null;
}

/**
 * The longest run of plain characters a regex cannot match without, or null when there is
 * none: a top-level alternation gives none; groups, classes, `.`, anchors and escapes other
 * than escaped punctuation end a run; a character made optional (`?`, `*`, `{0,...}`) is left
 * out, and one that may repeat (`+`, `{n,...}`) ends its run. The regex is then only worth
 * running on a text that includes it (docs/design/020 §3: regexes that are not literal chains).
 */
export function guardLiteral(pattern: string): string | null {
  let best = '';
  let run = '';
  let depth = 0;
  const flush = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const quant = /^(?:[*?]|\{0(?:,\d*)?\})/.exec(pattern.slice(i)) ?? null;
    if (quant) {
      run = run.slice(0, -1); // the atom before it is optional
      flush();
      i += quant[0].length - 1;
      if (pattern[i + 1] === '?') i++;
      continue;
    }
    const repeat = /^(?:\+|\{\d+(?:,\d*)?\})/.exec(pattern.slice(i));
    if (repeat) {
      flush();
      i += repeat[0].length - 1;
      if (pattern[i + 1] === '?') i++;
      continue;
    }
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) return null;
      i++;
      if (depth === 0 && !/[A-Za-z0-9]/.test(n)) run += n;
      else flush();
    } else if (c === '[') {
      flush();
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    } else if (c === '(') {
      depth++;
      flush();
    } else if (c === ')') {
      depth--;
      flush();
    } else if (c === '|') {
      if (depth === 0) return null;
      flush();
    } else if (c === '.' || c === '^' || c === '$') flush();
    else if (depth === 0) run += c;
  }
  flush();
  return best || null;
}
