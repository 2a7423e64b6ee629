/**
 * The CEC protocol header, in Russian, mapped to named columns. Headers vary by election
 * ("внесенных"/"включенных", "в помещении"/"избирателям в помещении", the 2020 vote's own
 * wording), so each named column is recognised by the words that define it, in a fixed order
 * where one phrase contains another. A header that lacks the lines every protocol has is
 * refused with the missing columns named; columns we recognise but do not store are reported.
 */
import type { CountColumn, ElectionChoice, ElectionKind } from './model.js';

const ID_COLUMNS = ['level', 'name', 'region', 'oik', 'tik', 'uik', 'url', 'reg'] as const;
type IdColumn = (typeof ID_COLUMNS)[number];

/** First match wins; each rule lists words that must all occur (case-insensitive). */
const RULES: { col: CountColumn | 'ignored'; words: string[] }[] = [
  { col: 'ignored', words: ['открепительн'] },
  { col: 'registered', words: ['число избирателей'] },
  { col: 'registered', words: ['число участников голосования'] },
  { col: 'received', words: ['полученных участковой'] },
  { col: 'issued_early', words: ['выданных', 'досрочно'] },
  { col: 'issued_outside', words: ['выданных', 'вне помещения'] },
  { col: 'issued_station', words: ['выданных', 'в помещении'] },
  { col: 'issued', words: ['бюллетеней, выданных'] },
  { col: 'cancelled', words: ['погашенных'] },
  { col: 'in_mobile', words: ['переносных'] },
  { col: 'in_stationary', words: ['стационарных'] },
  { col: 'in_boxes', words: ['содержащихся в ящиках'] },
  { col: 'invalid', words: ['недействительных'] },
  { col: 'valid', words: ['действительных'] },
  { col: 'lost', words: ['утраченных'] },
  { col: 'unaccounted', words: ['не учтенных'] },
];

export interface HeaderMap {
  /** Column index per named count; absent = the protocol has no such line. */
  counts: Partial<Record<CountColumn, number>>;
  ids: Partial<Record<IdColumn, number>>;
  choices: { index: number; choice: ElectionChoice }[];
  /** Recognised protocol lines we do not store (absentee certificates). */
  ignored: string[];
  width: number;
}

const EN: [RegExp, string][] = [
  [/ЕДИНАЯ РОССИЯ/i, 'United Russia'],
  [/КОММУНИСТИЧЕСКАЯ ПАРТИЯ РОССИЙСКОЙ ФЕДЕРАЦИИ|^КПРФ$/i, 'Communist Party (KPRF)'],
  [/КОММУНИСТЫ РОССИИ/i, 'Communists of Russia'],
  [/ЛДПР|Либерально-демократическая/i, 'LDPR'],
  [/НОВЫЕ ЛЮДИ/i, 'New People'],
  [/СПРАВЕДЛИВАЯ РОССИЯ/i, 'A Just Russia'],
  [/ЯБЛОКО/i, 'Yabloko'],
  [/ПАРТИЯ РОСТА/i, 'Party of Growth'],
  [/ПЕНСИОНЕРОВ/i, 'Party of Pensioners'],
  [/РОДИНА/i, 'Rodina'],
  [/ЗЕЛ[ЕЁ]НАЯ АЛЬТЕРНАТИВА/i, 'Green Alternative'],
  [/ЗЕЛ[ЕЁ]НЫЕ/i, 'Greens'],
  [/Гражданская Платформа/i, 'Civic Platform'],
  [/ПАРНАС/i, 'PARNAS'],
  [/ПАТРИОТЫ РОССИИ/i, 'Patriots of Russia'],
  [/ПРАВОЕ ДЕЛО/i, 'Right Cause'],
  [/Гражданская Сила/i, 'Civilian Power'],
  [/СВОБОДЫ И СПРАВЕДЛИВОСТИ|^РПСС$/i, 'Party of Freedom and Justice'],
  [/^Путин /, 'Vladimir Putin'],
  [/^Медведев /, 'Dmitry Medvedev'],
  [/^Зюганов /, 'Gennady Zyuganov'],
  [/^Жириновский /, 'Vladimir Zhirinovsky'],
  [/^Грудинин /, 'Pavel Grudinin'],
  [/^Собчак /, 'Ksenia Sobchak'],
  [/^Явлинский /, 'Grigory Yavlinsky'],
  [/^Прохоров /, 'Mikhail Prokhorov'],
  [/^Миронов /, 'Sergey Mironov'],
  [/^Даванков /, 'Vladislav Davankov'],
  [/^Слуцкий /, 'Leonid Slutsky'],
  [/^Харитонов /, 'Nikolay Kharitonov'],
  [/^Бабурин /, 'Sergey Baburin'],
  [/^Сурайкин /, 'Maxim Suraykin'],
  [/^Титов /, 'Boris Titov'],
  [/^ДА$/, 'Yes'],
  [/^НЕТ$/, 'No'],
];

