/**
 * Platform weights: the share of the value of internet use lost when only this platform is
 * unavailable (national average). No open source publishes such shares (Brookings 2016 used
 * unpublished app-value estimates; NetBlocks COST does not publish its weights), so each weight
 * is our documented assumption: reach (share of people using the platform, from the surveys
 * cited) × the share of a user's online value with no ready substitute (10 %, range 5–20 %).
 * Ranges are wide on purpose and feed the Monte Carlo. Override per request with
 * --platform-weight / platform_weight. Reach figures are for Russia unless noted.
 */
export interface PlatformWeight {
  id: string;
  names: string[];
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

export const PLATFORMS: readonly PlatformWeight[] = [
  { id: 'whatsapp', names: ['WhatsApp'], weight: 0.06, low: 0.02, high: 0.15, basis: `reach 41 % (2018) to 73 % (2022); ${RULE}`, sources: [MEDIA, VTSIOM] },
  { id: 'youtube', names: ['YouTube'], weight: 0.05, low: 0.02, high: 0.12, basis: `reach 35 % (2021) to 60 % (2022); ${RULE}`, sources: [LEVADA, VTSIOM] },
  {
    id: 'vk',
    names: ['VK', 'VKontakte', 'ВКонтакте'],
    weight: 0.05,
    low: 0.02,
    high: 0.1,
    basis: `reach 43 % (2021) to 53 % (2022); ${RULE}`,
    sources: [LEVADA, VTSIOM],
  },
  { id: 'telegram', names: ['Telegram'], weight: 0.03, low: 0.005, high: 0.08, basis: `reach 8 % (2018) to 50 % (2022); ${RULE}`, sources: [MEDIA, VTSIOM] },
  { id: 'instagram', names: ['Instagram'], weight: 0.03, low: 0.01, high: 0.06, basis: `reach 25–31 % (2020–2021); ${RULE}`, sources: [LEVADA, RKN] },
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
  { id: 'tiktok', names: ['TikTok'], weight: 0.014, low: 0.007, high: 0.03, basis: `reach 14 % (2021); ${RULE}`, sources: [LEVADA] },
  {
    id: 'facebook',
    names: ['Facebook', 'Facebook Messenger'],
    weight: 0.009,
    low: 0.004,
    high: 0.02,
    basis: `reach 8–9 % (2020–2021); ${RULE}`,
    sources: [LEVADA, RKN],
  },
  { id: 'twitter', names: ['Twitter', 'X'], weight: 0.004, low: 0.0015, high: 0.013, basis: `reach 3–6.5 % (2020–2021); ${RULE}`, sources: [LEVADA, RKN] },
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
