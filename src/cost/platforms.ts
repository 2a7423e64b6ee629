/**
 * Platform weights: the share of the value of internet use lost when only this platform is
 * unavailable (national average). No open source publishes such shares (Brookings 2016 used
 * unpublished app-value estimates; NetBlocks COST publishes no table, and only its Nigerian day
 * figures give its share for five services, which cost-escalated uses instead:
 * cost-escalated/service-share.ts), so each weight here is our documented assumption: reach (share of people online using the platform) × the share
 * of a user's online value with no ready substitute (10 %, range 5–20 %).
 * Reach: in Russia, the national surveys cited per platform. Elsewhere no per-country survey is
 * shipped, so a platform with a published worldwide user count takes its worldwide reach (the
 * company's monthly users ÷ ITU's people online outside China, where these platforms are
 * blocked) with a wide interval for the country not being the world (`WORLD_RULE`); the others
 * keep the Russian figures, labelled as such. Ranges feed the Monte Carlo. Override per request
 * with --platform-weight / platform_weight.
 */
export interface PlatformWeight {
  id: string;
  names: string[];
  weight: number;
  low: number;
  high: number;
  basis: string;
  sources: string[];
  /** Worldwide reach where the company publishes its user count: the weight outside Russia. */
  world?: { reach: number; low: number; high: number; basis: string; sources: string[] };
}

/** A weight for one country: its mode, range, what it rests on and the sources. */
export interface CountryPlatformWeight {
  weight: number;
  low: number;
  high: number;
  basis: string;
  sources: string[];
}

const LEVADA = 'Levada Center poll, Jan 2021, "Which social networks do you use?" (reported by ewdn.com/?p=56645)';
const VTSIOM = 'VTsIOM ranking of social networks and messengers, 2022 (reported by sb.by)';
const MEDIA = 'European Journalism Centre, Media Landscapes: Russia, social networks (medialandscapes.org), 2018 figures';
const RKN = 'Roskomnadzor statement, 27 Oct 2020: share of Russians getting information via Google/Facebook/Instagram/Twitter (reported by urdupoint.com)';
const RULE = 'weight = reach × 10 % non-substitutable share (range 5–20 %); our assumption';
const ITU = 'ITU, Facts and Figures 2019, 2021, 2022, 2023: 4.1, 4.9, 5.3, 5.4 bn people online';
const CNNIC =
  'CNNIC, Statistical Report on Internet Development in China: 854 M users (June 2019), 1,032 M (Dec 2021), 1,067 M (Dec 2022), 1,079 M (June 2023); people online outside China ≈ 3.25 bn (2019), 3.87 bn (2021), 4.23 bn (2022), 4.32 bn (2023)';
const META = 'Meta (Facebook Inc.) quarterly results: Facebook 2.50 bn monthly active users (Q4 2019), 3.05 bn (Q3 2023)';
/** Worldwide reach = monthly users ÷ people online outside China, as computed in `world.basis`. */
const world = (reach: number, low: number, high: number, basis: string, source: string) => ({ reach, low, high, basis, sources: [source, ITU, CNNIC] });
/**
 * A country is not the world: Russia's surveyed reach is 1/9 of the world's for Facebook (8–9 %
 * against 71–77 %) and up to 3.6× it for Telegram (50 % against 14 %, 2022). Outside Russia a
 * platform's reach is taken between a tenth of the world's and four times it (at most everyone
 * online): weight = triangular(reach/10 × 5 %, reach × 10 %, min(1, 4 · reach) × 20 %).
 */
export const WORLD_RULE =
  "outside Russia, the platform's worldwide reach (no per-country survey shipped), ranging from a tenth of it to four times it (at most everyone online), × 10 % non-substitutable share (range 5–20 %); our assumption";

