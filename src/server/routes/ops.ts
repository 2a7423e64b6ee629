/**
 * POST /api/_ops/:name: how CLI commands reach the database while this server holds it.
 * The response is NDJSON: progress events as they happen, then one {"type":"result"} or
 * {"type":"error","problem":{...}} line. Reads need no token; writes need the local secret
 * or an API token.
 */
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { eventProgress } from '../../shared/index.js';
import { requireWriter } from '../auth.js';
import type { AppDeps, Env } from '../deps.js';
import { executeOp, opStreamLine } from '../../op/index.js';
import { findOp } from '../ops/index.js';
import { toProblem } from '../problem.js';
import { jsonBody } from '../validate.js';

export function opsRoutes(deps: AppDeps) {
  const r = new Hono<Env>();
  r.post('/api/_ops/:name', async (c) => {
    const op = findOp(c.req.param('name'));
    const actor = op.write ? await requireWriter(c, deps, true) : 'anonymous';
    const input = await jsonBody(c);
    c.header('content-type', 'application/x-ndjson');
    return stream(c, async (s) => {
      const write = (obj: Parameters<typeof opStreamLine>[0]) => s.write(opStreamLine(obj));
      let chain = Promise.resolve();
      const progress = eventProgress((e) => {
        chain = chain.then(() => write(e).then(() => undefined));
      });
      try {
        const result = await executeOp({ store: deps.store, clock: deps.clock, progress, actor, dbPath: deps.dbPath }, op, input);
        await chain;
        await write({ type: 'result', result });
      } catch (e) {
        await chain;
        await write({ type: 'error', problem: toProblem(e) });
      }
    });
  });
  return r;
}
