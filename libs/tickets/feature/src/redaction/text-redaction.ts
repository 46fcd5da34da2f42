import type { TextRange } from '@sieve/contracts';

/** What stands where redacted text was; who redacted it and when is on the message. */
export const REDACTION_MARKER = '[redacted]';

/**
 * The text with each range replaced by the marker. Overlapping or touching ranges become one
 * marker; ranges past the end are cut at it. Offsets are UTF-16 code units (JavaScript indices):
 * a range that splits a surrogate pair is widened to the whole character, so no half of one stays.
 */
export function redactRanges(text: string, ranges: readonly TextRange[], marker = REDACTION_MARKER): string {
  const merged: TextRange[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const start = isLowSurrogate(text, range.start) ? range.start - 1 : range.start;
    const end = isLowSurrogate(text, range.end) ? range.end + 1 : range.end;
    const last = merged[merged.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  let result = '';
  let at = 0;
  for (const { start, end } of merged) {
    if (start >= text.length) break;
    result += text.slice(at, start) + marker;
    at = Math.min(end, text.length);
  }
  return result + text.slice(at);
}

/** Whether index `at` falls inside a surrogate pair (on its second half). */
const isLowSurrogate = (text: string, at: number) => at > 0 && at < text.length && /[\uDC00-\uDFFF]/.test(text[at]) && /[\uD800-\uDBFF]/.test(text[at - 1]);
