/**
 * Who wrote a revision: a machine (the geocoder, `db seed`, the STOP import) or a person (a CLI
 * user, a token's holder, the watch acting for its user). The machine's writes may be redone by
 * the machine: an import may retract what an import made, the geocoder may place again what it
 * placed. A person's writes are never undone by a machine. This is the one list of machine actors.
 */
import type { Store } from '../store/index.js';

/** The actor of geocoding revisions. */
export const GEOCODER = 'geocoder';
/** The actor of `db seed`'s writes. */
export const SEED_ACTOR = 'seed';
/** The actor of the STOP importer's writes. */
export const STOP_ACTOR = 'stop-import';

const MACHINES: ReadonlySet<string> = new Set([GEOCODER, SEED_ACTOR, STOP_ACTOR]);

/** Whether a revision by `actor` is the machine's. */
export const isMachineActor = (actor: string): boolean => MACHINES.has(actor);

/** Has a person (any actor but the machine's) written a revision of the event? */
export async function editedByPeople(store: Store, id: string): Promise<boolean> {
  return (await store.ledger.listRevisions(id)).some((r) => !isMachineActor(r.actor));
}
