/**
 * One seeded PRNG for the whole project (Monte Carlo draws in cost, synthetic series in detect):
 * mulberry32, small, fast and well mixed; reproducible from its seed. Not for cryptography.
 */
export type Rng = () => number; // uniform in [0, 1)

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
