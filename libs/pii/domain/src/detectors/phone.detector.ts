import { CountryCode, findPhoneNumbersInText } from 'libphonenumber-js/max';
import { contextBefore, Detector, digitsOf, Finding } from './finding';

/** Regions tried for numbers written without a country code, most likely first. */
const NATIONAL_REGIONS: CountryCode[] = ['US', 'GB', 'DE', 'FR', 'IN', 'AU', 'ES', 'IT', 'NL', 'BR', 'CA', 'MX', 'JP'];
const PHONE_WORDS = /\b(call(?:ing|ed)?|phone|tel|telephone|mobile|mob|cell|whatsapp|sms|text(?:ing)?|reach(?:ed)?|contact|ring(?:ing)?|dial(?:ling|ing)?|fax|landline|hotline|ph)\b/;
const NOT_PHONE_WORDS = /(order|oder|tracking|trcaking|invoice|ticket|ref|reference|transaction|serial|imei|player|uid|account|acct|member(?:ship)?|booking|ride|receipt|bill|zip|postcode|postal|id|code|pin|otp|#)\W{0,3}(no\.?|number|#|id)?\W{0,3}$/;
/** Digits with dots: a phone only in the 3.3.4 style (805.555.0108) or with a country code. */
const DOTTED_PHONE = /^(?:\+\d{1,3}[.\s])?\(?\d{2,4}\)?(?:\.\d{2,4}){2,4}$/;
const IP_OR_VERSION = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** A trailing group that is a quantity, not part of the number: "call 085 322 1911 30 minutes before". */
const TRAILING_QUANTITY = /\s\d{1,2}$/;
const UNIT_AFTER = /^\s*(?:min|mins|minutes|hours|hrs|h|days|secs|seconds|times|x|%|am|pm)\b/i;

/**
 * Phone numbers, validated per region with libphonenumber's full metadata. International numbers
 * (+CC) are validated as written; a national one must be valid in a likely region and look like a
 * phone number (grouped, parenthesised, or introduced by a phone word), since many order numbers
 * are valid numbers somewhere.
 */
export function createPhoneDetector(regions: CountryCode[] = NATIONAL_REGIONS): Detector {
  return {
    type: 'PHONE_NUMBER',
    detect(text) {
      // Cheap pre-check: a phone number has at least 6 digits.
      if ((text.match(/\d/g)?.length ?? 0) < 6) return [];
      const found = new Map<string, Finding>();
      for (const region of regions) {
        for (const match of findPhoneNumbersInText(text, { defaultCountry: region })) {
          if (!match.number.isValid()) continue;
          let startsAt = match.startsAt;
          let endsAt = match.endsAt;
          // An opening parenthesis with no closing one belongs to the sentence: "(+61437811520)".
          if (text[startsAt] === '(' && !text.slice(startsAt, endsAt).includes(')')) startsAt++;
          if (TRAILING_QUANTITY.test(text.slice(startsAt, endsAt)) && UNIT_AFTER.test(text.slice(endsAt))) {
            endsAt = startsAt + text.slice(startsAt, endsAt).replace(TRAILING_QUANTITY, '').length;
          }
          const raw = text.slice(startsAt, endsAt);
          if (raw.includes('.') && (!DOTTED_PHONE.test(raw) || IP_OR_VERSION.test(raw))) continue;
          if (/^\d+[.,]\d+$/.test(raw)) continue; // a decimal number
          // Part of a longer token (ORD-2024-889123, A1B2-77812): an identifier, not a phone number.
          if (/[\w-]/.test(text[startsAt - 1] ?? '') && !raw.startsWith('+')) continue;
          if (/\w/.test(text[endsAt] ?? '') || /^[.,]\d/.test(text.slice(endsAt))) continue;
          const international = raw.startsWith('+') || raw.startsWith('00');
          const before = contextBefore(text, startsAt, 36);
          const phoneContext = PHONE_WORDS.test(before) || /^\W{0,3}(?:\w+\W+){0,5}?(?:phone|mobile|contact|cell|whatsapp)? ?(?:number|no\.?)\b.{0,12}\b(?:reach|call|text|contact)/i.test(text.slice(endsAt, endsAt + 60)) || /^\W{0,3}(?:as (?:the|my|your) )?(?:contact|phone|mobile|cell) (?:number|no)/i.test(text.slice(endsAt, endsAt + 40));
          if (!phoneContext && NOT_PHONE_WORDS.test(before)) continue;
          if (!international) {
            const grouped = /[\s().-]/.test(raw) || raw.startsWith('0');
            if (!phoneContext && !grouped) continue;
            // A national number must be valid in the region it was read as, and not only as digits
            // that happen to fit somewhere: dates (2024-03-15) and times have separators too.
            if (/^\d{4}[-/.]\d{2}[-/.]\d{2}$/.test(raw) || /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(raw)) continue;
          }
          if (digitsOf(raw).length < 7) continue;
          const confidence = international ? 0.95 : phoneContext ? 0.9 : 0.75;
          const key = `${startsAt}:${endsAt}`;
          if (found.has(key)) continue;
          found.set(key, { type: 'PHONE_NUMBER', start: startsAt, end: endsAt, confidence, detector: `phone.libphonenumber.${international ? 'international' : region}` });
        }
      }
      return [...found.values()];
    },
  };
}

export const phoneDetector = createPhoneDetector();
