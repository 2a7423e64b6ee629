/**
 * One answer for every bad input, whichever way it arrives. The test walks the operation list:
 * every op whose input has a country, ASN, date, range, region, page-size or cost-override field is sent bad values
 * through its CLI command (`--json`) and over HTTP (its route, or POST /api/_ops/:name), and
 * both must refuse: exit 2 with the error as JSON on stdout, and 400 problem+json, each naming
 * the field (the same message word for word when the value reached the op's schema). It also
 * holds the country rule (docs/design/095-bad-input.md): an unassigned code is refused
 * everywhere; XK and ZZ are taken only by filters over OONI data. Nothing is seeded: every value
 * here fails validation before an op touches the store.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opScope, type AnyOp } from '../../src/op/index.js';
import { ALL_OPS } from '../../src/server/ops/index.js';
import { httpWording } from '../../src/server/problem.js';
import { parseWhole } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { appWithToken, cli, tempDir } from '../helpers/index.js';

type Value = string | number | boolean;
type Input = Record<string, Value>;
interface Cli {
  cmd: string[];
  /** Input keys given as positional arguments, in order. */
  positional?: string[];
  /** Valid values the command needs besides the bad one. */
  base?: Input;
  /** Options only the CLI takes (a file's --out). */
  cliBase?: Input;
  /** Flags whose name is not the key's (`countries` is --cc). */
  flags?: Record<string, string>;
  /** Keys the command has no option for (the HTTP side is still checked). */
  httpOnlyKeys?: string[];
}

/** A file under --json goes to --out (stdout holds the JSON document); every input here is refused before anything is written. */
const NEVER_WRITTEN = join(tmpdir(), `splinternet-bad-input-${process.pid}-never-written.csv`);

const CLI: Record<string, Cli> = {
  'events.list': { cmd: ['events', 'list'] },
  'events.geocode': { cmd: ['events', 'geocode'], base: { dry_run: true } },
  'events.export': { cmd: ['events', 'export'], base: { format: 'csv' }, cliBase: { out: NEVER_WRITTEN }, httpOnlyKeys: ['status', 'origin'] },
  'indicators.list': { cmd: ['indicators', 'list'] },
  'indicators.export': { cmd: ['indicators', 'export'], base: { format: 'csv' }, cliBase: { out: NEVER_WRITTEN } },
  'speedtests.summary': { cmd: ['speedtests', 'summary'] },
  'throughput.rejects': { cmd: ['throughput', 'rejects'] },
  'throughput.summary': { cmd: ['throughput', 'summary'] },
  'detect.run': { cmd: ['detect'] },
  'measurements.ingest': { cmd: ['ingest'], positional: ['paths'], base: { paths: '/nonexistent/ooni.jsonl' } },
  'measurements.summary': { cmd: ['measurements', 'summary'] },
  'measurements.list': { cmd: ['measurements', 'list'] },
  'measurements.networks': { cmd: ['measurements', 'networks'] },
  'measurements.export': { cmd: ['measurements', 'export'], base: { format: 'csv' }, cliBase: { out: NEVER_WRITTEN } },
  'measurements.rescore': { cmd: ['measurements', 'rescore'] },
  'measurements.agreement': { cmd: ['measurements', 'agreement'] },
  'measurements.files': { cmd: ['measurements', 'files'] },
  'measurements.link': { cmd: ['measurements', 'link'], base: { event_id: 'no-such-event' }, flags: { event_id: '--event' } },
  'cost.estimate': { cmd: ['cost'], base: { type: 'full', hours: 1 } },
  'cost.regions': { cmd: ['cost', 'regions'], base: { type: 'full', hours: 1 } },
  'cost.event': { cmd: ['cost', 'event'], positional: ['id'], base: { id: 'no-such-event' } },
  'cost.events': { cmd: ['cost', 'events'] },
  'cost.compare': { cmd: ['cost', 'compare'], positional: ['source'], base: { source: 'top10vpn' } },
  'registry.summary': { cmd: ['registry', 'summary'] },
  'registry.asns': { cmd: ['registry', 'asns'] },
  'registry.lookup': { cmd: ['registry', 'lookup'], positional: ['q'], base: { q: '149.154.167.99' } },
  'signals.import': { cmd: ['signals', 'import'], positional: ['paths'], base: { paths: '/nonexistent/signals.csv' } },
  'signals.list': { cmd: ['signals', 'list'], httpOnlyKeys: ['since', 'until'] },
  'signals.points': { cmd: ['signals', 'points'] },
  'signals.rejects': { cmd: ['signals', 'rejects'] },
  'elections.rejects': { cmd: ['elections', 'rejects'], positional: ['id'], base: { id: 'duma-2021' } },
  'hooks.add': { cmd: ['hooks', 'add'], positional: ['url'], base: { url: 'http://127.0.0.1:9/hook' }, flags: { countries: '--cc' } },
  'hooks.deliveries': { cmd: ['hooks', 'deliveries'] },
  'watch.new': { cmd: ['watch-new'] },
};
/** Ops with checked inputs and no CLI twin, and why. */
const HTTP_ONLY: Record<string, string> = {
  'events.counts': "the dashboard's per-country counts",
  'detections.list': 'the read-only twin of `detect`',
};
/** Filters over OONI data and what is detected from it: these also take XK and ZZ (probe_cc). */
const OONI_DOMAINS = ['measurements', 'throughput', 'speedtests', 'detect', 'detections', 'signals'];
/** Election regions are the CEC's names ("Moscow"), not ISO 3166-2 codes. */
const NAMED_REGIONS = ['elections.'];

