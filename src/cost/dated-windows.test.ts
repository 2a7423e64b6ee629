// Cuts whose text dates both ends: real STOP records (test/fixtures/stop/dated-windows.csv; Access
// Now #KeepItOn STOP, 2026-05-20 snapshot) mapped by the importer's own code and read by the
// pricing's own schedule. The one-line texts of the "phrasings" block are SYNTHETIC.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent, StopRow } from '../ledger/index.js';
import { mapStopRow } from '../ledger/stop/map.js';
import { stopEvent, stopFixture, stopRecord } from '../ledger/stop/testing.js';
import { apartWindow, datedWindows, instantAt, unionHours } from './dated-windows.js';
import { eventScenario } from './event-scenario.js';
import { clockWindow, datedSchedule, scheduleOf } from './schedule.js';

const rows = parse<StopRow>(readFileSync(new URL('../../test/fixtures/stop/dated-windows.csv', import.meta.url)), { columns: true });
const events = rows.map((r, i) => {
  const m = mapStopRow(r, '2026-05-20');
  if ('reject' in m) throw new Error(m.reject);
  return { ...(m.fields as unknown as LedgerEvent), id: `dw-${i}` };
});
const of = (country: string, start: string) => events.find((e) => e.countries[0] === country && e.start === start && e)!;
/** Hours priced: the span's hours × the active share the mapping gives (1 when the span is whole). */
function pricedHours(e: LedgerEvent): { hours: number; mapping: string } {
  const { input, mapping } = eventScenario(e);
  const span = (Date.parse(input.end!) + 86_400_000 - Date.parse(input.start!)) / 3_600_000;
  return { hours: span * (input.active_share ?? 1), mapping: mapping.join(' | ') };
}

