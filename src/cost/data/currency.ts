/**
 * Which currency a country's "local currency units" (World Bank LCU, national statistics) are.
 * The World Bank keys its exchange rates by country, not by currency, so we need this to label
 * amounts and to accept `--currency CODE`. Each code is the country's currency today; a year
 * the World Bank series quotes in an earlier currency is labelled by `quotedCurrency`
 * (./redenominations.ts). Countries missing here are labelled "LCU:<cc>" and can still be costed
 * in local units and US dollars. Euro-area members: EUR.
 *
 * A currency several countries use has one rate per US dollar; where the World Bank publishes it
 * as a row of its own (the euro area, EMU), that row is the currency's rate, stored under the
 * area's code (CURRENCY_AREAS), and converts to that currency: a member's row (Montenegro's,
 * Kosovo's, Andorra's) can differ from it by a fraction of a percent.
 */
import { quotedCurrency } from './redenominations.js';

const TABLE =
  'RU:RUB CN:CNY US:USD BY:BYN KZ:KZT UZ:UZS KG:KGS TJ:TJS TM:TMT AZ:AZN AM:AMD GE:GEL UA:UAH MD:MDL ' +
  'IR:IRR IQ:IQD SY:SYP TR:TRY EG:EGP SD:SDG SS:SSP ET:ETB ER:ERN SO:SOS KE:KES UG:UGX TZ:TZS RW:RWF BI:BIF ' +
  'CD:CDF CG:XAF CM:XAF TD:XAF CF:XAF GA:XAF GQ:XAF NG:NGN GH:GHS BJ:XOF BF:XOF CI:XOF ML:XOF NE:XOF SN:XOF TG:XOF GW:XOF ' +
  'GN:GNF SL:SLE LR:LRD GM:GMD MR:MRU MA:MAD DZ:DZD TN:TND LY:LYD ZW:ZWG ZM:ZMW MW:MWK MZ:MZN AO:AOA ZA:ZAR NA:NAD ' +
  'BW:BWP SZ:SZL LS:LSL MG:MGA MU:MUR IN:INR PK:PKR BD:BDT LK:LKR NP:NPR AF:AFN MM:MMK TH:THB LA:LAK KH:KHR VN:VND ' +
  'MY:MYR SG:SGD ID:IDR PH:PHP KP:KPW KR:KRW JP:JPY MN:MNT HK:HKD MO:MOP TW:TWD SA:SAR AE:AED QA:QAR KW:KWD BH:BHD ' +
  'OM:OMR YE:YER JO:JOD LB:LBP IL:ILS PS:ILS CU:CUP VE:VED NI:NIO HN:HNL GT:GTQ SV:USD EC:USD PA:PAB CO:COP PE:PEN ' +
  'BO:BOB PY:PYG UY:UYU AR:ARS CL:CLP BR:BRL MX:MXN CA:CAD GB:GBP CH:CHF NO:NOK SE:SEK DK:DKK IS:ISK PL:PLN CZ:CZK ' +
  'HU:HUF RO:RON BG:BGN RS:RSD BA:BAM MK:MKD AL:ALL ME:EUR XK:EUR AU:AUD NZ:NZD ' +
  'AT:EUR BE:EUR CY:EUR DE:EUR EE:EUR ES:EUR FI:EUR FR:EUR GR:EUR HR:EUR IE:EUR IT:EUR LT:EUR LU:EUR LV:EUR MT:EUR ' +
  'NL:EUR PT:EUR SI:EUR SK:EUR SM:EUR MC:EUR MF:EUR AD:EUR ' +
  'AW:AWG AS:USD AG:XCD BS:BSD BZ:BZD BM:BMD BB:BBD BN:BND BT:BTN KM:KMF CV:CVE CR:CRC CW:ANG KY:KYD DJ:DJF DM:XCD ' +
  'DO:DOP FJ:FJD FO:DKK FM:USD GI:GIP GD:XCD GL:DKK GU:USD GY:GYD HT:HTG IM:GBP JM:JMD KI:AUD KN:XCD LC:XCD MV:MVR ' +
  'MH:USD MP:USD NC:XPF NR:AUD PW:USD PG:PGK PR:USD PF:XPF SB:SBD ST:STN SR:SRD SX:ANG SC:SCR TC:USD TL:USD TO:TOP ' +
  'TT:TTD VC:XCD VI:USD VU:VUV WS:WST';

const byCountry = new Map(TABLE.split(' ').map((p) => p.split(':') as [string, string]));

/** A currency's own rate row: its World Bank aggregate code, the code its rates are stored under (the World Bank's alpha-2 for the area), and its name. */
export interface CurrencyArea {
  currency: string;
  wb: string;
  geo: string;
  name: string;
}

export const CURRENCY_AREAS: readonly CurrencyArea[] = [{ currency: 'EUR', wb: 'EMU', geo: 'XC', name: 'euro area' }];

/** The currency area a World Bank row code stands for (EMU: the euro area), if any. */
export const areaOfWorldBankCode = (code: string): CurrencyArea | undefined => CURRENCY_AREAS.find((a) => a.wb === code.trim().toUpperCase());

const areaOfGeo = (geo: string) => CURRENCY_AREAS.find((a) => a.geo === geo);

/** How a rate's holder is named in words: "euro area (EUR)" for an area, the country code otherwise. */
export const rateHolderName = (geo: string): string => {
  const a = areaOfGeo(geo);
  return a ? `${a.name} (${a.currency})` : geo;
};

/** ISO 4217 code of a country's (or currency area's) local currency, or "LCU:<cc>" when we do not know it. */
export const currencyOf = (country: string): string => areaOfGeo(country)?.currency ?? byCountry.get(country) ?? `LCU:${country}`;

/** The currency a country's World Bank annual figures of `year` are quoted in (its code then, as the series gives it). */
export const currencyOfYear = (country: string, year: number): string => quotedCurrency(country, year, currencyOf(country));

/** Countries whose local currency is this code (e.g. EUR -> many). */
export function countriesOfCurrency(code: string): string[] {
  if (code.startsWith('LCU:')) return [code.slice(4)];
  return [...byCountry.entries()].filter(([, c]) => c === code).map(([cc]) => cc);
}

/** Whose rates convert US dollars to this currency: its area's where it has one (EUR: the euro area), else the first country using it. */
export const rateHolderOf = (code: string): string | undefined => CURRENCY_AREAS.find((a) => a.currency === code)?.geo ?? countriesOfCurrency(code)[0];

export const isKnownCurrency = (code: string): boolean => code === 'USD' || [...byCountry.values()].includes(code);
