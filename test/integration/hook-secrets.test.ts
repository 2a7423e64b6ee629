/**
 * Webhook signing secrets at rest: the database file (and its WAL) never holds a secret's bytes,
 * a store written before sealing has its clear secrets sealed when it is next opened for writing
 * (and its deliveries still verify with the secret the receiver holds), a missing key file is
 * named and nothing unsigned is sent, `hooks rotate-key` re-seals without changing a secret,
 * and no list or API answer returns a secret after creation.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/ledger/index.js';
import { createApp } from '../../src/server/app.js';
import { fixedClock } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { DuckDb } from '../../src/store/duckdb/db.js';
import { deliverDue, enqueueNotices, httpSender, verifySignature, type DeliveryPolicy } from '../../src/watch/index.js';
import { cli, sampleEvent, tempDir } from '../helpers/index.js';
import { Receiver } from '../helpers/receiver.js';

const t = tempDir();
const receiver = new Receiver();
beforeAll(async () => {
  await receiver.start();
});
afterAll(async () => {
  await receiver.stop();
  t.cleanup();
});

const json = async (db: string, args: string[], code = 0) => {
  const r = await cli([...args, '--json', '--db', db]);
  expect(r.code, r.err + r.out).toBe(code);
  return JSON.parse(r.out) as Record<string, any>;
};
/** Every file of the database (the file, its WAL) searched for the secret's text. */
const onDisk = (db: string, secret: string): string[] =>
  [db, `${db}.wal`].filter((f) => existsSync(f) && readFileSync(f).includes(Buffer.from(secret.slice(0, 24), 'latin1'))).map((f) => f.split('/').pop()!);

const policy: DeliveryPolicy = { maxAttempts: 3, backoffMs: 10, maxBackoffMs: 10, timeoutMs: 2000, concurrency: 1 };