describe('dated windows in real records', () => {
  it('reads both ends of an order with its dates, where a clock reader saw "10 to 12:00pm"', () => {
    const e = of('IN', '2025-12-10'); // "from 12:00pm on Dec. 10 to 12:00pm on Dec. 11"
    expect(pricedHours(e).hours).toBeCloseTo(24, 6);
    expect(pricedHours(e).mapping).toMatch(/dated windows as stated/);
    const palwal = rows.find((r) => r.area_name.startsWith('Palwal'))!;
    expect(clockWindow(palwal.event)).toBeNull(); // "Jun. 17 to 20:00" is a date, not 17:00-20:00
    expect(pricedHours(events[rows.indexOf(palwal)]!).hours).toBeCloseTo(26, 6); // two districts, 20:00 and 22:00 to the next day: their union
  });

  it('sums the cuts a record lists, one reading per window (Chad, four cuts between Feb. 28 and Mar. 7, 2024)', () => {
    const e = of('TD', '2024-02-28');
    const w = datedWindows(e.summary, Date.parse('2024-02-28'));
    expect(w.map((x) => (x.to - x.from) / 3_600_000)).toEqual([55.25, 1, 7, 5.5]); // 2024 is a leap year: Feb. 29 lies between
    expect(pricedHours(e).hours).toBeCloseTo(68.75, 6);
  });

  it('takes a time stated as "Mar. 23 at 12:00", and a day without a time at its middle', () => {
    expect(pricedHours(of('IN', '2023-03-21')).hours).toBeCloseTo(72, 6); // 12:00 Mar. 21 to 12:00 Mar. 24 in two orders
    expect(pricedHours(of('IN', '2023-07-20')).hours).toBeCloseTo(123, 6); // "from Jul. 20 to 15:00 on Jul. 25": noon of Jul. 20
    const panama = pricedHours(of('PA', '2025-06-14')); // Cable Onda Jun. 14-16, then the order from 7:00pm Jun. 20 "to Jun. 25"
    expect(panama.hours).toBeCloseTo(47 + 4 * 24 + 17, 6);
  });

  it('leaves to the other readings a record whose windows do not reach its last day, or that says it was extended beyond them', () => {
    // Bihar: "from 14:00 on Jun. 17 to Jun. 19, and then extended until Jun. 20": the extension's hours are not stated.
    const bihar = of('IN', '2022-06-17');
    expect(scheduleOf(bihar.summary, 96, false, Date.parse('2022-06-17'))).toBeNull();
    expect(pricedHours(bihar).mapping).toMatch(/dates only, no times/);
    expect(pricedHours(bihar).hours).toBeCloseTo(72, 6);
    // Kenya: clock windows, no dated ones; the daily schedule reading is unchanged.
    expect(datedWindows(of('KE', '2024-11-07').summary, Date.parse('2024-11-07'))).toEqual([]);
  });

  it("windows that fill the record's dates price them whole, not as dates without times (SYNTHETIC text on a real record)", () => {
    const e = {
      ...of('IN', '2025-12-10'),
      summary: 'Internet was suspended from 0:00 on Dec. 10 to 12:00 on Dec. 11, and extended from 12:00 on Dec. 11 to 0:00 on Dec. 12.',
    };
    expect(datedSchedule(e.summary, 48, Date.parse('2025-12-10'))).toBe('whole');
    expect(eventScenario(e).input.active_share).toBeUndefined(); // 48 h, where its dates alone give 24 h on average
    expect(pricedHours({ ...e, summary: 'Internet was suspended.' }).hours).toBeCloseTo(24, 6);
  });

  it.each([
    // "on Jul. 16 between 5:30am (local, UTC+4:30) until around 9:30pm (local, UTC+4:30)": the date first
    ['AF', '2024-07-16', 16],
    // "between 8:45pm (UTC+0) until 10:45pm (UTC+0) on Feb. 20": a zone in parentheses after the first time
    ['IL', '2024-02-20', 2],
    // "from 10:30am local time on Oct. 26 to 08:05am local time on Oct. 27": "local time" without parentheses
    ['IR', '2022-10-26', 21.5833333333],
    // "from 11:45 (local time) on Nov. 17 until at least 11:45 (local time) on Nov. 19": an end the record could confirm
    ['IN', '2024-11-17', 48],
    // "from 12:00am (local time, UTC+5) on Oct. 9 until at least Oct. 13": to the middle of that day
    ['PK', '2025-10-09', 4 * 24 + 12],
  ])('%s %s: the window its text dates is read (%f h)', (cc, start, hours) => {
    const e = of(cc, start);
    const w = datedWindows(e.summary, Date.parse(start));
    expect(unionHours(w, -Infinity, Infinity).hours).toBeCloseTo(hours, 6);
  });

  it("days with their hours in parentheses, Cloudflare's style (Senegal, 3–6 June 2023): the union of five windows over two networks, 47.08 h", () => {
    const e = of('SN', '2023-06-03');
    const w = datedWindows(e.summary, Date.parse('2023-06-03'));
    // "June 4-5 (13:45 - 02:05 UTC)" runs from the first day's first time to the last day's last time
    expect(w.find((x) => x.phrase.startsWith('June 4-5'))!).toMatchObject({ from: Date.UTC(2023, 5, 4, 13, 45), to: Date.UTC(2023, 5, 5, 2, 5) });
    expect(pricedHours(e).hours).toBeCloseTo(47 + 5 / 60, 6);
  });

  it("a start and an end stated apart, on the record's first and last days (Senegal 2024, Gaza 2023); not a start stated for a later day (Bangladesh, 4–5 August 2024)", () => {
    // "with effect from 22:00 on Feb. 4 … offline for most of the period until 7:30 on Feb. 7"
    const sn = of('SN', '2024-02-04');
    expect(apartWindow(sn.summary, Date.parse('2024-02-04'), Date.parse('2024-02-08'))?.phrase).toBe('with effect from 22:00 on Feb. 4 … until 7:30 on Feb. 7');
    expect(pricedHours(sn).hours).toBeCloseTo(57.5, 6);
    // "starting from 3:00pm on Dec. 14 … slowly restored by 1:00pm on Dec. 17"
    expect(pricedHours(of('PS', '2023-12-14')).hours).toBeCloseTo(70, 6);
    // "The full shutdown … started around 10:30am local time on Aug. 5": the mobile shutdown began on Aug. 4, at a time no verb of a start gives
    const bd = of('BD', '2024-08-04');
    expect(apartWindow(bd.summary, Date.parse('2024-08-04'), Date.parse('2024-08-06'))).toBeNull();
    expect(pricedHours(bd).mapping).toMatch(/dates only, no times/);
  });

  it('the windows so read price the record (Kabul 2024: 16 h, where its date alone gave 8 h on average)', () => {
    const kabul = pricedHours(of('AF', '2024-07-16'));
    expect(kabul.hours).toBeCloseTo(16, 6);
    expect(kabul.mapping).toMatch(/dated windows as stated/);
    expect(pricedHours(of('IN', '2024-11-17')).hours).toBeCloseTo(48, 6);
  });

  it('two windows on one day (Guinea-Bissau, MTN then Orange) are 7 h; the Ranchi order is its 33 h', () => {
    expect(pricedHours(of('GW', '2024-07-27')).hours).toBeCloseTo(7, 6);
    expect(pricedHours(of('IN', '2022-06-10')).hours).toBeCloseTo(33, 6);
  });
});

