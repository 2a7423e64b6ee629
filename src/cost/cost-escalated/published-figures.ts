/**
 * What NetBlocks' COST itself said a day of a full shutdown cost, each figure as published, with
 * where it was published and the words that attribute it to COST. Two are the anchors of k
 * (params.ts, COST_ANCHORS): explicit day figures for a whole country outside the G-20 and outside
 * sub-Saharan Africa, where COST uses the ICT-indicator proxy that k stands for. The others are
 * checks: a total over several days, an area smaller than the country, or a country of
 * sub-Saharan Africa, which COST prices with CIPESA's model instead. `scripts/cost-figures.mjs`
 * prices each with cost-escalated and prints the k each implies; docs/design/014 (Decision 1)
 * quotes the result.
 */

export type FigureRole = 'anchor' | 'check';
/** The model COST uses for the country: the ICT-indicator proxy, or CIPESA's (sub-Saharan Africa). */
export type FigureRegime = 'proxy' | 'cipesa';

export interface PublishedFigure {
  id: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The day priced: the shutdown's first day, or the day the figure was published for a what-if. */
  day: string;
  what: string;
  /** 'national' for the whole country, else what the source says was cut. */
  area: string;
  usd: number;
  /** The figure is for one day, or a total over `hours`. */
  per: 'day' | 'total';
  hours?: number;
  /** "in excess of", "~", "nearly": the figure is a bound or a rounding, as the source words it. */
  qualifier?: string;
  role: FigureRole;
  regime: FigureRegime;
  source: string;
  quote: string;
}