describe('webhook secrets at rest', () => {
  it('hooks add: the database file and its WAL hold no byte of the secret; the key file is 0600 beside it', async () => {
    const db = join(t.dir, 'new.duckdb');
    const hook = await json(db, ['hooks', 'add', receiver.url, '--kind', 'shutdown']);
    expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(onDisk(db, hook.secret)).toEqual([]);
    expect(readFileSync(`${db}.key`, 'utf8')).not.toContain(hook.secret.slice(0, 24));
    const s = await openStore(db);
    try {
      expect((await s.watch.listSubscriptions(false)).map((x) => x.secret)).toEqual([hook.secret]);
    } finally {
      await s.close();
    }
    expect(onDisk(db, hook.secret)).toEqual([]);
  });

  it('a store whose secret is in clear gets it sealed on its next open; deliveries still verify with the same secret', async () => {
    const db = join(t.dir, 'old.duckdb');
    await json(db, ['db', 'migrate']); // create and migrate
    const secret = 'c0ffee'.repeat(10) + 'beef';
    const raw = await DuckDb.open(db);
    await raw.run(
      `INSERT INTO hook_subscriptions VALUES ('hook-legacy', $1, $2, []::VARCHAR[], ['shutdown']::VARCHAR[], ['draft','confirmed']::VARCHAR[], '2026-01-01T00:00:00Z', 'test', NULL)`,
      [receiver.url, secret],
    );
    await raw.run('CHECKPOINT');
    await raw.close();
    expect(onDisk(db, secret)).toEqual(['old.duckdb']); // what a store from before sealing holds

    const listed = await json(db, ['hooks', 'list']);
    expect(listed.items).toEqual([expect.objectContaining({ id: 'hook-legacy', secret_problem: null })]);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(0, 6));
    const check = await DuckDb.open(db, { readOnly: true });
    expect((await check.all<{ secret: string }>('SELECT secret FROM hook_subscriptions'))[0]!.secret).toMatch(/^enc1\.[0-9a-f]{8}\./);
    await check.close();
    // The old block keeps the clear bytes until DuckDB reuses it; `db backup` writes a file without them.
    await json(db, ['db', 'backup', join(t.dir, 'old-copy.duckdb')]);
    expect(onDisk(join(t.dir, 'old-copy.duckdb'), secret)).toEqual([]);

    // SYNTHETIC event after the subscription, delivered and verified with the secret the receiver holds
    const file = join(t.dir, 'ev.json');
    writeFileSync(file, JSON.stringify(sampleEvent({ id: 'ru-2026-synthetic-secret-shutdown', category: 'shutdown', subtype: 'mobile' })));
    await json(db, ['events', 'add', '--file', file]);
    const now = Date.now();
    const s = await openStore(db);
    try {
      const clock = { now: () => new Date(now) };
      expect((await enqueueNotices({ store: s, clock })).enqueued).toBe(1);
      expect(await deliverDue({ store: s, clock, send: httpSender }, policy)).toMatchObject({ delivered: 1 });
    } finally {
      await s.close();
    }
    const got = receiver.got.at(-1)!;
    expect(
      verifySignature(secret, { timestamp: got.headers['x-splinternet-timestamp'], signature: got.headers['x-splinternet-signature'] }, got.body, now),
    ).toBe(true);
  });

  it('without its key file a subscription is named unreadable, nothing is sent, and it delivers once the file is back', async () => {
    const db = join(t.dir, 'lost.duckdb');
    const hook = await json(db, ['hooks', 'add', receiver.url, '--kind', 'shutdown']);
    renameSync(`${db}.key`, `${db}.key.saved`);
    const listed = await json(db, ['hooks', 'list']);
    expect(listed.items[0]).toMatchObject({
      id: hook.id,
      secret_sha256: null,
      secret_problem: expect.stringMatching(/key file .*lost\.duckdb\.key is missing: restore/),
    });
    const file = join(t.dir, 'ev2.json');
    writeFileSync(file, JSON.stringify(sampleEvent({ id: 'ru-2026-synthetic-lost-key', category: 'shutdown', subtype: 'mobile' })));
    await json(db, ['events', 'add', '--file', file]);
    const before = receiver.got.length;
    const r = await json(db, ['hooks', 'deliver'], 3); // a delivery that failed this pass: partial
    expect(r).toMatchObject({ delivered: 0, retrying: 1 });
    expect(receiver.got.length).toBe(before); // nothing unsigned, nothing signed with another key
    const [d] = (await json(db, ['hooks', 'deliveries'])).items;
    expect(d.last_error).toMatch(/^not sent: the secret of hook-.* was sealed with key [0-9a-f]{8} and the key file .* is missing/);
    // neither a rotation nor a new subscription starts a key the restored file would overwrite: refused naming the file
    for (const args of [
      ['hooks', 'rotate-key'],
      ['hooks', 'add', `${receiver.url}?another`],
    ]) {
      const refused = await cli([...args, '--db', db]);
      expect([refused.code, refused.err]).toEqual([1, expect.stringContaining(`key file ${db}.key is missing`)]);
    }
    expect(existsSync(`${db}.key`)).toBe(false);
    renameSync(`${db}.key.saved`, `${db}.key`);
    expect((await json(db, ['hooks', 'list'])).items[0].secret_problem).toBeNull();
  });

  it('a backup restored where the key file does not open its secrets: restore warns and doctor fails, naming the subscription and the key file', async () => {
    const db = join(t.dir, 'before-rotation.duckdb');
    const hook = await json(db, ['hooks', 'add', receiver.url, '--kind', 'shutdown']);
    const backup = join(t.dir, 'before-rotation-copy.duckdb');
    await json(db, ['db', 'backup', backup]);
    await json(db, ['hooks', 'rotate-key']);
    const r = await cli(['db', 'restore', backup, '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(new RegExp(`warning: webhook ${hook.id} cannot be delivered: .*key file ${db}\\.key does not hold`));
    const doc = await cli(['doctor', '--json', '--db', db]);
    expect(doc.code).toBe(1);
    const check = (JSON.parse(doc.out) as { checks: { name: string; ok: boolean; detail: string }[] }).checks.find((c) => c.name === 'webhook secrets');
    expect(check).toMatchObject({ ok: false, detail: expect.stringContaining(`${hook.id}: the secret of ${hook.id} was sealed with key`) });
    // restored where no key file is beside it: the same, naming the missing file
    const bare = join(t.dir, 'no-key.duckdb');
    const r2 = await cli(['db', 'restore', backup, '--json', '--db', bare]);
    expect((JSON.parse(r2.out) as { unreadable_secrets: { id: string; problem: string }[] }).unreadable_secrets).toEqual([
      { id: hook.id, problem: expect.stringContaining(`${bare}.key is missing`) },
    ]);
  });

  it('hooks rotate-key seals under a new key and drops the old; the secret is unchanged', async () => {
    const db = join(t.dir, 'rotate.duckdb');
    const hook = await json(db, ['hooks', 'add', receiver.url]);
    const oldKey = readFileSync(`${db}.key`, 'utf8');
    const r = await json(db, ['hooks', 'rotate-key']);
    expect(r).toMatchObject({ resealed: 1, unreadable: [], key_file: `${db}.key` });
    const newKey = readFileSync(`${db}.key`, 'utf8');
    expect(newKey).not.toBe(oldKey);
    expect(newKey.trim().split('\n')).toHaveLength(1);
    const s = await openStore(db);
    try {
      expect((await s.watch.listSubscriptions(false))[0]!.secret).toBe(hook.secret);
    } finally {
      await s.close();
    }
    expect(onDisk(db, hook.secret)).toEqual([]);
  });

  it('over HTTP no answer after creation carries the secret (hooks.list, hooks.deliveries, db.info)', async () => {
    const db = join(t.dir, 'http.duckdb');
    const store = await openStore(db);
    try {
      const clock = fixedClock('2026-01-02T03:04:05.000Z');
      const app = createApp({ store, clock, dbPath: db });
      const { token } = await createToken({ store, clock }, 'admin', { scopes: ['admin'], createdBy: 'test' });
      const op = (name: string, body: unknown) =>
        app.request(`/api/_ops/${name}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const added = (await (await op('hooks.add', { url: receiver.url })).text()).split('\n').filter(Boolean);
      const secret = (JSON.parse(added.at(-1)!) as { result: { secret: string } }).result.secret;
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      for (const [name, body] of [
        ['hooks.list', { all: true }],
        ['hooks.deliveries', {}],
        ['db.info', {}],
        ['hooks.rotate-key', {}],
      ] as const) {
        const res = await op(name, body);
        const text = await res.text();
        expect(res.status, `${name}: ${text}`).toBe(200);
        expect(text, name).not.toContain(secret.slice(0, 6));
      }
    } finally {
      await store.close();
    }
  });
});
