import { describe, expect, it } from 'vitest';
import { attribute, clipTable, spaceOf, type AsnMeta } from './asn.js';
import { union } from './intervals.js';
import { asOf } from './lookup.js';

const meta = { version: 'test' } as AsnMeta;
// Synthetic AS table: AS1 [0,99], AS2 [100,199] and an overlapping row [150,249] (clipped to [200,249]), AS1 again [300,399].
const table = clipTable(
  Float64Array.from([0, 100, 150, 300]),
  Float64Array.from([99, 199, 249, 399]),
  Uint32Array.from([1, 2, 3, 1]),
  new Map([
    [1, 'Org One'],
    [2, 'Org Two'],
    [3, 'Org Three'],
  ]),
  meta,
);

describe('AS attribution', () => {
  it('clips overlapping rows (earlier wins) and totals announced space', () => {
    expect(Array.from(table.first)).toEqual([0, 100, 200, 300]);
    expect(table.announced.get(1)).toBe(200);
    expect(table.announced.get(3)).toBe(50);
  });
  it('splits a set across ASes and counts the unannounced rest', () => {
    // [50,120] -> AS1 50, AS2 21; [240,310] -> AS3 10, gap 250..299 = 50 unrouted, AS1 11; [500,509] unrouted
    const r = attribute(
      union([
        [50, 120],
        [240, 310],
        [500, 509],
      ]),
      table,
    );
    expect(Object.fromEntries(r.byAsn)).toEqual({ 1: 61, 2: 21, 3: 10 });
    expect(r.unrouted).toBe(60);
  });
  it('space of an AS and the AS of one address', () => {
    expect(Array.from(spaceOf(table, [1]).first)).toEqual([0, 300]);
    expect(asOf(table, 205)).toEqual({ asn: 3, org: 'Org Three' });
    expect(asOf(table, 260)).toBeNull();
  });
});
