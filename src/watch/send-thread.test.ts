// The timeout of a webhook send measures the receiver, not this process: a send whose process is
// busy (a watch cycle judging signals synchronously) still reads the receiver's timely answer.
// SYNTHETIC: the "slow cycle" is a busy loop on the main thread; the receiver runs in a worker of
// its own on 127.0.0.1 (a receiver on the main thread would be blocked by the same loop), answers
// /slow in 0.3 s and /hook at once, and counts its answers in memory the main thread reads while
// it is blocked.
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../ledger/index.js';
import { fixedClock } from '../shared/index.js';
import { sampleEvent, tempStore } from '../../test/helpers/index.js';
import { addHook, DEFAULT_DELIVERY_POLICY, deliverDue, enqueueNotices, httpSender, sendFailure, type Sender } from './hooks.js';

const RECEIVER = `
const { parentPort, workerData } = require('node:worker_threads');
const answered = new Int32Array(workerData.answered);
const srv = require('node:http').createServer((req, res) => {
  req.resume();
  const answer = () => { res.writeHead(200); res.end('ok', () => Atomics.add(answered, 0, 1)); };
  req.on('end', () => (req.url === '/slow' ? setTimeout(answer, workerData.answerMs) : answer()));
});
srv.listen(0, '127.0.0.1', () => parentPort.postMessage(srv.address().port));
parentPort.on('message', () => srv.close(() => process.exit(0)));
`;

/** How many answers the receiver has written, counted by its thread. */
const answered = new Int32Array(new SharedArrayBuffer(4));
let receiver: Worker;
let base = '';
beforeAll(async () => {
  receiver = new Worker(RECEIVER, { eval: true, workerData: { answerMs: 300, answered: answered.buffer } });
  base = `http://127.0.0.1:${await new Promise<number>((r) => receiver.once('message', r))}`;
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
    const sent = httpSender(`${base}/slow`, { 'content-type': 'application/json' }, '{}', 1000);
    busy(2500);
    await expect(sent).resolves.toEqual({ status: 200 });
  });

  it('a delivery pass beside a blocked loop records the delivery as delivered, not a timeout', async () => {
    const { store, cleanup } = await tempStore();
    try {
      const at = (iso: string) => ({ store, clock: fixedClock(iso), actor: 'tester' });
      await addHook(at('2026-01-01T00:00:00Z'), { url: `${base}/hook` });
      await createEvent(at('2026-01-02T00:00:00Z'), sampleEvent({ id: 'slow-cycle', status: 'draft' }), { actor: 'tester' });
      await enqueueNotices(at('2026-01-02T00:00:01Z'));
      const timeoutMs = 1000;
      // the "cycle" takes the loop the moment the POST is handed to the sending thread and holds it
      // until the receiver has answered and the timeout has passed (bounded at 30 s), so the answer
      // waits behind a loop blocked past the timeout, as behind a cycle's synchronous stretch
      const send: Sender = (...a) => {
        const before = Atomics.load(answered, 0);
        const sent = httpSender(...a);
        const start = Date.now();
        while ((Atomics.load(answered, 0) === before || Date.now() - start <= timeoutMs) && Date.now() - start < 30_000);
        return sent;
      };
      const r = await deliverDue({ ...at('2026-01-02T00:00:02Z'), send }, { ...DEFAULT_DELIVERY_POLICY, timeoutMs });
      expect(r).toMatchObject({ attempted: 1, delivered: 1, retrying: 0 });
      const [d] = await store.watch.listDeliveries({ limit: 1 });
      expect(d).toMatchObject({ status: 'delivered', last_status: 200, last_error: null });
    } finally {
      await cleanup();
    }
  });

  it('a receiver that does not answer in time is still a timeout, read as one', async () => {
    const err = await httpSender(`${base}/slow`, {}, '{}', 50).catch((e: unknown) => e);
    expect(sendFailure(err, 50)).toBe('timeout: no answer within 0.05 s');
  });
});
