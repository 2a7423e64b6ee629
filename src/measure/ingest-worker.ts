/**
 * Worker-thread entry for ingest: compiles the fingerprint matcher once, then processes the
 * files the main thread hands it, posting each batch of rows and waiting for the main thread
 * (the only DuckDB writer) to say how many were new. See ingest.ts for the protocol.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FingerprintMatcher, type Fingerprint } from './fingerprints/index.js';
import type { RuleInputsRecord } from '../store/index.js';
import type { MeasurementRow, Reject } from './model.js';
import { processFile, type FileTask } from './reader/process-file.js';

export type ToWorker = { type: 'file'; task: FileTask } | { type: 'ack'; seq: number; inserted: number };
export type FromWorker =
  | { type: 'batch'; file_id: string; seq: number; rows: MeasurementRow[]; rejects: Reject[]; bytes: number; inputs: RuleInputsRecord[] }
  | { type: 'done'; file_id: string; result: Awaited<ReturnType<typeof processFile>> }
  | { type: 'error'; file_id: string; message: string };

const port = parentPort!;
const matcher = new FingerprintMatcher((workerData as { fingerprints: Fingerprint[] }).fingerprints);
const waiting = new Map<number, (n: number) => void>();
let seq = 0;
const post = (m: FromWorker) => port.postMessage(m);

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'ack') {
    waiting.get(msg.seq)?.(msg.inserted);
    waiting.delete(msg.seq);
    return;
  }
  processFile(msg.task, matcher, {
    batch: (rows, rejects, bytes, inputs) =>
      new Promise<number>((resolve) => {
        const s = ++seq;
        waiting.set(s, resolve);
        post({ type: 'batch', file_id: msg.task.file_id, seq: s, rows, rejects, bytes, inputs });
      }),
  }).then(
    (result) => post({ type: 'done', file_id: msg.task.file_id, result }),
    (e: unknown) => post({ type: 'error', file_id: msg.task.file_id, message: e instanceof Error ? e.message : String(e) }),
  );
});
