import { CountryCode, parsePhoneNumberFromString, PhoneNumber } from 'libphonenumber-js/max';
import './libphonenumber-pattern-cache';
import { allMatches, contextBefore, Detector, digitsOf, Finding, insideAny } from './finding';
import { internationalNumberValidity, validNationalNumber } from './phone-numbering-plans';

/**
 * Digit counts a national number can have in each region as written (trunk 0 included): a region
 * whose lengths don't fit is not worth a parse.
 */
const NATIONAL_LENGTHS: Partial<Record<CountryCode, readonly number[]>> = {
  US: [10, 11], CA: [10, 11], GB: [10, 11], DE: [6, 7, 8, 9, 10, 11, 12, 13], FR: [10], IN: [10, 11], AU: [10], IT: [6, 7, 8, 9, 10, 11],
  NL: [10], BR: [10, 11], JP: [10, 11], IE: [9, 10], ZA: [10], NG: [11], ES: [9], MX: [10], SG: [8], CN: [11], AT: [7, 8, 9, 10, 11, 12, 13], CH: [10],
  PL: [9], PT: [9], TR: [10, 11],
};

function regionsFor(digits: string): CountryCode[] {
  return candidateRegions(digits).filter((region) => NATIONAL_LENGTHS[region]?.includes(digits.length) ?? true);
}

/**
 * Regions tried for a number written without a country code, chosen by its shape (a trunk 0 and
 * how many digits follow), most likely first: the first region it is valid in is the one reported.
 */
function candidateRegions(digits: string): CountryCode[] {
  if (digits.startsWith('0')) {
    if (digits.length === 10) return ['FR', 'NL', 'AU', 'ZA', 'JP', 'DE', 'IT', 'GB', 'IE'];
    if (digits.length === 11) return ['GB', 'IN', 'NG', 'BR', 'DE', 'JP', 'IT'];
    return ['DE', 'IT', 'IE', 'GB', 'JP', 'BR', 'AT', 'CH'];
  }
  const elsewhere: CountryCode[] = ['IN', 'ES', 'IT', 'BR', 'MX', 'SG', 'CN', 'PL', 'PT', 'TR'];
  // North American numbers: ten digits, area and exchange codes starting 2-9 (or a leading 1).
  return /^1?[2-9]\d{2}[2-9]\d{6}$/.test(digits) ? ['US', 'CA', ...elsewhere] : elsewhere;
}