const COUNTRY = ['cc', 'country', 'countries'];
const DATES = ['since', 'until', 'from', 'to', 'started_from'];
const PAGES = ['limit', 'top'];

const shapeOf = (op: AnyOp): Record<string, { safeParse(v: unknown): { success: boolean } }> =>
  (op.input as unknown as { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape;
const isList = (op: AnyOp, key: string) => shapeOf(op)[key]!.safeParse(['RU']).success && !shapeOf(op)[key]!.safeParse('RU').success;
/** An instant-only field (signals, watch.new) takes no bare dates. */
const instantOnly = (op: AnyOp, key: string) => !shapeOf(op)[key]!.safeParse('2021-01-01').success;
const regionChecked = (op: AnyOp) => 'region' in shapeOf(op) && !NAMED_REGIONS.some((p) => op.name.startsWith(p)) && op.name !== 'cost.estimate';

/** The bad inputs for an op, from the kinds of fields its input has. */
function badInputs(op: AnyOp): { input: Input; field: string; value: string }[] {
  const keys = Object.keys(shapeOf(op));
  const out: { input: Input; field: string; value: string }[] = [];
  const ooni = OONI_DOMAINS.includes(op.name.split('.')[0]!);
  for (const k of keys.filter((k) => COUNTRY.includes(k)))
    for (const v of ['UK', 'QQ', 'RUS', 'R1', ...(ooni ? [] : ['ZZ', 'XK'])]) out.push({ input: { [k]: v }, field: k, value: v });
  for (const k of keys.filter((k) => DATES.includes(k))) {
    const vs = instantOnly(op, k) ? ['yesterday', '2021-02-30T00:00:00Z', '2021-03-01'] : ['yesterday', '2021-02-30', '2020-13-01'];
    for (const v of vs) out.push({ input: { [k]: v }, field: k, value: v });
  }
  for (const [a, b] of [
    ['since', 'until'],
    ['from', 'to'],
    ['started_from', 'to'],
  ] as const)
    if (keys.includes(a) && keys.includes(b)) {
      const [x, y] = instantOnly(op, a) ? ['2022-01-01T00:00:00Z', '2020-01-01T00:00:00Z'] : ['2022', '2020-06'];
      out.push({ input: { [a]: x, [b]: y }, field: b, value: y });
    }
  for (const k of keys.filter((k) => PAGES.includes(k)))
    for (const v of ['0', '-1', '1.5', 'abc', '0x10', '100000000', '1e2', ' 5']) out.push({ input: { [k]: v }, field: k, value: v });
  if (regionChecked(op)) out.push({ input: { region: 'XX-YY' }, field: 'region', value: 'XX-YY' });
  // a ledger event's cost overrides: refused even where they would not apply (an ended event's end);
  // the scenario ops' own inputs are parseScenario's, tested in src/cost/scenario.test.ts
  if (['cost.event', 'cost.events', 'cost.compare'].includes(op.name)) {
    if (keys.includes('severity')) for (const v of ['2', '-1', '', '0x1']) out.push({ input: { severity: v }, field: 'severity', value: v });
    if (keys.includes('end')) for (const v of ['yesterday', '2021-02-30']) out.push({ input: { end: v }, field: 'end', value: v });
    if (keys.includes('draws')) for (const v of ['50', 'abc', '0x3e8', 'Infinity']) out.push({ input: { draws: v }, field: 'draws', value: v });
  }
  if (keys.includes('asn')) for (const v of ['ASX', '12389a', 'AS', 'AS9999999999']) out.push({ input: { asn: v }, field: 'asn', value: v });
  return out;
}

const checked = ALL_OPS.filter((op) => shapeOf(op) && badInputs(op).length > 0);

const t = tempDir();
const db = join(t.dir, 'bad-input.duckdb');
beforeAll(async () => {
  const r = await cli(['db', 'migrate', '--json', '--db', db]);
  expect(r.code, r.err).toBe(0);
});
afterAll(() => t.cleanup());

function argv(op: AnyOp, spec: Cli, input: Input): string[] {
  const pos = spec.positional ?? [];
  const all = { ...spec.base, ...spec.cliBase, ...input };
  const flags = Object.entries(all)
    .filter(([k]) => !pos.includes(k))
    .flatMap(([k, v]) => {
      const flag = spec.flags?.[k] ?? `--${k.replace(/_/g, '-')}`;
      return v === true ? [flag] : [flag, String(v)];
    });
  return [...spec.cmd, ...pos.map((k) => String(all[k])), ...flags, '--json', '--db', db];
}

/** The value as HTTP sends it: in a query string as text, in a JSON body typed by the schema. */
function wire(op: AnyOp, input: Input): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input).map(([k, v]) => {
      if (isList(op, k)) return [k, [v]];
      if (PAGES.includes(k) && typeof v === 'string' && parseWhole(v) !== null) return [k, parseWhole(v)];
      if (['hours'].includes(k)) return [k, Number(v)];
      return [k, v];
    }),
  );
}

