/**
 * One contract per operation: for every operation that has both a CLI command and an HTTP
 * route, `splinternet <command> --json` and the route answer the same document for the same
 * input (the text of the op's `worded` keys naming request parameters where the CLI names its
 * flags: `end`, not `--end`), and the op's output schema describes every field of it (nothing published is
 * undeclared). The test walks the operation list: an op bound to HTTP must have samples here
 * or be listed as HTTP-only with the reason. A sample's command may run another op than the
 * route's (`detect` and GET /api/detections, `measurements show` and GET /api/measurements/{id}):
 * the pair still answers one document. Data: `db seed` (the shipped datasets) plus the
 * synthetic OONI network_events fixture (test/fixtures/ooni-throttle-synthetic/SOURCES.md).
 */
import { join } from 'node:path';
import ajv2020 from '@redocly/ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opScope, wordedAnswer } from '../../src/op/index.js';
import { ALL_OPS } from '../../src/server/ops/index.js';
import { httpWording } from '../../src/server/problem.js';
import { packagePath } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { appWithToken, cli, tempDir } from '../helpers/index.js';
import { copySeeded, SEED_WAIT_MS } from '../helpers/seeded.js';

type Input = Record<string, string | number | boolean>;
interface Sample {
  /** The CLI verb(s). */
  cmd: string[];
  /** Input keys given as positional arguments, in order (the rest become --flags). */
  positional?: string[];
  inputs: Input[];
}

const SAMPLES: Record<string, Sample> = {
  'speedtests.summary': { cmd: ['speedtests', 'summary'], inputs: [{}, { cc: 'RU' }, { cc: 'ru', asn: '12389', since: '2021-03-10', until: '2021-03-20' }] },
  'elections.list': { cmd: ['elections', 'list'], inputs: [{}] },
  'elections.summary': {
    cmd: ['elections', 'summary'],
    positional: ['id'],
    inputs: [{ id: 'duma-2021' }, { id: 'duma-2021', region: 'Moscow', by: 'district' }],
  },
  'elections.rejects': { cmd: ['elections', 'rejects'], positional: ['id'], inputs: [{ id: 'duma-2021' }, { id: 'duma-2021', limit: 3 }] },
  'elections.electronic': { cmd: ['elections', 'electronic'], positional: ['id'], inputs: [{ id: 'duma-2021', region: 'RU-MOW' }] },
  'events.list': {
    cmd: ['events', 'list'],
    inputs: [{}, { country: 'ru', category: 'block', limit: 5 }, { country: 'CN', from: '2009', to: '2014', include_retracted: true }, { q: 'telegram' }],
  },
  // With measurement evidence (the seed links a measurement query to the Telegram block), and without.
  'events.show': {
    cmd: ['events', 'show'],
    positional: ['id'],
    inputs: [{ id: 'ru-2018-telegram-block' }, { id: 'cn-2009-xinjiang-shutdown' }, { id: 'cn-2010-google-exit' }],
  },
  'events.history': { cmd: ['events', 'history'], positional: ['id'], inputs: [{ id: 'ru-2018-telegram-block' }] },
  'indicators.list': { cmd: ['indicators', 'list'], inputs: [{}, { country: 'cn' }, { id: 'agora-criminal-cases-online-ru' }] },
  'signals.list': { cmd: ['signals', 'list'], inputs: [{}, { cc: 'IR' }, { asn: 'AS44244', source: 'darknet' }] },
  'signals.points': {
    cmd: ['signals', 'points'],
    inputs: [
      { asn: '44244', since: '2019-11-16T14:00:00Z', until: '2019-11-16T15:00:00Z' },
      { cc: 'ir', source: 'active_probing', limit: 5 },
    ],
  },
  'registry.summary': { cmd: ['registry', 'summary'], inputs: [{}, { snapshot: '2018-05-05', top: 3 }] },
  'registry.asns': { cmd: ['registry', 'asns'], inputs: [{}, { top: 5 }] },
  'registry.decision': { cmd: ['registry', 'decision'], positional: ['number'], inputs: [{ number: '2-1779/2018' }] },
  'registry.lookup': { cmd: ['registry', 'lookup'], positional: ['q'], inputs: [{ q: '149.154.167.99' }, { q: 'telegram.org' }] },
  'cost.estimate': {
    cmd: ['cost'],
    inputs: [
      { country: 'RU', type: 'full', hours: 24 },
      { country: 'ru', type: 'platform', platform: 'Telegram', start: '2021-03-01', end: '2021-03-02', currency: 'USD' },
    ],
  },
  'cost.regions': { cmd: ['cost', 'regions'], inputs: [{ country: 'RU', type: 'mobile', hours: 6 }] },
  'cost.event': {
    cmd: ['cost', 'event'],
    positional: ['id'],
    inputs: [{ id: 'cn-2009-xinjiang-shutdown' }, { id: 'ru-2018-telegram-block', end: '2020-06-18' }],
  },
  'cost.events': {
    cmd: ['cost', 'events'],
    inputs: [
      { country: 'CN', end: '2026-11-26' },
      { country: 'RU', category: 'block' },
    ],
  },
  'cost.compare': { cmd: ['cost', 'compare'], positional: ['source'], inputs: [{ source: 'top10vpn', country: 'IN' }] },
  'cost.methods': { cmd: ['cost', 'methods'], inputs: [{}] },
  'measurements.summary': { cmd: ['measurements', 'summary'], inputs: [{}, { cc: 'ru', grain: 'hour' }, { asn: 'AS12389', test_name: 'telegram' }] },
  'measurements.list': { cmd: ['measurements', 'list'], inputs: [{}, { cc: 'RU', status: 'blocked', limit: 3 }] },
  'measurements.networks': { cmd: ['measurements', 'networks'], inputs: [{}, { cc: 'RU' }] },
  'measurements.rules': { cmd: ['measurements', 'rules'], inputs: [{}] },
  'watch.status': { cmd: ['watch-status'], inputs: [{}] },
  'watch.new': { cmd: ['watch-new'], inputs: [{}, { since: '2020-01-01T00:00:00Z', limit: 3 }] },
  'throughput.summary': { cmd: ['throughput', 'summary'], inputs: [{}, { cc: 'RU', since: '2021-03' }, { cc: 'ru', asn: 'AS8359', target: 'abs.twimg.com' }] },
  // Pairs whose CLI command runs another op than the route: the same document all the same.
  // `detect` runs detect.run (it may --emit drafts); without --emit it answers as GET /api/detections.
  'detections.list': { cmd: ['detect'], inputs: [{}, { cc: 'RU', kind: 'throttling' }, { cc: 'ru', asn: 'AS8359', since: '2021-03', until: '2021-03-31' }] },
  // a real OONI measurement of the seed (data/ooni/measurements), its raw line read back on both paths
  'measurements.get': { cmd: ['measurements', 'show'], positional: ['id'], inputs: [{ id: '20250527233108_ID_webconnectivity_a9b1265179e6774e' }] },
};

