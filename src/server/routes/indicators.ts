/** GET /api/indicators: published series with per-value sources. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { listIndicators } from '../../ledger/index.js';
import type { AppDeps } from '../deps.js';
import { json, newRouter, problem } from '../openapi.js';

const IndicatorList = z.object({ items: z.array(z.record(z.string(), z.unknown())), next_cursor: z.null() }).openapi('IndicatorList');

export function indicatorRoutes(deps: AppDeps) {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/indicators',
      tags: ['ledger'],
      summary: 'Indicator series (values that disagree across sources are all kept and flagged `disputed`)',
      request: { query: z.object({ country: z.string().regex(/^[A-Za-z]{2}$/).optional(), id: z.string().optional() }) },
      responses: { 200: json(IndicatorList, 'Series with values'), 404: problem('No such series') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listIndicators(deps, { country: q.country?.toUpperCase(), id: q.id }), 200);
    },
  );
  return r;
}