export const COST_PUBLISHED_FIGURES: readonly PublishedFigure[] = [
  {
    id: 'by-2020-08',
    country: 'BY',
    day: '2020-08-10',
    what: 'Belarus, August 2020, full shutdown',
    area: 'national',
    usd: 56.4e6,
    per: 'day',
    qualifier: '≈',
    role: 'anchor',
    regime: 'proxy',
    source: 'cost-methods.md §2 (the project brief), NetBlocks',
    quote: 'Belarus, August 2020, full shutdown ≈ $56.4 M per day',
  },
  {
    id: 'ir-2019-11',
    country: 'IR',
    day: '2019-11-17',
    what: 'Iran, November 2019, full shutdown',
    area: 'national',
    usd: 61e6,
    per: 'day',
    qualifier: '≈',
    role: 'anchor',
    regime: 'proxy',
    source: 'cost-methods.md §2 (the project brief), NetBlocks',
    quote: 'Iran, November 2019, full ≈ $61 M per day',
  },
  {
    id: 'iq-2019-10',
    country: 'IQ',
    day: '2019-10-03',
    what: 'Iraq, October 2019, seven days of blackout',
    area: 'the country but the Kurdistan Region',
    usd: 951e6,
    per: 'total',
    hours: 168,
    role: 'check',
    regime: 'proxy',
    source:
      'AFP, "Iraq cut the internet, and the economy suffered", 15 October 2019 (gpsdaily.com/reports/Iraq_cut_the_internet_and_the_economy_suffered_999.html)',
    quote: 'NetBlocks estimated the total losses to the Iraqi economy at $951 million … this only took into account the seven days of total blackout.',
  },
  {
    id: 'iq-2018-07',
    country: 'IQ',
    day: '2018-07-16',
    what: 'Iraq, July 2018, shutdown of the south and Baghdad',
    area: 'southern provinces, Baghdad and Kirkuk; social media blocked elsewhere',
    usd: 40e6,
    per: 'day',
    role: 'check',
    regime: 'proxy',
    source: 'Rudaw, 17 July 2018 (rudaw.net/english/business/17072018); Iraq Business News, 23 July 2018',
    quote:
      "The present internet shutdown may cost Iraq's economy some $40,000,000 per day … The Cost of Shutdown Tool (COST), created by NetBlocks and the Internet Society",
  },
  {
    id: 'ng-2021-06',
    country: 'NG',
    day: '2021-06-05',
    what: 'Nigeria, June 2021, a day of a full shutdown (₦48.6 bn at ₦361.98/$)',
    area: 'national',
    usd: 48.6e9 / 361.98,
    per: 'day',
    role: 'check',
    regime: 'cipesa',
    source: 'COST as reported by the Nigerian press on the day Twitter was blocked (hallmarknews.com, businessmetricsng.com, 5–6 June 2021); service-share.ts',
    quote: 'a day of a full shutdown ₦48.6 bn',
  },
  {
    id: 'et-2019-06',
    country: 'ET',
    day: '2019-06-22',
    what: 'Ethiopia, June 2019, nationwide shutdown after the coup attempt',
    area: 'national',
    usd: 4.5e6,
    per: 'day',
    qualifier: 'in excess of',
    role: 'check',
    regime: 'cipesa',
    source: 'ITWeb Africa, 26 June 2019; Al Jazeera, 25 June 2019 (aljazeera.com/economy/2019/6/25/outrage-over-ethiopias-continuing-internet-blackout)',
    quote: 'We estimate a daily loss to economy in excess of US$4.5 million (Alp Toker, NetBlocks)',
  },
  {
    id: 'et-2020-07',
    country: 'ET',
    day: '2020-06-30',
    what: 'Ethiopia, June–July 2020, 23-day nationwide shutdown',
    area: 'national',
    usd: 4.5e6,
    per: 'day',
    qualifier: 'in excess of',
    role: 'check',
    regime: 'cipesa',
    source: 'The EastAfrican, July 2020 (theeastafrican.co.ke/tea/business/-internet-shutdown-cost-ethiopia-over-100m-netblocks-1906706), quoting NetBlocks',
    quote: 'each day of an internet shutdown in Ethiopia runs up a bill in excess of $4.5 million … according to the Cost of Shutdown Tool (Cost)',
  },
  {
    id: 'zw-2020-07',
    country: 'ZW',
    day: '2020-07-15',
    what: 'Zimbabwe, July 2020, a day of a full shutdown (what-if)',
    area: 'national',
    usd: 5742421,
    per: 'day',
    role: 'check',
    regime: 'cipesa',
    source: 'Techzim, "How much will an internet shutdown cost the Zimbabwean economy?", July 2020',
    quote: 'the tool estimates that a single day of total shutdown in Zimbabwe would set the country back US$5 742 421',
  },
  {
    id: 'ga-2019-01',
    country: 'GA',
    day: '2019-01-07',
    what: 'Gabon, January 2019, 28-hour shutdown during the coup attempt',
    area: 'national',
    usd: 1e6,
    per: 'total',
    hours: 28,
    qualifier: '~',
    role: 'check',
    regime: 'cipesa',
    source:
      'NetBlocks, "Evidence of internet shutdown in Gabon amid apparent coup attempt", 8 January 2019 (netblocks.org/reports/evidence-of-gabon-full-internet-shutdown-coup-attempt-dQ8oo18n)',
    quote: 'with the outages lasting 28 hours; estimated COST impact to economy ~$1,000,000',
  },
  {
    id: 'sz-2021-06',
    country: 'SZ',
    day: '2021-06-29',
    what: 'Eswatini, June–July 2021, shutdown during the protests',
    area: 'national',
    usd: 1753201,
    per: 'day',
    role: 'check',
    regime: 'cipesa',
    source: 'SA Shares, "Internet shutdown cost Eswatini US$8m", July 2021',
    quote: 'According to the NetBlocks Cost of Shutdown Tool (COST) … the daily cost of internet shutdown was estimated at US$1 753 201',
  },
];

/** A figure in US$ a day: a total over its hours spread evenly. */
export function usdPerDay(f: PublishedFigure): number {
  if (f.per === 'day') return f.usd;
  if (!f.hours || f.hours <= 0) throw new Error(`${f.id}: a total needs its hours`);
  return (f.usd / f.hours) * 24;
}

/**
 * The k a figure implies in the proxy's shape (a day's cost = GDP / days · k · users share), given
 * what cost-escalated prices the same day at with its median k: k scales the day linearly, so the
 * implied k is the median k × COST's day ÷ ours. For an area smaller than the country it is the
 * k of the whole country, and so a lower bound.
 */
export function impliedK(f: PublishedFigure, oursUsdPerDay: number, kMedian: number): number {
  return (kMedian * usdPerDay(f)) / oursUsdPerDay;
}