/** Bound to HTTP with no CLI twin, and why. */
const HTTP_ONLY: Record<string, string> = {
  'events.counts': "the dashboard's per-country counts; the CLI lists events instead",
  'elections.fingerprints':
    "the dashboard's bundle of the figures `elections integers` and `elections shpilkin` give one by one (plus the histograms and heat map it draws)",
};

const t = tempDir();
const db = join(t.dir, 'parity.duckdb');

beforeAll(async () => {
  await copySeeded(db);
  // Throughput pairs need whole sessions: the synthetic network_events fixture has them.
  const i = await cli(['ingest', packagePath('test', 'fixtures', 'ooni-throttle-synthetic'), '--workers', '0', '--json', '--db', db]);
  // exit 3: the fixture's 3 bad network events
  expect(i.code, i.err).toBe(3);
  // Real outage signals (IODA via OONI, CC BY 3.0): the signals ops answer with data.
  const s = await cli([
    'signals',
    'import',
    '--cc',
    'IR',
    join(import.meta.dirname, '../fixtures/outages/ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv'),
    '--json',
    '--db',
    db,
  ]);
  expect(s.code, s.err).toBe(0);
  // Elections: the Moscow 2021 fixture and its single-mandate table (test/fixtures/elections/SOURCES.md).
  const el = await cli([
    'elections',
    'import',
    ...['kobak-2021-moscow.csv.zip', 'meduza-moscow-2021-single-mandate.tsv'].map((f) => packagePath('test', 'fixtures', 'elections', f)),
    '--json',
    '--db',
    db,
  ]);
  expect(el.code, el.err).toBe(0);
}, SEED_WAIT_MS + 300_000); // the seeded copy may wait for the run's seeding; the imports take seconds alone, minutes on a loaded machine
afterAll(() => t.cleanup());

const argv = (s: Sample, input: Input): string[] => {
  const pos = s.positional ?? [];
  const flags = Object.entries(input)
    .filter(([k]) => !pos.includes(k))
    .flatMap(([k, v]) => {
      const flag = `--${k.replace(/_/g, '-')}`;
      return v === true ? [flag] : v === false ? [] : [flag, String(v)];
    });
  return [...s.cmd, ...pos.map((k) => String(input[k])), ...flags, '--json', '--db', db];
};

