/**
 * The cluster's data generation, as one node sees it. Other nodes write to the cluster without
 * telling this process, so whatever this process caches from cluster-held data (the API's
 * response cache) must be checked against the shards themselves. The fingerprint is each shard's
 * set of active parts of the store's database: every insert adds a part, every delete (mutation)
 * and merge replaces parts, so any change of the data changes it. It is read at most once per
 * `everyMs`; between two reads the generation stays put. docs/design/005 (API cache on a cluster).
 */
import type { ChContext } from './context.js';
import { sql } from './sql.js';

/** How often a serving node asks the shards whether the cluster's data changed. */
export const CLUSTER_GENERATION_EVERY_MS = 1000;

/** Every shard's active parts of the database, as one string (changes whenever the data can have). */
export async function clusterFingerprint(ctx: Pick<ChContext, 'shards' | 'target'>): Promise<string> {
  const parts = await Promise.all(
    ctx.shards.map(async (s) => {
      const [r] = await s.node.all<{ n: number; h: string }>(
        sql`SELECT count() AS n, toString(sum(cityHash64(table, name))) AS h FROM system.parts WHERE database = ${ctx.target.database} AND active`,
      );
      return `${s.shard}:${r?.n ?? 0}:${r?.h ?? ''}`;
    }),
  );
  return parts.join(' ');
}

/**
 * Follows a fingerprint: `generation()` moves each time a read gives a fingerprint other than the
 * last one, and on every failed read (a shard that does not answer: nothing derived before it
 * may be trusted, nor anything derived while it lasted). `sync()` reads again when the last read
 * started `everyMs` or more ago (concurrent callers share one read), so once it resolves the
 * generation reflects the data as of no earlier than `everyMs` before the call. It never throws.
 */
export function followGeneration(
  read: () => Promise<string>,
  opts: { everyMs?: number; now?: () => number } = {},
): { generation: () => number; sync: () => Promise<void> } {
  const everyMs = opts.everyMs ?? CLUSTER_GENERATION_EVERY_MS;
  const now = opts.now ?? Date.now;
  let generation = 0;
  let last: string | undefined;
  let readAt = -Infinity;
  let inflight: Promise<void> | null = null;
  return {
    generation: () => generation,
    sync() {
      if (inflight) return inflight;
      if (now() - readAt < everyMs) return Promise.resolve();
      const started = now();
      inflight = read()
        .then(
          (f) => {
            if (f !== last) generation++;
            last = f;
          },
          () => {
            generation++;
            last = undefined;
          },
        )
        .finally(() => {
          readAt = started;
          inflight = null;
        });
      return inflight;
    },
  };
}
