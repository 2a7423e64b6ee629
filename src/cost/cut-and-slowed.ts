/**
 * A shutdown STOP files as "Shutdown, Throttle": the network was cut for part of the record and
 * slowed for the rest, and the record does not say how its span divides. Priced as cut
 * throughout, every such record was an upper bound (Belarus, 9 August–7 December 2020, with no
 * text: 121 days of the country offline).
 *
 * With nothing recorded on the split, the share of the span cut is uniform over [0, 1], its
 * median one half. The slowed hours are priced at the severity the request gives (`--severity
 * S`, the share of use slowing took; S = 1 is a cut, as Top10VPN counts an unusable throttle and
 * as `cost compare top10vpn` prices throttles); with none they are not priced, as a throttle
 * with no severity is not, and the figure is the cut's alone. A record whose text states the
 * cut's hours (a schedule, dated windows, times for its span, a dated partial return) is priced
 * for them, the slowed hours outside them not; one whose text states how far its traffic fell is
 * priced by that depth, which takes in the slowing. The rule and its figures are in
 * docs/design/014-price-of-an-hour.md (Decision 22).
 */

import type { ScenarioInput } from './scenario.js';

/** The share of the span the network was cut when the record does not say: uniform over all of it. */
export const CUT_PART = { low: 0, high: 1 } as const;

/** What the record states of its hours: a schedule or times (`hours`), a traffic drop (`depth`), or nothing (null). */
export type Stated = 'hours' | 'depth' | null;

/**
 * Set the scenario's cut part of a "Shutdown, Throttle" network cut (full, mobile or fixed) and
 * say how it is priced; `severity` prices the slowed hours, `stated` is what its text measured.
 */
export function cutAndSlowed(input: ScenarioInput, mapping: string[], stated: Stated, severity?: number): void {
  if (!input.type || !['full', 'mobile', 'fixed'].includes(input.type)) return;
  const filed = 'STOP files it as "Shutdown, Throttle": the network was cut for part of it and slowed for part';
  const slowed =
    severity === undefined
      ? 'the slowed hours are not priced (how badly traffic was slowed is not recorded; --severity S prices them)'
      : `the slowed hours at severity ${severity} (given in the request)`;
  if (stated) {
    mapping.push(
      stated === 'hours'
        ? `${filed}; its text states the hours cut, priced as stated; the hours slowed outside them are not priced`
        : `${filed}; its text states how far its traffic fell, which takes in the slowing: priced by that depth`,
    );
    return;
  }
  if (severity === 1) {
    mapping.push(`${filed}, how long each is not recorded; priced as cut throughout: the slowed hours at severity 1 (given in the request)`);
    return;
  }
  const basis = `${filed}, how long each is not recorded: the share of the span cut uniform(${CUT_PART.low}, ${CUT_PART.high}); ${slowed}`;
  input.cut_part = { low: CUT_PART.low, high: CUT_PART.high, slowed: severity ?? null, basis };
  mapping.push(basis);
}