const url = (path: string, input: Input): string => {
  const rest = { ...input };
  const p = path.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = String(rest[k]);
    delete rest[k];
    return encodeURIComponent(v);
  });
  const q = new URLSearchParams(Object.entries(rest).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return q ? `${p}?${q}` : p;
};

/** A validator per path for the 200 JSON answer /openapi.json describes (JSON Schema 2020-12, its components resolved). */
async function documentSchemas(app: { request: (url: string) => Response | Promise<Response> }) {
  const doc = (await (await app.request('/openapi.json')).json()) as {
    paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> } }>;
    components: unknown;
  };
  const ajv = new ajv2020.default({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'openapi', components: doc.components });
  return (path: string) => {
    const schema = doc.paths[path]?.get?.responses['200']?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`/openapi.json describes no JSON answer for GET ${path}`);
    return ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')) as object);
  };
}

describe('every operation with a CLI command and an HTTP route', () => {
  it('has samples here, or is HTTP-only for a stated reason', () => {
    const bound = ALL_OPS.filter((o) => o.http && o.http.method === 'get').map((o) => o.name);
    expect(bound.filter((n) => !(n in SAMPLES) && !(n in HTTP_ONLY))).toEqual([]);
    expect(Object.keys(SAMPLES).filter((n) => !bound.includes(n))).toEqual([]);
  });

  it('answers the same document on both, all of it declared in the output schema', async () => {
    const cliDocs = new Map<string, unknown>();
    for (const [name, s] of Object.entries(SAMPLES)) {
      for (const input of s.inputs) {
        const r = await cli(argv(s, input));
        // 3: a partial answer (events that could not be priced), the same document as HTTP's 200.
        expect([0, 3], `${name} ${JSON.stringify(input)}: ${r.err}`).toContain(r.code);
        cliDocs.set(`${name} ${JSON.stringify(input)}`, JSON.parse(r.out));
      }
    }
    const store = await openStore(db);
    try {
      const { app, token } = await appWithToken(store, db);
      const published = await documentSchemas(app);
      for (const [name, s] of Object.entries(SAMPLES)) {
        const op = ALL_OPS.find((o) => o.name === name)!;
        const described = published(op.http!.path);
        for (const input of s.inputs) {
          const key = `${name} ${JSON.stringify(input)}`;
          // an op that needs a scope (a reject listing) is asked with a token, as a client must
          const res = await app.request(url(op.http!.path, input), opScope(op) ? { headers: { authorization: `Bearer ${token}` } } : {});
          expect(res.status, key).toBe(200);
          const doc = await res.json();
          expect(doc, key).toEqual(wordedAnswer(cliDocs.get(key), op.worded, httpWording));
          const items = (doc as { items?: unknown[] }).items;
          if (items && Object.keys(input).length === 0) expect(items.length, `${key}: the sample data gives rows`).toBeGreaterThan(0);
          if (key.includes('ru-2018-telegram-block') && name === 'events.show') expect(doc, key).toHaveProperty('measurement_evidence');
          expect(op.output.parse(doc), `${key}: fields missing from the output schema`).toEqual(doc);
          // and what /openapi.json promises (the JSON Schema clients and the dashboard's types are made from)
          expect(described(doc) ? [] : described.errors, `${key}: not what /openapi.json describes`).toEqual([]);
        }
      }
    } finally {
      await store.close();
    }
  });

  it('pages alike: the next_cursor of one page gives the same next page on both', async () => {
    const store = await openStore(db);
    try {
      const { app } = await appWithToken(store, db);
      for (const [name, input] of [
        ['events.list', { country: 'RU', limit: 4 }],
        ['measurements.list', { limit: 3 }],
      ] as const) {
        const s = SAMPLES[name]!;
        const path = ALL_OPS.find((o) => o.name === name)!.http!.path;
        let cursor: string | null = null;
        for (let page = 0; page < 3; page++) {
          const paged: Input = cursor ? { ...input, cursor } : { ...input };
          const viaHttp = (await (await app.request(url(path, paged))).json()) as { items: { id: string }[]; next_cursor: string | null };
          const r = await cli(argv(s, paged));
          expect(r.code, r.err).toBe(0);
          expect(JSON.parse(r.out), `${name} page ${page}`).toEqual(viaHttp);
          expect(viaHttp.items.length, `${name} page ${page}`).toBe(input.limit);
          cursor = viaHttp.next_cursor;
          expect(cursor, `${name} page ${page}`).toBeTruthy();
        }
      }
    } finally {
      await store.close();
    }
  });
});
