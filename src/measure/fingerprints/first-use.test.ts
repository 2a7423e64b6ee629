// The shipped fingerprint sets are loaded into an empty store as one write: a reader (an ingest
// that starts while another one is loading them) sees no set or all of them, never a part, so
// verdicts do not depend on which of two concurrent ingests stored a measurement.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/index.js';
import { openStore } from '../../store/index.js';
import { currentFingerprints, SHIPPED_FINGERPRINTS } from './index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('first use of the fingerprints', () => {
  it('readers while the shipped sets load see none or all of them; each concurrent caller gets the whole set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-first-use-'));
    dirs.push(dir);
    const store = await openStore(join(dir, 'fp.duckdb'));
    const deps = { store, clock: fixedClock('2026-01-02T03:04:05.000Z') };
    try {
      let loaded = false;
      const first = currentFingerprints(deps).finally(() => (loaded = true));
      const seen = new Set<number>();
      const late: Promise<unknown[]>[] = [];
      while (!loaded) {
        seen.add((await store.measure.fingerprintSources()).length);
        late.push(currentFingerprints(deps));
        await new Promise((r) => setTimeout(r, 1));
      }
      const all = await first;
      expect(all.length).toBeGreaterThan(1000);
      expect(
        [...seen].every((n) => n === 0 || n === SHIPPED_FINGERPRINTS.length),
        `sets seen while loading: ${[...seen].join(', ')}`,
      ).toBe(true);
      for (const other of await Promise.all(late)) expect(other.length).toBe(all.length);
    } finally {
      await store.close();
    }
  });
});
