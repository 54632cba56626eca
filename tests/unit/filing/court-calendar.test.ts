import { describe, expect, it } from 'vitest';
import { citEventCatalog } from '../../../src-main/shared/cit-event-catalog';
import {
  addDaysUnderRule6,
  dueStatus,
  federalHolidays,
  holidayOn,
  isClerksOfficeDay,
  motionResponseTimes,
  responseDeadlines,
} from '../../../src-main/shared/court-calendar';

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function weekdayOf(date: string): string {
  return weekdayNames[new Date(`${date}T12:00:00Z`).getUTCDay()] ?? '';
}

function observedOn(year: number, name: string): string | undefined {
  return federalHolidays(year).find((holiday) => holiday.name === name)?.observed;
}

const years = Array.from({ length: 16 }, (_, index) => 2020 + index);

describe('5 U.S.C. 6103: the federal legal holidays of any year', () => {
  // The observed days as the Office of Personnel Management lists them, written out by hand.
  it.each([
    [
      2021,
      [
        '2021-01-01',
        '2021-01-18',
        '2021-02-15',
        '2021-05-31',
        '2021-06-18',
        '2021-07-05',
        '2021-09-06',
        '2021-10-11',
        '2021-11-11',
        '2021-11-25',
        '2021-12-24',
        '2021-12-31',
      ],
    ],
    [
      2022,
      [
        '2022-01-17',
        '2022-02-21',
        '2022-05-30',
        '2022-06-20',
        '2022-07-04',
        '2022-09-05',
        '2022-10-10',
        '2022-11-11',
        '2022-11-24',
        '2022-12-26',
      ],
    ],
    [
      2023,
      [
        '2023-01-02',
        '2023-01-16',
        '2023-02-20',
        '2023-05-29',
        '2023-06-19',
        '2023-07-04',
        '2023-09-04',
        '2023-10-09',
        '2023-11-10',
        '2023-11-23',
        '2023-12-25',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-01-19',
        '2026-02-16',
        '2026-05-25',
        '2026-06-19',
        '2026-07-03',
        '2026-09-07',
        '2026-10-12',
        '2026-11-11',
        '2026-11-26',
        '2026-12-25',
      ],
    ],
  ])('the Clerk’s Office closes on these days in %i', (year, observed) => {
    expect(federalHolidays(year).map((holiday) => holiday.observed)).toEqual(observed);
  });

  it.each(years)('in %i every holiday falls on its weekday and is observed on a weekday', (year) => {
    const holidays = federalHolidays(year);
    for (const holiday of holidays) {
      expect(['Saturday', 'Sunday']).not.toContain(weekdayOf(holiday.observed));
      expect(holiday.observed.startsWith(`${year}-`)).toBe(true);
    }
    const byName = (name: string) => holidays.find((holiday) => holiday.name === name);
    for (const name of [
      'Birthday of Martin Luther King, Jr.',
      'Washington’s Birthday',
      'Memorial Day',
      'Labor Day',
      'Columbus Day',
    ]) {
      expect(weekdayOf(byName(name)?.date ?? ''), name).toBe('Monday');
    }
    expect(weekdayOf(byName('Thanksgiving Day')?.date ?? '')).toBe('Thursday');
    // Third Monday of January and February: the 15th to the 21st.
    expect(Number(byName('Birthday of Martin Luther King, Jr.')?.date.slice(8))).toBeGreaterThanOrEqual(15);
    expect(Number(byName('Washington’s Birthday')?.date.slice(8))).toBeLessThanOrEqual(21);
    // Last Monday of May: the 25th to the 31st. First Monday of September: the 1st to the 7th.
    expect(Number(byName('Memorial Day')?.date.slice(8))).toBeGreaterThanOrEqual(25);
    expect(Number(byName('Labor Day')?.date.slice(8))).toBeLessThanOrEqual(7);
    // Second Monday of October: the 8th to the 14th. Fourth Thursday of November: the 22nd to the 28th.
    expect(Number(byName('Columbus Day')?.date.slice(8))).toBeGreaterThanOrEqual(8);
    expect(Number(byName('Columbus Day')?.date.slice(8))).toBeLessThanOrEqual(14);
    expect(Number(byName('Thanksgiving Day')?.date.slice(8))).toBeGreaterThanOrEqual(22);
    expect(Number(byName('Thanksgiving Day')?.date.slice(8))).toBeLessThanOrEqual(28);
    expect(byName('Independence Day')?.date).toBe(`${year}-07-04`);
    expect(byName('Veterans Day')?.date).toBe(`${year}-11-11`);
    expect(byName('Christmas Day')?.date).toBe(`${year}-12-25`);
  });

  it.each(years)('in %i a Saturday holiday is observed the Friday before, a Sunday one the Monday after', (year) => {
    for (const holiday of federalHolidays(year)) {
      const weekday = weekdayOf(holiday.date);
      const shift = (new Date(holiday.observed).getTime() - new Date(holiday.date).getTime()) / 86_400_000;
      expect(shift, `${holiday.name} ${holiday.date}`).toBe(weekday === 'Saturday' ? -1 : weekday === 'Sunday' ? 1 : 0);
    }
  });

  it('Juneteenth is a holiday only from 2021', () => {
    expect(observedOn(2020, 'Juneteenth National Independence Day')).toBeUndefined();
    expect(holidayOn('2020-06-19')).toBeNull();
    expect(observedOn(2021, 'Juneteenth National Independence Day')).toBe('2021-06-18');
    for (const year of years.filter((each) => each >= 2021)) {
      expect(observedOn(year, 'Juneteenth National Independence Day')).toBeDefined();
    }
  });

  it('a New Year’s Day on a Saturday is observed on December 31 of the year before', () => {
    expect(holidayOn('2021-12-31')?.name).toBe('New Year’s Day');
    expect(holidayOn('2027-12-31')?.name).toBe('New Year’s Day');
    expect(federalHolidays(2022).some((holiday) => holiday.name === 'New Year’s Day')).toBe(false);
    expect(federalHolidays(2028).some((holiday) => holiday.name === 'New Year’s Day')).toBe(false);
  });

  it('a Sunday holiday closes the Clerk’s Office on the Monday after', () => {
    expect(holidayOn('2023-01-02')?.name).toBe('New Year’s Day');
    expect(holidayOn('2022-12-26')?.name).toBe('Christmas Day');
    expect(isClerksOfficeDay('2022-12-26')).toBe(false);
  });

  it('Inauguration Day is not a holiday of the court, which sits in New York', () => {
    expect(holidayOn('2033-01-20')).toBeNull(); // a Thursday
    expect(isClerksOfficeDay('2033-01-20')).toBe(true);
  });

  it('the days the court declared legal holidays close the Clerk’s Office too', () => {
    expect(holidayOn('2025-11-28')?.name).toBe('Day declared a legal holiday by the court');
    expect(isClerksOfficeDay('2025-12-26')).toBe(false);
  });

  it('a weekend is never a Clerk’s Office day; an ordinary weekday is', () => {
    expect(isClerksOfficeDay('2026-01-17')).toBe(false); // Saturday
    expect(isClerksOfficeDay('2026-01-18')).toBe(false); // Sunday
    expect(isClerksOfficeDay('2026-01-16')).toBe(true); // Friday
    expect(isClerksOfficeDay('2026-01-19')).toBe(false); // Martin Luther King, Jr. Day
  });

  it('a date that is not a real day is refused rather than moved', () => {
    expect(() => holidayOn('2026-02-30')).toThrow(RangeError);
    expect(() => federalHolidays(1800)).toThrow(RangeError);
  });
});

