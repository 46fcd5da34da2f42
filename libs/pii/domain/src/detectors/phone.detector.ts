import { CountryCode, findPhoneNumbersInText } from 'libphonenumber-js/max';
import { contextBefore, Detector, digitsOf, Finding } from './finding';

/** Regions tried for numbers written without a country code, most likely first. */
const NATIONAL_REGIONS: CountryCode[] = ['US', 'GB', 'DE', 'FR', 'IN', 'AU', 'ES', 'IT', 'NL', 'BR', 'CA', 'MX', 'JP'];
const PHONE_WORDS = /\b(call|phone|tel|telephone|mobile|mob|cell|number|no\.|whatsapp|sms|text|reach|contact|ring|dial|fax|landline|hotline)\b/;
const NOT_PHONE_WORDS = /(order|tracking|invoice|ticket|ref|reference|transaction|serial|imei|player|uid|account|acct|id|code|pin|otp|#)\W{0,3}(no\.?|number|#|id)?\W{0,3}$/;

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
          const key = `${match.startsAt}:${match.endsAt}`;
          if (found.has(key) || !match.number.isValid()) continue;
          const raw = text.slice(match.startsAt, match.endsAt);
          // Part of a longer token (ORD-2024-889123, A1B2-77812): an identifier, not a phone number.
          if (/[\w-]/.test(text[match.startsAt - 1] ?? '') && !raw.startsWith('+')) continue;
          if (/\w/.test(text[match.endsAt] ?? '')) continue;
          const international = raw.startsWith('+') || raw.startsWith('00');
          const before = contextBefore(text, match.startsAt, 36);
          const phoneContext = PHONE_WORDS.test(before);
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
          found.set(key, { type: 'PHONE_NUMBER', start: match.startsAt, end: match.endsAt, confidence, detector: `phone.libphonenumber.${international ? 'international' : region}` });
        }
      }
      return [...found.values()];
    },
  };
}

export const phoneDetector = createPhoneDetector();
