/**
 * DuckDB implementation of WatchRepo (migrations 121, 122). Inserts that must happen once (consumed
 * inputs, deliveries) rely on primary/unique keys with INSERT OR IGNORE, so a cycle re-run
 * after a crash writes nothing twice. Subscription secrets are written sealed (secret-box.ts)
 * and opened when read; a store written before sealing has its clear secrets sealed when it is
 * next opened for writing (`sealClearSecrets`).
 */
import type { DeliveryFilter, HookDeliveryRecord, HookSubscriptionRecord, WatchCycleRecord, WatchInputRecord, WatchRepo } from '../types.js';
import type { DuckDb, Param, Row } from './db.js';
import { AppError } from '../../shared/index.js';
import { sealedKeyId, type SecretBox } from './secret-box.js';

const ts = (v: unknown): string | null => (typeof v === 'string' || typeof v === 'number' || v instanceof Date ? new Date(v).toISOString() : null);

const delivery = (r: Row): HookDeliveryRecord => ({
  ...(r as unknown as HookDeliveryRecord),
  next_at: ts(r.next_at)!,
  created_at: ts(r.created_at)!,
  delivered_at: ts(r.delivered_at),
});
const subscription = (r: Row, box: SecretBox): HookSubscriptionRecord => {
  const opened = box.open(String(r.secret), String(r.id));
  return {
    ...(r as unknown as HookSubscriptionRecord),
    secret: opened.secret,
    secret_problem: opened.problem,
    created_at: ts(r.created_at)!,
    removed_at: ts(r.removed_at),
  };
};
const cycle = (r: Row): WatchCycleRecord => ({
  ...(r as unknown as WatchCycleRecord),
  started_at: ts(r.started_at)!,
  finished_at: ts(r.finished_at),
  next_at: ts(r.next_at),
  summary: typeof r.summary === 'string' ? (JSON.parse(r.summary) as Record<string, unknown>) : null,
});

/**
 * Seal every secret still stored in clear (a store from before sealing); returns how many.
 * Run when the store opens for writing, after migrations; a store without the table is left alone.
 */
export async function sealClearSecrets(db: DuckDb, box: SecretBox): Promise<number> {
  const has = await db.all(`SELECT 1 FROM information_schema.tables WHERE table_name = 'hook_subscriptions'`);
  if (!has.length) return 0;
  const rows = await db.all<{ id: string; secret: string }>(`SELECT id, secret FROM hook_subscriptions WHERE secret NOT LIKE 'enc1.%'`);
  if (!rows.length) return 0;
  await db.tx(async (sql) => {
    for (const r of rows) await sql.run('UPDATE hook_subscriptions SET secret = $2 WHERE id = $1', [r.id, box.seal(r.secret, r.id)]);
  });
  await db.run('CHECKPOINT');
  return rows.length;
}

/**
 * Refuse to seal under a key other than the one active subscriptions were sealed with: when the
 * key file is missing (or holds other keys), sealing would start a new key, and restoring the
 * file (the way out the secrets' problem names) would then lose the new one. The way out is
 * named: restore the key file, or remove the subscriptions sealed under the lost key.
 */
async function assertKeyHeld(db: DuckDb, box: SecretBox, action: string): Promise<void> {
  const rows = await db.all<{ id: string; secret: string }>(`SELECT id, secret FROM hook_subscriptions WHERE removed_at IS NULL ORDER BY id`);
  const held = box.keyIds() ?? [];
  const lost = rows.filter((r) => {
    const id = sealedKeyId(r.secret);
    return id !== null && !held.includes(id);
  });
  if (!lost.length) return;
  const keys = [...new Set(lost.map((r) => sealedKeyId(r.secret)!))].join(', ');
  const file = box.keyPath ?? 'memory';
  throw new AppError(
    'CONFLICT',
    `cannot ${action}: subscription(s) ${lost.map((r) => r.id).join(', ')} are sealed with key ${keys} and ` +
      `${held.length ? `the key file ${file} does not hold it (it holds ${held.join(', ')})` : `the key file ${file} is missing`}; ` +
      'a new key now would be lost when that file is restored. ' +
      `Restore the key file that was beside the database, or remove those subscriptions (hooks remove ID) and add them again`,
    { details: { key_file: file, subscriptions: lost.map((r) => r.id) } },
  );
}

