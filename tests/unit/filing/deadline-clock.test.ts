import { describe, expect, it } from 'vitest';
import {
  courtTimeZone,
  deadlineStatus,
  easternDateOf,
  easternMidnightEnding,
  isWithinClerkHours,
} from '../../../src-main/shared/deadline-clock';

// Instants are written in UTC with their Eastern reading beside them. 2026: US DST from March 8 to November 1,
// EU summer time from March 29 to October 25.
const hour = 3_600_000;

describe('FAQ 27: a filing is timely if filed before midnight Eastern (its Eastern date is the due date)', () => {
  it('the court keeps Eastern time', () => {
    expect(courtTimeZone).toBe('America/New_York');
  });

  it('a filing at 11:59:59 p.m. Eastern is timely', () => {
    expect(easternDateOf(new Date('2026-01-15T04:59:59Z'))).toBe('2026-01-14'); // 11:59:59 p.m. EST, Jan 14
  });

  it('a filing at 12:00:00 a.m. Eastern is late for the day before', () => {
    expect(easternDateOf(new Date('2026-01-15T05:00:00Z'))).toBe('2026-01-15'); // midnight EST starting Jan 15
  });

  it('a filing at 9:30 p.m. in Los Angeles is late: it is already 12:30 a.m. the next day in New York', () => {
    const filedAt = new Date('2026-01-15T05:30:00Z'); // 9:30 p.m. PST Jan 14 = 12:30 a.m. EST Jan 15
    expect(easternDateOf(filedAt)).toBe('2026-01-15');
    expect(easternDateOf(filedAt)).toBe('2026-01-15');
    expect(deadlineStatus(filedAt, 'America/Los_Angeles').localClock).toBe('9:30 PM PST');
  });

  it('a filing at 8:59 p.m. in Los Angeles is the last minute of the Eastern day', () => {
    const filedAt = new Date('2026-01-15T04:59:00Z'); // 8:59 p.m. PST = 11:59 p.m. EST
    expect(easternDateOf(filedAt)).toBe('2026-01-14');
    expect(deadlineStatus(filedAt, 'America/Los_Angeles')).toMatchObject({
      easternClock: '11:59 PM EST',
      localClock: '8:59 PM PST',
      timeLeft: '1 min',
      level: 'urgent',
    });
  });

  it('midnight Eastern from Honolulu is 7 p.m. there in winter and 6 p.m. in summer (Hawaii keeps no DST)', () => {
    const winter = deadlineStatus(new Date('2026-01-14T22:00:00Z'), 'Pacific/Honolulu'); // noon HST
    expect(winter.midnightEastern.toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(winter.localClock).toBe('12:00 PM HST');
    expect(winter.timeLeft).toBe('7 h 0 min');
    const summer = deadlineStatus(new Date('2026-07-14T22:00:00Z'), 'Pacific/Honolulu'); // noon HST
    expect(summer.midnightEastern.toISOString()).toBe('2026-07-15T04:00:00.000Z');
    expect(summer.timeLeft).toBe('6 h 0 min');
  });

  it('from London and Tokyo, the Eastern day ends at 5 a.m. London and 2 p.m. Tokyo in winter', () => {
    const now = new Date('2026-01-14T10:00:00Z'); // 10 a.m. London, 7 p.m. Tokyo, 5 a.m. EST
    expect(easternMidnightEnding(now).toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(deadlineStatus(now, 'Europe/London').localClock).toBe('10:00 AM GMT');
    expect(deadlineStatus(now, 'Asia/Tokyo').localClock).toBe('7:00 PM GMT+9');
    // Just after 2 p.m. in Tokyo on Jan 15 the filing is late for Jan 14.
    expect(easternDateOf(new Date('2026-01-15T05:00:01Z'))).toBe('2026-01-15');
  });

  it('a Tokyo morning is still the previous Eastern day', () => {
    expect(easternDateOf(new Date('2026-01-15T00:30:00Z'))).toBe('2026-01-14'); // 9:30 a.m. Jan 15 in Tokyo
  });
});

describe('midnight Eastern across daylight saving changes', () => {
  it('March 8, 2026 has 23 hours in New York, and the day ends at 00:00 EDT', () => {
    const startOfDay = new Date('2026-03-08T05:00:00Z'); // 00:00 EST
    const end = easternMidnightEnding(startOfDay);
    expect(end.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(end.getTime() - startOfDay.getTime()).toBe(23 * hour);
    expect(deadlineStatus(new Date('2026-03-08T06:59:00Z'), 'America/New_York').easternClock).toBe('1:59 AM EST');
    expect(deadlineStatus(new Date('2026-03-08T07:00:00Z'), 'America/New_York').easternClock).toBe('3:00 AM EDT');
  });

  it('November 1, 2026 has 25 hours in New York, and the day ends at 00:00 EST', () => {
    const startOfDay = new Date('2026-11-01T04:00:00Z'); // 00:00 EDT
    const end = easternMidnightEnding(startOfDay);
    expect(end.toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(end.getTime() - startOfDay.getTime()).toBe(25 * hour);
    // 1:30 a.m. happens twice; both are still November 1.
    expect(deadlineStatus(new Date('2026-11-01T05:30:00Z'), 'America/New_York').easternClock).toBe('1:30 AM EDT');
    expect(deadlineStatus(new Date('2026-11-01T06:30:00Z'), 'America/New_York').easternClock).toBe('1:30 AM EST');
    expect(easternMidnightEnding(new Date('2026-11-01T06:30:00Z')).toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  it('the last second of a DST change day is timely, the next is late', () => {
    expect(easternDateOf(new Date('2026-03-09T03:59:59Z'))).toBe('2026-03-08');
    expect(easternDateOf(new Date('2026-03-09T04:00:00Z'))).toBe('2026-03-09');
    expect(easternDateOf(new Date('2026-11-02T04:59:59Z'))).toBe('2026-11-01');
    expect(easternDateOf(new Date('2026-11-02T05:00:00Z'))).toBe('2026-11-02');
  });

  it('between the US and EU changes (March 20), midnight Eastern is 4 a.m. in London, not 5', () => {
    const now = new Date('2026-03-20T12:00:00Z'); // noon GMT, 8 a.m. EDT
    expect(easternMidnightEnding(now).toISOString()).toBe('2026-03-21T04:00:00.000Z');
    expect(deadlineStatus(now, 'Europe/London')).toMatchObject({
      easternClock: '8:00 AM EDT',
      localClock: '12:00 PM GMT',
      timeLeft: '16 h 0 min',
    });
  });

  it('between the EU and US autumn changes (October 28), London is 4 hours ahead of New York', () => {
    const now = new Date('2026-10-28T12:00:00Z'); // noon GMT, 8 a.m. EDT
    expect(easternMidnightEnding(now).toISOString()).toBe('2026-10-29T04:00:00.000Z');
    expect(deadlineStatus(now, 'Europe/London').localClock).toBe('12:00 PM GMT');
  });

  it('the Eastern day ending on December 31 rolls into the new year', () => {
    expect(easternMidnightEnding(new Date('2026-12-31T20:00:00Z')).toISOString()).toBe('2027-01-01T05:00:00.000Z');
  });
});

describe("FAQ 30: the Clerk's Office is open 8:30 a.m. to 5:00 p.m. Eastern, Monday to Friday, except legal holidays", () => {
  // Wednesday, January 14, 2026 (EST, UTC-5) and Wednesday, July 15, 2026 (EDT, UTC-4).
  it('8:29 a.m. is before opening, 8:30 a.m. is open', () => {
    expect(isWithinClerkHours(new Date('2026-01-14T13:29:59Z'))).toBe(false);
    expect(isWithinClerkHours(new Date('2026-01-14T13:30:00Z'))).toBe(true);
  });

  it('4:59 p.m. is open, 5:00 p.m. is closed', () => {
    expect(isWithinClerkHours(new Date('2026-01-14T21:59:59Z'))).toBe(true);
    expect(isWithinClerkHours(new Date('2026-01-14T22:00:00Z'))).toBe(false);
  });

  it('the hours follow Eastern daylight time in summer', () => {
    expect(isWithinClerkHours(new Date('2026-07-15T12:30:00Z'))).toBe(true); // 8:30 a.m. EDT
    expect(isWithinClerkHours(new Date('2026-07-15T21:00:00Z'))).toBe(false); // 5:00 p.m. EDT
  });

  it('Saturday and Sunday are closed all day', () => {
    expect(isWithinClerkHours(new Date('2026-01-17T15:00:00Z'))).toBe(false); // Saturday 10 a.m. EST
    expect(isWithinClerkHours(new Date('2026-01-18T15:00:00Z'))).toBe(false); // Sunday 10 a.m. EST
  });

  it('Friday 4 p.m. Eastern is open even though it is already Saturday in Tokyo', () => {
    expect(isWithinClerkHours(new Date('2026-01-16T21:00:00Z'))).toBe(true);
  });

  it('a federal holiday is closed all day, and so is the observed Friday of a Saturday holiday', () => {
    expect(isWithinClerkHours(new Date('2026-01-19T15:00:00Z'))).toBe(false); // MLK Day, 10 a.m. EST
    expect(isWithinClerkHours(new Date('2026-11-26T15:00:00Z'))).toBe(false); // Thanksgiving
    expect(isWithinClerkHours(new Date('2026-07-03T14:00:00Z'))).toBe(false); // Independence Day observed, 10 a.m. EDT
    expect(isWithinClerkHours(new Date('2026-01-20T15:00:00Z'))).toBe(true); // the Tuesday after MLK Day
  });

  it('a day the court declared a legal holiday is closed', () => {
    expect(isWithinClerkHours(new Date('2025-11-28T15:00:00Z'))).toBe(false);
  });

  it('the holiday is judged on the Eastern date, whatever the filer’s own', () => {
    // 8:45 a.m. EST on MLK Day is closed even though it is 5:45 a.m. in Los Angeles.
    expect(isWithinClerkHours(new Date('2026-01-19T13:45:00Z'))).toBe(false);
  });
});

describe('the deadline banner', () => {
  it('reads "3 h 12 min" and is calm at 8:48 p.m. Eastern', () => {
    const status = deadlineStatus(new Date('2026-01-15T01:48:00Z'), 'America/Los_Angeles');
    expect(status).toMatchObject({
      timeLeft: '3 h 12 min',
      level: 'calm',
      easternClock: '8:48 PM EST',
      localClock: '5:48 PM PST',
      localTimeZone: 'America/Los_Angeles',
      isAfterClerkHours: true,
    });
    expect(status.millisecondsLeft).toBe(3 * hour + 12 * 60_000);
  });

  it('is soon under 3 hours and urgent under 1 hour', () => {
    expect(deadlineStatus(new Date('2026-01-15T02:00:01Z'), courtTimeZone).level).toBe('soon'); // 9:00:01 p.m.
    expect(deadlineStatus(new Date('2026-01-15T02:00:00Z'), courtTimeZone).level).toBe('calm'); // exactly 3 h
    expect(deadlineStatus(new Date('2026-01-15T04:00:01Z'), courtTimeZone).level).toBe('urgent');
    expect(deadlineStatus(new Date('2026-01-15T04:00:00Z'), courtTimeZone).level).toBe('soon'); // exactly 1 h
  });

  it('reads "45 min" and "under a minute" near midnight', () => {
    expect(deadlineStatus(new Date('2026-01-15T04:15:00Z'), courtTimeZone).timeLeft).toBe('45 min');
    expect(deadlineStatus(new Date('2026-01-15T04:59:30Z'), courtTimeZone).timeLeft).toBe('under a minute');
  });

  it('is not after clerk hours during a weekday afternoon', () => {
    expect(deadlineStatus(new Date('2026-01-14T19:00:00Z'), courtTimeZone).isAfterClerkHours).toBe(false);
  });
});
