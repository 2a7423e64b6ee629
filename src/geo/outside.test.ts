// A name found only outside the regions an area text names, on real STOP area texts (Access Now
// #KeepItOn STOP, snapshot of 2026-05-20: area_name cells quoted unchanged) and the shipped
// gazetteer extract (data/geo/gazetteer.json.gz: GeoNames, CC BY 4.0).
import { describe, expect, it } from 'vitest';
import { getRegion } from './codes.js';
import { geocodeArea } from './geocode.js';

const iso = (c: string) => {
  const r = getRegion(c);
  return r ? [r.name] : [];
};
const geo = (cc: string, text: string, scope = 'local') => geocodeArea(cc, text, scope, iso);
const regionsOfPlaces = (cc: string, text: string, scope = 'local') => [...new Set(geo(cc, text, scope).places.map((p) => p.region))];

describe('a name found only outside the regions the text names', () => {
  it('a word of a longer name ("SAS Nagar", "Shastri Nagar") is not a town of another state', () => {
    for (const [text, scope, state] of [
      [
        '20 police jurisdictions across Bathinda, Fatehgarh Sahib, Mansa, Patiala, Sangrur, SAS Nagar, and Sri Muktsar Sahib Districts, Punjab',
        'regional',
        'IN-PB',
      ],
      ['Tarn Taran, Ferozepur, Moga and Sangrur Districts, parts of Sahibzada Ajit Singh Nagar and Amritsar Districts, Punjab', 'regional', 'IN-PB'],
      ['Kapurthala, Jalandhar, Hoshiarpur and Sahid Bhagat Singh Nagar districts of Punjab', 'regional', 'IN-PB'],
      ['Jalandhar, Hoshiarpur, Kapurthala and SBS Nagar of Punjab', 'regional', 'IN-PB'],
      ['Shastri Nagar, Jamshedpur District, Jharkhand', 'local', 'IN-JH'],
    ] as const) {
      const r = geo('IN', text, scope);
      expect(r.regions, text).toEqual([state]);
      expect(regionsOfPlaces('IN', text, scope), text).toEqual([state]);
    }
    // the Punjab districts by the names the orders give them
    expect(geo('IN', 'Jalandhar, Hoshiarpur, Kapurthala and SBS Nagar of Punjab', 'regional').places.map((p) => p.name)).toContain('Shahid Bhagat Singh Nagar');
    expect(
      geo('IN', '9 police jurisdictions across Bathinda, Mansa, Patiala, SAS Nagar, and Sri Muktsar Sahib Districts, Punjab', 'regional').places.map(
        (p) => p.name,
      ),
    ).toContain('Ajitgarh');
    // "Shastri Nagar" lies in the district named after it: the area is Jamshedpur district
    expect(geo('IN', 'Shastri Nagar, Jamshedpur District, Jharkhand').places.map((p) => [p.kind, p.name])).toEqual([['district', 'Jamshedpur']]);
  });

  it('a town or district of another state than the one the text names is not taken (Kanpur, Rampur, Sultanpur)', () => {
    const udaipur = 'Badgaon, Balicha, Bedla, Bhuwana, Debari, Dhikali, Eklingpura, and Kanpur towns and Udaipur city, Udaipur District, Rajasthan';
    expect(geo('IN', udaipur).regions).toEqual(['IN-RJ']);
    expect(geo('IN', udaipur).population_affected!.estimate).toBeLessThan(1_000_000);
    const kathua = geo('IN', 'Rampur (Billawar) and Panjtithi areas, Kathua District, Jammu & Kashmir');
    expect(kathua.regions).toEqual(['IN-JK']);
    expect(kathua.places.map((p) => [p.kind, p.name])).toEqual([['district', 'Kathua']]);
    const ambala =
      'Bari Ghel, Dadiyana, Dangdehri, Devi Nagar, Kakru, Kalu Majra, Lharsa, Lohgarh, Manakpur, Saddopur, and Sultanpur villages, Ambala District, Haryana';
    expect(geo('IN', ambala).regions).toEqual(['IN-HR']);
    expect(regionsOfPlaces('IN', ambala)).toEqual(['IN-HR']);
    // nor one spelt with other spaces (Hiranagar, Jammu and Kashmir)
    const glossed = ambala.replace('Devi Nagar,', 'Devi Nagar (Hira Nagar, Naresh Vihar),').replace('Bari Ghel,', 'Bari Ghel, Choti Ghel,');
    expect(geo('IN', glossed).regions).toEqual(['IN-HR']);
  });

  it('keeps a place inside the region named, and one the region named right after it locates (borders move)', () => {
    // Nagar is a town of Bharatpur district, Rajasthan
    expect(geo('IN', 'Deeg, Nagar, Kaman, Pahari and Sikri areas, Bharatpur, Rajasthan').places.map((p) => p.name)).toContain('Nagar');
    // Paltan lies in Dhaka: "Naya" is a word of its name
    expect(geo('BD', 'Naya Paltan area, Dhaka').places.map((p) => p.name)).toEqual(['Paltan']);
    // Kargil (Ladakh since 2019), named right before the state it lay in
    expect(geo('IN', 'Kargil town, Jammu and Kashmir').places.map((p) => [p.name, p.region])).toEqual([['Kargil', 'IN-LA']]);
    // a list of Jammu and Kashmir's districts of 2020 that names Kargil and Leh (Ladakh) keeps both
    const jk = geo(
      'IN',
      'Anantnag,Badgam,Bandipore,Baramula,Doda,Ganderbal,Jammu,Kargil,Kathua,Kishtwar,Kulgam,Kupwara,Leh (ladakh),Poonch,Pulwama,Rajouri,Ramban,Reasi,Samba,Shupiyan,Srinagar,Udhampur, in Jammu and Kashmir ',
      'regional',
    );
    expect(jk.places.filter((p) => p.region === 'IN-LA').map((p) => p.name)).toEqual(['Kargil', 'Leh']);
    // a city that is a region of its own is the text naming that region
    const chandigarh = geo(
      'IN',
      'Punjab state, Haryana state, Chandigarh city (at the intersection of the Punjab and Haryana but part of no state), and the Sriganganagar district and Hanumangarh district in Rajasthan state.',
      'regional',
    );
    expect(chandigarh.places.map((p) => p.region)).toContain('IN-CH');
    // a region that is one more item of a list holds nothing: Karachi and Lahore are not Islamabad's
    const pk = geo('PK', 'Islamabad, Karachi, Lahore, Mianwali, Shahdadpur, and Tando Allahyar', 'regional'); // SYNTHETIC: a shortened list of the record's cities
    expect(pk.places.map((p) => p.name)).toEqual(expect.arrayContaining(['Karachi', 'Lahore', 'Shahdadpur']));
    // a text that names the other state keeps its places
    const rj = geo('IN', 'Rajasthan (also in Meerut and Saharanpur in western Uttar Pradesh, Palwal, Haryana, and Maharashtra)');
    expect(rj.regions).toEqual(expect.arrayContaining(['IN-RJ', 'IN-UP', 'IN-HR', 'IN-MH']));
  });
});