/** The WHERE conditions of a delivery filter, with their parameters. */
function deliveryWhere(f: DeliveryFilter): { params: Param[]; conds: string[] } {
  const params: Param[] = [];
  const conds: string[] = [];
  if (f.status) conds.push(`status = $${params.push(f.status)}`);
  if (f.subscription_id) conds.push(`subscription_id = $${params.push(f.subscription_id)}`);
  return { params, conds };
}

export function duckWatchRepo(db: DuckDb, box: SecretBox): WatchRepo {
  const deliveryParams = (d: HookDeliveryRecord): Param[] => [
    d.id,
    d.subscription_id,
    d.event_id,
    d.notice,
    d.body,
    d.status,
    d.attempts,
    d.next_at,
    d.last_error,
    d.last_status,
    d.created_at,
    d.delivered_at,
  ];
  return {
    async hasInput(kind, key, checksum) {
      return (await db.all('SELECT 1 FROM watch_inputs WHERE kind = $1 AND key = $2 AND checksum = $3', [kind, key, checksum])).length > 0;
    },
    async addInput(r) {
      await db.run('INSERT OR IGNORE INTO watch_inputs VALUES ($1, $2, $3, $4::TIMESTAMPTZ, $5, $6, $7)', [
        r.kind,
        r.key,
        r.checksum,
        r.seen_at,
        r.cycle_id,
        r.outcome,
        r.detail,
      ]);
    },
    async listInputs(limit) {
      const rows = await db.all('SELECT * FROM watch_inputs ORDER BY seen_at DESC, key LIMIT $1', [limit]);
      return rows.map((r) => ({ ...(r as unknown as WatchInputRecord), seen_at: ts(r.seen_at)! }));
    },
    async countInputs() {
      return (await db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM watch_inputs'))[0]?.n ?? 0;
    },
    async getCursor(name) {
      return (await db.all<{ value: string }>('SELECT value FROM watch_cursors WHERE name = $1', [name]))[0]?.value ?? null;
    },
    async setCursor(name, value, at) {
      await db.run('INSERT OR REPLACE INTO watch_cursors VALUES ($1, $2, $3::TIMESTAMPTZ)', [name, value, at]);
    },
    async upsertCycle(c) {
      await db.run('INSERT OR REPLACE INTO watch_cycles VALUES ($1, $2::TIMESTAMPTZ, $3::TIMESTAMPTZ, $4::TIMESTAMPTZ, $5, $6::JSON)', [
        c.id,
        c.started_at,
        c.finished_at,
        c.next_at,
        c.status,
        c.summary === null ? null : JSON.stringify(c.summary),
      ]);
    },
    async lastCycles(limit) {
      return (await db.all('SELECT * FROM watch_cycles ORDER BY started_at DESC LIMIT $1', [limit])).map(cycle);
    },
    async addSubscription(s, endpoint) {
      await assertKeyHeld(db, box, "seal the new subscription's secret");
      // Lists travel as JSON text parameters and are cast in SQL. Stored URLs are normalised
      // (URL.toString), so the part before '#' is the endpoint the caller computes the same way.
      const stored = await db.run(
        `INSERT INTO hook_subscriptions
           SELECT $1, $2, $3, $4::JSON::VARCHAR[], $5::JSON::VARCHAR[], $6::JSON::VARCHAR[], $7::TIMESTAMPTZ, $8, $9::TIMESTAMPTZ
           WHERE NOT EXISTS (SELECT 1 FROM hook_subscriptions WHERE removed_at IS NULL AND split_part(url, '#', 1) = $10)`,
        [
          s.id,
          s.url,
          box.seal(s.secret ?? '', s.id),
          JSON.stringify(s.countries),
          JSON.stringify(s.kinds),
          JSON.stringify(s.notices),
          s.created_at,
          s.created_by,
          s.removed_at,
          endpoint,
        ],
      );
      return stored > 0;
    },
    async listSubscriptions(includeRemoved) {
      const rows = await db.all(`SELECT * FROM hook_subscriptions ${includeRemoved ? '' : 'WHERE removed_at IS NULL'} ORDER BY created_at, id`);
      return rows.map((r) => subscription(r, box));
    },
    async removeSubscription(id, at) {
      return (await db.run('UPDATE hook_subscriptions SET removed_at = $2::TIMESTAMPTZ WHERE id = $1 AND removed_at IS NULL', [id, at])) > 0;
    },
    async rotateSecretKey() {
      await assertKeyHeld(db, box, 'rotate the key');
      const key_id = box.addKey();
      const rows = await db.all<{ id: string; secret: string }>('SELECT id, secret FROM hook_subscriptions ORDER BY id');
      const unreadable: string[] = [];
      let resealed = 0;
      await db.tx(async (sql) => {
        for (const r of rows) {
          const opened = box.open(r.secret, r.id);
          if (opened.secret === null) {
            unreadable.push(r.id);
            continue;
          }
          await sql.run('UPDATE hook_subscriptions SET secret = $2 WHERE id = $1', [r.id, box.seal(opened.secret, r.id)]);
          resealed++;
        }
      });
      box.dropOldKeys();
      return { key_id, key_file: box.keyPath, resealed, unreadable };
    },
    enqueue: (ds) =>
      db.tx(async (sql) => {
        let n = 0;
        for (const d of ds) {
          n += await sql.run(
            'INSERT OR IGNORE INTO hook_deliveries VALUES ($1, $2, $3, $4, $5, $6, $7, $8::TIMESTAMPTZ, $9, $10, $11::TIMESTAMPTZ, $12::TIMESTAMPTZ)',
            deliveryParams(d),
          );
        }
        return n;
      }),
    async due(now, limit) {
      return (
        await db.all(`SELECT * FROM hook_deliveries WHERE status = 'pending' AND next_at <= $1::TIMESTAMPTZ ORDER BY next_at, id LIMIT $2`, [now, limit])
      ).map(delivery);
    },
    async claimDelivery(id, now, leaseUntil) {
      const n = await db.run(
        `UPDATE hook_deliveries SET attempts = attempts + 1, next_at = $3::TIMESTAMPTZ
         WHERE id = $1 AND status = 'pending' AND next_at <= $2::TIMESTAMPTZ`,
        [id, now, leaseUntil],
      );
      if (n === 0) return null;
      const rows = await db.all('SELECT * FROM hook_deliveries WHERE id = $1', [id]);
      return rows[0] ? delivery(rows[0]) : null;
    },
    async settleDelivery(d, claimedAttempts) {
      const n = await db.run(
        `UPDATE hook_deliveries SET status = $2, attempts = $3, next_at = $4::TIMESTAMPTZ, last_error = $5, last_status = $6, delivered_at = $7::TIMESTAMPTZ, body = $9
         WHERE id = $1 AND status = 'pending' AND attempts = $8`,
        [d.id, d.status, d.attempts, d.next_at, d.last_error, d.last_status, d.delivered_at, claimedAttempts, d.body],
      );
      return n > 0;
    },
    async updateDelivery(d) {
      await db.run(
        'UPDATE hook_deliveries SET status = $2, attempts = $3, next_at = $4::TIMESTAMPTZ, last_error = $5, last_status = $6, delivered_at = $7::TIMESTAMPTZ WHERE id = $1',
        [d.id, d.status, d.attempts, d.next_at, d.last_error, d.last_status, d.delivered_at],
      );
    },
    async listDeliveries(f) {
      const { params, conds } = deliveryWhere(f);
      if (f.after) {
        const at = `$${params.push(f.after.created_at)}::TIMESTAMPTZ`;
        conds.push(`(created_at < ${at} OR (created_at = ${at} AND id > $${params.push(f.after.id)}))`);
      }
      params.push(f.limit);
      const rows = await db.all(
        `SELECT * FROM hook_deliveries ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY created_at DESC, id LIMIT $${params.length}`,
        params,
      );
      return rows.map(delivery);
    },
    async countDeliveries(f) {
      const { params, conds } = deliveryWhere(f);
      const rows = await db.all<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM hook_deliveries ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}`,
        params,
      );
      return rows[0]?.n ?? 0;
    },
    async getDelivery(id) {
      const rows = await db.all('SELECT * FROM hook_deliveries WHERE id = $1', [id]);
      return rows[0] ? delivery(rows[0]) : null;
    },
  };
}
