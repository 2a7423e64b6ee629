/**
 * Property test for API query strings: any value (dates, numbers, Unicode, percent-escapes) in
 * any filter of the list routes is answered with 200 or a 4xx problem naming what was wrong,
 * never a 500.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWithToken, tempStore } from '../../test/helpers/index.js';

let t: Awaited<ReturnType<typeof tempStore>>;
let app: Awaited<ReturnType<typeof appWithToken>>['app'];
beforeAll(async () => {
  t = await tempStore();
  ({ app } = await appWithToken(t.store, t.path));
});
afterAll(() => t.cleanup());

const ROUTES: [string, string[]][] = [
  ['/api/events', ['from', 'to', 'country', 'category', 'q', 'limit', 'cursor', 'include_retracted']],
  ['/api/measurements', ['since', 'until', 'cc', 'asn', 'limit', 'cursor']],
  ['/api/stats/events', ['country', 'from', 'to', 'q']],
  ['/api/cost', ['country', 'type', 'hours', 'draws', 'seed', 'start', 'end', 'region']],
];

const value = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('infinity', '-1', '1e309', 'NaN', '2024-13-45', '0000-00-00', '9999-12-31T25:61:61Z', '%', '%ZZ', '\u0000', '\ud800', "' OR 1=1--"),
  fc.double().map(String),
);

/** Every UTF-8 byte percent-escaped (a lone surrogate becomes U+FFFD, as a browser sends it). */
const escape = (v: string) => [...new TextEncoder().encode(v)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
/** Escapes as sent by hand: invalid UTF-8, a bare or broken %. */
const raw = fc.constantFrom('%ED%A0%80', '%FF%FE', '%', '%Z', '%C3', '%00', '2024-01-01%2000:00');

describe('query strings, property', () => {
  it('never answer 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), fc.nat(), fc.oneof(value.map(escape), raw), async ([path, params], i, v) => {
        const qs = `${params[i % params.length]!}=${v}`;
        const res = await app.request(`http://localhost${path}?${qs}`);
        expect(res.status, `${path}?${qs}: ${await res.text()}`).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });
});
