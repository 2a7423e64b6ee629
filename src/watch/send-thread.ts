/**
 * Webhook POSTs sent from a thread of their own. A watch cycle judges hundreds of thousands of
 * signal points in synchronous stretches; a send made on the same event loop had its timeout timer
 * and the receiver's answer both waiting behind that work, and Node runs due timers before it
 * reads sockets, so a receiver that answered in 2 s was recorded as a 10 s timeout. Here the
 * request, its timeout and the reading of the answer run on a worker's event loop, which nothing
 * else uses: the timeout measures the receiver, never our own stalls.
 *
 * Guarantees: `threadSender` has the Sender contract of a plain fetch (status, or a thrown error
 * whose name, message and causes `sendFailure` reads); the worker starts at the first send, keeps
 * the process alive only while a send is in flight, and a dead worker fails its sends and is
 * replaced at the next one.
 */
import { Worker } from 'node:worker_threads';
import type { Sender } from './hooks.js';

/**
 * The worker's code: fetch with a timeout (counted from when the request is under way; a timeout
 * rejects as AbortSignal.timeout does, a TimeoutError), redirects not followed, the error's causes
 * kept as plain data.
 */
const THREAD_CODE = `
const { parentPort } = require('node:worker_threads');
const plain = (e, depth) => {
  if (!e || typeof e !== 'object' || depth > 4) return e === undefined ? undefined : { message: String(e) };
  return {
    name: e.name, message: e.message, code: e.code,
    errors: Array.isArray(e.errors) ? e.errors.map((x) => ({ message: x && x.message })) : undefined,
    cause: e.cause === undefined ? undefined : plain(e.cause, depth + 1),
  };
};
parentPort.on('message', async (m) => {
  const abort = new AbortController();
  let timer;
  try {
    const sent = fetch(m.url, { method: 'POST', headers: m.headers, body: m.body, redirect: 'manual', signal: abort.signal });
    // armed once fetch has the request: the thread's first fetch loads its HTTP client inside that
    // call, and that load is this process's time, not the receiver's
    timer = setTimeout(() => abort.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), m.timeoutMs);
    const res = await sent;
    await (res.body ? res.body.cancel().catch(() => undefined) : undefined);
    parentPort.postMessage({ id: m.id, status: res.status });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: plain(e, 0) });
  } finally {
    clearTimeout(timer);
  }
});
`;

interface PlainError {
  name?: string;
  message?: string;
  code?: string;
  errors?: { message?: string }[];
  cause?: PlainError;
}

/** An Error carrying the worker's error fields (name, message, code, errors, cause chain). */
function revive(p: PlainError): Error {
  const e = new Error(p.message ?? 'send failed', p.cause ? { cause: revive(p.cause) } : undefined) as Error & { code?: string; errors?: unknown[] };
  if (p.name) e.name = p.name;
  if (p.code) e.code = p.code;
  if (p.errors) e.errors = p.errors.map((x) => new Error(x.message ?? ''));
  return e;
}

type Pending = { resolve: (r: { status: number }) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(e: Error): void {
  for (const p of pending.values()) p.reject(e);
  pending.clear();
}

function thread(): Worker {
  if (worker) return worker;
  const w = new Worker(THREAD_CODE, { eval: true });
  w.on('message', (m: { id: number; status?: number; error?: PlainError }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (!pending.size) w.unref();
    if (m.error) p.reject(revive(m.error));
    else p.resolve({ status: m.status ?? 0 });
  });
  const gone = (e: Error) => {
    if (worker === w) worker = null;
    failAll(e);
  };
  w.on('error', gone);
  w.on('exit', (code) => gone(new Error(`the sending thread exited (code ${code})`)));
  w.unref();
  worker = w;
  return w;
}

/** The default Sender: a POST from the sending thread, judged there against `timeoutMs`. */
export const threadSender: Sender = (url, headers, body, timeoutMs) =>
  new Promise((resolve, reject) => {
    const w = thread();
    const id = ++nextId;
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, url, headers, body, timeoutMs });
  });
