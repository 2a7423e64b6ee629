/**
 * POST /api/_ops/:name: how CLI commands reach the database while this server holds it.
 * The response is NDJSON: progress events as they happen, then one {"type":"result"} or
 * {"type":"error","problem":{...}} line. Every call needs the local secret or an API token
 * whose scopes cover the op (checked by auth.ts apiGuard, and by executeOp with the input).
 *
 * The status line waits for the op's first progress event or its end: an op that fails before
 * it reported anything (bad input, an unknown id) answers with the problem's own status as
 * problem+json, never a 200 carrying it. Only an op that reports nothing for HEADER_WAIT_MS
 * starts its 200 stream without a progress line, so a client's wait for headers stays short.
 */
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { eventProgress, isAppError, type ProgressEvent } from '../../shared/index.js';
import type { AppDeps, Env } from '../deps.js';
import { authorizeOp, executeOp, opStreamLine, parseInput } from '../../op/index.js';
import { findOp } from './index.js';
import { cliWire, httpWording, problemResponse, toProblem } from '../problem.js';
import { refuseUnknownParams } from '../unknown-params.js';
import { jsonBody } from '../validate.js';
import { assertCostWork, assertLedgerWork, limitsOf } from '../limits.js';

/** How long an op that reports no progress may hold the status line back. */
export const HEADER_WAIT_MS = 10_000;

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Run `work` until it either ends (`settled`) or reports its first progress event or passes
 * `waitMs` (`streaming`): the caller then attaches a sink, which receives the events reported
 * so far in order and every later one, and awaits `outcome`.
 */
export async function deferUntilProgress<T>(
  work: (sink: (e: ProgressEvent) => void) => Promise<T>,
  waitMs: number,
): Promise<{ settled: Outcome<T> } | { streaming: { attach: (sink: (e: ProgressEvent) => void) => void; outcome: Promise<Outcome<T>> } }> {
  const early: ProgressEvent[] = [];
  let sink: ((e: ProgressEvent) => void) | null = null;
  let begin!: () => void;
  const begun = new Promise<'stream'>((r) => (begin = () => r('stream')));
  const timer = setTimeout(begin, waitMs);
  const outcome: Promise<Outcome<T>> = work((e) => {
    if (sink) return sink(e);
    early.push(e);
    begin();
  }).then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
  const first = await Promise.race([outcome, begun]);
  clearTimeout(timer);
  if (first !== 'stream') return { settled: first };
  return {
    streaming: {
      attach: (s) => {
        for (const e of early.splice(0)) s(e);
        sink = s;
      },
      outcome,
    },
  };
}

export function opsRoutes(deps: AppDeps) {
  const r = new Hono<Env>();
  const limits = limitsOf(deps.limits);
  r.post('/api/_ops/:name', async (c) => {
    const op = findOp(c.req.param('name'));
    const grant = c.get('grant');
    // The input is the body; a query parameter here would be ignored, so it is refused.
    refuseUnknownParams(c.req.url, [], op.name);
    // A field the op's input schema does not declare is refused, not dropped (validate.ts).
    const input = await jsonBody(c, { schema: op.input, what: op.name });
    // Refused file access is a 403 before the stream starts (executeOp checks again).
    authorizeOp(grant, op, parseInput(op, input));
    // An API token meets the work budget it meets on the mounted routes; the local CLI's secret (the machine's user) none.
    const local = grant.files === 'any';
    const budget = local ? undefined : (work: number, maxDraws: number) => assertCostWork(limits, true, work, maxDraws);
    const ledgerBudget = local
      ? undefined
      : (scenarios: number, draws: number, unit?: 'events' | 'yearly pieces') => assertLedgerWork(limits, true, scenarios, draws, unit);
    const started = await deferUntilProgress(
      (sink) =>
        executeOp(
          // the CLI's own wire keeps the flags in answers, as in its messages (problem.ts)
          {
            store: deps.store,
            clock: deps.clock,
            progress: eventProgress(sink),
            actor: grant.actor,
            grant,
            dbPath: deps.dbPath,
            origin: deps.origin?.(),
            budget,
            ledgerBudget,
            wording: cliWire(c) ? undefined : httpWording,
          },
          op,
          input,
        ),
      HEADER_WAIT_MS,
    );
    if ('settled' in started && !started.settled.ok) return problemResponse(c, started.settled.error);
    c.header('content-type', 'application/x-ndjson');
    return stream(c, async (s) => {
      const write = (obj: Parameters<typeof opStreamLine>[0]) => s.write(opStreamLine(obj));
      let outcome: Outcome<unknown>;
      if ('settled' in started) outcome = started.settled;
      else {
        let chain = Promise.resolve();
        started.streaming.attach((e) => {
          chain = chain.then(() => write(e).then(() => undefined));
        });
        outcome = await started.streaming.outcome;
        await chain;
      }
      if (outcome.ok) return void (await write({ type: 'result', result: outcome.value }));
      // an error no AppError names is a fault of the server: logged here as problemResponse logs it
      if (!isAppError(outcome.error)) console.error(outcome.error);
      await write({ type: 'error', problem: toProblem(outcome.error, undefined, cliWire(c)) });
    });
  });
  return r;
}
