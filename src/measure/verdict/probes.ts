/**
 * Rules of our own for tests OONI does not score (dnscheck, urlgetter) and a generic fallback. dnscheck and urlgetter carry no control, so timeouts and
 * NXDOMAIN stay `insufficient`; only artefacts (bogon or fingerprinted answers, certificate
 * errors, resets) move them (docs/design/020 §5).
 */
import { isConfirmingMatch, type FingerprintMatcher } from '../fingerprints/matcher.js';
import type { Envelope } from '../model.js';
import type { Json } from '../reader/parse.js';
import { firstFailure } from './apps.js';
import type { VerdictBuilder } from './builder.js';
import { failureKind, isBogon, mechanismFor } from './failures.js';
import { asObj, asStr, dnsQueries } from './view.js';

export function dnscheckVerdict(b: VerdictBuilder, env: Envelope, tk: Json, m: FingerprintMatcher): void {
  const lookups = Object.entries(asObj(tk.lookups) ?? {});
  const injected = lookups.flatMap(([ep, l]) =>
    dnsQueries(asObj(l) ?? {}).flatMap((q) =>
      q.answers.filter((a) => isBogon(a.value) || m.matchDns(a.value).some((fp) => isConfirmingMatch(env.probe_cc, fp))).map((a) => ({ ep, a })),
    ),
  );
  if (injected.length) {
    b.add(
      'dns',
      'blocked',
      'dnscheck.answer_injected',
      isBogon(injected[0]!.a.value) ? 'dns.injection.bogon' : 'dns.injection.blockpage',
      injected.slice(0, 3).map(({ ep, a }) => ({ rule: '', layer: 'dns', where: `test_keys.lookups["${ep}"]`, value: a.value })),
    );
    return;
  }
  const ok = lookups.filter(([, l]) => !asStr(asObj(l)?.failure) && dnsQueries(asObj(l) ?? {}).some((q) => q.answers.length > 0));
  if (ok.length) {
    b.add('dns', 'ok', 'dnscheck.lookup_ok');
    return;
  }
  const boot = asStr(tk.bootstrap_failure);
  if (boot) {
    b.add('dns', 'likely_blocked', 'dnscheck.bootstrap_failed', mechanismFor('dns', boot), [
      { rule: '', layer: 'dns', where: 'test_keys.bootstrap_failure', value: boot },
    ]);
    return;
  }
  if (!lookups.length) {
    b.add(null, 'insufficient', 'dnscheck.no_lookups');
    return;
  }
  const f = firstFailure(asObj(lookups[0]![1]) ?? {});
  if (f && f.layer !== 'dns')
    b.add(f.layer, 'likely_blocked', 'dnscheck.all_lookups_failed', mechanismFor(f.layer, f.failure), [
      { rule: '', layer: f.layer, where: `test_keys.lookups["${lookups[0]![0]}"]`, value: f.failure },
    ]);
  else b.add(null, 'insufficient', 'dnscheck.no_lookups');
}

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
