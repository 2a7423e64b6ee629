/**
 * A cut of the whole network whose record does not say which networks went down (STOP's "Full
 * network" records with affected_network "Unknown": 28 of them, 26 in India, among them the
 * district shutdowns such as Chomu town, December 2025). Left unpriced, nobody was cut off;
 * priced as a full shutdown, every one is taken for the costlier kind, which in India is the
 * rarer one. The kind is instead an input with its uncertainty, from the cuts of the same
 * country that did record their networks: the whole network (mobile and fixed) with the share
 * of them that took both, else mobile data only (docs/design/014-price-of-an-hour.md,
 * Decision 12). Cuts of fixed lines alone (16 of STOP's 1,618 recorded ones) are left out of
 * the class: a cut nobody described is not taken for the rarest kind.
 */
import type { LedgerEvent } from '../ledger/index.js';
import { MIN_PLACED } from './unknown-area.js';

const WHOLE = new Set(['full']);
const MOBILE = new Set(['mobile', 'mobile_data']);

export interface NetworkKinds {
  /** The chance that such a cut took the whole network rather than mobile data alone. */
  p_whole: number;
  /** Recorded cuts the chance is taken from: the country's own, or (too few) every country's. */
  whole: number;
  mobile: number;
  of: string;
  basis: string;
}

/** Per country: how many of its recorded network cuts took the whole network, and how many mobile data only. */
export type NetworkKindTable = Map<string, { whole: number; mobile: number }>;

export function networkKindTable(events: readonly LedgerEvent[]): NetworkKindTable {
  const t: NetworkKindTable = new Map();
  for (const e of events) {
    if (e.category !== 'shutdown' || e.countries.length !== 1 || e.status === 'retracted') continue;
    const whole = WHOLE.has(e.subtype);
    if (!whole && !MOBILE.has(e.subtype)) continue;
    const c = t.get(e.countries[0]!) ?? { whole: 0, mobile: 0 };
    if (whole) c.whole++;
    else c.mobile++;
    t.set(e.countries[0]!, c);
  }
  return t;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/**
 * The kind a cut of unrecorded networks in `country` is given: its country's recorded cuts when
 * there are MIN_PLACED or more, else every country's (each country counted once, by its own
 * share, so that India's hundreds of cuts do not decide Gabon's). Undefined when no country has
 * recorded any.
 */
export function networkKindsFor(table: NetworkKindTable, country: string): NetworkKinds | undefined {
  const own = table.get(country);
  if (own && own.whole + own.mobile >= MIN_PLACED) {
    const p = own.whole / (own.whole + own.mobile);
    return {
      p_whole: p,
      ...own,
      of: country,
      basis: `the network cuts of ${country} that recorded their networks: ${own.whole} took the whole network (mobile and fixed), ${own.mobile} mobile data only (${pct(p)} whole)`,
    };
  }
  const shares = [...table.values()].filter((c) => c.whole + c.mobile > 0).map((c) => c.whole / (c.whole + c.mobile));
  if (!shares.length) return undefined;
  const p = shares.reduce((a, b) => a + b, 0) / shares.length;
  const whole = [...table.values()].reduce((a, c) => a + c.whole, 0);
  const mobile = [...table.values()].reduce((a, c) => a + c.mobile, 0);
  return {
    p_whole: p,
    whole,
    mobile,
    of: 'all countries',
    basis: `${own ? `${country} recorded the networks of ${own.whole + own.mobile} cut(s) only, fewer than ${MIN_PLACED}; ` : ''}the network cuts of every country that recorded their networks, each country counted once by its own share: ${pct(p)} took the whole network (mobile and fixed) on average over ${shares.length} ${shares.length === 1 ? 'country' : 'countries'}, the rest mobile data only`,
  };
}
