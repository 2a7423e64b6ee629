/**
 * The server's limits, with their figures in one place (docs/design/080-security.md explains
 * each): how much Monte Carlo work one request may ask for, how many heavy requests an anonymous
 * client may send, and the HTTP server's own timeouts and connection cap.
 */
export interface Limits {
  /** Cost work units per request (scenarios x draws x regions priced, summed) for anonymous callers. */
  costWorkAnonymous: number;
  /** The same for callers with a token (any scope). */
  costWorkToken: number;
  /** Heavy requests (cost pricing, exports) one anonymous client may send per window. */
  heavyPerWindow: number;
  heavyWindowMs: number;
  /** Cost computations running at once (each in a worker thread) and waiting behind them. */
  costWorkers: number;
  costQueue: number;
  /** A cost computation still running after this is stopped (503). */
  costTimeoutMs: number;
  /** node:http server settings. */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

export const DEFAULT_LIMITS: Limits = {
  costWorkAnonymous: 200_000,
  costWorkToken: 4_000_000,
  heavyPerWindow: 30,
  heavyWindowMs: 60_000,
  costWorkers: 2,
  costQueue: 32,
  costTimeoutMs: 20_000,
  requestTimeoutMs: 120_000,
  headersTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1024,
};

export const limitsOf = (over?: Partial<Limits>): Limits => ({ ...DEFAULT_LIMITS, ...over });