describe('USCIT Rule 6(a): computing a period in days', () => {
  it('counts every day after the event and ends on the last day when the Clerk’s Office is open', () => {
    expect(addDaysUnderRule6('2026-01-02', 21)).toBe('2026-01-23'); // Friday to Friday
  });

  it('a period ending on a Saturday runs to the Monday', () => {
    expect(addDaysUnderRule6('2026-01-10', 21)).toBe('2026-02-02'); // Saturday Jan 31 → Monday Feb 2
  });

  it('a period ending on a weekend before a holiday Monday runs to the Tuesday', () => {
    expect(addDaysUnderRule6('2025-12-27', 21)).toBe('2026-01-20'); // Sat Jan 17, Sun, MLK Day Mon Jan 19
  });

  it('a period ending on Thanksgiving runs to the Friday after', () => {
    expect(addDaysUnderRule6('2026-10-22', 35)).toBe('2026-11-27');
  });

  it('a period ending on Thanksgiving 2025 runs past the day the court declared a holiday and the weekend', () => {
    expect(addDaysUnderRule6('2025-11-06', 21)).toBe('2025-12-01');
  });

  it('a period ending on December 31 observed for New Year’s Day runs into the new year', () => {
    expect(addDaysUnderRule6('2021-12-10', 21)).toBe('2022-01-03');
  });

  it('weekends and holidays inside the period count like any day', () => {
    // Dec 1 + 35 crosses Christmas and New Year's Day; Jan 5, 2027 is a Tuesday.
    expect(addDaysUnderRule6('2026-12-01', 35)).toBe('2027-01-05');
  });

  it('refuses a negative, fractional or absurd number of days, and a date that is not a day', () => {
    expect(() => addDaysUnderRule6('2026-01-02', -1)).toThrow(RangeError);
    expect(() => addDaysUnderRule6('2026-01-02', 2.5)).toThrow(RangeError);
    expect(() => addDaysUnderRule6('2026-01-02', 100_000)).toThrow(RangeError);
    expect(() => addDaysUnderRule6('2026-13-02', 21)).toThrow(RangeError);
  });
});

