/** GET /api/stats/events: event counts by country, category and start year (the list's filters). */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { countEvents } from '../../ledger/index.js';
import type { AppDeps } from '../deps.js';
import { json, newRouter, problem } from '../openapi.js';
import { EventQuerySchema, toListFilters } from './events.js';

const Counts = z
  .object({
    items: z.array(z.object({ country: z.string(), category: z.string(), year: z.number(), count: z.number() })),
    technical_categories: z.array(z.string()),
    next_cursor: z.null(),
  })
  .openapi('EventCounts');

export function statsRoutes(deps: AppDeps) {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/stats/events',
      tags: ['ledger'],
      summary: 'Event counts per country, category and start year (an event in two countries counts once in each)',
      request: { query: EventQuerySchema.omit({ cursor: true, limit: true }) },
      responses: { 200: json(Counts, 'Counts'), 400: problem('Bad filter') },
    }),
    async (c) => c.json(await countEvents(deps, toListFilters(c.req.valid('query'))), 200),
  );
  return r;
}
