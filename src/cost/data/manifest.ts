/**
 * The economic data the product ships in data/costs (see data/costs/SOURCES.md), with the kind
 * of parser each file needs and the citation every value loaded from it carries. `db seed`
 * loads these; `splinternet data import KIND FILE` loads newer files of the same formats.
 */
export const IMPORT_KINDS = ['worldbank', 'owid', 'rosstat-grp', 'rosstat-regional', 'nbs-grp', 'cbr-usd-rub'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ShippedFile {
  path: string; // relative to the package root
  kind: ImportKind;
  source: string;
  vintage: string;
  year?: number;
  indicator?: string;
}

const WB = 'World Bank, World Development Indicators (CC BY 4.0)';

export const DEFAULT_SOURCES: Record<ImportKind, string> = {
  worldbank: WB,
  owid: 'Our World in Data, from ITU / World Bank (CC BY 4.0)',
  'rosstat-grp': 'Rosstat, Russian Statistical Yearbook: gross regional product (official statistics)',
  'rosstat-regional': 'Rosstat, Russian Statistical Yearbook: regional information-society indicators',
  'nbs-grp': 'National Bureau of Statistics of China, gross regional product by province',
  'cbr-usd-rub': 'Bank of Russia, official USD/RUB rate (R01235)',
};

export const SHIPPED: readonly ShippedFile[] = [
  { path: 'data/costs/worldbank_gdp_current_usd__datasets-gdp.csv', kind: 'worldbank', indicator: 'NY.GDP.MKTP.CD', source: `${WB}: GDP (current US$), NY.GDP.MKTP.CD, via datasets/gdp`, vintage: 'datasets/gdp @ 822019c, last updated 2026-02-24' },
  { path: 'data/costs/worldbank_population__datasets-population.csv', kind: 'worldbank', indicator: 'SP.POP.TOTL', source: `${WB}: population, SP.POP.TOTL, via datasets/population`, vintage: 'datasets/population @ 425fc44 (2026-03-06)' },
  { path: 'data/costs/worldbank_IT.NET.USER.ZS_internet_users_pct__plotly-figure-friday.csv', kind: 'worldbank', source: `${WB}: individuals using the Internet (% of population), IT.NET.USER.ZS (source ITU)`, vintage: 'WB bulk CSV v2_2160 (plotly/Figure-Friday 2024 week 48)' },
  { path: 'data/costs/extra/worldbank_NY.GDP.MKTP.CN_gdp_current_LCU_1960-2023__TomSadeh-WHE.csv', kind: 'worldbank', source: `${WB}: GDP (current LCU), NY.GDP.MKTP.CN`, vintage: 'World Bank WDI, last updated 2025-03-24' },
  { path: 'data/costs/extra/worldbank_IT.CEL.SETS.P2_mobile_subs_per100_1960-2021__adeelriasat-data-ads-1.csv', kind: 'worldbank', source: `${WB}: mobile cellular subscriptions per 100 people, IT.CEL.SETS.P2 (source ITU)`, vintage: 'World Bank WDI, last updated 2023-03-01' },
  { path: 'data/costs/extra/owid_IT.NET.BBND.P2_fixed_broadband_per100_1998-2021__vicho-bece.csv', kind: 'owid', indicator: 'IT.NET.BBND.P2', source: 'Our World in Data (ITU): fixed broadband subscriptions per 100 people (CC BY 4.0)', vintage: 'OWID via vicho-bece/internetusers-for-years @ 30153f3' },
  { path: 'data/costs/extra/worldbank_PA.NUS.FCRF_official_exchange_rate_LCU_per_USD_1960-2023__Binhe-Jia-cocoa.csv', kind: 'worldbank', source: `${WB}: official exchange rate (LCU per US$, period average), PA.NUS.FCRF`, vintage: 'World Bank WDI, last updated 2025-03-24' },
  { path: 'data/costs/extra/worldbank_PA.NUS.FCRF_CHN_RUS_rows_1960-2025__nigeria-market-analysis_excerpt.csv', kind: 'worldbank', source: `${WB}: official exchange rate (LCU per US$, period average), PA.NUS.FCRF (CHN, RUS rows)`, vintage: 'World Bank WDI, last updated 2026-07-13' },
  { path: 'data/costs/extra/cbr_USD_RUB_official_daily_1992-07-01_2023-11-30__sberindex.csv', kind: 'cbr-usd-rub', source: 'Bank of Russia, official USD/RUB rate (R01235), daily', vintage: 'CBR export to 2023-11-30, via Kirill-Murashev/sberindex @ 3d9c4a6' },
  { path: 'data/costs/rosstat_GRP_by_region_2020__yearbook2022_tbl12.19.csv', kind: 'rosstat-grp', year: 2020, source: 'Rosstat, Russian Statistical Yearbook 2022, table 12.19: gross regional product 2020', vintage: 'Russian Statistical Yearbook 2022' },
  { path: 'data/costs/rosstat_GRP_by_region_2021__yearbook2023.csv', kind: 'rosstat-grp', year: 2021, source: 'Rosstat, Russian Statistical Yearbook 2023, table 12.22: gross regional product 2021', vintage: 'Russian Statistical Yearbook 2023' },
  { path: 'data/costs/rosstat_internet_use_by_region_2021.csv', kind: 'rosstat-regional', year: 2021, source: 'Rosstat, Russian Statistical Yearbook 2022, table 21.17: use of the Internet by region, 2021', vintage: 'Russian Statistical Yearbook 2022' },
  { path: 'data/costs/rosstat_internet_use_by_region_2022.csv', kind: 'rosstat-regional', year: 2022, source: 'Rosstat, Russian Statistical Yearbook 2023, table 21.15: use of the Internet by region, 2022', vintage: 'Russian Statistical Yearbook 2023' },
  { path: 'data/costs/rosstat_internet_mobile_subscribers_per100_by_region_2021.csv', kind: 'rosstat-regional', year: 2021, source: 'Rosstat, Russian Statistical Yearbook 2022, table 21.18: Internet subscriptions per 100 people by region, 2021', vintage: 'Russian Statistical Yearbook 2022' },
  { path: 'data/costs/rosstat_internet_mobile_subscribers_per100_by_region_2022.csv', kind: 'rosstat-regional', year: 2022, source: 'Rosstat, Russian Statistical Yearbook 2023, table 21.16: subscriptions per 100 people by region, 2022', vintage: 'Russian Statistical Yearbook 2023' },
  { path: 'data/costs/nbs_china_grp_by_province_2004-2023_100m_cny.csv', kind: 'nbs-grp', source: 'National Bureau of Statistics of China: gross regional product by province, current prices (AnnualbyProvince)', vintage: 'NBS AnnualbyProvince.xls via jialingzhang0730/Local_GDP_Estimates_Around_the_World @ c5b5de2' },
];

/**
 * The command that loads an indicator a method reads, for a scenario refused because this
 * database lacks it: the kind of file it comes in (fixed broadband per 100 from OWID, every
 * other national indicator from the World Bank), and `db seed` for the shipped files.
 */
export function loadCommand(indicator: string): string {
  const kind = SHIPPED.find((f) => f.indicator === indicator || f.path.includes(indicator))?.kind ?? 'worldbank';
  return `\`splinternet data import ${kind} FILE --indicator ${indicator}\` (or the shipped data with \`splinternet db seed\`)`;
}
