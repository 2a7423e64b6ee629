// The schedule read from STOP's free text, on real records: exam shutdowns copied unchanged
// into test/fixtures/stop/exam-shutdowns.csv (Access Now #KeepItOn STOP, 2026-05-20 snapshot;
// see test/fixtures/stop/SOURCES.md), and short quotes of other records of the same snapshot.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EXAM_HOURS, blackoutLength, clockWindow, datesOnlyShare, scheduleOf, statedDuration, statedHours, wholeDays } from './schedule.js';

type StopRecord = Record<'country' | 'start_date' | 'event' | 'area_name' | 'shutdown_extent', string>;
const rows = parse<StopRecord>(readFileSync(new URL('../../test/fixtures/stop/exam-shutdowns.csv', import.meta.url)), { columns: true });
const row = (country: string, start: string) => rows.find((r) => r.country === country && r.start_date.startsWith(start))!;
const days = (n: number) => n * 24;

describe('clock windows', () => {
  it('reads times with minutes or am/pm, across midnight, and not day ranges', () => {
    expect(clockWindow('between 4:00am to 12:00pm local time')?.hours).toBe(8);
    expect(clockWindow('between 20:15 to 21:30 local time (UTC-5)')?.hours).toBe(1.25);
    expect(clockWindow('from 8-11am')?.hours).toBe(3);
    expect(clockWindow('between 22:00 and 6:00')?.hours).toBe(8);
    expect(clockWindow('from June 20 to 24, in a curfew-style shutdown')).toBeNull();
    expect(clockWindow('from 12:00pm on Dec. 10 to 12:00pm on Dec. 11')).toBeNull(); // "Dec. 10 to 12:00pm": a day, not 10:00
  });

  it('adds a second window of the same day joined by "and" (a morning and an afternoon paper), and only then', () => {
    // Algeria, 2024-06-09 to 06-13 (fixture): "once each morning around 8:00am-12:00pm and another from around 1:00pm-5:00pm".
    const dz = scheduleOf(row('Algeria', '2024-06-09').event, days(5), true)!;
    expect(dz).toMatchObject({ hours_each: 8, occasions: 5, hours: 40 });
    // Kenya, 2024-11-07 (test/fixtures/stop/dated-windows.csv): "from 7:00 to 10:00 and 1:00 to 4:00".
    expect(clockWindow('on weekdays between Nov. 4 and Nov. 22 from 7:00 to 10:00 and 1:00 to 4:00 (local time, UTC+3)')).toMatchObject({ hours: 6 });
    // Two windows of different periods are not one day's (Syria, 2025-06-21): the first alone.
    expect(clockWindow('lasted from about 8:00-9:00am (local time, UTC+3) between Jun. 21 to Jul. 9, and 8:00-10:00am between Jul. 12 and Aug. 3')?.hours).toBe(
      1,
    );
  });
});

