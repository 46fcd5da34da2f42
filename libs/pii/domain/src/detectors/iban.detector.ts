import { allMatches, Detector, Finding } from './finding';

/** IBAN length per country (ISO 13616 registry). */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22,
  VG: 24, XK: 20,
};

// A country code and check digits, then alphanumerics, possibly in groups separated by one space.
const CANDIDATE = /(?<![A-Za-z0-9])([A-Za-z]{2})(\d{2})(?:[ ]?[A-Za-z0-9]){10,30}/g;

/** An ASCII letter or digit (false past the text's end). */
function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function mod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder;
}

export const ibanDetector: Detector = {
  type: 'IBAN_CODE',
  minDigits: 8,
  detect(text) {
    const findings: Finding[] = [];
    for (const match of allMatches(CANDIDATE, text)) {
      const country = match[1].toUpperCase();
      const length = IBAN_LENGTHS[country];
      if (!length) continue;
      // Take exactly the country's length of characters, so a following word is not swallowed.
      let taken = 0;
      let end = match.index;
      let compact = '';
      while (end < text.length && taken < length) {
        const char = text[end];
        if (isAlphanumeric(text.charCodeAt(end))) {
          compact += char.toUpperCase();
          taken++;
        } else if (char !== ' ' || !isAlphanumeric(text.charCodeAt(end + 1))) break;
        end++;
      }
      if (taken !== length || isAlphanumeric(text.charCodeAt(end))) continue;
      if (mod97(compact) !== 1) continue;
      findings.push({ type: 'IBAN_CODE', start: match.index, end, confidence: 0.99, detector: `iban.mod97.${country}` });
    }
    return findings;
  },
};
