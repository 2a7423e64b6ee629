/**
 * The CEC protocol header, in Russian, mapped to named columns. Headers vary by election
 * ("внесенных"/"включенных", "в помещении"/"избирателям в помещении", the 2020 vote's own
 * wording), so each named column is recognised by the words that define it, in a fixed order
 * where one phrase contains another.
 *
 * Three protocols are known, each with its own rule for which columns are its choices: the 2020
 * vote's ДА and НЕТ; a State Duma party list's numbered parties ("5. <party>"); a presidential
 * ballot's candidates, named as people are (surname, first name, patronymic). A Duma list also
 * reads an unnumbered party column whose name is quoted or carries the legal prefix
 * («ЕДИНАЯ РОССИЯ», "Единая Россия", Политическая партия ...), so another file's spelling of a
 * party is counted, never dropped. A header is read as the first protocol (in that order) whose
 * every needed column it has; a header complete for none is refused, naming what the closest
 * protocol lacks. A column that is neither an identifier, a count nor a choice of the protocol
 * read (nor a choice the caller says the election already stores) is listed as ignored, and as
 * unread when it is no protocol line (the reader then tells whether its cells are counts).
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
  /** The protocol read (the closest one when `missing` is not empty). */
  kind: ElectionKind;
  /** The columns that protocol needs and the header lacks; empty when the header is complete. */
  missing: string[];
  /** Column index per named count; absent = the protocol has no such line. */
  counts: Partial<Record<CountColumn, number>>;
  ids: Partial<Record<IdColumn, number>>;
  choices: { index: number; choice: ElectionChoice }[];
  /** Columns not stored: protocol lines we do not keep (absentee certificates) and columns the protocol read does not have. */
  ignored: string[];
  /** The ignored columns that are no protocol line ("Число ..."): a note, or a choice in a spelling no rule reads. */
  unread: { index: number; name: string }[];
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

