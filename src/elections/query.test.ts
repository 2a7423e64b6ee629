import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { mapHeader } from './protocol.js';
import { leaderOf, type Loaded } from './query.js';
import { splitCsv, textOf } from './text.js';

/** The real 2021 party list and a real 2024 ballot, as an imported election holds them (no store is read when a leader is named). */
const loaded = (file: string, id: string): Loaded => {
  const text = textOf(readFileSync(packagePath('test', 'fixtures', 'elections', file)));
  const h = mapHeader(splitCsv(text.slice(0, text.indexOf('\n')))!);
  const [kind, year] = id.split('-');
  return {
    election: { id, kind: kind!, year: Number(year), title: id },
    choices: h.choices.map(({ choice }) => ({ election_id: id, ...choice })),
    files: [],
  };
};
const deps = { store: {} as Store };

describe('--leader', () => {
  const duma = loaded('kobak-2021-moscow.csv.zip', 'duma-2021');
  it('a number is the ballot number the header gives the party: 1 is the KPRF, 5 United Russia', async () => {
    expect((await leaderOf(deps, duma, '1')).label_en).toBe('Communist Party (KPRF)');
    expect((await leaderOf(deps, duma, '5')).label_en).toBe('United Russia');
    expect((await leaderOf(deps, duma, '2')).label_en).toBe('Greens');
  });
  it('a ballot number no party has is refused naming it', async () => {
    await expect(leaderOf(deps, duma, '0')).rejects.toThrow(/no party with ballot number 0 in duma-2021/);
    await expect(leaderOf(deps, duma, '15')).rejects.toThrow(/ballot number 15/);
  });
  it('the usual abbreviation of a party answers to it: КПРФ, ЛДПР', async () => {
    expect((await leaderOf(deps, duma, 'КПРФ')).label_en).toBe('Communist Party (KPRF)');
    expect((await leaderOf(deps, duma, 'кпрф')).label_en).toBe('Communist Party (KPRF)');
    expect((await leaderOf(deps, duma, 'ЛДПР')).label_en).toBe('LDPR');
    expect((await leaderOf(deps, duma, 'единая')).label_en).toBe('United Russia');
  });
  it('a ballot without numbers refuses a number', async () => {
    const pres = loaded('kobak-2024-electronic-voting.csv', 'president-2024');
    await expect(leaderOf(deps, pres, '1')).rejects.toThrow(/no ballot numbers/);
    expect((await leaderOf(deps, pres, 'Путин')).label_en).toBe('Vladimir Putin');
  });
});