describe('phrasings (SYNTHETIC)', () => {
  const start = Date.parse('2024-12-30');
  it('a window into the next year, and one past midnight on one date', () => {
    const [w] = datedWindows('suspended from 18:00 on Dec. 30 to 18:00 on Jan. 2.', start);
    expect(new Date(w!.to).toISOString()).toBe('2025-01-02T18:00:00.000Z');
    const [n] = datedWindows('cut between 22:00 and 3:00 on Dec. 31', start);
    expect((n!.to - n!.from) / 3_600_000).toBe(5);
  });
  it('a 24-hour time marked pm is that time (Libya, 2023-10-06: "from 15:00pm (UTC+0) on Oct. 6 until 14:00pm (UTC+0) on Oct. 13")', () => {
    const [w] = datedWindows('starting from 15:00pm (UTC+0) on Oct. 6 until 14:00pm (UTC+0) on Oct. 13.', Date.parse('2023-10-06'));
    expect((w!.to - w!.from) / 3_600_000).toBe(167);
  });
  it('a zone named without parentheses and an approximate end: Gabon 2023 ("from 16:45 UTC on Aug. 26 until around 6:00 UTC on Aug. 30") is 85.25 h', () => {
    expect(pricedHours(of('GA', '2023-08-26')).hours).toBeCloseTo(85.25, 6);
    // "from 9:00pm (UTC+0) on May 5 until around 8:00am (UTC+0) on May 6"
    expect(pricedHours(of('UA', '2024-05-05')).hours).toBeCloseTo(11, 6);
    // "from around 10:00 UTC on May 6 until around 05:00 UTC on May 7"
    expect(pricedHours(of('IR', '2022-05-06')).hours).toBeCloseTo(19, 6);
    // SYNTHETIC: both times on one date, the first with its zone
    const [w] = datedWindows('lasted 15 hours from 5:30 UTC+0 to approximately 20:30 UTC+0 on Jan. 26.', Date.UTC(2023, 0, 26));
    expect((w!.to - w!.from) / 3_600_000).toBe(15);
  });

  it('two times of one date need minutes or am/pm, the date first as after (SYNTHETIC)', () => {
    expect(datedWindows('cut on Dec. 30 between 1 and 2 in several districts', start)).toEqual([]);
    const [w] = datedWindows('cut on Dec. 30 from 23:00 until at least 2:00.', start);
    expect((w!.to - w!.from) / 3_600_000).toBe(3);
  });

  it('a start and an end stated apart need both, in that order (SYNTHETIC)', () => {
    const [s0, e0] = [Date.parse('2024-12-30'), Date.parse('2025-01-01')];
    expect(apartWindow('The shutdown began at 8:00 on Dec. 30. Service was restored around 6:00 on Dec. 31.', s0, e0)).toMatchObject({
      from: Date.UTC(2024, 11, 30, 8),
      to: Date.UTC(2024, 11, 31, 6),
    });
    expect(apartWindow('The shutdown began at 8:00 on Dec. 30.', s0, e0)).toBeNull();
    expect(apartWindow('Service was restored at 8:00 on Dec. 30, after a cut starting from 9:00 on Dec. 31.', s0, e0)).toBeNull();
  });

  it('a range of days is not a window; nor is a window that ends before it starts', () => {
    expect(datedWindows('blocked from Dec. 3 to Dec. 5', start)).toEqual([]);
    expect(datedWindows('from 18:00 on Dec. 31 to 17:00 on Dec. 31', start)).toEqual([]);
  });
  it('the union counts a window repeated once and counts separate cuts', () => {
    const a = { from: 0, to: 10 * 3_600_000, phrase: 'a' };
    const b = { from: 5 * 3_600_000, to: 12 * 3_600_000, phrase: 'b' };
    const c = { from: 20 * 3_600_000, to: 21 * 3_600_000, phrase: 'c' };
    expect(unionHours([a, a, b, c], 0, 100 * 3_600_000)).toEqual({ hours: 13, cuts: 2 });
    expect(unionHours([a, c], 2 * 3_600_000, 20.5 * 3_600_000)).toEqual({ hours: 8.5, cuts: 2 });
  });
});

