import { CountryCode, Metadata } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';

/** The parts of libphonenumber-js's numbering plan read here (present, but not in its typings). */
interface PlanRules {
  callingCode(): string;
  IDDPrefix(): string;
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | null | undefined;
  nationalPrefixTransformRule(): string | null | undefined;
}

interface Shape {
  callingCode: string;
  /** How the region dials abroad (00, 011): libphonenumber reads digits starting so as an international number. */
  dialsAbroad: RegExp;
  /** A national (trunk) prefix as libphonenumber strips it. */
  nationalPrefix: RegExp | undefined;
  /** Where libphonenumber rewrites the prefix instead of stripping it (BR carrier codes). */
  rewritesPrefix: boolean;
  /** The general pattern of every region sharing the calling code: a parse may land in any of them (GB → JE). */
  anyValidNumber: RegExp;
}

const metadata = new Metadata(maxMetadata);
const shapes = new Map<CountryCode, Shape>();

function planOf(region: CountryCode): PlanRules {
  metadata.selectNumberingPlan(region);
  return metadata.numberingPlan as unknown as PlanRules;
}

function shapeOf(region: CountryCode): Shape {
  let shape = shapes.get(region);
  if (!shape) {
    const plan = planOf(region);
    const callingCode = plan.callingCode();
    const prefix = plan.nationalPrefixForParsing();
    const rewritesPrefix = Boolean(plan.nationalPrefixTransformRule());
    const sharing = maxMetadata.country_calling_codes[callingCode] ?? [region];
    const patterns = sharing.map((country) => planOf(country).nationalNumberPattern());
    shape = { callingCode, dialsAbroad: new RegExp(`^(?:${plan.IDDPrefix()})`), nationalPrefix: prefix ? new RegExp(`^(?:${prefix})`) : undefined, rewritesPrefix, anyValidNumber: new RegExp(`^(?:${patterns.join('|')})$`) };
    shapes.set(region, shape);
  }
  return shape;
}

/**
 * Whether the digits of a number written without "+" could be a valid number when parsed for
 * `region`: its national part, with or without a trunk prefix or the calling code, fits the general
 * pattern of the region (or of a region sharing its calling code). A necessary condition only — the
 * phone detector still parses what passes — but one checked in well under a microsecond, where a
 * parse costs tens: most digit runs in support chat (order numbers, amounts) fail it.
 */
export function mayBeValidNationalNumber(digits: string, region: CountryCode): boolean {
  const shape = shapeOf(region);
  // A transformed prefix (BR carrier codes) or a number dialled abroad is left to the parser.
  if (shape.rewritesPrefix || shape.dialsAbroad.test(digits)) return true;
  const fits = (national: string) => {
    const trunk = shape.nationalPrefix?.exec(national);
    return shape.anyValidNumber.test(national) || (trunk !== null && trunk !== undefined && shape.anyValidNumber.test(national.slice(trunk[0].length)));
  };
  return fits(digits) || (digits.startsWith(shape.callingCode) && fits(digits.slice(shape.callingCode.length)));
}
