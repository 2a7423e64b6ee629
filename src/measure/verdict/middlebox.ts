/**
 * The middlebox tests judged on what came back from the echo helper. Tampering needs an echo:
 * a test that made no request, or whose request to the helper failed, saw nothing of the path
 * and is `insufficient` (with the TCP/HTTP failure as its mechanism when there is one), never
 * "header tampering". Each tampering verdict names where the echo differs.
 */
import type { Envelope, Evidence } from '../model.js';
import type { Json } from '../reader/parse.js';
import type { VerdictBuilder } from './builder.js';
import { layerOfOperation, mechanismFor } from './failures.js';
import { asArr, asObj, asStr } from './view.js';

const cut = (v: unknown) => JSON.stringify(v ?? null).slice(0, 120);

function headerManipulation(b: VerdictBuilder, tk: Json): void {
  const req = asObj(asArr(tk.requests)[0]);
  if (!req) {
    b.add(null, 'insufficient', 'middlebox.no_echo', null, [{ rule: '', where: 'test_keys.requests', value: 'no request was made' }]);
    return;
  }
  const failure = asStr(req.failure);
  const body = asObj(req.response)?.body;
  if (failure && typeof body !== 'string') {
    const layer = layerOfOperation(null, failure);
    b.add(layer, 'insufficient', 'middlebox.no_echo', mechanismFor(layer, failure), [{ rule: '', layer, where: 'test_keys.requests[0]', value: failure }]);
    return;
  }
  let echoed: Json | null = null;
  try {
    echoed = asObj(asObj(typeof body === 'string' ? JSON.parse(body) : null)?.headers_dict);
  } catch {
    echoed = null;
  }
  const tamper = (e: Evidence) => b.add('http', 'likely_blocked', 'middlebox.header_tampering', 'http.middlebox.headers', [e]);
  if (!echoed) {
    tamper({ rule: '', layer: 'http', where: 'test_keys.requests[0].response.body', value: `no headers_dict echoed: ${cut(body)}` });
    return;
  }
  const sent = asObj(asObj(req.request)?.headers) ?? {};
  const list = (v: unknown) => JSON.stringify(Array.isArray(v) ? v : [v]);
  const differs = [...new Set([...Object.keys(sent), ...Object.keys(echoed)])].find((k) => list(sent[k]) !== list(echoed[k]));
  if (differs !== undefined)
    tamper({
      rule: '',
      layer: 'http',
      where: `test_keys.requests[0].response.body.headers_dict[${JSON.stringify(differs)}]`,
      value: `sent ${cut(sent[differs])}, echoed ${cut(echoed[differs])}`,
    });
  else b.add(null, 'ok', 'middlebox.none');
}

function invalidRequestLine(b: VerdictBuilder, tk: Json): void {
  const sent = asArr(tk.sent);
  const received = asArr(tk.received);
  if (!sent.length || !received.length) {
    b.add(null, 'insufficient', 'middlebox.no_echo', null, [
      { rule: '', where: 'test_keys.received', value: `${sent.length} lines sent, ${received.length} received` },
    ]);
    return;
  }
  const i = sent.findIndex((v, j) => v !== received[j]);
  // a long received line is stored as its length only (rule-inputs.ts), so the evidence gives its length
  const got = received[i];
  const len = typeof got === 'string' ? got.length : asObj(got)?.$len;
  if (i >= 0)
    b.add('http', 'likely_blocked', 'middlebox.request_line_tampering', 'http.middlebox.request_line', [
      {
        rule: '',
        layer: 'http',
        where: `test_keys.received[${i}]`,
        value: `sent ${cut(sent[i])}, ${typeof len === 'number' ? `received another line (${len} characters)` : `received ${cut(got)}`}`,
      },
    ]);
  else b.add(null, 'ok', 'middlebox.none');
}

/** Middlebox tests: tampering is interference on the path, reported at the HTTP layer. */
export function middleboxVerdict(b: VerdictBuilder, env: Envelope, tk: Json): void {
  if (env.test_name === 'http_invalid_request_line') invalidRequestLine(b, tk);
  else headerManipulation(b, tk);
}
