import { LocalDate } from './billing-calendar';

/**
 * The days of a billing month an install was active on, as a bit set: bit d-1 for day d. Kept per
 * install and month, so a month's row says everything about it and days never need a row each.
 */
export type ActiveDays = number;

export function activeDayOf(date: LocalDate): ActiveDays {
  return 1 << (Number(date.slice(8, 10)) - 1);
}

/** The days (1–31) in a set, in order. */
export function daysIn(days: ActiveDays): number[] {
  const found: number[] = [];
  for (let day = 1; day <= 31; day++) if (days & (1 << (day - 1))) found.push(day);
  return found;
}

/** The set of days first..last (inclusive) of a month. */
export function dayRange(first: number, last: number): ActiveDays {
  let days = 0;
  for (let day = first; day <= last; day++) days |= 1 << (day - 1);
  return days;
}
