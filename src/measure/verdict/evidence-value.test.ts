// A fingerprint match's evidence `value` is the value found at its `where` (the header's value,
// the matched text of the body), not the request URL. Real shipped measurement and fingerprints.
import { describe, expect, it } from 'vitest';
import { shippedLines, shippedMatcher } from '../../../test/helpers/ooni.js';
import { parseMeasurement, type Json } from '../reader/parse.js';
import { scoreMeasurement } from './index.js';
import { BODY_KEPT_CHARS } from './rule-inputs.js';
import { decodeBody } from './view.js';

const matcher = shippedMatcher();
const line = shippedLines().find(
  (l) => l.includes('20200303091505_RU_webconnectivity_48f7496f2e1dabd8') || (l.includes('"RU"') && l.includes('rutor.org') && l.includes('2020-03-03')),
)!;

describe('fingerprint evidence', () => {
  const m = JSON.parse(line) as Json;
  const p = parseMeasurement(line);
  if (!p.ok) throw new Error(p.detail);
  const ev = scoreMeasurement(p.value, matcher).verdict.evidence.filter((e) => e.rule === 'http.blockpage_fingerprint');
  const at = (where: string): unknown =>
    where
      .replace(/^test_keys\./, '')
      .split(/\.|\[(\d+)\]/)
      .filter(Boolean)
      .reduce<unknown>((o, k) => {
        const obj = o as Record<string, unknown>;
        if (k in obj) return obj[k];
        // header names are matched case-insensitively
        const hit = Object.keys(obj).find((x) => x.toLowerCase() === k);
        return hit ? obj[hit] : undefined;
      }, m.test_keys);

  it('a header match gives the header value found at where', () => {
    const loc = ev.find((e) => e.where?.endsWith('.headers.location'));
    expect(loc?.value).toBe(at(loc!.where!));
    expect(loc?.value).toBe('http://89.223.47.135/index.html');
  });
  it('a body match over BODY_KEPT_CHARS names the body by its length (what the stored rule inputs keep), not the URL', () => {
    const body = ev.find((e) => e.where?.endsWith('.response.body'));
    const text = decodeBody(at(body!.where!)).body!;
    expect(text.length).toBeGreaterThan(BODY_KEPT_CHARS);
    expect(body?.value).toBe(`a body of ${text.length} characters (matched when ingested)`);
    expect(body?.note).toBe(`response to ${String(at(body!.where!.replace(/response\.body$/, 'request.url')))}`);
  });

  it('SYNTHETIC: the same block page cut to 4 KB around the match gives the matched text, found in the body', () => {
    const cut = structuredClone(m);
    const r = ((cut.test_keys as Json).requests as Json[])[0]!.response as Json;
    const text = decodeBody(r.body).body!; // the probe stored it as base64
    const i = text.indexOf('http://eais.rkn.gov.ru/');
    r.body = text.slice(Math.max(0, i - 2000), i + 2000);
    const q = parseMeasurement(JSON.stringify(cut));
    if (!q.ok) throw new Error(q.detail);
    const e = scoreMeasurement(q.value, matcher).verdict.evidence.find((x) => x.rule === 'http.blockpage_fingerprint' && x.where?.endsWith('.response.body'));
    expect(e?.value).toContain(e!.fingerprint!.pattern);
    expect(String(r.body)).toContain(e!.value);
  });
});
