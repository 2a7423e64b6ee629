/**
 * The server's limits, with their figures in one place (docs/design/080-security.md explains
 * each): how much Monte Carlo work one request may ask for, how many heavy requests an anonymous
 * client may send, and the HTTP server's own timeouts and connection cap.
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_DRAWS } from '../cost/index.js';
import { AppError } from '../shared/index.js';

export interface Limits {
  /** Cost work units per request (scenarios x draws x regions priced, summed) for anonymous callers. */
  costWorkAnonymous: number;
  /** The same for callers with a token (any scope). */
  costWorkToken: number;
  /**
   * Ledger pricing per request (GET /api/cost/events, /api/cost/compare): events priced x draws.
   * Anonymous callers also always get the ledger at the default draws (what the dashboard asks).
   */
  ledgerWorkAnonymous: number;
  ledgerWorkToken: number;
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
  /** How often node checks open connections against the request and header timeouts (its default, 30 s, let headers run 15-45 s). */
  connectionsCheckingIntervalMs: number;
  maxConnections: number;
  /** Bytes of one uploaded file (POST /api/_uploads), as sent; the importers cap what it inflates to. */
  maxUploadBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  costWorkAnonymous: 200_000,
  costWorkToken: 4_000_000,
  ledgerWorkAnonymous: 4_000_000,
  ledgerWorkToken: 20_000_000,
  heavyPerWindow: 600,
  heavyWindowMs: 60_000,
  // one core stays with the event loop (requests, /healthz) when the machine has more than one
  costWorkers: Math.max(1, availableParallelism() - 1),
  costQueue: 32,
  costTimeoutMs: 20_000,
  requestTimeoutMs: 120_000,
  headersTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  connectionsCheckingIntervalMs: 1_000,
  maxConnections: 1024,
  // the largest real import files (registry dumps, gzipped) are a few hundred MB
  maxUploadBytes: 1024 * 1024 * 1024,
};

export const limitsOf = (over?: Partial<Limits>): Limits => ({ ...DEFAULT_LIMITS, ...over });

/**
 * The node:http server options that enforce the HTTP limits: a request whose headers are not all
 * in after headersTimeoutMs (or whole after requestTimeoutMs) gets 408 at the next connection
 * check, so within headersTimeoutMs + connectionsCheckingIntervalMs (15-16 s by default).
 */
export const httpServerOptions = (l: Limits) => ({
  requestTimeout: l.requestTimeoutMs,
  headersTimeout: l.headersTimeoutMs,
  keepAliveTimeout: l.keepAliveTimeoutMs,
  connectionsCheckingInterval: l.connectionsCheckingIntervalMs,
});

/** Monte Carlo draws one scenario may ask for on GET cost routes without a token. */
export const ANONYMOUS_MAX_DRAWS = 10_000;

/**
 * Refuse cost work over the caller's budget, before any is done: `work` is draws x regions
 * summed over the scenarios of the request. 400 naming the figure and how to get more.
 */
export function assertCostWork(limits: Limits, authenticated: boolean, work: number, maxDraws: number): void {
  const budget = authenticated ? limits.costWorkToken : limits.costWorkAnonymous;
  if (!authenticated && maxDraws > ANONYMOUS_MAX_DRAWS) {
    throw new AppError(
      'VALIDATION',
      `draws: at most ${ANONYMOUS_MAX_DRAWS} per scenario without a token (asked ${maxDraws}); send a token (any scope) for up to 100000`,
      {
        issues: [{ path: ['draws'], message: `at most ${ANONYMOUS_MAX_DRAWS} without a token` }],
      },
    );
  }
  if (work > budget) {
    throw new AppError(
      'VALIDATION',
      `this request asks for ${work} units of cost work (draws x regions, summed over scenarios); the limit is ${budget}${authenticated ? '' : ` without a token (${limits.costWorkToken} with one)`}`,
      {
        issues: [{ path: ['draws'], message: `work over ${budget}` }],
        details: { work, budget },
      },
    );
  }
}

const n = (x: number) => x.toLocaleString('en-US');

/** What one scenario of a ledger request is: an event (cost events) or an event's part in one counted year (cost compare). */
export type LedgerUnit = 'events' | 'yearly pieces';
const UNIT_DRAWS: Record<LedgerUnit, string> = { events: 'event-draws', 'yearly pieces': 'piece-draws' };
/** How a request of each kind is narrowed, in the parameters its route takes: cost events by its event filters, cost compare by country alone. */
const NARROW: Record<LedgerUnit, string> = { events: 'fewer events (country, from, to, category)', 'yearly pieces': 'one country (country)' };

/**
 * Refuse ledger pricing over the caller's budget, before any event is priced: `scenarios`
 * (events, or their yearly pieces) x `draws`. Without a token the ledger at the default draws
 * is always allowed, whatever its size (the dashboard's world map prices all of it), and more
 * draws only up to the budget. 400 naming the figures, the draws that would fit, and the ways out.
 */
export function assertLedgerWork(limits: Limits, authenticated: boolean, scenarios: number, draws: number, unit: LedgerUnit = 'events'): void {
  if (!authenticated && draws > ANONYMOUS_MAX_DRAWS) {
    throw new AppError('VALIDATION', `draws: at most ${ANONYMOUS_MAX_DRAWS} per event without a token (asked ${draws}); send a token (any scope) for more`, {
      issues: [{ path: ['draws'], message: `at most ${ANONYMOUS_MAX_DRAWS} without a token` }],
    });
  }
  const work = scenarios * draws;
  const budget = authenticated ? limits.ledgerWorkToken : Math.max(limits.ledgerWorkAnonymous, scenarios * DEFAULT_DRAWS);
  if (work <= budget) return;
  const fits = Math.floor(budget / Math.max(1, scenarios));
  const fewer = fits >= 100 ? `ask draws=${fits} or fewer, ` : '';
  const token = authenticated ? '' : `, or send a token (any scope; its limit is ${n(limits.ledgerWorkToken)})`;
  throw new AppError(
    'VALIDATION',
    `this request prices ${n(scenarios)} ${unit} x ${n(draws)} draws = ${n(work)} ${UNIT_DRAWS[unit]}; the limit is ${n(budget)}${authenticated ? '' : ' without a token'}: ${fewer}narrow it to ${NARROW[unit]}${token}`,
    {
      issues: [{ path: ['draws'], message: `${n(scenarios)} ${unit} x ${n(draws)} draws is over ${n(budget)}` }],
      details: { scenarios, draws, work, budget, draws_that_fit: fits },
    },
  );
}

/**
 * Paths whose anonymous requests are rate-limited per client: pricing, bulk exports, election
 * Monte Carlo, and the summaries computed per request that take seconds uncached on the seeded
 * database (detections, speed-test and registry summaries, indicators, event stats). Cached
 * answers never reach the limit, so only a request the cache cannot answer counts.
 */
export const HEAVY_PATHS =
  /^\/api\/(cost(\/|$)|export\/|events\/[^/]+\/cost$|measurements\/export\.|elections\/[^/]+\/fingerprints$|detections$|speedtests\/summary$|registry\/summary$|indicators$|stats\/events$)/;

/** Paths that price scenarios (Monte Carlo in the cost pool, 503 when it is full or a job runs too long). */
export const PRICED_PATHS = /^\/api\/(cost(\/regions|\/events|\/compare)?|events\/[^/]+\/cost)$/;
