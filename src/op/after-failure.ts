/**
 * What an error of a store request that failed part-way (a shard stopped answering: an AppError
 * with `details.incomplete`) says holds afterwards. A read changed nothing: its error says only
 * that the request did not complete. An op that writes (an import) commits file by file, so its
 * error adds that the files it finished stay stored and a rerun completes the rest; that advice
 * is never given on a read (an API 503, doctor's derived-data line).
 */
import { AppError } from '../shared/index.js';

export const AFTER_FAILED_WRITE =
  'files an import finished before it stay stored (a rerun skips them), and rerunning the command once the shard answers completes the rest';

/** `e` as a writing op reports it: with the import advice when the store request did not complete. */
export function afterFailedWrite(e: unknown): unknown {
  if (!(e instanceof AppError) || e.details.incomplete !== true) return e;
  return new AppError(e.code, `${e.message}; ${AFTER_FAILED_WRITE}`, { cause: e.cause, issues: e.issues, details: e.details });
}
