/** What the HTTP app needs from the outside: the store, a clock, and the ops secret. */
import type { Clock } from '../shared/index.js';
import type { Store } from '../store/index.js';

export interface AppDeps {
  store: Store;
  clock: Clock;
  dbPath: string;
  /** Per-run secret that lets the local CLI send ops (see lockfile.ts); absent in tests. */
  opsSecret?: string;
  /** Directory of the built dashboard (web/dist), served at / when it exists. */
  webRoot?: string;
}

export type Env = { Variables: { actor: string } };