describe('schedules of real STOP records', () => {
  it('Iraq, 2023-02-05 to 02-13: 9 times between 4:00am and 12:00pm is 72 of 216 hours', () => {
    const r = row('Iraq', '2023-02-05');
    const s = scheduleOf(r.event, days(9), true)!;
    expect(s).toMatchObject({ occasions: 9, hours_each: 8, hours: 72 });
    expect(s.share).toBeCloseTo(72 / 216, 6);
    expect(s.low).toBe(s.high);
  });

  it('Iraq, 2023-06-01 to 07-17: 26 shutdowns with no hours stated take the exam hours of other records, with their range', () => {
    const r = row('Iraq', '2023-06-01');
    const s = scheduleOf(r.event, days(47), true)!;
    expect(s.occasions).toBe(26);
    expect(s.hours).toBeCloseTo(26 * EXAM_HOURS.mode, 6);
    expect(s.low).toBeCloseTo((26 * EXAM_HOURS.low) / days(47), 6);
    expect(s.high).toBeCloseTo((26 * EXAM_HOURS.high) / days(47), 6);
  });

  it('an exam shutdown with no schedule in its text is daily over its days (an upper bound), at the exam hours', () => {
    const r = row('Algeria', '2020-09-12');
    expect(r.event).toBe('');
    const s = scheduleOf(r.event, days(6), true)!;
    expect(s).toMatchObject({ occasions: 6, hours: 6 * EXAM_HOURS.mode });
  });

  it('one evening in Cuba (2023-05-06, "between 20:15 to 21:30") is 1.25 hours of its day', () => {
    const s = scheduleOf(
      'The internet was shutdown across Cuba between 20:15 to 21:30 local time (UTC-5) on May 6, coinciding with protests in Caimanera.',
      days(1),
      false,
    )!;
    expect(s.hours).toBe(1.25);
  });

  it('a daily curfew window in India (2022-01-03 to 01-05, "15:00 to 21:00 daily") is 18 of 72 hours', () => {
    const s = scheduleOf('Mobile internet services were suspended daily from 15:00 to 21:00 in the district.', days(3), false)!;
    expect(s).toMatchObject({ occasions: 3, hours_each: 6, hours: 18 });
  });

  it('a window ending at "midnight" or starting at "noon" is a clock window (Iran, 2022-09-21 to 10-03: 8 h a day for 13 days)', () => {
    const text =
      "Daily curfew-style shutdowns were imposed on Iran's three largest mobile networks from around 4:00pm to midnight (local time) between Sep. 21 and Oct. 3 (13 days straight)";
    expect(clockWindow(text)).toEqual({ hours: 8, phrase: '4:00pm to midnight' });
    expect(scheduleOf(text, days(13), false)).toMatchObject({ occasions: 13, hours_each: 8, hours: 104 });
    expect(clockWindow('from noon to 6pm')?.hours).toBe(6);
    expect(clockWindow('from midnight to 6:00am')?.hours).toBe(6);
    // A day's midnight is not a window unless a time stands beside it (India, 2020-10-16).
    expect(clockWindow('came into effect from midnight of October 16 and stayed in place till midnight October 17th')).toBeNull();
  });

  it('counts weekdays: "on at least 4 Fridays" (Iran, 2023-01-06 to 03-24) and "every Monday and Thursday" (Iraq, 2022-06-27 to 07-21)', () => {
    const zahedan =
      'Weekly protests during Friday prayers in Zahedan, capital of Sistan and Baluchestan, corresponded to repeated throttling or localized shutdowns on at least 4 Fridays: Jan. 6, Jan. 27, Mar. 3, Mar. 17. This escalated to a full shutdown for the province on Mar. 24 between 7:00 to 10:00 UTC+0.';
    expect(scheduleOf(zahedan, days(78), false, Date.parse('2023-01-06'))).toMatchObject({ occasions: 4, hours_each: 3, hours: 12 });
    const kurdistan =
      'The shutdown which started on June 27 from 3:30-7:30 UTC repeated every Monday and Thursday until July 21st with the exception of July 11st.';
    // Mondays and Thursdays from 27 June to 21 July 2022: Jun 27, 30, Jul 4, 7, 11, 14, 18, 21.
    expect(scheduleOf(kurdistan, days(25), true, Date.parse('2022-06-27'))).toMatchObject({ occasions: 8, hours_each: 4, hours: 32 });
  });

  it('counts the days a text names: "four hours each on Aug. 21 and Aug. 28" (India, Assam, 2022-08-21 to 08-28)', () => {
    const assam =
      'Mobile internet services were disabled for four hours each on Aug. 21 and Aug. 28 in dozens of districts in Assam, as dictated by the same government order on Aug. 18.';
    expect(scheduleOf(assam, days(8), false, Date.parse('2022-08-21'))).toMatchObject({ occasions: 2, hours_each: 4, hours: 8 });
    // Named days without hours: each a day recorded without times (8 h on average, up to 24).
    const moscow = 'mobile Internet stopped working in central Moscow on 27 July and 3 August 2019.';
    const s = scheduleOf(moscow, days(8), false, Date.parse('2019-07-27'))!;
    expect(s).toMatchObject({ occasions: 2, hours: 16 });
    expect(s.high).toBeCloseTo(48 / 192, 6);
    // Two dates that bound a span are not days named: "from Jan. 6 and restored on Mar. 17" has no "on X and Y".
    expect(scheduleOf('Shut down from Jan. 6 and restored on Mar. 17.', days(70), false, Date.parse('2023-01-06'))).toBeNull();
  });

  it('text with no schedule leaves a non-exam span whole', () => {
    expect(scheduleOf('Mobile internet was shut down in Kulsary amid protests.', days(5), false)).toBeNull();
    expect(scheduleOf('The government shut down the internet for 5 hours everyday during the exam season', days(10), true)).toMatchObject({
      occasions: 10,
      hours: 50,
    });
  });
});

