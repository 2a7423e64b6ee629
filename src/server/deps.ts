/** What the HTTP app needs from the outside: the store, a clock, and the ops secret. */
import type { Clock, Grant } from '../shared/index.js';
import type { Store } from '../store/index.js';

export interface AppDeps {
  store: Store;
  clock: Clock;
  dbPath: string;
  /** Per-run secret that lets the local CLI send ops (see lockfile.ts); absent in tests. */
  opsSecret?: string;
  /** Directory of the built dashboard (web/dist), served at / when it exists. */
  webRoot?: string;
  /** Real paths of the folders API tokens with the import scope may import from (none: no server-side file reads over HTTP). */
  importDirs?: readonly string[];
  /** Where uploaded files wait for their import (a fresh 0700 folder each, removed after); default `<db>.uploads` (upload-dir.ts); refused unless private to this user. */
  uploadDir?: string;
  /** Host names this server answers to (Host header); absent: loopback names only. */
  allowedHosts?: readonly string[];
  /** This server's own URL (e.g. http://127.0.0.1:8787) once it listens, for links in what ops write (webhook notices); absent in tests. */
  origin?: () => string | undefined;
  /** Work budgets and rate limits (defaults in limits.ts). */
  limits?: Partial<import('./limits.js').Limits>;
}

export type Env = { Variables: { actor: string; grant: Grant } };
