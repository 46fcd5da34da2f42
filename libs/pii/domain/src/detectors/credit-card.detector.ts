import { allMatches, contextBefore, Detector, digitsOf, Finding, luhnValid } from './finding';

// 13–19 digits, contiguous or grouped by single spaces or dashes.
const CANDIDATE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;

/** Issuer ranges (IIN prefixes) with the lengths their cards have. */
const ISSUERS: { name: string; prefix: RegExp; lengths: number[] }[] = [
  { name: 'visa', prefix: /^4/, lengths: [13, 16, 19] },
  { name: 'mastercard', prefix: /^(5[1-5]|2(2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/, lengths: [16] },
  { name: 'amex', prefix: /^3[47]/, lengths: [15] },
  { name: 'discover', prefix: /^(6011|65|64[4-9]|622(12[6-9]|1[3-9]\d|[2-8]\d\d|9[01]\d|92[0-5]))/, lengths: [16, 19] },
  { name: 'jcb', prefix: /^35(2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] },
  { name: 'diners', prefix: /^3(0[0-5]|[689])/, lengths: [14, 16] },
  { name: 'unionpay', prefix: /^62/, lengths: [16, 17, 18, 19] },
  { name: 'maestro', prefix: /^(5018|5020|5038|5893|6304|6759|676[1-3])/, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
];

const CARD_WORDS = /(card|visa|master ?card|amex|american express|discover|credit|debit|cc|pan|charged|payment)/;
const OTHER_NUMBER_WORDS = /(order|tracking|invoice|imei|serial|ticket|ref|reference|transaction|account id|player|uid|gift ?card|gift|voucher|loyalty|member(?:ship)?|library|rewards?)\W*(card)?\W*(no\.?|number|#|id)?\W*$/;

/** Separators must be consistent: all spaces, all dashes, or none (a card is never typed "4111 1111-1111"). */
function consistentSeparators(value: string): boolean {
  const separators = new Set(value.replace(/\d/g, ''));
  return separators.size <= 1;
}

export const creditCardDetector: Detector = {
  type: 'CREDIT_CARD',
  minDigitRun: 13,
  detect(text) {
    const findings: Finding[] = [];
    for (const match of allMatches(CANDIDATE, text)) {
      const value = match[0];
      const digits = digitsOf(value);
      if (!consistentSeparators(value) || !luhnValid(digits)) continue;
      const issuer = ISSUERS.find((candidate) => candidate.prefix.test(digits) && candidate.lengths.includes(digits.length));
      if (!issuer) continue;
      const before = contextBefore(text, match.index, 40);
      if (OTHER_NUMBER_WORDS.test(before) && !/(credit|debit|visa|master ?card|amex)/.test(before)) continue;
      const confidence = CARD_WORDS.test(before) ? 0.99 : 0.9;
      findings.push({ type: 'CREDIT_CARD', start: match.index, end: match.index + value.length, confidence, detector: `credit-card.luhn.${issuer.name}` });
    }
    return findings;
  },
};
