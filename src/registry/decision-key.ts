/**
 * What makes one decision. A numbered order is its number (the same number under several bodies
 * or dates is one order listed several times). An order written without a number ("б/н", "без
 * номера": no number) has no identity of its own, so all of them are never joined into one
 * "decision": each is told apart by its decision body and date.
 */

const NO_NUMBER = /^(б\/н|б\.н\.?|без номера)$/iu;

/** True when the decision number field says the order has no number. */
export const unnumbered = (decisionNumber: string): boolean => NO_NUMBER.test(decisionNumber.trim());

/** The key grouping entries into one decision: the number, or for an unnumbered order its number, body and date. */
export function decisionKey(k: { decisionNumber: string; decisionBody: string; decisionDate: string | null }): string {
  return unnumbered(k.decisionNumber) ? `\u0000${k.decisionBody}\u0000${k.decisionDate ?? ''}` : k.decisionNumber;
}
