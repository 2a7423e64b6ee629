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

/**
 * doctor's `store` check from the same description, so the two agree: ok only when every shard
 * answers; otherwise it fails naming each shard that does not answer and why, with the status
 * /healthz gives, and the versions no answering shard could tell are "unknown".
 */
export function storeCheckOf(info: StoreInfo): { ok: boolean; detail: string } {
  const h = healthOf(info).body;
  const base = `${info.kind} ${info.path}, server ${h.server_version ?? 'unknown'}, schema version ${h.schema_version ?? 'unknown'}`;
  const down = h.shards?.not_answering ?? [];
  if (h.status === 'ok') return { ok: true, detail: base };
  const named = down.map((s) => `${s.shard} (${s.host}:${s.port}: ${s.error ?? 'no answer'})`).join(', ');
  return { ok: false, detail: `${base}; shard ${named} ${down.length === 1 ? 'does' : 'do'} not answer (${h.status})` };
}
