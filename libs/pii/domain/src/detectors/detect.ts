import { creditCardDetector } from './credit-card.detector';
import { emailDetector } from './email.detector';
import { Detector, Finding, insideAny, PiiType } from './finding';
import { ibanDetector } from './iban.detector';
import { ipAddressDetector } from './ip-address.detector';
import { personDetector } from './person.detector';
import { phoneDetector } from './phone.detector';
import { preciseLocationDetector } from './precise-location.detector';
import { streetAddressDetector } from './street-address.detector';
import { urlDetector } from './url.detector';
import { usSsnDetector } from './us-ssn.detector';

/** Strongest evidence first: checksummed and strictly shaped types win an overlap. */
export const DETECTORS: readonly Detector[] = [
  emailDetector,
  urlDetector,
  ibanDetector,
  creditCardDetector,
  usSsnDetector,
  preciseLocationDetector,
  ipAddressDetector,
  phoneDetector,
  streetAddressDetector,
  personDetector,
];

const PRIORITY = Object.fromEntries(DETECTORS.map((detector, index) => [detector.type, index])) as Record<PiiType, number>;

/**
 * A "phone number" inside a street address's tail is its postcode (Rua X, 2295 - São Paulo/SP,
 * 01426-400): the address's structure is the stronger evidence there.
 */
function isPostcodeOfAnAddress(phone: Finding, all: readonly Finding[]): boolean {
  return all.some((other) => other.type === 'STREET_ADDRESS' && other.detector !== 'street-address.form-field' && other.start < phone.start && phone.end <= other.end);
}

/** How many digits the text holds, and the most in one run with at most one other character between two. */
function digitsIn(text: string): { digits: number; longestDigitRun: number } {
  let digits = 0;
  let run = 0;
  let longestDigitRun = 0;
  let gap = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      digits++;
      gap = 0;
      if (++run > longestDigitRun) longestDigitRun = run;
    } else if (++gap > 1) {
      run = 0;
    }
  }
  return { digits, longestDigitRun };
}

/**
 * Every piece of personal data the detectors find in `text`, without overlaps: where two findings
 * overlap, the higher-priority type wins, then the longer span. Sorted by position.
 */
export function detectPii(text: string, detectors: readonly Detector[] = DETECTORS): Finding[] {
  return detectPiiInTexts([text], detectors)[0];
}

/**
 * detectPii for several texts at once, with the same result for each. Each detector runs over all
 * the texts before the next one starts, so its code, patterns and word tables stay in the
 * processor's caches instead of being evicted by the nine others after every message (npm run bench:
 * batches of a hundred chat messages go 5–10% faster than one message at a time).
 */
export function detectPiiInTexts(texts: readonly string[], detectors: readonly Detector[] = DETECTORS): Finding[][] {
  const shapes = texts.map(digitsIn);
  const found = texts.map((): Finding[] => []);
  for (const detector of detectors) {
    const minDigits = detector.minDigits ?? 0;
    const minDigitRun = detector.minDigitRun ?? 0;
    for (let i = 0; i < texts.length; i++) {
      if (shapes[i].digits < minDigits || shapes[i].longestDigitRun < minDigitRun) continue;
      const all = found[i];
      for (const finding of detector.detect(texts[i], all)) all.push(finding);
    }
  }
  return found.map(withoutOverlaps);
}

function withoutOverlaps(all: Finding[]): Finding[] {
  all.sort((a, b) => PRIORITY[a.type] - PRIORITY[b.type] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Finding[] = [];
  for (const finding of all) {
    if (finding.type === 'PHONE_NUMBER' && isPostcodeOfAnAddress(finding, all)) continue;
    if (finding.end <= finding.start) continue;
    if (insideAny(finding.start, finding.end, kept)) continue;
    kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start);
}
