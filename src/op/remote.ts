/**
 * The wire between a CLI command and the server that holds the database: POST
 * /api/_ops/:name answers NDJSON, progress events as they happen, then one
 * {"type":"result"} or {"type":"error","problem":{...}} line. Both ends live here so the format
 * is written once: the server encodes with opStreamLine, the CLI decodes with remoteOp.
 * See docs/design/001-store-concurrency.md.
 */
import { AppError, type ErrorCode, type ProgressReporter } from '../shared/index.js';

/** The problem+json fields the client reads back into an AppError; every other member is the error's details. */
export interface WireProblem {
  code?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
  [member: string]: unknown;
}

/** The members problem+json itself defines (server/problem.ts); the rest are the AppError's details. */
const PROBLEM_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'code', 'instance', 'errors']);

export type WireLine =
  | { type: 'progress'; phase: 'start' | 'update' | 'stop'; label?: string; total?: number; unit?: string; done?: number; counters?: Record<string, number> }
  | { type: 'result'; result: unknown }
  | { type: 'error'; problem: WireProblem };

export const opStreamLine = (line: WireLine | Record<string, unknown>): string => JSON.stringify(line) + '\n';

/** POST the op to the server and relay its NDJSON stream: progress events, then the result. */
export async function remoteOp(baseUrl: string, secret: string, name: string, input: unknown, progress: ProgressReporter): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/api/_ops/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch (e) {
    throw new AppError('UNAVAILABLE', `the server at ${baseUrl} holds the database but did not answer: ${(e as Error).message}`, {
      cause: e,
      details: { unreachable: true },
    });
  }
  if (!res.ok || !res.body) {
    const p = (await res.json().catch(() => ({}))) as WireProblem;
    throw problemToError(p, `server answered ${res.status}`);
  }
  try {
    return await relay(res.body, progress);
  } catch (e) {
    if (e instanceof AppError || e instanceof SyntaxError) throw e;
    // the connection dropped mid-answer (the server was stopped or killed)
    throw new AppError(
      'UNAVAILABLE',
      `the server at ${baseUrl} stopped answering while it ran ${name} (${(e as Error).message}); each of its writes is whole or absent, and an import run again completes what is missing`,
      { cause: e },
    );
  }
}

/** Read the NDJSON stream: relay progress, return the result, throw the error it reports. */
async function relay(body: AsyncIterable<Uint8Array>, progress: ProgressReporter): Promise<unknown> {
  const decoder = new TextDecoder();
  let buf = '';
  for await (const chunk of body) {
    buf += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line.trim()) continue;
      const msg = JSON.parse(line) as WireLine;
      if (msg.type === 'progress') {
        if (msg.phase === 'start') progress.start(msg.label ?? '', msg.total, msg.unit);
        else if (msg.phase === 'update') progress.update(msg.done ?? 0, msg.counters);
        else progress.stop();
      } else if (msg.type === 'result') return msg.result;
      else if (msg.type === 'error') throw problemToError(msg.problem ?? {}, 'the server reported an error');
    }
  }
  throw new AppError('UNAVAILABLE', 'the server closed the stream before sending a result');
}

/** The AppError the server threw, as the CLI would have caught it in-process: code, message, issues and details. */
function problemToError(p: WireProblem, fallback: string): AppError {
  return new AppError((p.code as ErrorCode | undefined) ?? 'INTERNAL', p.detail ?? fallback, {
    issues: (p.errors ?? []).map((e) => ({ path: e.path.split('.'), message: e.message })),
    details: Object.fromEntries(Object.entries(p).filter(([k]) => !PROBLEM_MEMBERS.has(k))),
  });
}
