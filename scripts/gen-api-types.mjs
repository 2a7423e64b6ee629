#!/usr/bin/env node
// npm run gen:api-types: write web/src/api-types.ts from the built server's /openapi.json.
import { writeFileSync } from 'node:fs';
import { API_TYPES_PATH, renderApiTypes } from './api-types-render.mjs';

const dist = (p) => new URL(`../dist/src/${p}`, import.meta.url).href;
const { createApp } = await import(dist('server/app.js'));
const { openStore } = await import(dist('store/index.js'));
const store = await openStore(':memory:');
try {
  const app = createApp({ store, clock: { now: () => new Date() }, dbPath: ':memory:' });
  const doc = await (await app.request('/openapi.json')).json();
  const text = await renderApiTypes(doc);
  writeFileSync(new URL(`../${API_TYPES_PATH}`, import.meta.url), text);
  console.log(`wrote ${API_TYPES_PATH} (${text.length} bytes, ${Object.keys(doc.paths).length} paths)`);
} finally {
  await store.close();
}
