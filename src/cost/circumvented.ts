/**
 * A block its sources say did not stop the service. Russia's 2018–2020 block of Telegram is the
 * founding chapter's example: it "did not prevent the service from functioning but ended up
 * paralyzing millions of IP addresses" (chapter.txt, line 298). Priced as an outage of Telegram
 * it would be the largest figure in the ledger ($4.8 billion), for an outage that did not happen.
 *
 * The ledger marks such an event with the tag `circumvented` (data/ledger/README.md), citing the
 * source that says so. Its price is then the platform's weight × the share of the platform's use
 * the block did stop. No measurement of that share is shipped; "kept working" says it was less
 * than half, and nothing says how much less, so it is uniform between none and half. The
 * collateral damage (the address ranges blocked with it) is a separate event with no cost model.
 * The rule and its figures are in docs/design/014-price-of-an-hour.md (Decision 15).
 */
import type { LedgerEvent } from '../ledger/index.js';

export const CIRCUMVENTED_TAG = 'circumvented';

/** The share of a circumvented platform's use the block stopped: uniform over [low, high]. */
export const CIRCUMVENTED_EFFECT = {
  low: 0,
  high: 0.5,
  basis:
    "the event's sources say the block did not stop the service (ledger tag `circumvented`): the share of its use the block stopped is not measured; a service that kept working lost less than half, so uniform between none and half",
} as const;

/** True when the ledger records that the block did not stop what it targeted. */
export const circumvented = (e: Pick<LedgerEvent, 'tags'>): boolean => e.tags.includes(CIRCUMVENTED_TAG);
