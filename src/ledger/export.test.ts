import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../shared/index.js';
import { EVENT_COLUMNS, EVENT_PARQUET_COLUMNS, eventColumnKind, flattenEvent } from './export.js';
import { EventInputSchema, LedgerEventSchema, type LedgerEvent } from './model.js';

// A shipped event (Cyrillic actor names, two sources) given every optional field: people_affected
// from the shipped Telegram block, the geocoded ones as the geocoder writes them for STOP's
// "Kurdistan" (Iraq).
const shipped = (id: string) => EventInputSchema.parse(JSON.parse(readFileSync(packagePath('data', 'ledger', 'events', `${id}.json`), 'utf8')));
const input = shipped('ru-2018-cloud-ip-range-blocking');
const event: LedgerEvent = LedgerEventSchema.parse({
  ...input,
  people_affected: shipped('ru-2018-telegram-block').people_affected,
  regions: ['RU-MOW', 'RU-SPE'],
  networks: ['AS16509', 'AS15169'],
  places: [
    {
      name: 'Erbil',
      kind: 'region',
      region: 'IQ-AR',
      region_name: 'Erbil',
      population: 3161583,
      population_method: 'census',
      geonames_id: null,
      confidence: 'high',
    },
  ],
  population_affected: {
    estimate: 6532102,
    share: 0.14,
    method: 'sum of 4 region population(s)',
    confidence: 'low',
    national_population: 46042015,
    year: 2024,
    sources: ['GeoNames'],
    note: null,
  },
  geocode: { status: 'ok', text: 'Kurdistan', reason: null, unmatched: [] },
  region_notes: [{ code: 'UA-43', equivalents: ['RU-CR'], note: 'disputed' }],
  revision: 3,
  created_at: '2026-01-02T03:04:05.000Z',
  updated_at: '2026-01-03T03:04:05.000Z',
});

describe('flat event columns', () => {
  it('are the keys of the event document, each flattened by its kind', () => {
    expect(EVENT_COLUMNS).toEqual(Object.keys(LedgerEventSchema.shape));
    const doc = event as unknown as Record<string, unknown>;
    const flat = flattenEvent(event);
    expect(Object.keys(flat)).toEqual(EVENT_COLUMNS);
    for (const k of EVENT_COLUMNS) {
      const v = doc[k];
      const cell = flat[k];
      const kind = eventColumnKind(k);
      if (v === null || v === undefined) expect(cell, k).toBeNull();
      else if (kind === 'json') expect(JSON.parse(cell as string), k).toEqual(v);
      else if (kind === 'joined') expect((cell as string).split('; '), k).toEqual(v);
      // A value that is a list or an object must be declared joined or JSON, not passed through.
      else expect(typeof v === 'object', `${k} holds ${JSON.stringify(v)} but is not declared joined or JSON`).toBe(false);
    }
  });

  it('every field of the sample is filled, so the check above saw each kind of value', () => {
    const empty = EVENT_COLUMNS.filter((k) => {
      const v = (event as unknown as Record<string, unknown>)[k];
      return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
    });
    expect(empty).toEqual(['end']);
  });

  it('Parquet types: times and the revision typed, nested fields JSON, the rest text', () => {
    const types = Object.fromEntries(EVENT_PARQUET_COLUMNS.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({
      revision: 'BIGINT',
      created_at: 'TIMESTAMPTZ',
      updated_at: 'TIMESTAMPTZ',
      sources: 'JSON',
      targets: 'JSON',
      countries: 'VARCHAR',
      start: 'VARCHAR',
    });
    expect(EVENT_PARQUET_COLUMNS.map((c) => c.name)).toEqual(EVENT_COLUMNS);
  });
});
