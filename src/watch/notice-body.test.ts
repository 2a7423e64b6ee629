// A webhook notice carries what the feeds and `detect --json` carry, so a receiver can route by
// network, region or scope and fetch the data behind a detection without parsing titles: the
// event's networks, regions and scope, its evidence query, and the query's URL among the links.
// Real IODA IranCell points (test/fixtures/outages), drafted by the detector; SYNTHETIC receiver.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signalsStub } from '../../test/helpers/signals-stub.js';
import { tempStore } from '../../test/helpers/index.js';
import { DEFAULT_OUTAGE_RUN_PARAMS, emitDrafts, runOutage } from '../detect/index.js';
import { fixedClock } from '../shared/index.js';
import { parseSignals } from '../signals/parse.js';
import type { Store } from '../store/index.js';
import { addHook, deliverDue, enqueueNotices, sign, type Sender } from './hooks.js';

const file = 'ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv';
const points = parseSignals(readFileSync(join(import.meta.dirname, '../../test/fixtures/outages', file), 'utf8'), {
  file,
  cc: 'IR',
  nowMs: Date.parse('2026-01-01T00:00:00Z'),
}).points;
const ORIGIN = 'http://127.0.0.1:18852';

let store: Store;
let cleanup: () => Promise<void>;
const at = (iso: string) => ({ store, clock: fixedClock(iso), actor: 'tester' });
beforeEach(async () => ({ store, cleanup } = await tempStore()));
afterEach(() => cleanup());

describe('a webhook notice of a detector draft', () => {
  it('carries networks, regions, scope and the evidence query, as queued and as sent (signed as before)', async () => {
    const hook = await addHook(at('2026-01-01T00:00:00Z'), { url: 'https://receiver.example/route' });
    const [d] = (await runOutage(signalsStub(points), { cc: 'IR' }, DEFAULT_OUTAGE_RUN_PARAMS)).detections;
    await emitDrafts(at('2026-01-02T00:00:00Z'), [d!]);
    const doc = (await store.ledger.getEvent(d!.id))!.doc;
    await enqueueNotices(at('2026-01-02T00:00:01Z'), ORIGIN);
    const sent: { headers: Record<string, string>; body: string }[] = [];
    const ok: Sender = (_u, headers, body) => (sent.push({ headers, body }), Promise.resolve({ status: 200 }));
    const [queued] = await store.watch.listDeliveries({ limit: 1 });
    await deliverDue({ ...at('2026-01-02T00:00:02Z'), send: ok });
    for (const body of [queued!.body, sent[0]!.body]) {
      const b = JSON.parse(body) as { event: Record<string, unknown>; links: Record<string, string> };
      expect(b.event).toMatchObject({ networks: doc.networks, regions: doc.regions, scope: doc.scope });
      expect(b.event.networks).toContain('AS44244');
      expect(b.event.evidence_query).toEqual(d!.evidence_query);
      expect(b.links.evidence).toBe(`${ORIGIN}${d!.evidence_query.api}`);
    }
    const h = sent[0]!.headers;
    expect(h['x-splinternet-signature']).toBe(sign(hook.secret, Number(h['x-splinternet-timestamp']), sent[0]!.body));
  });
});