describe('whole days within a daily schedule', () => {
  // Kenya, 2024-11-07 to 11-29 (test/fixtures/stop/dated-windows.csv, real): Telegram blocked in exam hours,
  // "daily from Nov. 7 to Nov. 29", and "From Nov. 12 to Nov. 18, it was blocked all day and night".
  const dated = parse<StopRecord>(readFileSync(new URL('../../test/fixtures/stop/dated-windows.csv', import.meta.url)), { columns: true });
  const kenya = dated.find((r) => r.country === 'Kenya' && r.start_date === '2024-11-07')!.event;
  const start = Date.parse('2024-11-07T00:00:00Z');

  it('Kenya 2024: 16 days of 6 exam hours and 7 whole days is 264 of the 552 hours', () => {
    expect(wholeDays(kenya, start, days(23))).toMatchObject({ days: 7 });
    const s = scheduleOf(kenya, days(23), true, start)!;
    expect(s.hours).toBe(16 * 6 + 7 * 24);
    expect(s.share).toBeCloseTo(264 / 552, 12);
    expect(s.basis).toMatch(/"daily".*"From Nov\. 12 to Nov\. 18, it was blocked all day and night" \(7 whole days of 24 h\)/);
    // Without the record's start the dates cannot be placed: the daily schedule alone.
    expect(scheduleOf(kenya, days(23), true)!.hours).toBe(23 * 6);
  });

  it('SYNTHETIC: whole days are clipped to the span, need both dates, and apply only to a daily schedule', () => {
    const t = (s: string) => `Blocked daily from 8:00 to 10:00. ${s}`;
    expect(wholeDays(t('From Nov. 27 to Dec. 3 it was blocked around the clock.'), start, days(23))).toMatchObject({ days: 3 }); // the span ends with Nov. 29
    expect(wholeDays(t('On Nov. 12 it was blocked all day and night.'), start, days(23))).toBeNull();
    expect(wholeDays(t('From Nov. 12 to Nov. 9, all day and night.'), start, days(23))).toBeNull();
    expect(scheduleOf('Shut down 3 times between 8:00 and 10:00. From Nov. 12 to Nov. 18, all day and night.', days(23), false, start)!.hours).toBe(6);
  });
});

