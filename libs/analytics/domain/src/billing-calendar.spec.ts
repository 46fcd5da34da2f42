import { checkLocalDate, checkMonth, checkTimeZone, datesBetween, daySpan, lastDayOf, localDateOf, monthsBetween, monthSpan, nextMonth, startOfLocalDate } from './billing-calendar';

const HOUR = 3_600_000;

describe('the billing calendar', () => {
  it('puts an instant on the day and month of the brand’s time zone, not UTC’s', () => {
    const instant = new Date('2026-01-31T23:30:00Z');
    expect(localDateOf(instant, 'UTC')).toBe('2026-01-31');
    expect(localDateOf(instant, 'Europe/Paris').slice(0, 7)).toBe('2026-02');
    expect(localDateOf(instant, 'America/Los_Angeles').slice(0, 7)).toBe('2026-01');
    expect(localDateOf(new Date('2026-06-30T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-07-01');
    expect(localDateOf(new Date('2026-06-30T02:00:00Z'), 'America/St_Johns')).toBe('2026-06-29');
  });

  it('makes days 23 and 25 hours long across DST changes', () => {
    const length = (date: string, next: string, zone: string) => (startOfLocalDate(next, zone).getTime() - startOfLocalDate(date, zone).getTime()) / HOUR;
    expect(length('2026-03-29', '2026-03-30', 'Europe/Paris')).toBe(23);
    expect(length('2026-10-25', '2026-10-26', 'Europe/Paris')).toBe(25);
    expect(length('2026-11-01', '2026-11-02', 'America/New_York')).toBe(25);
    expect(length('2026-06-15', '2026-06-16', 'Asia/Kolkata')).toBe(24);
  });

  it('starts every local day at its first instant, whatever the zone (midnight, or later where midnight is skipped)', () => {
    for (const zone of ['UTC', 'Europe/Paris', 'America/Santiago', 'America/Havana', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Africa/Cairo']) {
      for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 24 * HOUR) {
        const date = new Date(day).toISOString().slice(0, 10);
        const start = startOfLocalDate(date, zone).getTime();
        expect([zone, date, localDateOf(start, zone)]).toEqual([zone, date, date]);
        expect([zone, date, localDateOf(start - 60_000, zone) < date]).toEqual([zone, date, true]);
      }
    }
  });

  it('spans a month from its first instant to the next month’s', () => {
    expect(monthSpan('2026-03', 'Europe/Paris')).toEqual({ start: new Date('2026-02-28T23:00:00Z'), end: new Date('2026-03-31T22:00:00Z') });
    expect(monthSpan('2026-12', 'UTC')).toEqual({ start: new Date('2026-12-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });
  });

  it('splits a range of days into the billing months it touches', () => {
    expect(monthsBetween('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-05-01', '2026-05-31')).toEqual(['2026-05']);
    expect(() => monthsBetween('2026-05-02', '2026-05-01')).toThrow(/ends \(2026-05-01\) before it starts/);
    expect(() => monthsBetween('2026-02-30', '2026-03-01')).toThrow(/"2026-02-30" is not a calendar date/);
  });

  it('names a time zone it doesn’t know', () => {
    expect(checkTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(/"Mars\/Olympus" is not an IANA time zone name/);
  });

  it('walks days and months across year ends and leap days', () => {
    expect(datesBetween('2027-12-30', '2028-01-02')).toEqual(['2027-12-30', '2027-12-31', '2028-01-01', '2028-01-02']);
    expect(datesBetween('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect([lastDayOf('2026-02'), lastDayOf('2028-02'), lastDayOf('2026-04'), lastDayOf('2026-10')]).toEqual([28, 29, 30, 31]);
  });

  it('spans a 25-hour local day', () => {
    const { start, end } = daySpan('2026-10-25', 'Europe/Paris');
    expect([start.toISOString(), end.toISOString()]).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
  });

  it('checks months and dates precisely', () => {
    expect(checkMonth('2026-11')).toBe('2026-11');
    for (const bad of ['2026-13', '2026-00', '2026-1', '2026-11-01']) expect(() => checkMonth(bad)).toThrow(`"${bad}" is not a month written YYYY-MM`);
    expect(() => checkLocalDate('2026-02-30')).toThrow('"2026-02-30" is not a calendar date written YYYY-MM-DD');
  });
});
