// Platform weights by country: Russia's surveys in Russia, the worldwide reach elsewhere.
import { describe, expect, it } from 'vitest';
import { oneDay } from './testing.js';
import { brookings2016 } from './brookings-2016/model.js';
import { PLATFORMS, findPlatform, platformWeightIn } from './platforms.js';
import { mulberry32, quantileSorted, sample } from './random.js';
import { weightDist } from './weights.js';

const fb = findPlatform('Facebook')!;

describe('platform weights', () => {
  it('keep the Russian survey figures in Russia', () => {
    expect(platformWeightIn(fb, 'RU')).toMatchObject({ weight: 0.009, low: 0.004, high: 0.02 });
    expect(platformWeightIn(fb, 'RU').basis).toMatch(/reach 8–9 %/);
  });

  it('take the worldwide reach outside Russia: triangular(reach/10 × 5 %, reach × 10 %, min(1, 4 reach) × 20 %)', () => {
    const w = platformWeightIn(fb, 'NG');
    expect(w.weight).toBeCloseTo(0.07, 12);
    expect(w.low).toBeCloseTo(0.0035, 12);
    expect(w.high).toBeCloseTo(0.2, 12);
    expect(w.basis).toMatch(/worldwide reach 70 % \(63–77 %/);
    expect(w.sources.join(' ')).toMatch(/Meta.*ITU.*CNNIC/);
    const tw = platformWeightIn(findPlatform('X')!, 'NG');
    expect([tw.low, tw.weight, tw.high].map((x) => Number(x.toFixed(6)))).toEqual([0.0005, 0.01, 0.08]);
  });

  it('label the Russian figure as a proxy where no worldwide count is published', () => {
    const vk = platformWeightIn(findPlatform('VK')!, 'BY');
    expect(vk.weight).toBe(0.05);
    expect(vk.basis).toMatch(/surveyed in Russia, used outside Russia/);
  });

  it('every weight is ordered low ≤ mode ≤ high, in every country', () => {
    for (const p of PLATFORMS)
      for (const cc of ['RU', 'NG']) {
        const w = platformWeightIn(p, cc);
        expect(w.low, `${p.id} ${cc}`).toBeLessThanOrEqual(w.weight);
        expect(w.weight, `${p.id} ${cc}`).toBeLessThanOrEqual(w.high);
        expect(w.high, `${p.id} ${cc}`).toBeLessThanOrEqual(1);
      }
  });

  it('a block of Facebook costs 0.07 of a full shutdown in Nigeria, 0.009 in Russia (modes)', () => {
    const ng = oneDay(brookings2016, 'NG', 2021, { type: 'platform', platform: 'Facebook' }).cost;
    const full = oneDay(brookings2016, 'NG', 2021).cost;
    expect(ng / full).toBeCloseTo(0.07, 12);
    const ru = oneDay(brookings2016, 'RU', 2021, { type: 'platform', platform: 'Facebook' }).cost;
    expect(ru / oneDay(brookings2016, 'RU', 2021).cost).toBeCloseTo(0.009, 12);
  });
});

describe('the distribution of a platform weight', () => {
  const median = (w: { weight: number; low: number; high: number }) => {
    const out = new Float64Array(20_000);
    sample(weightDist(w), mulberry32(7), out);
    return quantileSorted(out.sort(), 0.5);
  };

  it('has the stated weight as its median where the range spans orders of magnitude (worldwide reach)', () => {
    for (const name of ['TikTok', 'Twitter', 'Facebook', 'Telegram']) {
      const w = platformWeightIn(findPlatform(name)!, 'IN');
      expect(weightDist(w).kind, name).toBe('lognormal');
      // An arithmetic triangular over the same range put the median at 1.2× (Facebook) to 2.7× (Twitter) the weight.
      expect(median(w) / w.weight, name).toBeGreaterThan(0.95);
      expect(median(w) / w.weight, name).toBeLessThan(1.05);
    }
  });

  it("keeps a narrow range (Russia's surveys) triangular", () => {
    expect(weightDist(platformWeightIn(fb, 'RU'))).toEqual({ kind: 'triangular', low: 0.004, mode: 0.009, high: 0.02 });
  });
});