/** Every kind of quotation mark a header may wrap a party's name in. */
export const QUOTES = /["'«»„“”‟‘’‚`]/g;

/** A party's legal prefix ("Всероссийская политическая партия", "Политическая партия"). */
const PARTY_PREFIX = /^(Общественная организация\s+)?(Всероссийская\s+)?политическая партия\s+/i;

/** "5. Всероссийская политическая партия "ЕДИНАЯ РОССИЯ"" -> "ЕДИНАЯ РОССИЯ"; «ЕДИНАЯ РОССИЯ» -> "ЕДИНАЯ РОССИЯ". */
export function choiceLabel(name: string): string {
  return name
    .replace(/^\d+\.\s*/, '')
    .replace(PARTY_PREFIX, '')
    .replace(/["«»„“”]/g, '')
    .trim();
}

/** A Duma list's numbered party column: "5. <party>". */
const NUMBERED = /^\d+\.\s/;
/** An unnumbered party column: a name wrapped in quotes of any kind, or one carrying the legal prefix. */
const UNNUMBERED_PARTY = /^(?:[«"„“”'‘’][^]*[»"“”'‘’]|(?:Общественная организация\s+)?(?:Всероссийская\s+)?политическая партия\s+\S[^]*)$/i;

export const choiceEnglish = (label: string): string | null => EN.find(([re]) => re.test(label))?.[1] ?? null;

const lower = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

/** A candidate as the presidential protocol names one: "Путин Владимир Владимирович" (initials allowed). */
const PERSON = /^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:\s+[А-ЯЁ](?:[а-яё]+(?:-[А-ЯЁ][а-яё]+)?|\.)){1,3}$/;

/** A known protocol: which columns are its choices, and which of those it cannot do without. */
interface Protocol {
  kind: ElectionKind;
  isChoice: (name: string) => boolean;
  missingChoices: (names: string[]) => string[];
}

/** In the order a header is tried against them (the most specific first). */
export const PROTOCOLS: readonly Protocol[] = [
  {
    kind: 'referendum',
    isChoice: (n) => n === 'ДА' || n === 'НЕТ',
    missingChoices: (names) => ['ДА', 'НЕТ'].filter((c) => !names.includes(c)),
  },
  {
    kind: 'duma',
    isChoice: (n) => NUMBERED.test(n) || UNNUMBERED_PARTY.test(n),
    // the list is known by its numbered parties; an unnumbered one alone does not make a header a Duma list
    missingChoices: (names) => (names.some((n) => NUMBERED.test(n)) ? [] : ['at least one numbered party column ("1. <party>")']),
  },
  {
    kind: 'president',
    isChoice: (n) => PERSON.test(n),
    missingChoices: (names) => (names.length ? [] : ['at least one candidate column (surname first-name patronymic)']),
  },
];

/** The count and identifier lines every protocol needs. */
function missingCounts(m: Pick<HeaderMap, 'ids' | 'counts'>): string[] {
  const miss: string[] = [];
  if (m.ids.region === undefined) miss.push('region');
  if (m.counts.registered === undefined) miss.push('registered (Число избирателей, включенных/внесенных в список)');
  if (m.counts.valid === undefined && m.counts.in_boxes === undefined) miss.push('valid (Число действительных избирательных бюллетеней)');
  if (m.counts.invalid === undefined) miss.push('invalid (Число недействительных избирательных бюллетеней)');
  const issued = ['issued', 'issued_early', 'issued_station', 'issued_outside'] as const;
  if (issued.every((c) => m.counts[c] === undefined)) miss.push('issued (Число избирательных бюллетеней, выданных ...)');
  return miss;
}

/**
 * Map a header row: identifiers and counts by name, then the choices of the first protocol the
 * header completes (or, when none, of the closest: fewest columns missing, then most choices
 * found). `stored` says whether a name is a choice the election already stores (in any
 * spelling): such a column is read as a choice too, whatever the protocol's own rule says, but
 * never decides the protocol. Every other column is in `ignored`.
 */
export function mapHeader(header: string[], stored: (name: string) => boolean = () => false): HeaderMap {
  const counts: HeaderMap['counts'] = {};
  const ids: HeaderMap['ids'] = {};
  const ignored: string[] = [];
  const rest: { index: number; name: string }[] = [];
  header.forEach((raw, index) => {
    const h = raw.trim();
    if ((ID_COLUMNS as readonly string[]).includes(h)) {
      ids[h as IdColumn] = index;
      return;
    }
    const l = lower(h);
    const rule = l.startsWith('число') ? RULES.find((r) => r.words.every((w) => l.includes(w))) : undefined;
    if (rule?.col === 'ignored') ignored.push(h);
    else if (rule && counts[rule.col] === undefined) counts[rule.col] = index;
    else if (rule) ignored.push(h);
    else rest.push({ index, name: h });
  });
  const common = missingCounts({ ids, counts });
  const fits = PROTOCOLS.map((p) => {
    const own = rest.filter((c) => p.isChoice(c.name));
    return { p, own, missing: [...common, ...p.missingChoices(own.map((c) => c.name))] };
  });
  const best =
    fits.find((f) => f.missing.length === 0) ??
    fits.reduce((a, b) => (b.missing.length < a.missing.length || (b.missing.length === a.missing.length && b.own.length > a.own.length) ? b : a));
  const read = rest.filter((c) => best.p.isChoice(c.name) || stored(c.name));
  const choices = read.map(({ index, name }, idx) => {
    const label = choiceLabel(name);
    return { index, choice: { idx, name, label, label_en: choiceEnglish(label) } };
  });
  const unread = rest.filter((c) => !read.includes(c));
  for (const c of unread) ignored.push(c.name || `(column ${c.index + 1}, no name)`);
  return { kind: best.p.kind, missing: best.missing, counts, ids, choices, ignored, unread, width: header.length };
}

/** The columns the header lacks for the protocol it is closest to; empty when it is complete. */
export const missingColumns = (m: HeaderMap): string[] => m.missing;

/** The protocol the header was read as: ДА/НЕТ the 2020 vote, numbered parties a Duma list, candidates a presidential ballot. */
export const kindOf = (m: HeaderMap): ElectionKind => m.kind;

/** The years a file name gives (kobak-2021.csv.zip: 2021; data-2016-2021.csv: 2016 and 2021), each once, in order. */
export function yearsOf(fileName: string): number[] {
  const years = [...fileName.matchAll(/(?<![0-9])((?:19|20)\d\d)(?![0-9])/g)].map((m) => Number(m[1]));
  return [...new Set(years)];
}

/** The first year a file name gives; null if none. */
export const yearOf = (fileName: string): number | null => yearsOf(fileName)[0] ?? null;
