import { CountryCode, Metadata } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';

/**
 * libphonenumber-js's parse-then-isValid for the numbers the phone detector checks, on the same
 * metadata and by the same steps, with each numbering plan's patterns compiled once. A parse
 * through the library costs microseconds (option objects, a Metadata instance per helper, every
 * pattern looked up by its source); this costs a fraction of one. For a non-geographic calling
 * code (+800, +882…), the one path not followed here, the answer is undefined and the caller asks
 * the library. A test holds the answers equal to the library's on many thousands of
 * numbers in every region.
 */

/** The parts of libphonenumber-js's Metadata read here (present, but not in its typings). */
interface MetadataRules {
  numberingPlan: {
    callingCode(): string;
    IDDPrefix(): string;
    nationalNumberPattern(): string;
    possibleLengths(): number[] | undefined;
    leadingDigits(): string | 0 | undefined;
    nationalPrefixForParsing(): string | null | undefined;
    nationalPrefixTransformRule(): string | null | undefined;
    hasTypes(): boolean;
  };
  selectNumberingPlan(countryOrCallingCode: string): void;
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
  hasCallingCode(callingCode: string): boolean;
  isNonGeographicCallingCode(callingCode: string): boolean;
}

/** The order libphonenumber-js tries types in; a number of any of them is valid. */
const TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];
/** Bounds on a national significant number (libphonenumber's MIN_LENGTH_FOR_NSN, MAX_LENGTH_FOR_NSN). */
const SHORTEST_NATIONAL = 2;
const LONGEST_NATIONAL = 17;

interface Plan {
  callingCode: string;
  nonGeographic: boolean;
  dialsAbroad: RegExp;
  general: RegExp;
  possibleLengths: readonly number[] | undefined;
  leadingDigits: RegExp | undefined;
  nationalPrefix: RegExp | undefined;
  /** How the plan rewrites a national prefix it matched (BR carrier codes, JP, NANP islands), if it does. */
  nationalPrefixRewrite: string | undefined;
  /** undefined: the plan has no per-type patterns (then validity is the general pattern's). */
  types: { pattern: RegExp; lengths: readonly number[] | undefined }[] | undefined;
}

const metadata = new Metadata(maxMetadata) as unknown as MetadataRules;
const plans = new Map<string, Plan>();
const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);
const atStart = (pattern: string) => new RegExp(`^(?:${pattern})`);

/** A region's plan, or by calling code the plan of its main region (as libphonenumber selects it). */
function planOf(key: string): Plan {
  let plan = plans.get(key);
  if (!plan) {
    metadata.selectNumberingPlan(key);
    const rules = metadata.numberingPlan;
    const leadingDigits = rules.leadingDigits();
    const nationalPrefix = rules.nationalPrefixForParsing();
    const types = TYPES.map((name) => metadata.type(name)).filter((type) => type !== undefined && type.pattern() !== '');
    plan = {
      callingCode: rules.callingCode(),
      nonGeographic: metadata.isNonGeographicCallingCode(rules.callingCode()),
      dialsAbroad: atStart(rules.IDDPrefix()),
      general: whole(rules.nationalNumberPattern()),
      possibleLengths: rules.possibleLengths(),
      leadingDigits: leadingDigits ? atStart(leadingDigits) : undefined,
      nationalPrefix: nationalPrefix ? atStart(nationalPrefix) : undefined,
      nationalPrefixRewrite: rules.nationalPrefixTransformRule() || undefined,
      types: rules.hasTypes() ? types.map((type) => ({ pattern: whole(type!.pattern()), lengths: type!.possibleLengths() })) : undefined,
    };
    plans.set(key, plan);
  }
  return plan;
}

type LengthCheck = 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';

