// The timeout of a webhook send measures the receiver, not this process: a send whose process is
// busy (a watch cycle judging signals synchronously) still reads the receiver's timely answer.
// SYNTHETIC: the "slow cycle" is a busy loop on the main thread; the receiver runs in a worker of
// its own on 127.0.0.1 (a receiver on the main thread would be blocked by the same loop).
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../ledger/index.js';
import { fixedClock } from '../shared/index.js';
import { sampleEvent, tempStore } from '../../test/helpers/index.js';
import { addHook, DEFAULT_DELIVERY_POLICY, deliverDue, enqueueNotices, httpSender, sendFailure } from './hooks.js';

const RECEIVER = `
const { parentPort, workerData } = require('node:worker_threads');
const srv = require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => setTimeout(() => { res.writeHead(200); res.end('ok'); }, workerData.answerMs));
});
srv.listen(0, '127.0.0.1', () => parentPort.postMessage(srv.address().port));
parentPort.on('message', () => srv.close(() => process.exit(0)));
`;

let receiver: Worker;
let url = '';
beforeAll(async () => {
  receiver = new Worker(RECEIVER, { eval: true, workerData: { answerMs: 300 } });
  url = `http://127.0.0.1:${await new Promise<number>((r) => receiver.once('message', r))}/hook`;
});
afterAll(async () => {
  receiver.postMessage('stop');
  await new Promise((r) => receiver.once('exit', r));
});

/** SYNTHETIC slow cycle: the main thread busy for `ms`, nothing else runs meanwhile. */
const busy = (ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end;);
};

describe('a send while the process is busy', () => {
  it('a receiver answering in 0.3 s is answered 200, though the main thread was blocked 2.5 s past a 1 s timeout', async () => {
    const sent = httpSender(url, { 'content-type': 'application/json' }, '{}', 1000);
    busy(2500);
    await expect(sent).resolves.toEqual({ status: 200 });
  });

  it('a delivery pass beside a blocked loop records the delivery as delivered, not a timeout', async () => {
    const { store, cleanup } = await tempStore();
    try {
      const at = (iso: string) => ({ store, clock: fixedClock(iso), actor: 'tester' });
      await addHook(at('2026-01-01T00:00:00Z'), { url });
      await createEvent(at('2026-01-02T00:00:00Z'), sampleEvent({ id: 'slow-cycle', status: 'draft' }), { actor: 'tester' });
      await enqueueNotices(at('2026-01-02T00:00:01Z'));
      let done = false;
      const pass = deliverDue({ ...at('2026-01-02T00:00:02Z'), send: httpSender }, { ...DEFAULT_DELIVERY_POLICY, timeoutMs: 500 }).finally(() => (done = true));
      // the "cycle" blocks 0.7 s at a time (longer than the timeout) until the pass is over, giving
      // the loop one turn between blocks, as a cycle's synchronous stretches do
      while (!done) {
        await new Promise((r) => setTimeout(r, 0));
        busy(700);
      }
      const r = await pass;
      expect(r).toMatchObject({ attempted: 1, delivered: 1, retrying: 0 });
      const [d] = await store.watch.listDeliveries({ limit: 1 });
      expect(d).toMatchObject({ status: 'delivered', last_status: 200, last_error: null });
    } finally {
      await cleanup();
    }
  });

  it('a receiver that does not answer in time is still a timeout, read as one', async () => {
    const err = await httpSender(url, {}, '{}', 50).catch((e: unknown) => e);
    expect(sendFailure(err, 50)).toBe('timeout: no answer within 0.05 s');
  });
});
