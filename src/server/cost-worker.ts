/**
 * The worker thread behind the cost pool (cost-pool.ts): prices one job at a time with the same
 * pure function the calling thread uses (runPriceJob), from economic data the pool sends once
 * per dataset and this thread keeps (the pool mirrors which ones, see Remembered).
 */
import { parentPort } from 'node:worker_threads';
import { fromRows, runPriceJob } from '../cost/index.js';
import { isAppError } from '../shared/index.js';
import { READY, Remembered, type JobMessage, type ReplyMessage } from './cost-protocol.js';

type CountryData = ReturnType<typeof fromRows>;
const datasets = new Remembered<CountryData>();

parentPort?.on('message', (m: JobMessage) => {
  let reply: ReplyMessage;
  try {
    const data = m.data.map((d) => {
      if (d.rows) datasets.remember(d.key, fromRows(d.rows));
      const hit = datasets.get(d.key);
      if (!hit) throw new Error(`dataset ${d.key} was not sent to this worker`);
      return hit;
    });
    reply = { id: m.id, ok: true, result: runPriceJob(m.input, data) };
  } catch (e) {
    reply = isAppError(e)
      ? { id: m.id, ok: false, error: { code: e.code, message: e.message, issues: e.issues, details: e.details } }
      : { id: m.id, ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e), issues: [], details: {} } };
  }
  parentPort!.postMessage(reply);
});
parentPort?.postMessage(READY);
