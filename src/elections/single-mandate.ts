/**
 * One single-mandate district from the district results table: who led on paper, on DEG and
 * once both were added, the margins, and each candidate's votes and shares.
 *
 * Shares are of ballots cast (valid + invalid), the CEC's base, with the share of valid votes
 * (the candidates' votes summed) beside each. Meduza's table gives no count of ballots cast, only
 * each candidate's percentage of it to two decimals; the base is every integer those
 * percentages agree with (`castBase`), a range a few dozen ballots wide at most, and the middle
 * of the range is the base used, so every share reported rounds to the percentage the table
 * prints. DEG ballots cannot be spoilt (the electronic percentages sum to 100 %): the electronic
 * base is the valid electronic votes when the percentages allow it; paper = total - electronic
 * narrows the paper range. A table without percentages gives no base: shares of ballots cast are
 * null and only the shares of valid votes are given.
 */
import type { ElectionDistrictResultRecord } from '../store/index.js';
import { pct } from './query.js';

type Standing = {
  name: string;
  votes: number;
  pct: number | null;
};

export function ranked(items: { name: string; votes: number }[], base: number): Standing[] {
  return [...items].sort((a, b) => b.votes - a.votes || a.name.localeCompare(b.name)).map((x) => ({ name: x.name, votes: x.votes, pct: pct(x.votes, base) }));
}

type Range = [number, number];

/**
 * The integer bases (inclusive range) at which every part's votes are its printed percentage to
 * within half a unit of the last of two decimals, and not below `atLeast`; null when no part has
 * a percentage or no integer agrees with all of them. Exact integer arithmetic on hundredths.
 */
export function castBase(parts: { votes: number; pct: number | null }[], atLeast: number): Range | null {
  let lo = Math.max(1, atLeast);
  let hi = Infinity;
  let any = false;
  for (const { votes, pct: p } of parts) {
    if (p === null) continue;
    any = true;
    const h = Math.round(p * 100); // hundredths of a percent
    // votes / base * 10000 within [h - 0.5, h + 0.5]
    lo = Math.max(lo, Math.ceil((20000 * votes) / (2 * h + 1)));
    if (h > 0) hi = Math.min(hi, Math.floor((20000 * votes) / (2 * h - 1)));
  }
  return any && lo <= hi && Number.isFinite(hi) ? [lo, hi] : null;
}

type Side = 'paper' | 'electronic' | 'total';
const SIDES: Side[] = ['paper', 'electronic', 'total'];

/** Ballots cast per side and the range the printed percentages allow; null when they allow none. */
function ballotsCast(rows: ElectionDistrictResultRecord[], valid: Record<Side, number>) {
  const range = (k: Side) =>
    castBase(
      rows.map((r) => ({ votes: r[k], pct: r[`${k}_pct`] })),
      valid[k],
    );
  const [p, e, t] = SIDES.map(range);
  if (!p || !e || !t) return null;
  const electronic = e[0] <= valid.electronic && valid.electronic <= e[1] ? valid.electronic : Math.floor((e[0] + e[1]) / 2);
  const paper: Range = [Math.max(p[0], t[0] - electronic), Math.min(p[1], t[1] - electronic)];
  if (paper[0] > paper[1]) return null;
  const mid = Math.floor((paper[0] + paper[1]) / 2);
  return {
    ballots: { paper: mid, electronic, total: mid + electronic },
    ballots_range: { paper, electronic: e, total: [paper[0] + electronic, paper[1] + electronic] as Range },
  };
}

/**
 * Whether a district's printed percentages agree with some ballots-cast base: null when its rows
 * print none, else true or false. A row whose percentage no base of the others agrees with makes
 * this false.
 */
export function percentagesAgree(rows: ElectionDistrictResultRecord[]): boolean | null {
  if (!rows.some((r) => SIDES.some((k) => r[`${k}_pct`] !== null))) return null;
  const valid = Object.fromEntries(SIDES.map((k) => [k, rows.reduce((a, r) => a + r[k], 0)])) as Record<Side, number>;
  return ballotsCast(rows, valid) !== null;
}

export function singleMandate(rows: ElectionDistrictResultRecord[]) {
  const valid = Object.fromEntries(SIDES.map((k) => [k, rows.reduce((a, r) => a + r[k], 0)])) as Record<Side, number>;
  const cast = ballotsCast(rows, valid);
  const share = (votes: number, k: Side) => ({ pct: cast ? pct(votes, cast.ballots[k]) : null, pct_of_valid: pct(votes, valid[k]) });
  const standings = (k: Side) =>
    [...rows].sort((a, b) => b[k] - a[k] || a.candidate.localeCompare(b.candidate)).map((r) => ({ name: r.candidate, votes: r[k], ...share(r[k], k) }));
  const paper = standings('paper');
  const electronic = standings('electronic');
  const total = standings('total');
  const winner = total[0]!;
  const marginVotes = winner.votes - (total[1]?.votes ?? 0);
  const paperOf = (name: string) => paper.find((p) => p.name === name)!;
  return {
    paper_leader: paper[0]!,
    electronic_leader: electronic[0]!,
    winner,
    runner_up: total[1] ?? null,
    margin_votes: marginVotes,
    margin_pct: share(marginVotes, 'total').pct,
    margin_pct_of_valid: share(marginVotes, 'total').pct_of_valid,
    /** How far the final winner trailed (negative) or led on paper. */
    winner_paper_margin_votes: paperOf(winner.name).votes - (paper[0]!.name === winner.name ? (paper[1]?.votes ?? 0) : paper[0]!.votes),
    changed_by_deg: paper[0]!.name !== winner.name,
    valid_votes: valid,
    ballots: cast?.ballots ?? null,
    ballots_range: cast?.ballots_range ?? null,
    flagged_rows: rows.filter((r) => r.flags.length).length,
    candidates: rows
      .map((r) => {
        const [p, e, t] = SIDES.map((k) => share(r[k], k));
        return {
          candidate: r.candidate,
          paper: r.paper,
          electronic: r.electronic,
          total: r.total,
          paper_pct: p!.pct,
          electronic_pct: e!.pct,
          total_pct: t!.pct,
          paper_pct_of_valid: p!.pct_of_valid,
          electronic_pct_of_valid: e!.pct_of_valid,
          total_pct_of_valid: t!.pct_of_valid,
        };
      })
      .sort((a, b) => b.total - a.total),
  };
}
