/**
 * Telling people, on real data: the IranCell outage (test/fixtures/outages, IODA via OONI,
 * CC BY 3.0) detected and emitted, confirmed by a person, then published in /feeds/IR.atom
 * (checked with the feedsmith parser and an XML validator) and delivered to a webhook receiver
 * on 127.0.0.1: exactly one signed delivery; a receiver that is down, slow or answers 500 gets
 * it retried with backoff until it lands, or dead-lettered and replayed.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { systemClock, type Clock } from '../../src/shared/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { deliverDue, enqueueNotices, httpSender, verifySignature, type DeliveryPolicy } from '../../src/watch/index.js';
import { prepareCreate } from '../../src/ledger/service.js';
import { cli, sampleEvent, tempDir } from '../helpers/index.js';
import { Receiver } from '../helpers/receiver.js';

const t = tempDir();
const db = join(t.dir, 'feeds.duckdb');
const IODA = join(import.meta.dirname, '../fixtures/outages/ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv');
const json = async (args: string[], code = 0) => {
  const r = await cli([...args, '--json', '--db', db]);
  expect(r.code, r.err + r.out).toBe(code);
  return JSON.parse(r.out) as Record<string, any>;
};

let eventId = '';
const receiver = new Receiver();
let hook: { id: string; secret: string };

beforeAll(async () => {
  await json(['signals', 'import', '--cc', 'IR', IODA]);
  const d = await json(['detect', '--kind', 'outage', '--asn', 'AS44244', '--emit']);
  eventId = d.items[0].id;
  await receiver.start();
  await receiver.stop(); // the receiver is down when the first delivery is due
  hook = (await json(['hooks', 'add', receiver.url, '--cc', 'IR', '--kind', 'shutdown', '--notice', 'confirmed'])) as typeof hook;
  await json(['events', 'confirm', eventId, '--reason', 'IODA signals and the OONI report agree']);
}, 120_000);
afterAll(async () => {
  await receiver.stop();
  t.cleanup();
});

async function withStore<T>(fn: (s: Store) => Promise<T>): Promise<T> {
  const s = await openStore(db);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

describe('feeds', () => {
  it('/feeds/IR.atom lists the confirmed event, parses with feedsmith, is well-formed RFC 4287', async () => {
    await withStore(async (store) => {
      const app = createApp({ store, clock: systemClock, dbPath: db });
      const res = await app.request('http://127.0.0.1:8787/feeds/IR.atom');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/atom\+xml/);
      const xml = await res.text();
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = parseAtomFeed(xml);
      expect(feed.id).toBe('urn:splinternet:feed:events:IR');
      expect(feed.updated).toBeTruthy();
      expect(feed.title?.value).toMatch(/confirmed events in IR/);
      const entry = feed.entries?.find((e) => e.id === `urn:splinternet:event:${eventId}`);
      expect(entry?.title?.value).toMatch(/Outage in network signals/);
      expect(entry?.updated).toBeTruthy();
      const hrefs = (entry?.links ?? []).map((l) => l.href ?? '');
      expect(hrefs).toContain(`http://127.0.0.1:8787/events/${eventId}`);
      expect(hrefs).toContain(`http://127.0.0.1:8787/api/events/${eventId}`);
      expect(hrefs.some((h) => h.includes('/api/signals/points?') && h.includes('asn=AS44244'))).toBe(true);

      // Drafts are a separate feed: the confirmed event is not there.
      const drafts = await (await app.request('http://127.0.0.1:8787/feeds/IR/drafts.atom')).text();
      expect(XMLValidator.validate(drafts)).toBe(true);
      expect(drafts).toMatch(/<id>urn:splinternet:feed:drafts:IR<\/id>/);
      expect(drafts).not.toMatch(/<entry>/);
      const jf = parseJsonFeed(await (await app.request('http://127.0.0.1:8787/feeds/IR.json')).json());
      expect((jf.items ?? []).map((i) => i.id)).toContain(`urn:splinternet:event:${eventId}`);
      const all = parseAtomFeed(await (await app.request('http://127.0.0.1:8787/feeds/events.atom')).text());
      expect(all.entries?.some((e) => e.id === `urn:splinternet:event:${eventId}`)).toBe(true);
      expect((await app.request('http://127.0.0.1:8787/feeds/nope.atom')).status).toBe(404);
      // a country with no event is a valid empty feed; a code that is no country is a 404 naming it
      const fr = parseAtomFeed(await (await app.request('http://127.0.0.1:8787/feeds/FR.atom')).text());
      expect([fr.id, fr.entries ?? []]).toEqual(['urn:splinternet:feed:events:FR', []]);
      for (const bad of ['XX.atom', 'UK/drafts.json']) {
        const r = await app.request(`http://127.0.0.1:8787/feeds/${bad}`);
        expect(r.status, bad).toBe(404);
        expect(((await r.json()) as { detail: string }).detail, bad).toMatch(/^no feed "[^"]+": unknown ISO 3166-1 alpha-2 country code/);
      }

      // The evidence link answers with the points behind the detection.
      const ev = hrefs.find((h) => h.includes('/api/signals/points?'))!;
      const pts = (await (await app.request(ev)).json()) as { total: number; items: { source_file: string; line: number }[] };
      expect(pts.total).toBeGreaterThan(1000);
      expect(pts.items[0]!.line).toBeGreaterThan(0);
    });
  });
});

describe('feeds over a ledger of more than a thousand events', () => {
  const db2 = join(t.dir, 'feeds-many.duckdb');
  const run = async (args: string[]) => {
    const r = await cli([...args, '--json', '--db', db2]);
    expect(r.code, r.err + r.out).toBe(0);
    return JSON.parse(r.out) as Record<string, any>;
  };

  it('an event confirmed last is the first entry of /feeds/events.atom, however old its start beside 1,200 later ones', async () => {
    // SYNTHETIC ledger entries: 1,200 active events starting after the 2019 outage, written earlier than its confirmation.
    const store = await openStore(db2);
    try {
      const at: Clock = { now: () => new Date('2026-01-01T00:00:00Z') };
      const writes = Array.from({ length: 1200 }, (_, i) => {
        const start = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
        return prepareCreate({ clock: at }, sampleEvent({ id: `ru-synthetic-${i}`, start }), { actor: 'test', origin: 'test' }).write;
      });
      await store.ledger.writeEvents(writes);
    } finally {
      await store.close();
    }
    await run(['signals', 'import', '--cc', 'IR', IODA]);
    const id = (await run(['detect', '--kind', 'outage', '--asn', 'AS44244', '--emit'])).items[0].id as string;
    await run(['events', 'confirm', id, '--reason', 'IODA signals and the OONI report agree']);
    const s = await openStore(db2);
    try {
      const app = createApp({ store: s, clock: systemClock, dbPath: db2 });
      const all = parseAtomFeed(await (await app.request('http://127.0.0.1:8787/feeds/events.atom')).text());
      expect(all.entries).toHaveLength(50);
      expect(all.entries?.[0]?.id).toBe(`urn:splinternet:event:${id}`);
      const ir = parseAtomFeed(await (await app.request('http://127.0.0.1:8787/feeds/IR.atom')).text());
      expect(ir.entries?.map((e) => e.id)).toEqual([`urn:splinternet:event:${id}`]);
    } finally {
      await s.close();
    }
  });
});

describe('webhooks', () => {
  const policy: DeliveryPolicy = { maxAttempts: 3, backoffMs: 200, maxBackoffMs: 1000, timeoutMs: 500, concurrency: 2 };
  let now = Date.now();
  const clock: Clock = { now: () => new Date(now) };

  it('a receiver that is down, then slow, then answering 500 gets retries; the delivery lands after it comes back, once, signed', async () => {
    await withStore(async (store) => {
      expect((await enqueueNotices({ store, clock })).enqueued).toBe(1);
      expect((await enqueueNotices({ store, clock })).enqueued).toBe(0); // never twice
      let r = await deliverDue({ store, clock, send: httpSender }, policy); // down: connection refused
      expect(r).toMatchObject({ attempted: 1, delivered: 0, retrying: 1 });
      expect((await deliverDue({ store, clock, send: httpSender }, policy)).attempted).toBe(0); // backing off
      now += 250;
      await receiver.start(receiver.port);
      receiver.mode = 'slow';
      receiver.slowMs = 1500;
      r = await deliverDue({ store, clock, send: httpSender }, policy); // slow: timed out
      expect(r).toMatchObject({ attempted: 1, retrying: 1 });
      const [pending] = await store.watch.listDeliveries({ limit: 10 });
      expect(pending!.attempts).toBe(2);
      expect(pending!.last_error).toMatch(/timeout|aborted/i);
      now += 450; // second backoff is 400 ms
      receiver.mode = 'ok';
      r = await deliverDue({ store, clock, send: httpSender }, policy);
      expect(r).toMatchObject({ attempted: 1, delivered: 1 });
      expect((await deliverDue({ store, clock, send: httpSender }, policy)).attempted).toBe(0);
    });
    await new Promise((res) => setTimeout(res, 1600)); // let the slow answer's request finish
    const ok = receiver.got.filter((g) => g.answered === 200 && JSON.parse(g.body).event.id === eventId);
    const distinct = new Set(ok.map((g) => g.headers['x-splinternet-delivery']));
    expect(distinct.size).toBe(1);
    const last = ok[ok.length - 1]!;
    expect(
      verifySignature(hook.secret, { timestamp: last.headers['x-splinternet-timestamp'], signature: last.headers['x-splinternet-signature'] }, last.body, now),
    ).toBe(true);
    expect(
      verifySignature(
        'not-the-secret',
        { timestamp: last.headers['x-splinternet-timestamp'], signature: last.headers['x-splinternet-signature'] },
        last.body,
        now,
      ),
    ).toBe(false);
    expect(
      verifySignature(
        hook.secret,
        { timestamp: last.headers['x-splinternet-timestamp'], signature: last.headers['x-splinternet-signature'] },
        last.body,
        now + 3_600_000,
      ),
    ).toBe(false); // replayed an hour later
    expect(JSON.parse(last.body)).toMatchObject({
      type: 'event.confirmed',
      event: { id: eventId, category: 'shutdown', countries: ['IR'], detector: 'outage' },
    });
  });

  it('after repeated 500s a delivery is dead-lettered, listed, and lands when replayed', async () => {
    // one subscription per URL: the second receiver endpoint differs by its query
    const second = await json(['hooks', 'add', `${receiver.url}?second`, '--kind', 'shutdown', '--cc', 'IR,RU']);
    // A new event after the subscription (SYNTHETIC ledger entry): the first hook wants IR only.
    const file = join(t.dir, 'event.json');
    writeFileSync(file, JSON.stringify(sampleEvent({ id: 'ru-2020-synthetic-shutdown', category: 'shutdown', subtype: 'mobile' })));
    await json(['events', 'add', '--file', file]);
    receiver.mode = 'fail';
    await withStore(async (store) => {
      expect((await enqueueNotices({ store, clock })).enqueued).toBe(1);
      for (let i = 0; i < 3; i++) {
        await deliverDue({ store, clock, send: httpSender }, policy);
        now += 1100;
      }
      const dead = await store.watch.listDeliveries({ status: 'dead', limit: 10 });
      expect(dead.map((d) => [d.subscription_id, d.attempts, d.last_status])).toEqual([[second.id, 3, 500]]);
    });
    const listed = await json(['hooks', 'deliveries', '--status', 'dead']);
    expect(listed.items).toHaveLength(1);
    receiver.mode = 'ok';
    expect((await json(['hooks', 'replay', '--all'])).replayed).toHaveLength(1);
    const r = await json(['hooks', 'deliver']);
    expect(r).toMatchObject({ delivered: 1, dead: 0 });
    expect((await json(['hooks', 'deliveries', '--status', 'dead'])).items).toEqual([]);
  });

  it('hooks add refuses URLs that are not http(s); lists show no part of a secret, only its SHA-256 fingerprint', async () => {
    const r = await cli(['hooks', 'add', 'file:///etc/passwd', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/http or https/);
    // a kind no event or detector carries would never match: refused, naming the known ones
    const typo = await cli(['hooks', 'add', receiver.url, '--kind', 'shutdwon', '--db', db]);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/--kind must be a ledger category or detector kind \(.*shutdown.*outage.*\), got "shutdwon"/);
    expect((await cli(['hooks', 'add', `${receiver.url}?outage`, '--kind', 'Outage', '--db', db])).code).toBe(0);
    // the same URL again (another filter, a fragment) would deliver each notice twice: refused naming the subscription
    const twice = await cli(['hooks', 'add', `${receiver.url}#again`, '--kind', 'outage', '--db', db]);
    expect([twice.code, twice.err]).toEqual([1, expect.stringContaining(`is already subscribed as ${hook.id}`)]);
    const list = await json(['hooks', 'list']);
    const first = list.items.find((s: any) => s.id === hook.id);
    expect(first).not.toHaveProperty('secret');
    expect(first.secret_sha256).toBe(createHash('sha256').update(hook.secret).digest('hex').slice(0, 12));
    expect(JSON.stringify(list)).not.toContain(hook.secret.slice(0, 6)); // lists showed the first 6 characters
    expect(list.items.every((s: any) => !('secret' in s) && /^[0-9a-f]{12}$/.test(s.secret_sha256) && s.secret_problem === null)).toBe(true);
  });
});
