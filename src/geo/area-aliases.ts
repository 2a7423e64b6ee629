/**
 * Area names our gazetteer does not carry, rewritten to the units they stand for before names
 * are matched. Each entry is a well-known alternative name (an English spelling, an
 * abbreviation, a former unit that was split or merged, a region made of several units) with
 * where the mapping comes from. Only unambiguous names are here: "northern Iraq" or
 * "Houthi-controlled areas" name no fixed set of units and stay unmatched. Where the area is
 * only part of the units, the mapping is an upper bound and says so.
 */
import { GROUP_CLOSE, GROUP_OPEN } from './alias-groups.js';

/** The districts of the Kashmir Valley and of its parts, as GeoNames spells them, read as districts of Jammu and Kashmir. */
const KASHMIR = {
  south: 'Anantnag, Kulgam, Pulwama and Shupiyan districts, Jammu and Kashmir',
  central: 'Srinagar, Badgam and Ganderbal districts, Jammu and Kashmir',
  north: 'Baramula, Bandipore and Kupwara districts, Jammu and Kashmir',
  valley: 'Anantnag, Badgam, Bandipore, Baramula, Ganderbal, Kulgam, Kupwara, Pulwama, Shupiyan and Srinagar districts, Jammu and Kashmir',
};

/** [pattern, replacement text] per country; the replacement is matched like any area text. */
export const ALIASES: Record<string, [RegExp, string][]> = {
  IN: [
    // The Kashmir Valley (Kashmir division) is 10 of Jammu and Kashmir's 20 districts; the press
    // groups them as south (Anantnag, Kulgam, Pulwama, Shopian), central (Srinagar, Budgam,
    // Ganderbal) and north Kashmir (Baramulla, Bandipora, Kupwara). Where the area text begins
    // with the valley or one of its parts, that is the area cut off: its districts. Named after a
    // place ("Shopian, South Kashmir"), it locates the place and stays the union territory below,
    // which a region named right after a place is read as: context.
    // "Both Jammu and the Kashmir valley": the territory's two divisions, all of it.
    [/\bboth jammu and (?:the )?kashmir valley\b/gi, ' Jammu and Kashmir '],
    [/^\s*north,\s*central,?\s*and\s*south\s+kashmir\b/i, ` ${KASHMIR.valley} `],
    [/^\s*(?:the\s+)?(?:entire\s+|whole\s+|all\s+of\s+(?:the\s+)?)?kashmir\s+(?:valley|division)(?:\s+districts)?\b/i, ` ${KASHMIR.valley} `],
    [/^\s*(?:the\s+)?south(?:ern)?\s+kashmir(?:\s+(?:valley|division|districts))?\b/i, ` ${KASHMIR.south} `],
    [/^\s*(?:the\s+)?central\s+kashmir(?:\s+(?:valley|division|districts))?\b/i, ` ${KASHMIR.central} `],
    [/^\s*(?:the\s+)?north(?:ern)?\s+kashmir(?:\s+(?:valley|division|districts))?\b/i, ` ${KASHMIR.north} `],
    // "Kashmir" elsewhere: the union territory (an upper bound where the valley is meant).
    [/(?<!jammu and\s*)\b(north|south|central)?\s*kashmir( valley)?\b/gi, ' Jammu and Kashmir '],
    // Spellings of district names in Indian press and government orders.
    [/\bshopian\b/gi, ' Shupiyan '],
    [/\bbarelly\b/gi, ' Bareilly '],
    [/\bbisnupur\b/gi, ' Bishnupur '],
    // Mehsana: the district's official English spelling (Gujarat government); GeoNames has Mahesana.
    [/\bmehsana\b/gi, ' Mahesana '],
    // Beed: the district's official English spelling; GeoNames has Bid. Chhatrapati Sambhajinagar:
    // Aurangabad district of Maharashtra, renamed in 2023 (Government of Maharashtra).
    [/\bbeed\b/gi, ' Bid '],
    // Budgam: the district's official spelling (J&K government); GeoNames has Badgam. West and
    // East Champaran: the English names of Bihar's Pashchim and Purba Champaran districts.
    [/\bbudgam\b/gi, ' Badgam '],
    [/\bwest champaran\b/gi, ' Pashchim Champaran '],
    [/\beast champaran\b/gi, ' Purba Champaran '],
    [/\bchhatrapati sambhaji ?nagar\b/gi, ' Aurangabad '],
    // Punjab's districts by the names in its government's orders: SAS Nagar (Sahibzada Ajit Singh
    // Nagar, Mohali), GeoNames' Ajitgarh; SBS Nagar (Shahid Bhagat Singh Nagar, Nawanshahr until 2008).
    [/\b(?:SAS Nagar|Sahibzada Ajit Singh Nagar)\b/gi, ' Ajitgarh '],
    [/\b(?:SBS Nagar|(?:Shahid|Shaheed|Sahid) Bhagat Singh Nagar)\b/gi, ' Shahid Bhagat Singh Nagar '],
    // States renamed: Orissa → Odisha (2011), Uttaranchal → Uttarakhand (2007); J&K, the usual abbreviation.
    [/\borissa\b/gi, ' Odisha '],
    [/\buttaranchal\b/gi, ' Uttarakhand '],
    [/\bJ\s*&\s*K\b/g, ' Jammu and Kashmir '],
  ],
  IQ: [
    // The Kurdistan Region's four governorates (Kurdistan Regional Government; Halabja since 2014); in Iraq "the Kurdish region/areas" names it.
    [/\b(kurdistan( region)?|kurdish (region|areas)|KRI|KRG)\b/gi, ' Erbil, Duhok, Sulaymaniyah, Halabja '],
    // Erbil: Irbil (common English spelling), Hawler/Hewlêr (Kurdish name).
    [/\b(irbil|hawler|hewler|hewlêr)\b/gi, ' Erbil '],
  ],
  SD: [
    // Darfur and Kordofan: the former provinces, now five and three states (Sudan's 1994 and 2012 divisions).
    [
      /(?<!(north|south|west|east|central|northern|southern|western|eastern)\s*)\bdarfur( region)?\b/gi,
      ' North Darfur, South Darfur, West Darfur, Central Darfur, East Darfur ',
    ],
    [/(?<!(north|south|west|northern|southern|western)\s*)\bkordofan( region)?\b/gi, ' North Kordofan, South Kordofan, West Kordofan '],
  ],
  ET: [
    // SNNPR (Southern Nations, Nationalities, and Peoples' Region) was split after GeoNames' units
    // were drawn: Sidama Region (2020), South West Ethiopia Peoples' Region (2021), and the rest into
    // Central Ethiopia and South Ethiopia (2023). Together they are its former territory.
    [
      /\bSNNPR?\b|\bsouthern nations,? nationalities,? and peoples['’]?( region| regional state)?/gi,
      ' Sidama, South West Ethiopia Peoples, Central Ethiopia, South Ethiopia ',
    ],
    // Tigrai: the region's own spelling (Tigrinya), common in English press.
    [/\btigrai\b/gi, ' Tigray '],
    // Addis Abeba: the chartered city's own spelling (Amharic romanisation), a GeoNames alternate
    // name of the city only; spelt so it is the city region, as "Addis Ababa" is.
    [/\baddis abeba\b/gi, ' Addis Ababa '],
  ],
  YE: [
    // Al Hudaydah: Hodeidah/Hodeida (the usual English spelling, UN and press).
    [/\bhodeidah?\b/gi, ' Al Hudaydah '],
    // Sa'dah: Saada (the usual English spelling), a GeoNames alternate name of the city only.
    [/\bsaada\b/gi, ' Şa‘dah '],
    // Hadramawt: Hadhramout, Hadramout, Hadhramaut, Hadramaut (English spellings).
    [/\bhadh?ram(aw|ou|au|a)t\b/gi, ' Hadramawt '],
  ],
  PK: [
    // Azad Jammu and Kashmir (AJK): the territory's official name; GeoNames calls it Azad Kashmir.
    [/\b(azad jammu and kashmir|azad kashmir|AJK)\b/gi, ' Azad Kashmir '],
    // FATA: the seven tribal agencies, merged into Khyber Pakhtunkhwa as districts in 2018 (25th
    // Amendment). The six frontier regions, a few per cent of FATA's people, are left out.
    [
      /\b(federally administered tribal areas?|FATA)\b/gi,
      ' Bajaur Agency, Mohmand Agency, Khyber Agency, Orakzai Agency, Kurram District, North Waziristan District, South Waziristan Agency ',
    ],
    // Jehlum, DG Khan / D.G. Khan, Noshki: spellings in Pakistani press and orders of GeoNames'
    // Jhelum, Dera Ghazi Khan and Nushki.
    [/\bjehlum\b/gi, ' Jhelum '],
    [/\bD\.?\s?G\.?\s+Khan\b/g, ' Dera Ghazi Khan '],
    // DI Khan / D.I. Khan: Dera Ismail Khan, as DG Khan is Dera Ghazi Khan.
    [/\bD\.?\s?I\.?\s+Khan\b/g, ' Dera Ismail Khan '],
    [/\bnoshki\b/gi, ' Nushki '],
    // North and South Waziristan: the districts (agencies until 2018) by their names without "Agency".
    [/\bsouth waziristan( agency| district)?\b/gi, ' South Waziristan Agency '],
    // Khyber Pakhtunkhwa: KP/KPK, and its name until 2010 (18th Amendment), North-West Frontier Province (NWFP).
    [/\b(KPK?|NWFP|north[- ]west frontier province)\b/g, ' Khyber Pakhtunkhwa '],
  ],
  CM: [
    // The Anglophone regions (and STOP's "Angolophone"): North-West and South-West, the former
    // British Southern Cameroons; "NOSO" is the French shorthand (Nord-Ouest/Sud-Ouest).
    [/\bango?lophone( regions?| areas?| cameroon)?\b|\bNOSO\b|\bsouthern cameroons?\b/gi, ' North-West, South-West '],
  ],
  EG: [
    // The Sinai Peninsula: the governorates of North Sinai and South Sinai (Egypt's administrative division).
    [/(?<!(north|south)\s*)\bsinai( peninsula)?\b/gi, ' North Sinai, South Sinai '],
  ],
  AZ: [
    // Nagorno-Karabakh (Artsakh, its Armenian name): the former autonomous oblast, divided in 1991
    // into Khankendi city and the Khojaly, Khojavend and Shusha districts (Azerbaijani law of 26
    // November 1991; a strip went to Tartar and Kalbajar). The 1994-2020 zone around it is not included.
    [/\b(nagorno[- ]karabakh|artsakh)( region)?\b/gi, ' Xankendi, Khojaly, Khojavend, Shusha '],
  ],
  MM: [
    // English names the 1989 Adaptation of Expressions Law replaced, still common in the press.
    [/\barakan\b/gi, ' Rakhine '],
    [/\bkarenni\b/gi, ' Kayah '],
    [/\bkaren\b/gi, ' Kayin '],
    [/\brangoon\b/gi, ' Yangon '],
    [/\btenasserim\b/gi, ' Tanintharyi '],
    [/\birrawaddy\b/gi, ' Ayeyarwady '],
  ],
  UA: [
    // The Donbas: Donetsk and Luhansk oblasts.
    [/\bdonbass?\b/gi, ' Donetsk, Luhansk '],
  ],
  CD: [
    // The Kivus: North and South Kivu (one Kivu province until 1988).
    [/(?<!(north|south|nord|sud)[- ]?)\bkivus?\b/gi, ' North Kivu, South Kivu '],
  ],
  BD: [
    // The Chittagong Hill Tracts: Rangamati, Khagrachhari and Bandarban districts.
    [/\b(chittagong|chattogram) hill tracts\b|\bCHT\b/gi, ' Rangamati District, Khagrachhari District, Bandarban District '],
  ],
  VN: [
    // Saigon (Sài Gòn): Ho Chi Minh City, so named since 1976 (GeoNames: Ho Chi Minh City).
    [/\b(saigon|sai gon|sài gòn)\b/gi, ' Ho Chi Minh City '],
  ],
  KZ: [
    // Nur-Sultan: the capital, Astana, was so named from March 2019 to September 2022 (GeoNames: Astana).
    [/\bnur[- ]?sultan\b/gi, ' Astana '],
  ],
  ML: [
    // Timbuktu (STOP: "Timbaktu"): the English name of Tombouctou, GeoNames' French one, city and region.
    [/\btimb[au]ktu\b/gi, ' Tombouctou '],
  ],
  LY: [
    // Al-Khums (الخمس, also Al-Khoms, "Al-Khamis" in STOP), the coastal city beside Misrata and Zliten; GeoNames: Al Khums.
    [/\bal[- ]kh(amis|oms)\b/gi, ' Al Khums '],
  ],
  RU: [
    // Баймак, Bashkortostan: "Baimak" in the English press, Baymak in GeoNames (BGN/PCGN romanisation of й).
    [/\bbaimak\b/gi, ' Baymak '],
  ],
  NG: [
    // Nigeria's six geopolitical zones (the states of each, as the federal government groups them).
    [/\bsouth[- ]?east(ern)?( geopolitical)?( zone| region)?\b/gi, ' Abia, Anambra, Ebonyi, Enugu, Imo '],
    [/\bsouth[- ]?south( geopolitical)?( zone| region)?\b/gi, ' Akwa Ibom, Bayelsa, Cross River, Delta, Edo, Rivers '],
    [/\bsouth[- ]?west(ern)?( geopolitical)?( zone| region)?\b/gi, ' Ekiti, Lagos, Ogun, Ondo, Osun, Oyo '],
    [/\bnorth[- ]?east(ern)?( geopolitical)?( zone| region)?\b/gi, ' Adamawa, Bauchi, Borno, Gombe, Taraba, Yobe '],
    [/\bnorth[- ]?west(ern)?( geopolitical)?( zone| region)?\b/gi, ' Jigawa, Kaduna, Kano, Katsina, Kebbi, Sokoto, Zamfara '],
    [/\bnorth[- ]?central( geopolitical)?( zone| region)?\b/gi, ' Benue, Kogi, Kwara, Nasarawa, Niger, Plateau, FCT '],
  ],
};

/**
 * The text with the country's aliases applied ("Jammu & Kashmir" is spelt out everywhere); the
 * units an alias of several units stands for are marked as a group (alias-groups.ts).
 */
export function applyAliases(cc: string, text: string): string {
  return (ALIASES[cc] ?? []).reduce(
    (t, [re, to]) => t.replace(re, to.includes(',') ? `${GROUP_OPEN}${to}${GROUP_CLOSE}` : to),
    text.replace(/jammu\s*(&|and)\s*kashmir/gi, 'Jammu and Kashmir'),
  );
}