export const PLATFORMS: readonly PlatformWeight[] = [
  {
    id: 'whatsapp',
    names: ['WhatsApp'],
    weight: 0.06,
    low: 0.02,
    high: 0.15,
    basis: `reach 41 % (2018) to 73 % (2022); ${RULE}`,
    sources: [MEDIA, VTSIOM],
    world: world(0.55, 0.46, 0.62, '2 bn users ÷ 3.25 bn (2019) to 4.32 bn (2023) online outside China', 'WhatsApp blog, 12 Feb 2020: two billion users'),
  },
  {
    id: 'youtube',
    names: ['YouTube'],
    weight: 0.05,
    low: 0.02,
    high: 0.12,
    basis: `reach 35 % (2021) to 60 % (2022); ${RULE}`,
    sources: [LEVADA, VTSIOM],
    world: world(
      0.55,
      0.46,
      0.62,
      '2 bn logged-in users a month ÷ 3.25 bn (2019) to 4.32 bn (2023) online outside China',
      'YouTube for Press (2019–2023): over 2 billion logged-in users each month',
    ),
  },
  {
    id: 'vk',
    names: ['VK', 'VKontakte', 'ВКонтакте'],
    weight: 0.05,
    low: 0.02,
    high: 0.1,
    basis: `reach 43 % (2021) to 53 % (2022); ${RULE}`,
    sources: [LEVADA, VTSIOM],
  },
  {
    id: 'telegram',
    names: ['Telegram'],
    weight: 0.03,
    low: 0.005,
    high: 0.08,
    basis: `reach 8 % (2018) to 50 % (2022); ${RULE}`,
    sources: [MEDIA, VTSIOM],
    world: world(
      0.14,
      0.12,
      0.17,
      '400 M (2020) ÷ 3.25 bn to 700 M (2022) ÷ 4.23 bn online outside China',
      'Telegram blog: 400 million monthly users (April 2020), 700 million (June 2022)',
    ),
  },
  {
    id: 'instagram',
    names: ['Instagram'],
    weight: 0.03,
    low: 0.01,
    high: 0.06,
    basis: `reach 25–31 % (2020–2021); ${RULE}`,
    sources: [LEVADA, RKN],
    world: world(
      0.4,
      0.32,
      0.47,
      '1 bn (2018) ÷ 3.1 bn to 2 bn (2022) ÷ 4.23 bn online outside China',
      'Instagram, 20 June 2018: 1 billion monthly active users; Meta, 2022: 2 billion (reported by CNBC, 26 Oct 2022)',
    ),
  },
  {
    id: 'odnoklassniki',
    names: ['Odnoklassniki', 'OK', 'Одноклассники'],
    weight: 0.03,
    low: 0.01,
    high: 0.06,
    basis: `reach 31 % (2021); ${RULE}`,
    sources: [LEVADA],
  },
  { id: 'viber', names: ['Viber'], weight: 0.025, low: 0.01, high: 0.066, basis: `reach 20–33 % (2018); ${RULE}`, sources: [MEDIA] },
  {
    id: 'tiktok',
    names: ['TikTok'],
    weight: 0.014,
    low: 0.007,
    high: 0.03,
    basis: `reach 14 % (2021); ${RULE}`,
    sources: [LEVADA],
    world: world(
      0.26,
      0.23,
      0.3,
      '1 bn monthly users (Douyin, in China, is separate) ÷ 3.87 bn online outside China (2021)',
      'TikTok newsroom, 27 Sept 2021: 1 billion people a month',
    ),
  },
  {
    id: 'facebook',
    names: ['Facebook', 'Facebook Messenger'],
    weight: 0.009,
    low: 0.004,
    high: 0.02,
    basis: `reach 8–9 % (2020–2021); ${RULE}`,
    sources: [LEVADA, RKN],
    world: world(
      0.7,
      0.63,
      0.77,
      '2.50 bn ÷ 3.25 bn (2019) to 3.05 bn ÷ 4.32 bn (2023) online outside China; lower bound with the ~11 % duplicate accounts Meta reports',
      META,
    ),
  },
  {
    id: 'twitter',
    names: ['Twitter', 'X'],
    weight: 0.004,
    low: 0.0015,
    high: 0.013,
    basis: `reach 3–6.5 % (2020–2021); ${RULE}`,
    sources: [LEVADA, RKN],
    world: world(
      0.1,
      0.06,
      0.1,
      '330 M monthly users (Q1 2019) ÷ 3.25 bn online outside China; 238 M daily users (Q2 2022) ÷ 4.23 bn = 0.06',
      'Twitter shareholder letters: 330 M monthly active users (Q1 2019, the last monthly figure), 237.8 M monetizable daily users (Q2 2022)',
    ),
  },
  {
    id: 'google',
    names: ['Google', 'Google services', 'Google services (Search, Gmail, Maps, Translate)', 'Gmail'],
    weight: 0.05,
    low: 0.02,
    high: 0.15,
    basis: `reach 46 % get information via Google (2020); ${RULE}`,
    sources: [RKN],
  },
  { id: 'skype', names: ['Skype'], weight: 0.005, low: 0.002, high: 0.013, basis: `reach 13 % (2018); ${RULE} (lower bound: declining use)`, sources: [MEDIA] },
  {
    id: 'linkedin',
    names: ['LinkedIn'],
    weight: 0.002,
    low: 0.0005,
    high: 0.006,
    basis: 'no reach survey found; assumed ~2 % reach; our assumption',
    sources: [],
  },
  {
    id: 'wikipedia',
    names: ['Wikipedia', 'wikipedia.org'],
    weight: 0.005,
    low: 0.002,
    high: 0.015,
    basis: 'no reach survey found; reference use with partial substitutes; our assumption',
    sources: [],
  },
  {
    id: 'discord',
    names: ['Discord'],
    weight: 0.004,
    low: 0.001,
    high: 0.01,
    basis: 'no reach survey found; niche (gaming, communities); our assumption',
    sources: [],
  },
  { id: 'signal', names: ['Signal'], weight: 0.001, low: 0.0002, high: 0.005, basis: 'no reach survey found; small user base; our assumption', sources: [] },
  {
    id: 'snapchat',
    names: ['Snapchat'],
    weight: 0.002,
    low: 0.0005,
    high: 0.006,
    basis: 'no reach survey found; small user base in RU; our assumption',
    sources: [],
  },
  {
    id: 'facetime',
    names: ['FaceTime'],
    weight: 0.002,
    low: 0.0005,
    high: 0.006,
    basis: 'no reach survey found; iOS-only calls with substitutes; our assumption',
    sources: [],
  },
  {
    id: 'grindr',
    names: ['Grindr'],
    weight: 0.0003,
    low: 0.0001,
    high: 0.001,
    basis: 'no reach survey found; very small user base; our assumption',
    sources: [],
  },
];