const PHONE_WORDS = /\b(call(?:ing|ed)?|phone|tel|telephone|mobile|mob|cell|whatsapp|sms|text(?:ing)?|reach(?:ed)?|contact|ring(?:ing)?|dial(?:ling|ing)?|fax|landline|hotline|ph)\b/;
const PHONE_WORDS_AFTER = /^\W{0,3}(?:[a-z']+\W+){0,3}?(?:(?:best|contact|phone|mobile|cell|whatsapp) )?(?:number\b|no\.)/i;
/** "my number 919…", "the number is …": a number introduced as a number (not "order number"). */
const NUMBER_INTRO = /\b(?:my|your|our|his|her|their|the|new|contact|phone|mobile|cell|callback|call-back|whatsapp) (?:number|no\.?|#)(?: is)?\W{0,3}$/;
/**
 * Words that make the digits after them an identifier: on their own (order, tracking, pedido,
 * Bestellnummer…), or followed by "no", "number", "#" or "id" (account number, booking no.) —
 * "two numbers on the account, 06 53 26 30 86" is a phone number.
 */
const NOT_PHONE_WORDS =
  /(?:(?:order|oder|tracking|trcaking|invoice|ticket|ref|reference|transaction|serial|imei|uid|receipt|zip|postcode|postal|id|code|pin|otp|#|pedido|encomenda|commande|ordine|bestellung|bestellnummer|auftrag|rechnung|factura|fattura|facture|sendung|bestelling|zending|member(?:ship)?|upc|ean|isbn|sku|gtin|asin|barcode)\W{0,3}(?:no\.?|number|nr\.?|#|id)?|(?:player|account|acount|acct|customer|client|booking|ride|bill)\W{0,3}(?:no\.?|number|nr\.?|#|id))\W{0,3}$/;
/** The groups of an IBAN someone typed (nl96 trio 9174 9021 17): its digits are no phone number. */
const IBAN_BEFORE = /\b[a-z]{2}\d{2}(?:\s?[a-z0-9]{4})+\s?$/i;
/** Digits with dots: a phone only in the 3.3.4 style (805.555.0108) or with a country code. */
const DOTTED_PHONE = /^(?:\+\d{1,3}[.\s])?\(?\d{2,4}\)?(?:\.\d{2,4}){2,4}$/;
const IP_OR_VERSION = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** Brazilian (01310-333) and Portuguese (1100-330) postcodes, which no phone number is grouped like. */
const POSTCODE_LIKE = /^\d{4,5}-\d{3}$/;
const DATE_LIKE = /^(?:\d{4}[-/.]\d{2}[-/.]\d{2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{4})$/;
/** A trailing group that is a quantity, not part of the number: "call 085 322 1911 30 minutes before". */
const TRAILING_QUANTITY = /[ ]\d{1,2}$/;
const UNIT_AFTER = /^\s*(?:min|mins|minutes|hours|hrs|h|days|secs|seconds|times|x|%|am|pm)\b/i;

// A run of digits, possibly grouped by spaces, dots, dashes or slashes, with an optional + or
// 00 prefix and parenthesised groups: what a phone number can look like, cheaply found.
const CANDIDATE = /(?<![\w+])(?:\(\+\d{1,3}\)[ ]?|\+|00)?(?:\(\d{1,5}\)|\d)(?:[ .\-/]?(?:\(\d{1,5}\)|\d)){5,17}(?![\w])/g;

/**
 * The region the number is valid in, or 'international' for one written with its country code.
 * With words around it that say phone, a number written with a country code only needs to be a
 * possible one (numbering plans reserve ranges for fiction, and plans change faster than metadata).
 */
function validIn(raw: string, regions: readonly CountryCode[], phoneContext: boolean): CountryCode | 'international' | undefined {
  if (raw.startsWith('+') || raw.startsWith('00') || raw.startsWith('(+')) {
    // "+44 (0)20 …": the trunk prefix in brackets is not dialled from abroad; "(+34) 625…" is +34.
    const written = raw.replace(/^00/, '+').replace(/^\((\+\d{1,3})\)/, '$1').replace(/\(0\)\s?/, '');
    const parsed = internationalNumberValidity(digitsOf(written)) ?? libraryValidity(parsePhoneNumberFromString(written));
    return parsed.valid || (phoneContext && parsed.possible) ? 'international' : undefined;
  }
  const digits = digitsOf(raw);
  return regions.find((region) => validNationalNumber(digits, region) ?? parsePhoneNumberFromString(raw, region)?.isValid());
}

function libraryValidity(parsed: PhoneNumber | undefined): { valid: boolean; possible: boolean } {
  return { valid: parsed?.isValid() ?? false, possible: parsed?.isPossible() ?? false };
}

/**
 * Phone numbers, validated per region with libphonenumber's full metadata. International numbers
 * (+CC) are validated as written; a national one must be valid in a region its shape suggests and
 * look like a phone number (grouped, parenthesised, starting with a trunk 0, or introduced by a
 * phone word), since many order numbers are valid numbers somewhere. Candidates come from a cheap
 * scan, so text without a digit run costs next to nothing.
 */
export const phoneDetector: Detector = {
  type: 'PHONE_NUMBER',
  minDigitRun: 7,
  detect(text, claimed) {
    const findings: Finding[] = [];
    for (const match of allMatches(CANDIDATE, text)) {
      let raw = match[0].replace(/[ .\-/]+$/, '');
      const start = match.index;
      if (insideAny(start, start + raw.length, claimed)) continue;
      if (TRAILING_QUANTITY.test(raw) && UNIT_AFTER.test(text.slice(start + raw.length))) raw = raw.replace(TRAILING_QUANTITY, '');
      const digits = digitsOf(raw);
      if (digits.length < 7 || digits.length > 15) continue;
      if (raw.includes('.') && (!DOTTED_PHONE.test(raw) || IP_OR_VERSION.test(raw))) continue;
      if (POSTCODE_LIKE.test(raw) || DATE_LIKE.test(raw) || /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})\b/.test(raw) || /^:\d/.test(text.slice(start + raw.length))) continue;
      // Inside a longer run of digit groups (the tail of an IBAN or a card), not a number of its own.
      if (/\d[ ]$/.test(text.slice(Math.max(0, start - 2), start))) continue;
      // Part of a longer token (ORD-2024-889123), or followed by decimals: not a phone number.
      if (/[\w-]/.test(text[start - 1] ?? '') || /^[.,]\d/.test(text.slice(start + raw.length))) continue;
      const international = raw.startsWith('+') || raw.startsWith('00') || raw.startsWith('(+');
      const before = contextBefore(text, start, 36);
      const phoneContext = PHONE_WORDS.test(before) || NUMBER_INTRO.test(before) || PHONE_WORDS_AFTER.test(text.slice(start + raw.length, start + raw.length + 40));
      if (!phoneContext && (NOT_PHONE_WORDS.test(before) || IBAN_BEFORE.test(before))) continue;
      if (!international && !phoneContext && !/[\s().-]/.test(raw) && !raw.startsWith('0')) continue;
      // Card- and SSN-shaped groups (4-4-4…, 3-2-4) are other numbers unless the text says phone.
      if (!phoneContext && (/(?:\d{4}[ -]){3}/.test(raw) || /^\d{3}-\d{2}-\d{4}$/.test(raw))) continue;
      const regions = regionsFor(digits);
      // The longest prefix of groups that is a valid number: "085 322 1911 30" → "085 322 1911".
      let candidate = raw;
      let region = validIn(candidate, regions, phoneContext);
      while (!region && phoneContext && / /.test(candidate)) {
        candidate = candidate.replace(/[ ]+\S+$/, '');
        if (digitsOf(candidate).length < 7) break;
        region = validIn(candidate, regions, phoneContext);
      }
      if (!region) continue;
      const confidence = international ? 0.95 : phoneContext ? 0.9 : 0.75;
      findings.push({ type: 'PHONE_NUMBER', start, end: start + candidate.length, confidence, detector: `phone.libphonenumber.${region}` });
    }
    return findings;
  },
};