/** "5. Всероссийская политическая партия "ЕДИНАЯ РОССИЯ"" -> "ЕДИНАЯ РОССИЯ". */
export function choiceLabel(name: string): string {
  return name
    .replace(/^\d+\.\s*/, '')
    .replace(/^(Общественная организация\s+)?(Всероссийская\s+)?политическая партия\s+/i, '')
    .replace(/"/g, '')
    .trim();
}

export const choiceEnglish = (label: string): string | null => EN.find(([re]) => re.test(label))?.[1] ?? null;

const lower = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

/** Map a header row. Unknown columns after the identifiers are choices (parties, candidates). */
export function mapHeader(header: string[]): HeaderMap {
  const m: HeaderMap = { counts: {}, ids: {}, choices: [], ignored: [], width: header.length };
  header.forEach((raw, index) => {
    const h = raw.trim();
    if ((ID_COLUMNS as readonly string[]).includes(h)) {
      m.ids[h as IdColumn] = index;
      return;
    }
    const l = lower(h);
    const rule = l.startsWith('число') ? RULES.find((r) => r.words.every((w) => l.includes(w))) : undefined;
    if (rule?.col === 'ignored') m.ignored.push(h);
    else if (rule && m.counts[rule.col] === undefined) m.counts[rule.col] = index;
    else if (rule) m.ignored.push(h);
    else if (h) {
      const label = choiceLabel(h);
      m.choices.push({ index, choice: { idx: m.choices.length, name: h, label, label_en: choiceEnglish(label) } });
    }
  });
  return m;
}

/** The columns a header must have to be read as a protocol; empty when none is missing. */
export function missingColumns(m: HeaderMap): string[] {
  const miss: string[] = [];
  if (m.ids.region === undefined) miss.push('region');
  if (m.counts.registered === undefined) miss.push('registered (Число избирателей, включенных/внесенных в список)');
  if (m.counts.valid === undefined && m.counts.in_boxes === undefined) miss.push('valid (Число действительных избирательных бюллетеней)');
  if (m.counts.invalid === undefined) miss.push('invalid (Число недействительных избирательных бюллетеней)');
  const issued = ['issued', 'issued_early', 'issued_station', 'issued_outside'] as const;
  if (issued.every((c) => m.counts[c] === undefined)) miss.push('issued (Число избирательных бюллетеней, выданных ...)');
  if (m.choices.length === 0) miss.push('at least one party or candidate column');
  return miss;
}

/** A Duma list has numbered parties, the 2020 vote ДА/НЕТ; anything else is a presidential ballot. */
export function kindOf(m: HeaderMap): ElectionKind {
  const labels = m.choices.map((c) => c.choice.name);
  if (labels.includes('ДА') && labels.includes('НЕТ')) return 'referendum';
  if (labels.some((n) => /^\d+\.\s/.test(n))) return 'duma';
  return 'president';
}

/** The election year from a file name such as kobak-2021.csv.zip or 2018.csv; null if none. */
export function yearOf(fileName: string): number | null {
  const m = /(?:^|[^0-9])((?:19|20)\d\d)(?:[^0-9]|$)/.exec(fileName);
  return m ? Number(m[1]) : null;
}