describe('one continuous cut of a stated length (quotes of STOP records, 2026-05-20 snapshot)', () => {
  it('reads "lasted approximately 34 hours", "lifted after 15 hours", "a 22-hour internet shutdown", "~35 hour", "over an hour"', () => {
    expect(statedDuration('The partial shutdown lasted approximately 34 hours.')?.hours).toBe(34);
    expect(statedDuration('The ban on social media services was lifted after 15 hours.')?.hours).toBe(15);
    expect(statedDuration('coincided with a 22-hour internet shutdown')?.hours).toBe(22);
    expect(statedDuration('The ~35 hour shutdown, affecting mobile and fixed-line')?.hours).toBe(35);
    expect(statedDuration('disrupted the internet on YemenNet for over an hour')?.hours).toBe(1);
    expect(statedDuration('YouTube was blocked for several hours on Nov. 23')).toBeNull();
  });

  it('Sri Lanka, 2022-04-02 to 04-03 (dates only, 48 h): "lifted after 15 hours" is 15 h, though the text says curfew', () => {
    const s = scheduleOf(
      'Due to mass protests and a curfew, the Telecommunications Regulatory Commission on the orders of the Ministry of Defense shut down social media services. The ban on social media services was lifted after 15 hours.',
      days(2),
      false,
    )!;
    expect(s).toMatchObject({ occasions: 1, hours: 15 });
  });

  it('India, Sirohi 2022-12-03 to 12-05 (72 h): "for 48 hours" is 48 h; "for another 48 hours" too', () => {
    expect(scheduleOf('Internet services were suspended for 48 hours between Dec. 3 and Dec. 5 in Sirohi, Rajasthan.', days(3), false)?.hours).toBe(48);
    expect(scheduleOf('were suspended in 7 districts across Haryana for another 48 hours until 23:59 on Feb. 19.', days(3), false)?.hours).toBe(48);
  });

  it('leaves the span whole when the stated length is not the whole cut: an extension, or dates far longer than it', () => {
    expect(scheduleOf('The original shutdown was reportedly only ordered for 24 hours, but was extended into the following days.', days(6), false)).toBeNull();
    expect(scheduleOf('Mobile internet was suspended in Udaipur, Rajasthan for 24 hours between Jun. 28 and Jun. 29.', days(6), false)).toBeNull();
  });
});

describe('a cut recorded by its dates only', () => {
  it('over n whole days lasts n − 1 days most likely, from n − 2 to n days; one day, 0–24 h, 8 h on average', () => {
    expect(datesOnlyShare(days(8))).toMatchObject({ share: 7 / 8, low: 6 / 8, high: 1, hours: 7 * 24 });
    expect(datesOnlyShare(days(2))).toMatchObject({ share: 1 / 2, high: 1, hours: 24 });
    expect(datesOnlyShare(days(2))!.low).toBeLessThan(0.001);
    const one = datesOnlyShare(days(1))!;
    expect(one.hours).toBe(8);
    expect(one.share).toBeLessThan(0.001);
    expect(one.high).toBe(1);
  });

  it('is not applied to a span that is not whole days', () => {
    expect(datesOnlyShare(30)).toBeNull();
    expect(datesOnlyShare(0)).toBeNull();
  });
});

