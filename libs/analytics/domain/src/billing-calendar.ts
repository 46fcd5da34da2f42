/** A calendar day in a brand's billing time zone: 'YYYY-MM-DD'. */
export type LocalDate = string;
/** A billing month in a brand's billing time zone: 'YYYY-MM'. */
export type BillingMonth = string;

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The time zone if it is an IANA name this runtime knows; a precise error otherwise. */
export function checkTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
  } catch {
    throw new RangeError(`"${timeZone}" is not an IANA time zone name (like "Europe/Paris" or "UTC")`);
  }
  return timeZone;
}

/** The calendar day an instant falls on in a time zone. */
export function localDateOf(instant: Date | number, timeZone: string): LocalDate {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: checkTimeZone(timeZone), year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  // en-CA writes dates as YYYY-MM-DD.
  return format.format(instant);
}

/**
 * The first instant of a local day. Usually its midnight, but not always: where a clock change
 * skips midnight the day starts at 01:00, and days are 23 or 25 hours long across DST changes.
 * Found by bisection on the minute (every offset in use is whole minutes).
 */
export function startOfLocalDate(date: LocalDate, timeZone: string): Date {
  const [year, month, day] = parseLocalDate(date);
  const utcMidnight = Date.UTC(year, month - 1, day);
  // Offsets lie within ±14 hours: the day starts within a day of its UTC midnight.
  let before = utcMidnight - 15 * 60 * MINUTE; // on an earlier local date
  let onOrAfter = utcMidnight + 15 * 60 * MINUTE; // on this local date or later
  while (onOrAfter - before > MINUTE) {
    const middle = before + Math.floor((onOrAfter - before) / 2 / MINUTE) * MINUTE;
    if (localDateOf(middle, timeZone) >= date) onOrAfter = middle;
    else before = middle;
  }
  return new Date(onOrAfter);
}

/** A billing month as the instants it spans: [start, end). */
export function monthSpan(month: BillingMonth, timeZone: string): { start: Date; end: Date } {
  return { start: startOfLocalDate(`${month}-01`, timeZone), end: startOfLocalDate(`${nextMonth(month)}-01`, timeZone) };
}

/** The billing months a range of local days touches, in order (a range is answered per month). */
export function monthsBetween(from: LocalDate, to: LocalDate): BillingMonth[] {
  parseLocalDate(from);
  parseLocalDate(to);
  if (to < from) throw new RangeError(`the range ends (${to}) before it starts (${from})`);
  const months: BillingMonth[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month)) months.push(month);
  return months;
}

/** The local dates from..to (inclusive), in order. */
export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let date = from; date <= to; date = nextDate(date)) dates.push(date);
  return dates;
}

/** A local day as the instants it spans: [start, end). 23 or 25 hours across a clock change. */
export function daySpan(date: LocalDate, timeZone: string): { start: Date; end: Date } {
  return { start: startOfLocalDate(date, timeZone), end: startOfLocalDate(nextDate(date), timeZone) };
}

export function nextDate(date: LocalDate): LocalDate {
  const [year, month, day] = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** The last day of a month (28–31). */
export function lastDayOf(month: BillingMonth): number {
  const [year, monthNumber] = parseMonth(month);
  return new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
}

/** A 'YYYY-MM' that is a real month; a precise error otherwise. */
export function checkMonth(month: string): BillingMonth {
  const monthNumber = Number(month.slice(5));
  if (!/^\d{4}-\d{2}$/.test(month) || monthNumber < 1 || monthNumber > 12) throw new RangeError(`"${month}" is not a month written YYYY-MM`);
  return month;
}

/** A 'YYYY-MM-DD' that is a real date; a precise error otherwise. */
export function checkLocalDate(date: string): LocalDate {
  parseLocalDate(date);
  return date;
}

export function nextMonth(month: BillingMonth): BillingMonth {
  const [year, monthNumber] = parseMonth(month);
  return monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
}

function parseLocalDate(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const parts = match ? ([Number(match[1]), Number(match[2]), Number(match[3])] as [number, number, number]) : undefined;
  if (!parts || new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`"${date}" is not a calendar date written YYYY-MM-DD`);
  }
  return parts;
}

function parseMonth(month: string): [number, number] {
  const [year, monthNumber] = parseLocalDate(`${month}-01`);
  return [year, monthNumber];
}
