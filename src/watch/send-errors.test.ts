// A failed send is recorded with its cause (the errno and the address), never the bare "fetch failed": a refused
// connection, a name that does not resolve and a timeout read differently. SYNTHETIC ledger entry; a real local port.
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent } from '../ledger/index.js';
import { fixedClock } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { sampleEvent, tempStore } from '../../test/helpers/index.js';
import { addHook, DEFAULT_DELIVERY_POLICY, deliverDue, enqueueNotices, httpSender, sendFailure } from './hooks.js';

let store: Store;
let cleanup: () => Promise<void>;
const at = (iso: string) => ({ store, clock: fixedClock(iso), actor: 'tester' });
beforeEach(async () => ({ store, cleanup } = await tempStore()));
afterEach(() => cleanup());

/** A port on 127.0.0.1 that was just free and is closed again: connecting to it is refused. */
const closedPort = () =>
  new Promise<number>((done) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });

describe('a failed send', () => {
  it('a refused connection is recorded with ECONNREFUSED and the address it tried', async () => {
    const port = await closedPort();
    await addHook(at('2026-01-01T00:00:00Z'), { url: `http://127.0.0.1:${port}/hook` });
    await createEvent(at('2026-01-02T00:00:00Z'), sampleEvent({ id: 'r1', status: 'draft' }), { actor: 'tester' });
    await enqueueNotices(at('2026-01-02T00:00:01Z'));
    await deliverDue({ ...at('2026-01-02T00:00:02Z'), send: httpSender }, { ...DEFAULT_DELIVERY_POLICY, timeoutMs: 2000 });
    const [d] = await store.watch.listDeliveries({ limit: 1 });
    expect(d!.last_error).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('a timeout reads as one, with the time waited', () => {
    expect(sendFailure(new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 10_000)).toBe('timeout: no answer within 10 s');
  });
});