describe('a range of hours stated ("for 6-8 hours"), on real records (test/fixtures/stop/hour-ranges.csv)', () => {
  const ranges = parse<StopRecord>(readFileSync(new URL('../../test/fixtures/stop/hour-ranges.csv', import.meta.url)), { columns: true });
  const text = (country: string) => ranges.find((r) => r.country.startsWith(country))!.event;

  it('reads its middle, with its ends as the range: Venezuela 2025 ("daily for 6-8 hours"), Belarus 2024 ("for ~1-2 hours"), Syria 2024 ("lasting around 3-5 hours")', () => {
    expect(statedHours(text('Venezuela'))).toEqual({ hours: 7, low: 6, high: 8, phrase: 'for 6-8 hours' });
    expect(statedHours(text('Belarus'))).toMatchObject({ hours: 1.5, low: 1, high: 2 });
    expect(statedHours(text('Syrian'))).toMatchObject({ hours: 4, low: 3, high: 5 });
    // 26 days of 6–8 h (Jan. 8 to Feb. 2, both included), not the whole span
    const ve = scheduleOf(text('Venezuela'), days(26), false, Date.parse('2025-01-08'))!;
    expect(ve).toMatchObject({ occasions: 26, hours: 182, hours_each: 7 });
    expect([ve.low, ve.high].map((x) => x * days(26))).toEqual([156, 208]);
    expect(ve.basis).toContain('"for 6-8 hours" (6–8 h each, 7 h on average)');
    expect(statedHours('It was blocked daily for 6 to 8 hours.')).toMatchObject({ low: 6, high: 8 });
  });

  it('reads the hours service was up each day as the rest of the day down ("only available for 2-3 hours per day", Myanmar 2024), and no lengths with no "for" ("were 3-4 hours", "had 7-8 hours of")', () => {
    expect(statedHours(text('Myanmar'))).toMatchObject({ hours: 21.5, low: 21, high: 22, phrase: 'available for 2-3 hours per day', up: true });
    // Kyainseikgyi from 2 December 2024, no end recorded: over an imputed 32 days, 21–22 h of each
    const mm = scheduleOf(text('Myanmar'), days(32), false, Date.parse('2024-12-02'))!;
    expect(mm).toMatchObject({ occasions: 32, hours_each: 21.5 });
    expect(mm).toMatchObject({ up: true });
    expect(mm.basis).toContain('the hours it was up: the rest of each day down, 21–22 h each');
    expect(statedHours('Service was available for 3 hours, then the network was cut.')).toBeNull(); // up for a time, not each day
    expect(statedHours(text('Afghanistan')), 'Afghanistan').toBeNull();
  });

  it('"N hours per day" is a daily schedule (Demoso, Myanmar, from 3 December 2023: "for ~18 hours per day")', () => {
    const demoso = ranges.find((r) => r.area_name.startsWith('Demoso'))!.event;
    const s = scheduleOf(demoso, days(32), false, Date.parse('2023-12-03'))!;
    expect(s).toMatchObject({ occasions: 32, hours_each: 18, share: 0.75 });
    expect(s.basis).toContain('"hours per day" (32 occasions)');
    expect(scheduleOf('Blocked, with nearly 100% of measurements anomalous per day.', days(32), false)).toBeNull();
    // Ukraine, October 2022: its clock window ("between 06:00 and 07:30"), not "shutdowns were 3-4 hours"
    expect(statedHours(text('Ukraine'))).toMatchObject({ hours: 1.5, low: 1.5, high: 1.5 });
    expect(statedHours('Service was restored for 3 hours, then cut for 5 hours.')).toMatchObject({ hours: 5 });
  });
});

describe('blackoutLength', () => {
  it('reads the length of one blackout in days or hours (Kazakhstan 2022, real text; the rest SYNTHETIC)', () => {
    const kz =
      'Triggered by protests, the government imposed measurable mobile shutdowns starting Jan. 4 followed by a blackout of nearly 5 days straight between Jan. 5 - Jan. 11 with intermittent restorations of connectivity only for the president to give addresses.';
    expect(blackoutLength(kz)).toEqual({ hours: 120, phrase: 'blackout of nearly 5 days' });
    expect(blackoutLength('a 36-hour blackout followed')).toEqual({ hours: 36, phrase: '36-hour blackout' });
    expect(blackoutLength('a shutdown of two days')).toEqual({ hours: 48, phrase: 'shutdown of two days' });
    expect(blackoutLength('The blackout of the capital lasted for days.')).toBeNull();
  });
});

describe('EXAM_HOURS', () => {
  it('is the 10th percentile, median and 90th percentile of the hours STOP states for exam shutdowns', () => {
    const seen = new Set<string>();
    const hours: number[] = [];
    for (const r of rows) {
      const k = [r.country, r.start_date, r.area_name, r.shutdown_extent].join('|');
      if (seen.has(k)) continue;
      seen.add(k);
      const h = statedHours(r.event);
      if (h) hours.push(h.hours);
    }
    hours.sort((a, b) => a - b);
    const q = (p: number) => hours[Math.round(p * (hours.length - 1))]!;
    expect({ low: q(0.1), mode: q(0.5), high: q(0.9), n: hours.length }).toEqual({ ...EXAM_HOURS });
  });
});
