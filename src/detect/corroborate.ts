/**
 * Country-level corroboration: one network alone is noise, several at once are an event
 * (ooni/data ontology §11). Given each network's "in state" intervals (blocked, throttled,
 * collapsed), a country episode is a stretch where at least k distinct networks are in that
 * state at the same time. Two intervals that do not overlap but lie within `windowMs` of each
 * other still corroborate (clocks, sparse hours and daily bins make exact overlap too strict),
 * and so do short flaps inside one episode.
 */

/** A country detection: at least `minNetworks` networks in state at once, their intervals at most `corroborationHours` apart. */
export interface CorroborationParams {
  minNetworks: number;
  /** Hours apart two networks' intervals may be and still corroborate each other. */
  corroborationHours: number;
}

export interface MemberInterval {
  member: string;
  start: number;
  /** Exclusive end; null = still in state when the data ends. */
  end: number | null;
}

export interface Episode {
  start: number;
  /** null = at least k members were still in state when the data ended. */
  end: number | null;
  /** Every member whose interval touches the episode, sorted. */
  members: string[];
  /** Most members in state at the same time during the episode. */
  peak: number;
}

interface Edge {
  t: number;
  delta: 1 | -1;
  iv: MemberInterval;
}

/** Merge each member's own intervals closer than windowMs, so one network counts once. */
function perMember(intervals: readonly MemberInterval[], windowMs: number): MemberInterval[] {
  const byMember = new Map<string, MemberInterval[]>();
  for (const iv of intervals) {
    const list = byMember.get(iv.member) ?? [];
    list.push(iv);
    byMember.set(iv.member, list);
  }
  const out: MemberInterval[] = [];
  for (const list of byMember.values()) {
    list.sort((a, b) => a.start - b.start);
    let cur: MemberInterval | null = null;
    for (const iv of list) {
      if (cur && (cur.end === null || iv.start <= cur.end + windowMs)) {
        cur.end = cur.end === null || iv.end === null ? null : Math.max(cur.end, iv.end);
      } else {
        if (cur) out.push(cur);
        cur = { ...iv };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

export function corroborate(intervals: readonly MemberInterval[], k: number, windowMs: number): Episode[] {
  const ivs = perMember(intervals, windowMs);
  const edges: Edge[] = [];
  for (const iv of ivs) {
    edges.push({ t: iv.start, delta: 1, iv });
    if (iv.end !== null) edges.push({ t: iv.end + windowMs, delta: -1, iv });
  }
  // At equal times, process starts before ends so touching intervals corroborate.
  edges.sort((a, b) => a.t - b.t || b.delta - a.delta);
  const episodes: Episode[] = [];
  const active = new Set<MemberInterval>();
  let open: { crossing: number; members: Set<MemberInterval>; peak: number } | null = null;
  for (const e of edges) {
    if (e.delta === 1) active.add(e.iv);
    else active.delete(e.iv);
    if (open) {
      for (const iv of active) open.members.add(iv);
      open.peak = Math.max(open.peak, active.size);
    }
    if (!open && active.size >= k) open = { crossing: e.t, members: new Set(active), peak: active.size };
    else if (open && active.size < k) {
      episodes.push(close(open, e.t - windowMs, windowMs));
      open = null;
    }
  }
  if (open) episodes.push(close(open, null, windowMs));
  return episodes;
}

function close(open: { crossing: number; members: Set<MemberInterval>; peak: number }, end: number | null, windowMs: number): Episode {
  const members = [...open.members];
  // The onset: the moment the k-th member joined, moved back to the earliest start of a
  // corroborating member that began within the window before it.
  const near = members.map((m) => m.start).filter((s) => s >= open.crossing - windowMs);
  return {
    start: near.length ? Math.min(...near) : open.crossing,
    end,
    members: [...new Set(members.map((m) => m.member))].sort(),
    peak: Math.min(open.peak, new Set(members.map((m) => m.member)).size),
  };
}
