/**
 * The aggregation target of a measurement: the domain for URL tests, the app or network for the
 * others, so that "is Telegram blocked on Rostelecom?" is one filter (target=telegram).
 */
import type { Envelope } from './model.js';
import { hostOf } from './verdict/view.js';

const APP_TARGET: Record<string, string> = {
  telegram: 'telegram',
  signal: 'signal',
  whatsapp: 'whatsapp',
  facebook_messenger: 'facebook_messenger',
  tor: 'tor',
  vanilla_tor: 'tor',
  torsf: 'tor',
  psiphon: 'psiphon',
  riseupvpn: 'riseupvpn',
};

export function targetOf(e: Envelope): string {
  const app = APP_TARGET[e.test_name];
  if (app) return app;
  if (e.input) {
    const first = e.input.split(' ')[0]!;
    const host = hostOf(first.includes('://') ? first : `x://${first}`);
    if (host) return host.replace(/^www\./, '');
  }
  return e.test_name;
}