describe('USCIT Rule 7(d): when a response to a motion is due', () => {
  it('a response to a motion is due 21 days after service, with no extra days for electronic service (FAQ 39–40)', () => {
    expect(responseDeadlines('motion-to-stay', '2026-03-02')).toEqual([
      { title: 'Response due', date: '2026-03-23', rule: 'USCIT Rule 7(d)' },
    ]);
  });

  it('a response to a dispositive motion is due 35 days after service', () => {
    expect(responseDeadlines('motion-to-dismiss', '2026-03-02')).toEqual([
      { title: 'Response to dispositive motion due', date: '2026-04-06', rule: 'USCIT Rule 7(d)' },
    ]);
    expect(responseDeadlines('motion-for-judgment-on-the-agency-record', '2026-07-31')[0]?.date).toBe('2026-09-04');
  });

  it('the response date rolls forward like any period', () => {
    // Served Friday, May 15, 2026: the 21st day is Friday, June 5; served May 16 it is Saturday June 6 → Monday June 8.
    expect(responseDeadlines('motion-to-stay', '2026-05-16')[0]?.date).toBe('2026-06-08');
  });

  it('computes nothing for a reply, a response, a Z-motion or a paper that is not a motion', () => {
    for (const eventId of ['reply-in-support-of-motion', 'response-to-motion', 'z-motion', 'complaint', 'answer']) {
      expect(responseDeadlines(eventId, '2026-03-02')).toEqual([]);
    }
  });

  it('every motion in the event catalog has a response time, and every listed event is a catalog motion', () => {
    const listed = motionResponseTimes.flatMap((time) => time.eventIds);
    const motions = citEventCatalog
      .filter((event) => event.category === 'Motions' && event.id !== 'proposed-order')
      .map((event) => event.id);
    expect([...listed].sort()).toEqual([...motions].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });
});

describe('FAQ 27: how near a due date is, on the court’s clock', () => {
  const midday = new Date('2026-03-10T16:00:00Z'); // noon EDT, Tuesday March 10, 2026

  it.each([
    ['2026-03-09', 'late', 'Late'],
    ['2026-03-10', 'today', 'Due today'],
    ['2026-03-11', 'soon', 'Due tomorrow'],
    ['2026-03-13', 'soon', 'Due in 3 days'],
    ['2026-03-14', 'later', 'Due in 4 days'],
    ['2026-04-10', 'later', 'Due in 31 days'],
  ])('due %s is %s: “%s”', (due, level, text) => {
    expect(dueStatus(due, midday)).toMatchObject({ level, text });
  });

  it('at 9:30 p.m. in Los Angeles on the due date the filing is already late', () => {
    const now = new Date('2026-01-15T05:30:00Z'); // 9:30 p.m. PST Jan 14 = 12:30 a.m. EST Jan 15
    expect(dueStatus('2026-01-14', now, 'America/Los_Angeles')).toMatchObject({ level: 'late', text: 'Late' });
  });

  it('at 8:59 p.m. in Los Angeles it is still due today, and says when on the filer’s clock', () => {
    const status = dueStatus('2026-01-14', new Date('2026-01-15T04:59:00Z'), 'America/Los_Angeles');
    expect(status).toMatchObject({ level: 'today', text: 'Due today' });
    expect(status.deadline.toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(status.detail).toBe(
      'Due before midnight Eastern at the end of Wednesday, January 14, 2026 (Wed, 9:00 PM PST on your clock)',
    );
  });

  it('in New York the detail names no second clock', () => {
    expect(dueStatus('2026-01-14', new Date('2026-01-14T15:00:00Z'), 'America/New_York').detail).toBe(
      'Due before midnight Eastern at the end of Wednesday, January 14, 2026',
    );
  });

  it('on the day clocks spring forward the day ends at 4:00 UTC, not 5:00', () => {
    expect(dueStatus('2026-03-08', new Date('2026-03-09T03:59:59Z')).level).toBe('today');
    expect(dueStatus('2026-03-08', new Date('2026-03-09T04:00:00Z')).level).toBe('late');
    expect(dueStatus('2026-03-08', new Date('2026-03-08T12:00:00Z')).deadline.toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
  });

  it('on the day clocks fall back the day lasts 25 hours and ends at 5:00 UTC', () => {
    expect(dueStatus('2026-11-01', new Date('2026-11-02T04:30:00Z')).level).toBe('today'); // 11:30 p.m. EST
    expect(dueStatus('2026-11-01', new Date('2026-11-02T05:00:00Z')).level).toBe('late');
  });

  it('a daylight-saving change inside the count does not change the number of days', () => {
    expect(dueStatus('2026-03-09', new Date('2026-03-07T23:00:00Z')).text).toBe('Due in 2 days'); // 6 p.m. EST Sat
    expect(dueStatus('2026-11-03', new Date('2026-10-31T23:00:00Z')).text).toBe('Due in 3 days'); // 7 p.m. EDT Sat
  });

  it('refuses a due date that is not a real day', () => {
    expect(() => dueStatus('2026-02-30', midday)).toThrow(RangeError);
  });
});
