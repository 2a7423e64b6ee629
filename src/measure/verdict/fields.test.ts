// Bad input: a measurement with missing or wrongly typed fields is `invalid` with a rule naming
// the field, never an exception. Mutations of real fixtures (each one marked SYNTHETIC by being
// made here): every value in test_keys, in turn, replaced by a value of another type.
import { describe, expect, it } from 'vitest';
import { repoLines, shippedLines, shippedMatcher } from '../../../test/helpers/ooni.js';
import { parseMeasurement, type Json } from '../reader/parse.js';
import { badEnvelopeFields, badFields } from './fields.js';
import { scoreMeasurement } from './index.js';
import { targetOf } from '../target.js';

const matcher = shippedMatcher();
const qa = repoLines('test/fixtures/ooni-qa/measurements.jsonl.gz');
const shipped = shippedLines();
const pick = (lines: string[], s: string) => JSON.parse(lines.find((l) => l.includes(s))!) as Json & { test_keys: Json };
const ofTest = (t: string) =>
  JSON.parse(shipped.find((l) => (JSON.parse(l) as Json).test_name === t && (JSON.parse(l) as Json).test_keys)!) as Json & { test_keys: Json };

function score(m: Json) {
  const p = parseMeasurement(JSON.stringify(m));
  if (!p.ok) throw new Error(p.detail);
  return scoreMeasurement(p.value, matcher).verdict;
}

