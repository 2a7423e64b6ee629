import { describe, expect, it } from 'vitest';
import { followGeneration } from './generation.js';

// SYNTHETIC fingerprints and clock: the rule of when the generation moves, without a cluster.
describe('followGeneration', () => {
  const setup = (answers: (string | Error)[]) => {
    let t = 0;
    let reads = 0;
    const g = followGeneration(
      () => {
        const a = answers[Math.min(reads++, answers.length - 1)]!;
        return a instanceof Error ? Promise.reject(a) : Promise.resolve(a);
      },
      { everyMs: 1000, now: () => t },
    );
    return { g, advance: (ms: number) => (t += ms), reads: () => reads };
  };

  it('moves when the fingerprint changes, not when it stays; reads at most once per interval', async () => {
    const s = setup(['a', 'a', 'b']);
    await s.g.sync();
    const g0 = s.g.generation();
    s.advance(999);
    await s.g.sync();
    expect(s.reads()).toBe(1);
    s.advance(1);
    await s.g.sync();
    expect(s.reads()).toBe(2);
    expect(s.g.generation()).toBe(g0);
    s.advance(1000);
    await s.g.sync();
    expect(s.g.generation()).toBe(g0 + 1);
  });

  it('moves on a failed read and again on the first read after it, even with the old fingerprint', async () => {
    const s = setup(['a', new Error('shard 2 down'), 'a']);
    await s.g.sync();
    const g0 = s.g.generation();
    s.advance(1000);
    await expect(s.g.sync()).resolves.toBeUndefined();
    expect(s.g.generation()).toBe(g0 + 1);
    s.advance(1000);
    await s.g.sync();
    expect(s.g.generation()).toBe(g0 + 2);
  });

  it('concurrent callers share one read', async () => {
    const s = setup(['a']);
    await Promise.all([s.g.sync(), s.g.sync(), s.g.sync()]);
    expect(s.reads()).toBe(1);
  });
});
