/**
 * Which header names one choice. Files of one election spell a party or candidate in more than
 * one way (letter case, «» or "" quotes, a no-break or doubled space, a composed or decomposed
 * Ё, "Политическая партия" with or without "Всероссийская"); the choice is the same, so the
 * comparison key ignores those differences, while the stored name and label stay as first read.
 */
import type { ElectionChoiceRecord } from '../store/index.js';
import { choiceLabel, QUOTES } from './protocol.js';

/**
 * The key two spellings of one choice share: NFKC (composed letters, no-break space as space),
 * quotes dropped, whitespace runs as one space, ballot number and legal prefix stripped, lower
 * case, ё as е. Two names with one key are one choice; names with different keys are not.
 */
export function choiceKey(name: string): string {
  const plain = name.normalize('NFKC').replace(QUOTES, '').replace(/\s+/g, ' ').trim();
  return choiceLabel(plain).toLowerCase().replace(/ё/g, 'е');
}

/** A file's column read as a choice another file of the election already stored under another spelling. */
export interface MergedChoice {
  /** The header as this file spells it. */
  name: string;
  /** The stored choice's name it was counted under. */
  stored_as: string;
}

/**
 * Choices of a file mapped onto the election's stored list (by `choiceKey`; new ones appended).
 * A stored choice named again with the very same header takes the labels this code reads from
 * it (a re-import refreshes a name an earlier version could not translate); one named in another
 * spelling keeps its stored name and label, and the pair is listed in `merged`.
 */
export function mergeChoices(
  stored: readonly ElectionChoiceRecord[],
  id: string,
  incoming: readonly { name: string; label: string; label_en: string | null }[],
): { choices: ElectionChoiceRecord[]; map: number[]; merged: MergedChoice[] } {
  const choices = [...stored];
  const merged: MergedChoice[] = [];
  const map = incoming.map((c) => {
    const key = choiceKey(c.name);
    const at = choices.findIndex((s) => s.name === c.name);
    const same = at >= 0 ? at : choices.findIndex((s) => choiceKey(s.name) === key);
    if (same >= 0) {
      const was = choices[same]!;
      if (was.name === c.name) choices[same] = { ...was, label: c.label, label_en: c.label_en ?? was.label_en };
      else {
        choices[same] = { ...was, label_en: was.label_en ?? c.label_en };
        merged.push({ name: c.name, stored_as: was.name });
      }
      return was.idx;
    }
    choices.push({ election_id: id, idx: choices.length, name: c.name, label: c.label, label_en: c.label_en });
    return choices.length - 1;
  });
  return { choices, map, merged };
}
