/** The one mapping from error codes to exit codes: 0 ok, 1 error, 2 usage, 3 partial. */
import type { ErrorCode } from '../shared/index.js';

export const EXIT = { OK: 0, ERROR: 1, USAGE: 2, PARTIAL: 3 } as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
    case 'USAGE':
    case 'STORE_UNREACHABLE':
      return EXIT.USAGE;
    case 'PARTIAL':
      return EXIT.PARTIAL;
    default:
      return EXIT.ERROR;
  }
}