const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9а-я]/g, '');
const byName = new Map(PLATFORMS.flatMap((p) => [p.id, ...p.names].map((n) => [key(n), p] as const)));

export const findPlatform = (name: string): PlatformWeight | undefined => byName.get(key(name));

/** The ledger target kinds a platform weight can price (a platform, an app, a service, a domain). */
export const WEIGHED_KINDS: readonly string[] = ['platform', 'app', 'service', 'domain'];

/** The weighed platforms of an event's targets, by the table's ids, each once, in target order. */
export const platformsOf = (e: { targets: readonly { kind: string; name: string }[] }): string[] => [
  ...new Set(
    e.targets
      .filter((t) => WEIGHED_KINDS.includes(t.kind))
      .map((t) => findPlatform(t.name)?.id)
      .filter((x): x is string => !!x),
  ),
];

/** The names of an event's targets of those kinds that the table does not weigh (they are not priced). */
export const unweightedTargets = (targets: readonly { kind: string; name: string }[]): string[] =>
  targets.filter((t) => WEIGHED_KINDS.includes(t.kind) && !findPlatform(t.name)).map((t) => t.name);

/**
 * The weight of a platform in a country: Russia's surveys in Russia; elsewhere the worldwide
 * reach under `WORLD_RULE` where the company publishes a user count, else the Russian figures,
 * labelled as a proxy.
 */
export function platformWeightIn(p: PlatformWeight, country: string): CountryPlatformWeight {
  if (country === 'RU' || (!p.world && p.sources.length === 0)) return { weight: p.weight, low: p.low, high: p.high, basis: p.basis, sources: p.sources };
  if (!p.world)
    return {
      weight: p.weight,
      low: p.low,
      high: p.high,
      basis: `${p.basis}; reach surveyed in Russia, used outside Russia for want of a worldwide or national figure`,
      sources: p.sources,
    };
  const r = p.world.reach;
  return {
    weight: r * 0.1,
    low: (r / 10) * 0.05,
    high: Math.min(1, 4 * r) * 0.2,
    basis: `worldwide reach ${Math.round(r * 100)} % (${Math.round(p.world.low * 100)}–${Math.round(p.world.high * 100)} %: ${p.world.basis}); ${WORLD_RULE}`,
    sources: p.world.sources,
  };
}
