/**
 * Rules of our own for urlgetter, which OONI does not score (dnscheck: dnscheck.ts), and a
 * generic fallback. urlgetter carries no control, so timeouts and NXDOMAIN stay `insufficient`;
 * only artefacts (certificate errors, resets) move it (docs/design/020 §5).
 */
import type { Json } from '../reader/parse.js';
import { firstFailure } from './apps.js';
import type { VerdictBuilder } from './builder.js';
import { failureKind, mechanismFor } from './failures.js';
import { asStr } from './view.js';

export function urlgetterVerdict(b: VerdictBuilder, tk: Json): void {
  const f = firstFailure(tk);
  if (!f) {
    b.add(null, 'ok', 'urlgetter.ok');
    return;
  }
  const k = failureKind(f.failure);
  const e = [{ rule: '', layer: f.layer, where: f.where, value: f.failure }];
  if (k === 'ssl_hostname' || k === 'ssl_authority' || k === 'ssl_certificate')
    b.add('tls', 'likely_blocked', 'urlgetter.mitm', mechanismFor('tls', f.failure), e);
  else if (k === 'reset' && (f.layer === 'tls' || f.layer === 'http')) b.add(f.layer, 'likely_blocked', 'urlgetter.reset', mechanismFor(f.layer, f.failure), e);
  else b.add(f.layer, 'insufficient', 'urlgetter.failure_no_ctrl', mechanismFor(f.layer, f.failure), e);
}

export function genericVerdict(b: VerdictBuilder, tk: Json): void {
  const f = asStr(tk.failure);
  if (f) b.add(null, 'insufficient', 'generic.failure', null, [{ rule: '', where: 'test_keys.failure', value: f }]);
  else b.add(null, 'ok', 'generic.ok');
}
