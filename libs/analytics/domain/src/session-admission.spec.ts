import { activeDayOf, dayRange, daysIn } from './active-days';
import { admitEventTime } from './session-admission';

describe('admitting a session event by its time', () => {
  const policy = { lateHorizonMs: 8 * 86_400_000, futureSkewMs: 10 * 60_000 };
  const accepted = Date.parse('2026-11-29T12:00:00Z');

  it('counts events up to the horizon old and up to the skew ahead of their acceptance', () => {
    expect(admitEventTime(accepted - policy.lateHorizonMs, accepted, policy)).toBeNull();
    expect(admitEventTime(accepted + policy.futureSkewMs, accepted, policy)).toBeNull();
    expect(admitEventTime(accepted, accepted, policy)).toBeNull();
  });

  it('rejects one millisecond beyond either bound, saying which', () => {
    expect(admitEventTime(accepted - policy.lateHorizonMs - 1, accepted, policy)).toBe('too-late');
    expect(admitEventTime(accepted + policy.futureSkewMs + 1, accepted, policy)).toBe('in-future');
  });
});

describe('active days of a month as bits', () => {
  it('gives each day of the month its own bit, the 31st included', () => {
    expect(activeDayOf('2026-10-01')).toBe(1);
    expect(activeDayOf('2026-10-31')).toBe(2 ** 30);
    expect(daysIn(activeDayOf('2026-10-31') | activeDayOf('2026-10-02') | activeDayOf('2026-10-02'))).toEqual([2, 31]);
  });

  it('makes a range of days', () => {
    expect(daysIn(dayRange(28, 31))).toEqual([28, 29, 30, 31]);
    expect(dayRange(1, 31)).toBe(2 ** 31 - 1);
  });
});
