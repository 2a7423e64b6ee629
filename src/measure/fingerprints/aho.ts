/**
 * Aho-Corasick over UTF-16 code units: find which of ~1,300 block-page substrings occur in a
 * response body in one pass, instead of 1,300 indexOf scans (the difference between ~0.1 ms and
 * ~10 ms per 50 KB body). States keep sparse children (most have one); the root, visited on
 * almost every character, gets a dense 64K table.
 */
export class AhoCorasick {
  private readonly rootNext = new Int32Array(65536).fill(0);
  private childChar: number[][] = [[]];
  private childState: number[][] = [[]];
  private fail: Int32Array = new Int32Array(1);
  /** Pattern ids ending at each state, including those reached through failure links. */
  private out: number[][] = [[]];

  constructor(patterns: string[]) {
    patterns.forEach((p, id) => {
      if (p.length === 0) return;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        const k = this.childChar[s]!.indexOf(c);
        if (k >= 0) s = this.childState[s]![k]!;
        else {
          const n = this.childChar.length;
          this.childChar.push([]);
          this.childState.push([]);
          this.out.push([]);
          this.childChar[s]!.push(c);
          this.childState[s]!.push(n);
          s = n;
        }
      }
      this.out[s]!.push(id);
    });
    this.fail = new Int32Array(this.childChar.length);
    const queue: number[] = [];
    this.childChar[0]!.forEach((c, k) => {
      const t = this.childState[0]![k]!;
      this.rootNext[c] = t;
      queue.push(t);
    });
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      const chars = this.childChar[s]!;
      for (let k = 0; k < chars.length; k++) {
        const c = chars[k]!;
        const t = this.childState[s]![k]!;
        queue.push(t);
        let f = this.fail[s]!;
        let next = this.step(f, c);
        while (next === -1) {
          f = this.fail[f]!;
          next = this.step(f, c);
        }
        this.fail[t] = next === t ? 0 : next;
        const inherited = this.out[this.fail[t]!]!;
        if (inherited.length) this.out[t] = [...this.out[t]!, ...inherited];
      }
    }
  }

  /** Goto function: -1 when state s has no edge for c (the root never fails). */
  private step(s: number, c: number): number {
    if (s === 0) return this.rootNext[c]!;
    const k = this.childChar[s]!.indexOf(c);
    return k >= 0 ? this.childState[s]![k]! : -1;
  }

  /** Ids of the patterns that occur in text (each once). */
  search(text: string): number[] {
    const found = new Set<number>();
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let next = this.step(s, c);
      while (next === -1) {
        s = this.fail[s]!;
        next = this.step(s, c);
      }
      s = next;
      const o = this.out[s]!;
      if (o.length) for (const id of o) found.add(id);
    }
    return [...found];
  }
}
