/**
 * One bench for the register's import tests: a fresh store and a fresh folder for every test,
 * files written into that folder, and `importRegistry` run with a fixed clock. The real lines of
 * the 2016 quirks fixture (windows-1251, read as latin1 so their bytes survive) are read here once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { fixedClock, packagePath, silentProgress } from '../../src/shared/index.js';
import { importRegistry, type ImportOptions } from '../../src/registry/import.js';
import type { Store } from '../../src/store/index.js';
import { tempDir, tempStore } from './index.js';

/** The clock every registry test imports at. */
export const REGISTRY_CLOCK = fixedClock('2026-12-06T12:00:00Z');

/** The real lines of test/fixtures/registry-quirks/dump-2016-06-13-lines.cp1251.csv, header first, as latin1 text. */
export const QUIRKS_2016_LINES: readonly string[] = readFileSync(packagePath('test', 'fixtures', 'registry-quirks', 'dump-2016-06-13-lines.cp1251.csv'))
  .toString('latin1')
  .split('\n')
  .filter(Boolean);

export interface RegistryBench {
  /** This test's store (a new one before each test). */
  readonly store: Store;
  /** Writes `content` (a string is written as latin1, byte for byte) into this test's folder; returns its path. */
  write(name: string, content: string | Buffer): string;
  /** Imports `paths` into this test's store. */
  run(paths: string[], opts?: ImportOptions): ReturnType<typeof importRegistry>;
}

/** Call inside a `describe`: registers the hooks that give each test its own store and folder. */
export function registryBench(prefix: string): RegistryBench {
  let store: Store | undefined;
  let closeStore: (() => Promise<void>) | undefined;
  let dir: ReturnType<typeof tempDir> | undefined;
  beforeEach(async () => {
    ({ store, cleanup: closeStore } = await tempStore());
    dir = tempDir(prefix);
  });
  afterEach(async () => {
    await closeStore?.();
    dir?.cleanup();
  });
  const mustStore = (): Store => {
    if (!store) throw new Error('registryBench: the store exists only inside a test');
    return store;
  };
  return {
    get store() {
      return mustStore();
    },
    write(name, content) {
      if (!dir) throw new Error('registryBench: the folder exists only inside a test');
      const path = join(dir.dir, name);
      writeFileSync(path, typeof content === 'string' ? Buffer.from(content, 'latin1') : content);
      return path;
    },
    run: (paths, opts = {}) => importRegistry({ store: mustStore(), clock: REGISTRY_CLOCK, progress: silentProgress }, paths, opts),
  };
}
