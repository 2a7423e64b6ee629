/**
 * Region names as the CEC writes them ("город Москва", "Кемеровская область - Кузбасс") to
 * ISO 3166-2 codes, and a user's --region (English, Russian or a code) to the same codes.
 * Election data lists Arkhangelsk and Tyumen oblasts without their autonomous okrugs (which
 * have rows of their own), so those names map to the oblast proper.
 */
import { matchRegionName } from '../geo/index.js';

const CEC_FIXES: [RegExp, string][] = [
  [/^город\s+/i, ''],
  [/\s+-\s+(Кузбасс|Чувашия)$/i, ''],
  [/^H/, 'Н'], // a Latin H in "Hижегородская" in some vintages
  [/\s*\([^()]*\)$/, ''], // "Республика Татарстан (Татарстан)", "Республика Адыгея (Адыгея)"
];
const OBLAST_PROPER: Record<string, string> = { 'RU-ARK': 'RU-ARK', 'RU-TYU': 'RU-TYU' };

export function regionCode(name: string): string | null {
  for (const candidate of [name, CEC_FIXES.reduce((s, [re, to]) => s.replace(re, to), name)]) {
    const m = matchRegionName('RU', candidate);
    if (m.kind === 'region') return m.code;
    if (m.kind === 'aggregate' && m.reason === 'oblast_with_okrugs' && m.includes?.[0]) return OBLAST_PROPER[m.includes[0]] ?? null;
  }
  if (/Севастополь/i.test(name)) return 'UA-40';
  return null;
}