async function http(app: { request: (url: string, init?: RequestInit) => Response | Promise<Response> }, token: string, op: AnyOp, input: Input) {
  const all = { ...CLI[op.name]?.base, ...input };
  if (op.http?.method === 'get') {
    const rest: Record<string, string> = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, String(v)]));
    const path = op.http.path.replace(/\{(\w+)\}/g, (_, k: string) => {
      const v = rest[k] ?? 'x';
      delete rest[k];
      return encodeURIComponent(v);
    });
    const q = new URLSearchParams(rest).toString();
    // a read that needs a scope (a reject listing) is asked with the token, as a client must
    return app.request(q ? `${path}?${q}` : path, opScope(op) ? { headers: { authorization: `Bearer ${token}` } } : {});
  }
  return app.request(`/api/_ops/${op.name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(wire(op, all)),
  });
}

describe('bad input: the same refusal from the CLI and over HTTP', () => {
  it('every op with such inputs is walked (a CLI twin here, or HTTP-only for a stated reason)', () => {
    expect(checked.map((o) => o.name).filter((n) => !(n in CLI) && !(n in HTTP_ONLY))).toEqual([]);
    expect(Object.keys(CLI).filter((n) => !checked.some((o) => o.name === n))).toEqual([]);
  });

  // (ops that check the country in `run`, the cost scenarios, get ZZ and XK in the walk below)
  it('the country rule: unassigned codes nowhere; XK and ZZ only where the filter applies to OONI data', () => {
    for (const op of checked)
      for (const k of Object.keys(shapeOf(op)).filter((k) => COUNTRY.includes(k) && !shapeOf(op)[k]!.safeParse('QQ').success)) {
        const ooni = OONI_DOMAINS.includes(op.name.split('.')[0]!);
        for (const code of ['ZZ', 'XK', 'zz']) expect(shapeOf(op)[k]!.safeParse(isList(op, k) ? [code] : code).success, `${op.name} ${k}=${code}`).toBe(ooni);
        for (const code of ['AQ', 'gb', 'RU']) expect(shapeOf(op)[k]!.safeParse(isList(op, k) ? [code] : code).success, `${op.name} ${k}=${code}`).toBe(true);
      }
  });

  it('options only the CLI has: a port out of range is a usage error, as JSON with --json (not an internal error)', async () => {
    for (const argv of [
      ['serve', '--port', '99999'],
      ['watch', '--once', '--port', '-1'],
    ]) {
      const r = await cli([...argv, '--json', '--db', db]);
      expect(r.code, r.err).toBe(2);
      expect(JSON.parse(r.out), argv.join(' ')).toMatchObject({ error: { code: 'USAGE', message: expect.stringMatching(/--port must be from 0 to 65535/) } });
    }
  });

  it('refuses each bad value on both paths, naming the field', async () => {
    const store = await openStore(':memory:');
    const { app, token } = await appWithToken(store);
    const seen: string[] = [];
    try {
      for (const op of checked) {
        const spec = CLI[op.name];
        for (const { input, field, value } of badInputs(op)) {
          const key = `${op.name} ${JSON.stringify(input)}`;
          const res = await http(app, token, op, input);
          const problem = (await res.json()) as { detail: string; code: string; errors?: { path: string }[] };
          expect(res.status, `${key}: ${JSON.stringify(problem)}`).toBe(400);
          expect(res.headers.get('content-type'), key).toMatch(/problem\+json/);
          expect(
            problem.errors?.map((e) => e.path.split('.')[0]),
            key,
          ).toContain(field);
          expect(problem.detail, key).toMatch(new RegExp(`${field}|"${value}"`));
          if (!spec || Object.keys(input).some((k) => spec.httpOnlyKeys?.includes(k))) continue;
          const r = await cli(argv(op, spec, input));
          expect(r.code, `${key}: ${r.err}`).toBe(2);
          const { error } = JSON.parse(r.out) as { error: { code: string; message: string } };
          // a key whose option has another name (hooks add --cc fills countries): the CLI names the option, HTTP the key
          if (error.code === 'VALIDATION' && spec.flags?.[field]) expect(error.message, key).toContain(`${spec.flags[field]}: `);
          // the same words, a CLI flag read as the request parameter it stands for over HTTP
          else if (error.code === 'VALIDATION') expect(httpWording(error.message), key).toBe(problem.detail);
          // a number the CLI's option parser refused: it names the option
          else expect(error.message, key).toMatch(new RegExp(`--${(spec.flags?.[field] ?? field).replace(/^--/, '')}`));
          seen.push(key);
        }
      }
    } finally {
      await store.close();
    }
    expect(seen.length).toBeGreaterThan(150);
    expect(existsSync(NEVER_WRITTEN)).toBe(false);
  }, 300_000);
});