function checkLength(national: string, plan: Plan): LengthCheck {
  const lengths = plan.possibleLengths;
  if (!lengths) return 'IS_POSSIBLE';
  if (lengths[0] === national.length) return 'IS_POSSIBLE';
  if (lengths[0] > national.length) return 'TOO_SHORT';
  if (lengths[lengths.length - 1] < national.length) return 'TOO_LONG';
  return lengths.indexOf(national.length, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/** Whether the national number is of some type the plan lists (libphonenumber's getNumberType !== undefined). */
function hasType(national: string, plan: Plan): boolean {
  if (!plan.types || !plan.general.test(national)) return false;
  return plan.types.some(({ pattern, lengths }) => (!lengths || lengths.includes(national.length)) && pattern.test(national));
}

/** The region of a calling code a national number belongs to (by leading digits, else by type). */
function regionOf(callingCode: string, national: string): string | undefined {
  const regions = maxMetadata.country_calling_codes[callingCode];
  if (!regions) return undefined;
  if (regions.length === 1) return regions[0];
  return regions.find((region) => {
    const plan = planOf(region);
    return plan.leadingDigits ? plan.leadingDigits.test(national) : hasType(national, plan);
  });
}

/** The number without its national (trunk) prefix, where libphonenumber would take it off. */
function nationalNumberOf(number: string, plan: Plan): string {
  const prefix = plan.nationalPrefix?.exec(number);
  if (!prefix) return number;
  const captured = prefix.length > 1 && prefix[prefix.length - 1];
  const stripped = plan.nationalPrefixRewrite && captured ? number.replace(plan.nationalPrefix!, plan.nationalPrefixRewrite) : number.slice(prefix[0].length);
  if (stripped === number) return number;
  if (plan.general.test(number) && !plan.general.test(stripped)) return number;
  if (plan.possibleLengths) {
    const region = regionOf(plan.callingCode, stripped);
    const length = checkLength(stripped, region ? planOf(region) : plan);
    if (length === 'TOO_SHORT' || length === 'INVALID_LENGTH') return number;
  }
  return stripped;
}

/** Whether a national number under a calling code (and region, when known) is valid. */
function validity(callingCode: string, national: string, region: string | undefined): { valid: boolean; possible: boolean } {
  if (national.length < SHORTEST_NATIONAL || national.length > LONGEST_NATIONAL) return { valid: false, possible: false };
  const plan = planOf(regionOf(callingCode, national) ?? region ?? callingCode);
  const valid = plan.types ? hasType(national, plan) : plan.general.test(national);
  return { valid, possible: checkLength(national, plan) === 'IS_POSSIBLE' };
}

/**
 * Whether `digits`, written without "+", is a valid number when read in `region`:
 * parsePhoneNumberFromString(digits, region)?.isValid(). Undefined where the library must answer.
 */
export function validNationalNumber(digits: string, region: CountryCode): boolean | undefined {
  const plan = planOf(region);
  // Digits after the region's prefix for dialling abroad (00, 011) are an international number,
  // unless a 0 follows the prefix.
  const abroad = plan.dialsAbroad.exec(digits);
  if (abroad && digits[abroad[0].length] !== '0') return internationalNumberValidity(digits.slice(abroad[0].length))?.valid;
  // Digits that start with the region's own calling code may be an international number typed
  // without its "+": libphonenumber reads them so if that is what makes them a number.
  if (digits.startsWith(plan.callingCode)) {
    const shorter = digits.slice(plan.callingCode.length);
    const whole = nationalNumberOf(digits, plan);
    if ((!plan.general.test(whole) && plan.general.test(nationalNumberOf(shorter, plan))) || checkLength(whole, plan) === 'TOO_LONG') {
      return validity(plan.callingCode, nationalNumberOf(shorter, planOf(plan.callingCode)), undefined).valid;
    }
  }
  return validity(plan.callingCode, nationalNumberOf(digits, plan), region).valid;
}

/**
 * The digits after the "+" of an international number: is it valid, is it possible
 * (parsePhoneNumberFromString(`+${digits}`)?.isValid() and ?.isPossible()). Undefined where the library must answer.
 */
export function internationalNumberValidity(digits: string): { valid: boolean; possible: boolean } | undefined {
  if (digits.startsWith('0')) return { valid: false, possible: false };
  for (let length = 1; length <= 3 && length <= digits.length; length++) {
    const callingCode = digits.slice(0, length);
    if (!metadata.hasCallingCode(callingCode)) continue;
    const plan = planOf(callingCode);
    if (plan.nonGeographic || !plan.possibleLengths) return undefined;
    return validity(callingCode, nationalNumberOf(digits.slice(length), plan), undefined);
  }
  return { valid: false, possible: false };
}
