export const PII_TYPES = [
  'EMAIL_ADDRESS',
  'PHONE_NUMBER',
  'CREDIT_CARD',
  'IBAN_CODE',
  'IP_ADDRESS',
  'US_SSN',
  'URL',
  'PRECISE_LOCATION',
  'STREET_ADDRESS',
  'PERSON',
] as const;
export type PiiType = (typeof PII_TYPES)[number];

/** A span of text a detector believes is personal data: offsets are UTF-16, end exclusive. */
export interface Finding {
  type: PiiType;
  start: number;
  end: number;
  /** 0..1: how sure the detector is. */
  confidence: number;
  /** Which detector (and rule) found it, for the audit trail and for tuning. */
  detector: string;
}

export interface Detector {
  readonly type: PiiType;
  /** Fewest digits a text must hold for this detector to find anything; lets detectPii skip it. */
  readonly minDigits?: number;
  /**
   * Fewest digits a text must hold in one run — at most one other character between two digits,
   * as in "4111 1111" or "020-7946" — for this detector to find anything; lets detectPii skip it.
   */
  readonly minDigitRun?: number;
  /**
   * `claimed`: what stronger detectors already found in this text; a detector may skip candidates
   * inside them (they would lose the overlap anyway) to save work.
   */
  detect(text: string, claimed?: readonly Finding[]): Finding[];
}

export function insideAny(start: number, end: number, claimed: readonly Finding[] | undefined): boolean {
  return claimed !== undefined && claimed.some((finding) => start < finding.end && finding.start < end);
}

/** Words within `window` characters before `index`, lowercased: the context a value appears in. */
export function contextBefore(text: string, index: number, window = 32): string {
  return text.slice(Math.max(0, index - window), index).toLowerCase();
}

/**
 * Every match of a global pattern in `text`. Unlike String.prototype.matchAll it doesn't clone the
 * pattern on each call, which on short chat messages costs as much as the matching itself.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    matches.push(match);
    if (match[0] === '') pattern.lastIndex++;
  }
  return matches;
}

export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

/** Luhn checksum over a digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}
