/**
 * The ClickHouse store: the data that grows (measurements, the ingest manifest and rejects,
 * the detectors' hourly series, network-event throughput, speed tests, the register's snapshots, entries and ranges)
 * on a sharded cluster; the ledger, tokens, indicators, economic data, elections, fingerprints, the register's daily
 * series and AS table and everything else stay in the embedded store of this node (small, and they need transactions). docs/design/005-clickhouse-store.md says why.
 */
import type { Store, StoreInfo } from '../types.js';
import { ChContext } from './context.js';
import { clusterFingerprint, followGeneration } from './generation.js';
import { chDetectRepo } from './detect-repo.js';
import { chMeasureRepo } from './measure-repo.js';
import { chRegistryRepo } from './registry-repo.js';
import { migrateShards, shardSchemaVersion } from './migrate.js';
import { chSpeedTestRepo } from './speedtest-repo.js';
import { chThroughputRepo } from './throughput-repo.js';
import type { ClickHouseTarget } from './url.js';

export { parseStoreUrl, storeIdentity, type ClickHouseTarget, type StoreTarget } from './url.js';
export { NATIVE_PORT_OFFSET } from './client.js';

/** `create`: a database that does not exist is created (db migrate); otherwise it is refused, naming it. */
export async function openClickHouseStore(
  t: ClickHouseTarget,
  embedded: Store,
  options: { migrate?: boolean; readOnly?: boolean; create?: boolean } = {},
): Promise<Store> {
  const ctx = await ChContext.open(t);
  try {
    if (!options.create) await ctx.requireDatabase();
    if (options.migrate !== false && !options.readOnly)
      await migrateShards(
        ctx.shards.map((s) => s.node),
        t.database,
        t.cluster,
      );
  } catch (e) {
    await ctx.close();
    throw e;
  }
  let writes = 0;
  const cluster = followGeneration(() => clusterFingerprint(ctx));
  const counted = <T extends object>(repo: T, methods: string[]): T =>
    Object.fromEntries(
      Object.entries(repo).map(([k, fn]) => [
        k,
        methods.includes(k)
          ? async (...args: unknown[]) => {
              try {
                return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
              } finally {
                writes++;
              }
            }
          : fn,
      ]),
    ) as T;
  return {
    ledger: embedded.ledger,
    elections: embedded.elections,
    signals: embedded.signals,
    watch: embedded.watch,
    tokens: embedded.tokens,
    cost: embedded.cost,
    tabular: embedded.tabular,
    registry: {
      ...embedded.registry,
      ...counted(
        chRegistryRepo(ctx, (l) => embedded.ledger.replaceRejects(l.importKind, l.sourceFile, l.records)),
        ['writeFile', 'upsertSnapshot'],
      ),
    },
    throughput: counted(chThroughputRepo(ctx), ['replaceFile']),
    measure: counted(chMeasureRepo(ctx, embedded.measure), ['writeGroup', 'writeBatch']),
    detect: chDetectRepo(ctx),
    speedtests: counted(
      chSpeedTestRepo(ctx, (l) => embedded.ledger.replaceRejects(l.importKind, l.sourceFile, l.records)),
      ['upsertSource', 'replaceFile'],
    ),
    async info(): Promise<StoreInfo> {
      const health = await ctx.shardHealth();
      return {
        kind: 'clickhouse',
        path: t.display,
        schemaVersion: await shardSchemaVersion(
          ctx.shards.filter((_, i) => health[i]!.ok).map((s) => s.node),
          t.database,
        ),
        extensions: [],
        engineVersion: ctx.version,
        shards: { total: health.length, answering: health.filter((h) => h.ok).length, hosts: health },
        embedded: await embedded.info().then((e) => ({ path: e.path, schemaVersion: e.schemaVersion })),
      };
    },
    // the --db file beside the cluster (ledger, tokens, webhooks, ...): its schema and its rows are
    // checked as on DuckDB; the cluster's own tables are judged by their shards (info)
    ...(embedded.schemaCheck && { schemaCheck: () => embedded.schemaCheck!() }),
    ...(embedded.verify && { verify: () => embedded.verify!() }),
    // even steps for this node's cluster writes and for the cluster's generation, so the parity
    // stays the embedded store's (odd: a write in flight there)
    dataVersion: () => embedded.dataVersion() * 1_000_003 + 2 * (writes + cluster.generation()),
    syncDataVersion: () => cluster.sync(),
    async close() {
      await ctx.close();
      await embedded.close();
    },
  };
}
