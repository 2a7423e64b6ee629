/**
 * The HTTP examples of README.md and docs/ as a reader sends them: every example with each value
 * filled in (not a list of the names a route takes) gets its answer from the seeded ledger, and
 * those the docs show being refused are refused. (That each name an example sends is one its
 * route takes is checked without a ledger in src/server/unknown-params.test.ts.)
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { docExamples, isConcrete } from '../helpers/doc-examples.js';
import { clock, tempDir } from '../helpers/index.js';
import { copySeeded, SEED_WAIT_MS } from '../helpers/seeded.js';

const t = tempDir('splinternet-doc-examples-');
const db = join(t.dir, 'seeded.duckdb');
let store: Store;

beforeAll(async () => {
  await copySeeded(db);
  store = await openStore(db);
}, SEED_WAIT_MS);
afterAll(async () => {
  await store.close();
  t.cleanup();
});

/** The examples the docs show being refused, each with the start of the refusal they show. */
const REFUSED: Record<string, string> = {
  '/api/events?contry=RU': 'unknown query parameter "contry" (did you mean country?)',
  '/api/detections?bust=N': 'unknown query parameter "bust"',
  '/api/events?country=UK': 'invalid input for events.list: country: unknown ISO 3166-1 alpha-2 country code "UK"; did you mean GB',
  '/api/measurements/export.csv?since=2022&until=2020': 'invalid input for measurements.export: until: "2020" ends before since "2022" begins',
  '/api/registry/summary?top=abc': 'invalid input for registry.summary: top: must be a whole number',
  '/api/cost?country=RU&type=full&hours=abc': 'invalid input for cost.estimate: hours: "abc" is not a number',
  '/api/cost/events?draws=10000': 'this request prices ',
  '/api/cost/compare?draws=10000': 'this request prices ',
  '/api/events?cursor=C': 'cursor: not a next_cursor value from a previous page',
  // every invalid field at once (docs/design/095): the schema's faults and the checks of meaning together
  '/api/cost?country=RU&type=full': 'invalid input for cost.estimate: hours: give the duration',
  '/api/events?from=2021&to=2020&limit=0':
    'invalid input for events.list: limit: must be a whole number from 1 to 1000, got 0; to: "2020" ends before from "2021" begins',
  '/api/detections?since=2021-02-30&kind=outage&input=speedtests':
    'invalid input for detections.list: since: "2021-02-30" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] (or T for the space; UTC) or an ISO date-time with offset; input: input "speedtests" is not an input of kind outage',
};

describe('the HTTP examples in README.md and docs/, on the seeded ledger', () => {
  it('each whole example answers, each example of a refusal is refused as shown', async () => {
    const examples = [...docExamples()].filter(([url]) => isConcrete(url) && !url.startsWith('/api/_uploads/'));
    // Not a vacuous pass: there were 16 when this was written.
    expect(examples.length).toBeGreaterThan(12);
    const wrong: string[] = [];
    const app = createApp({ store, clock, dbPath: db });
    for (const [url, where] of examples) {
      const res = await app.request(url);
      const detail = res.status >= 400 ? ((await res.json()) as { detail: string }).detail : (await res.arrayBuffer(), '');
      const refusal = REFUSED[url];
      if (refusal === undefined ? res.status >= 400 : res.status !== 400 || !detail.startsWith(refusal)) wrong.push(`${where} ${url}: ${res.status} ${detail}`);
    }
    expect(wrong).toEqual([]);
    for (const url of Object.keys(REFUSED)) expect([url, examples.some(([u]) => u === url)]).toEqual([url, true]);
  });
});
