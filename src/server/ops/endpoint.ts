/**
 * POST /api/_ops/:name: how CLI commands reach the database while this server holds it.
 * The response is NDJSON: progress events as they happen, then one {"type":"result"} or
 * {"type":"error","problem":{...}} line. Every call needs the local secret or an API token
 * whose scopes cover the op (checked by auth.ts apiGuard, and by executeOp with the input).
 */
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { eventProgress, isAppError } from '../../shared/index.js';
import type { AppDeps, Env } from '../deps.js';
import { authorizeOp, executeOp, opStreamLine, parseInput } from '../../op/index.js';
import { findOp } from './index.js';
import { toProblem } from '../problem.js';
import { refuseUnknownParams } from '../unknown-params.js';
import { jsonBody } from '../validate.js';
import { assertCostWork, assertLedgerWork, limitsOf } from '../limits.js';

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
    c.header('content-type', 'application/x-ndjson');
    return stream(c, async (s) => {
      const write = (obj: Parameters<typeof opStreamLine>[0]) => s.write(opStreamLine(obj));
      let chain = Promise.resolve();
      const progress = eventProgress((e) => {
        chain = chain.then(() => write(e).then(() => undefined));
      });
      try {
        // An API token meets the work budget it meets on the mounted routes; the local CLI's secret (the machine's user) none.
        const local = grant.files === 'any';
        const budget = local ? undefined : (work: number, maxDraws: number) => assertCostWork(limits, true, work, maxDraws);
        const ledgerBudget = local ? undefined : (scenarios: number, draws: number) => assertLedgerWork(limits, true, scenarios, draws);
        const result = await executeOp(
          { store: deps.store, clock: deps.clock, progress, actor: grant.actor, grant, dbPath: deps.dbPath, budget, ledgerBudget },
          op,
          input,
        );
        await chain;
        await write({ type: 'result', result });
      } catch (e) {
        await chain;
        // an error no AppError names is a fault of the server: logged here as problemResponse logs it
        if (!isAppError(e)) console.error(e);
        await write({ type: 'error', problem: toProblem(e) });
      }
    });
  });
  return r;
}