// Parts of a day named with their dates: real records of test/fixtures/stop/day-parts.csv (Access
// Now #KeepItOn STOP, 2026-05-20 snapshot).
describe('a part of a day named with its date', () => {
  const parts = stopFixture('day-parts.csv');
  const hoursOf = (country: string, start: string) => pricedHours(stopEvent(stopRecord(parts, country, start), `dp-${start}`));

  it('stands for the middle of that part: morning 9:00, evening 21:00, a bare day its noon', () => {
    // "between the evening of Oct. 16 and the morning of Oct. 17": 21:00 to 9:00
    expect(hoursOf('Myanmar', '2023-10-16').hours).toBeCloseTo(12, 6);
    // "from the morning of Apr. 11 to the evening of Apr. 15"
    expect(hoursOf('Myanmar', '2025-04-11').hours).toBeCloseTo(108, 6);
    // "from Jan. 3 to the evening of Feb. 8": noon to 21:00, 36 days later
    expect(hoursOf('Myanmar', '2024-01-03').hours).toBeCloseTo(36 * 24 + 9, 6);
    // "between the morning of May 11 and 06:00 on May 12": 9:00 to 6:00, not noon to 6:00
    const india = hoursOf('India', '2022-05-11');
    expect(india.hours).toBeCloseTo(21, 6);
    expect(india.mapping).toMatch(/dated windows as stated/);
  });

  it('reads each part and leaves a year or a lone part alone (SYNTHETIC phrasings)', () => {
    const start = Date.parse('2023-02-17');
    const h = (text: string) => datedWindows(text, start).map((w) => (w.to - w.from) / 3_600_000);
    expect(h('from early Feb. 17 until the afternoon of Feb. 18')).toEqual([36]);
    expect(h('between the night of Feb. 17 and early morning on Feb. 18')).toEqual([6]);
    expect(h('from the early morning hours of Feb. 17 to 14:00 on Feb. 17')).toEqual([11]);
    expect(h('in early Feb. 2023 and until Feb. 20')).toEqual([]);
    expect(h('remained blocked until early Feb. 18')).toEqual([]);
  });
});

describe('one instant a phrase names (SYNTHETIC phrases in the forms of STOP texts)', () => {
  const start = Date.parse('2025-05-16');
  const at = (p: string) => {
    const r = instantAt(p, start);
    return r && { at: new Date(r.at).toISOString(), phrase: r.phrase };
  };
  it('reads a time and its date, a date and its time, a part of a day, a day (its middle)', () => {
    expect(at('1:30 UTC+0 on May 17, while Giga went offline')).toEqual({ at: '2025-05-17T01:30:00.000Z', phrase: '1:30 UTC+0 on May 17' });
    expect(at('May 17 at 13:30, when')?.at).toBe('2025-05-17T13:30:00.000Z');
    expect(at('the morning of May 17')?.at).toBe('2025-05-17T09:00:00.000Z');
    expect(at('May 17.')?.at).toBe('2025-05-17T12:00:00.000Z');
    // a December record naming January: the next year
    expect(new Date(instantAt('Jan. 2', Date.parse('2024-12-30'))!.at).toISOString()).toBe('2025-01-02T12:00:00.000Z');
  });
  it('reads nothing from an hour without minutes, am or pm, or from text that does not start with an instant', () => {
    expect(at("four o'clock on the next day")).toBeNull();
    expect(at('4 on May 17')).toBeNull();
    expect(at('shortly after, on May 17')).toBeNull();
  });
});
