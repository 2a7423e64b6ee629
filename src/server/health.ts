/**
 * What /healthz answers, from the store's description: `ok` (200) when every shard answers,
 * `degraded` (200) when some do not, and `down` (503) when none does (a DuckDB store is always
 * `ok`: it is this process). The shards that do not answer are named, as the CLI's errors name
 * them. What no answering shard can tell (the schema version, the server version) is null, not
 * a number that reads as a real version.
 */
import type { StoreInfo } from '../store/index.js';

export interface Health {
  status: 'ok' | 'degraded' | 'down';
  store: StoreInfo['kind'];
  schema_version: number | null;
  server_version: string | null;
  shards?: { total: number; answering: number; not_answering: { shard: number; host: string; port: number; error: string | null }[] };
}

export function healthOf(info: StoreInfo): { status: 200 | 503; body: Health } {
  const sh = info.shards;
  const none = sh !== undefined && sh.answering === 0;
  const status = !sh || sh.answering === sh.total ? 'ok' : none ? 'down' : 'degraded';
  return {
    status: none ? 503 : 200,
    body: {
      status,
      store: info.kind,
      schema_version: none ? null : info.schemaVersion,
      server_version: none ? null : info.engineVersion,
      ...(sh
        ? {
            shards: {
              total: sh.total,
              answering: sh.answering,
              not_answering: sh.hosts.filter((h) => !h.ok).map((h) => ({ shard: h.shard, host: h.host, port: h.port, error: h.error?.split('\n')[0] ?? null })),
            },
          }
        : {}),
    },
  };
}