/** Every (path, setter) below test_keys, depth-first, up to `max`. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = [], max = 400): (string | number)[][] {
  if (out.length >= max || v === null || typeof v !== 'object') return out;
  for (const [k, c] of Object.entries(v)) {
    const p = [...at, Array.isArray(v) ? Number(k) : k];
    out.push(p);
    paths(c, p, out, max);
  }
  return out;
}
const other = (v: unknown): unknown =>
  Array.isArray(v)
    ? 'a string'
    : typeof v === 'object' && v !== null
      ? [1, 2]
      : typeof v === 'string'
        ? 42
        : typeof v === 'number'
          ? 'forty-two'
          : typeof v === 'boolean'
            ? { x: 1 }
            : ['list'];

describe('wrongly typed fields', () => {
  it.each([
    ['requests is a string', 'qa-successWithHTTPS', (tk: Json) => (tk.requests = 'oops'), 'test_keys.requests'],
    [
      'a response code is a string',
      'qa-successWithHTTPS',
      (tk: Json) => (((tk.requests as Json[])[0]!.response as Json).code = '200'),
      'test_keys.requests[0].response.code',
    ],
    ['control is a list', 'qa-successWithHTTPS', (tk: Json) => (tk.control = []), 'test_keys.control'],
    ['an answers list is an object', 'qa-successWithHTTPS', (tk: Json) => ((tk.queries as Json[])[2]!.answers = {}), 'test_keys.queries[2].answers'],
    [
      'a tcp_connect status is a boolean',
      'qa-tcpBlockingConnectTimeout',
      (tk: Json) => ((tk.tcp_connect as Json[])[0]!.status = true),
      'test_keys.tcp_connect[0].status',
    ],
    ['blocking is a number', 'qa-successWithHTTP"', (tk: Json) => (tk.blocking = 1), 'test_keys.blocking'],
    [
      'http_experiment_failure is an object',
      'qa-httpBlockingConnectionReset',
      (tk: Json) => (tk.http_experiment_failure = { reset: true }),
      'test_keys.http_experiment_failure',
    ],
  ])('SYNTHETIC: %s -> invalid, naming the field', (_name, id, mutate, where) => {
    const m = pick(qa, id);
    mutate(m.test_keys);
    const v = score(m);
    expect(v.status).toBe('invalid');
    expect(v.rules).toContain('validity.bad_field');
    expect(v.evidence.map((e) => e.where)).toContain(where);
  });

  const eachTcp = (v: unknown, failure?: unknown) => (tk: Json) => {
    for (const t of tk.tcp_connect as Json[]) {
      (t.status as Json).success = v;
      if (failure !== undefined) (t.status as Json).failure = failure;
    }
  };
  it.each([
    ['telegram', 'every tcp_connect success is the string "true"', eachTcp('true'), 'test_keys.tcp_connect[0].status.success', 'expected boolean, got string'],
    [
      'telegram',
      'every tcp_connect success is null with no failure',
      eachTcp(null, null),
      'test_keys.tcp_connect[0].status.success',
      'expected boolean, got null',
    ],
    [
      'telegram',
      'a request failure is the number 0',
      (tk: Json) => ((tk.requests as Json[])[0]!.failure = 0),
      'test_keys.requests[0].failure',
      'expected string, got number',
    ],
    [
      'telegram',
      'telegram_web_status is a boolean',
      (tk: Json) => (tk.telegram_web_status = true),
      'test_keys.telegram_web_status',
      'expected string, got boolean',
    ],
    ['whatsapp', 'every tcp_connect success is the string "yes"', eachTcp('yes'), 'test_keys.tcp_connect[0].status.success', 'expected boolean, got string'],
    [
      'whatsapp',
      'a request URL is a number',
      (tk: Json) => (((tk.requests as Json[])[0]!.request as Json).url = 1),
      'test_keys.requests[0].request.url',
      'expected string, got number',
    ],
    [
      'signal',
      'signal_backend_status is a list',
      (tk: Json) => (tk.signal_backend_status = ['ok']),
      'test_keys.signal_backend_status',
      'expected string, got list',
    ],
    ['signal', 'a tcp_connect success is the string "true"', eachTcp('true'), 'test_keys.tcp_connect[0].status.success', 'expected boolean, got string'],
    [
      'facebook_messenger',
      'facebook_edge_reachable is the string "false"',
      (tk: Json) => (tk.facebook_edge_reachable = 'false'),
      'test_keys.facebook_edge_reachable',
      'expected boolean, got string',
    ],
    [
      'facebook_messenger',
      'facebook_tcp_blocking is the string "true"',
      (tk: Json) => (tk.facebook_tcp_blocking = 'true'),
      'test_keys.facebook_tcp_blocking',
      'expected boolean, got string',
    ],
    [
      'facebook_messenger',
      'a _dns_consistent key is a number',
      (tk: Json) => (tk.facebook_star_dns_consistent = 0),
      'test_keys.facebook_star_dns_consistent',
      'expected boolean, got number',
    ],
    [
      'tor',
      'a target failure is a number',
      (tk: Json) => ((tk.targets as Record<string, Json>)['66.111.2.131:9001']!.failure = 5),
      'test_keys.targets["66.111.2.131:9001"].failure',
      'expected string, got number',
    ],
    ['vanilla_tor', 'failure is a boolean', (tk: Json) => (tk.failure = true), 'test_keys.failure', 'expected string, got boolean'],
    ['vanilla_tor', 'tor_progress is a string', (tk: Json) => (tk.tor_progress = '50'), 'test_keys.tor_progress', 'expected number, got string'],
  ])('SYNTHETIC: %s, %s -> invalid, naming the field', (test, _name, mutate, where, value) => {
    const m = ofTest(test);
    mutate(m.test_keys);
    const v = score(m);
    expect(v.status).toBe('invalid');
    expect(v.evidence).toContainEqual({ rule: 'validity.bad_field', layer: 'validity', where, value });
  });

  it('SYNTHETIC: web_connectivity without its input URL is invalid, naming input', () => {
    const m = pick(qa, 'qa-successWithHTTPS');
    delete m.input;
    const v = score(m);
    expect(v).toMatchObject({ status: 'invalid' });
    expect(v.evidence[0]).toMatchObject({ rule: 'validity.bad_field', where: 'input' });
  });

  it.each([
    ['a word', 'not a url', 'string "not a url"'],
    ['a scheme with no host', 'http://', 'string "http://"'],
    ['a javascript: URL', 'javascript:alert(1)', 'string "javascript:alert(1)"'],
    ['empty', '', 'string ""'],
    ['a bare domain', 'example.com', 'string "example.com"'],
    ['an ftp URL', 'ftp://example.com/', 'string "ftp://example.com/"'],
  ])('SYNTHETIC: web_connectivity whose input is %s is invalid, naming input, and its target is no word of it', (_n, input, got) => {
    const m = { ...pick(qa, 'qa-successWithHTTPS'), input };
    const v = score(m);
    expect(v.status).toBe('invalid');
    expect(v.evidence).toContainEqual({
      rule: 'validity.bad_field',
      layer: 'validity',
      where: 'input',
      value: `expected an absolute http(s) URL with a host (the URL measured), got ${got}`,
    });
    const p = parseMeasurement(JSON.stringify(m));
    if (!p.ok) throw new Error(p.detail);
    expect(targetOf(p.value.envelope)).toBe('web_connectivity');
  });

  // a real probe-cli telegram (US, 2022) with telegram_web_status "ok"
  const telegram = () => pick(shipped, '20221110T102855Z_telegram_US_7018');
  const firstTcp = (tk: Json) => (tk.tcp_connect as Json[])[0]!;
  it.each([
    ['tcp_connect[0].status removed', (tk: Json) => delete firstTcp(tk).status, 'test_keys.tcp_connect[0].status', 'expected object, got no value'],
    ['tcp_connect[0].status null', (tk: Json) => (firstTcp(tk).status = null), 'test_keys.tcp_connect[0].status', 'expected object, got null'],
    [
      'telegram_web_status "whatever"',
      (tk: Json) => (tk.telegram_web_status = 'whatever'),
      'test_keys.telegram_web_status',
      'expected "ok" or "blocked", got string "whatever"',
    ],
  ])('SYNTHETIC: telegram with %s is invalid, naming the field', (_n, mutate, where, value) => {
    const m = telegram();
    mutate(m.test_keys);
    const v = score(m);
    expect(v.status).toBe('invalid');
    expect(v.evidence).toContainEqual({ rule: 'validity.bad_field', layer: 'validity', where, value });
  });

  it('SYNTHETIC: signal_backend_status that is neither "ok" nor "blocked" is invalid, naming it', () => {
    const m = ofTest('signal');
    m.test_keys.signal_backend_status = 'fine';
    expect(score(m).evidence).toContainEqual({
      rule: 'validity.bad_field',
      layer: 'validity',
      where: 'test_keys.signal_backend_status',
      value: 'expected "ok" or "blocked", got string "fine"',
    });
  });

  it.each([
    ['null', null, 'null'],
    ['absent', undefined, 'no value'],
  ])('SYNTHETIC: telegram_web_status %s: the data centres are judged, the web is not claimed reachable', (_n, web, value) => {
    const m = telegram();
    expect(m.test_keys.telegram_web_status).toBe('ok');
    expect(score(m).rules).toContain('app.telegram_ok');
    if (web === undefined) delete m.test_keys.telegram_web_status;
    else m.test_keys.telegram_web_status = web;
    const v = score(m);
    expect(v.rules).not.toContain('app.telegram_ok');
    expect(v.rules).toEqual(expect.arrayContaining(['app.telegram_dcs_ok', 'app.telegram_web_unknown']));
    expect(v.evidence).toContainEqual({ rule: 'app.telegram_web_unknown', where: 'test_keys.telegram_web_status', value });
  });

  it('keeps every real measurement as it was (only the list-shaped tor targets of one fastpath test file are invalid)', () => {
    const bad = shipped.map((l) => JSON.parse(l) as Json).filter((m) => badFields(String(m.test_name), (m.test_keys ?? {}) as Json, m.input).length);
    expect(bad.map((m) => `${String(m.test_name)} ${JSON.stringify(badFields(String(m.test_name), m.test_keys as Json, m.input))}`)).toEqual([
      'tor [{"where":"test_keys.targets","expected":"object","got":"list"}]',
    ]);
    expect(
      qa.filter((l) => {
        const m = JSON.parse(l) as { test_keys: Json; input: unknown };
        return badFields('web_connectivity', m.test_keys, m.input).length;
      }),
    ).toEqual([]);
  });
});

describe('probe_cc and probe_asn', () => {
  const real = () => pick(qa, 'qa-successWithHTTPS');
  const judged = (over: Json) => {
    const p = parseMeasurement(JSON.stringify({ ...real(), ...over }));
    if (!p.ok) throw new Error(p.detail);
    return { env: p.value.envelope, v: scoreMeasurement(p.value, matcher).verdict };
  };
  const evidence = (v: ReturnType<typeof judged>['v'], rule: string) =>
    v.evidence.filter((e) => v.rules.includes(rule) && e.layer === 'validity').map((e) => [e.where ?? null, e.value]);

  it('SYNTHETIC: a probe_cc ISO does not assign (XX) is stored as ZZ and is invalid, the evidence naming what the probe wrote', () => {
    const { env, v } = judged({ probe_cc: 'XX' });
    expect(env.probe_cc).toBe('ZZ');
    expect(v.status).toBe('invalid');
    expect(v.rules).toEqual(['validity.unknown_network', 'probe.analysis']); // the probe's analysis is kept on invalid verdicts too
    expect(v.evidence[0]!.value).toMatch(/^ZZ AS\d+ \(probe_cc "XX" is no assigned ISO 3166-1 code\)$/);
  });

  it('SYNTHETIC: XK and ZZ stay as OONI writes them; a lower-case assigned code is taken in upper case', () => {
    expect(judged({ probe_cc: 'XK' }).env.probe_cc).toBe('XK');
    expect(judged({ probe_cc: 'ZZ' }).v.evidence[0]!.value).toMatch(/^ZZ AS\d+$/);
    expect(judged({ probe_cc: 'ru' }).env.probe_cc).toBe('RU');
  });

  it.each([
    ['a number', 20115, 'expected string "AS<number>", got number'],
    ['digits without AS', '20115', 'expected string "AS<number>", got string "20115"'],
  ])('SYNTHETIC: probe_asn as %s is invalid with validity.bad_field naming probe_asn, stored under the network it names', (_n, asn, why) => {
    const { env, v } = judged({ probe_asn: asn });
    expect(env.probe_asn).toBe('AS20115');
    expect(v.status).toBe('invalid');
    expect(v.rules).toContain('validity.bad_field');
    expect(v.evidence).toContainEqual({ rule: 'validity.bad_field', layer: 'validity', where: 'probe_asn', value: why });
  });

  it.each([
    ['AS4294967296', 'AS4294967296'],
    ['AS99999999999', 'AS99999999999'],
    ['a number above 32 bits', 4294967296],
  ])('SYNTHETIC: probe_asn %s (above 32 bits) is invalid with validity.bad_field naming probe_asn, stored under the network it names', (_n, asn) => {
    const { env, v } = judged({ probe_asn: asn });
    expect(env.probe_asn).toBe(`AS${String(asn).replace('AS', '')}`);
    expect(v.status).toBe('invalid');
    expect(v.evidence).toContainEqual({
      rule: 'validity.bad_field',
      layer: 'validity',
      where: 'probe_asn',
      value: `expected an AS number of at most 4294967295 (32 bits), got ${JSON.stringify(asn)}`,
    });
    expect(judged({ probe_asn: 'AS4294967295' }).v.rules).not.toContain('validity.bad_field');
  });

  it('SYNTHETIC: a report_id that is a number is invalid with validity.bad_field naming report_id, stored as its text', () => {
    const { env, v } = judged({ report_id: 5 });
    expect(env.report_id).toBe('5');
    expect(v.status).toBe('invalid');
    expect(v.evidence).toContainEqual({ rule: 'validity.bad_field', layer: 'validity', where: 'report_id', value: 'expected string, got number' });
  });

  it('SYNTHETIC: a probe_cc that is not a string is ZZ and a bad_field naming probe_cc', () => {
    const { env, v } = judged({ probe_cc: 7 });
    expect(env.probe_cc).toBe('ZZ');
    expect(v.rules).toEqual(expect.arrayContaining(['validity.unknown_network', 'validity.bad_field']));
    expect(v.evidence).toContainEqual({ rule: 'validity.bad_field', layer: 'validity', where: 'probe_cc', value: 'expected string, got number' });
  });

  it('finds nothing wrong in the envelope of any real measurement, and keeps every real probe_cc', () => {
    for (const l of [...shipped, ...qa]) {
      const m = JSON.parse(l) as Json;
      expect(badEnvelopeFields(m)).toEqual([]);
      const p = parseMeasurement(l);
      if (p.ok && typeof m.probe_cc === 'string') expect(p.value.envelope.probe_cc).toBe(m.probe_cc);
    }
    expect(evidence(judged({}).v, 'validity.bad_field')).toEqual([]);
  });
});

describe('never an exception', () => {
  const subjects = [
    pick(qa, 'qa-redirectWithConsistentDNSAndThenConnectionResetForHTTP'),
    pick(qa, 'qa-throttlingWithHTTPS'),
    ...[
      'telegram',
      'whatsapp',
      'signal',
      'tor',
      'dnscheck',
      'urlgetter',
      'facebook_messenger',
      'http_header_field_manipulation',
      'browser_web',
      'riseupvpn',
      'sni_blocking',
      'echcheck',
      'meek_fronted_requests_test',
      'dns_consistency',
    ]
      .map(ofTest)
      // a report_id where the real line has none (echcheck), so its rules run rather than validity alone
      .map((m): Json & { test_keys: Json } => ({ ...m, report_id: m.report_id ?? 'SYNTHETIC_report_id' })),
  ];
  it.each(subjects.map((m) => [m.test_name as string, m] as const))('SYNTHETIC: %s with each test_keys value replaced by another type', (_t, m) => {
    let n = 0;
    for (const path of paths(m.test_keys)) {
      const copy = structuredClone(m);
      let o = copy.test_keys as Record<string | number, unknown>;
      for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
      const last = path.at(-1)!;
      o[last] = other(o[last]);
      expect(() => score(copy), `${path.join('.')}`).not.toThrow();
      n++;
    }
    expect(n).toBeGreaterThan(2); // browser_web has three keys
  });
});

describe('web_connectivity response bodies', () => {
  const rutor = () =>
    JSON.parse(
      shipped.find((l) => {
        const m = JSON.parse(l) as Json;
        return m.probe_cc === 'RU' && String(m.input).includes('rutor.org') && String(m.measurement_start_time).startsWith('2020-03-03');
      })!,
    ) as Json & { test_keys: Json };
  it.each([
    ['a number', 123],
    ['a boolean', true],
    ['a list', ['<html>']],
  ])('SYNTHETIC: a body that is %s is validity.bad_field naming it (RU 2020 rutor.org)', (_k, body) => {
    const m = rutor();
    ((m.test_keys.requests as Json[])[0]!.response as Json).body = body;
    const v = score(m);
    expect(v.status).toBe('invalid');
    expect(v.evidence).toContainEqual(expect.objectContaining({ rule: 'validity.bad_field', where: 'test_keys.requests[0].response.body' }));
  });
  it('SYNTHETIC: body_is_truncated that is no boolean is a bad field', () => {
    const m = rutor();
    ((m.test_keys.requests as Json[])[0]!.response as Json).body_is_truncated = 'yes';
    expect(score(m).evidence).toContainEqual(
      expect.objectContaining({ rule: 'validity.bad_field', where: 'test_keys.requests[0].response.body_is_truncated' }),
    );
  });
});
