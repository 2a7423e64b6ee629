/**
 * web/src/api-types.ts is generated from the server's /openapi.json (`npm run gen:api-types`):
 * this fails when the committed file no longer matches what the server publishes, so the
 * dashboard cannot compile against response shapes the API has stopped sending.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module shared with scripts/gen-api-types.mjs (no declarations)
import { API_TYPES_PATH, renderApiTypes } from '../../scripts/api-types-render.mjs';
import { createApp } from '../../src/server/app.js';
import { packagePath, systemClock } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';

describe('web/src/api-types.ts', () => {
  it('is what openapi-typescript makes of /openapi.json today (else: npm run gen:api-types)', async () => {
    const store = await openStore(':memory:');
    try {
      const doc: unknown = await (await createApp({ store, clock: systemClock, dbPath: ':memory:' }).request('/openapi.json')).json();
      const text = (await renderApiTypes(doc)) as string;
      const committed = readFileSync(packagePath(...(API_TYPES_PATH as string).split('/')), 'utf8');
      expect(committed === text, `${API_TYPES_PATH} is stale: run npm run gen:api-types and commit it`).toBe(true);
    } finally {
      await store.close();
    }
  });
});
