/**
 * How an event's end reads. The ledger keeps no separate flag for an end nobody recorded: an
 * event without an end is ongoing unless its notes say the end was not recorded (a STOP record
 * not marked ongoing, or one whose end the import did not trust: STOP_END_NOT_RECORDED). Every
 * header that prints an end (the CLI's `events show`, `cost event`, the dashboard's event pages)
 * reads it here, so none calls such an event ongoing. No imports: the dashboard uses it too.
 */

/** The note of an event whose STOP record has no end date (or one not trusted) and is not marked ongoing. */
export const STOP_END_NOT_RECORDED = 'End date not recorded';

/** An event, or a summary of one that carries the verdict (`end_not_recorded`, as a cost result's event does). */
type Ended = { end: string | null; notes?: string | null; end_not_recorded?: boolean };

/** True when the event has no end and its source says the end was not recorded (not ongoing). */
export const endNotRecorded = (e: Ended): boolean => e.end === null && (e.end_not_recorded === true || (e.notes ?? '').includes(STOP_END_NOT_RECORDED));

/** The event's end as a header says it: its date, "end not recorded", or "ongoing". */
export const endText = (e: Ended): string => e.end ?? (endNotRecorded(e) ? 'end not recorded' : 'ongoing');
