import { allMatches, contextBefore, Detector, Finding } from './finding';

const FORMATTED = /(?<![\d+-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g;
const CONTIGUOUS = /(?<!\d)(\d{3})(\d{2})(\d{4})(?!\d)/g;
const SSN_WORDS = /\b(ssn|ss#|social security|social sec|soc\.? sec|tax id|itin|tin)\b/;
const OTHER_WORDS = /\b(order|tracking|phone|call|tel|mobile|ticket|invoice|player|uid|id)\b[^\d]{0,12}$/;

/** Area 001–899 but not 666, group 01–99, serial 0001–9999 (SSA rules since 2011 randomisation). */
function validSsn(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a > 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

export const usSsnDetector: Detector = {
  type: 'US_SSN',
  minDigitRun: 9,
  detect(text) {
    const findings: Finding[] = [];
    for (const match of allMatches(FORMATTED, text)) {
      if (!validSsn(match[1], match[3], match[4])) continue;
      const before = contextBefore(text, match.index, 40);
      const context = SSN_WORDS.test(before);
      if (!context && OTHER_WORDS.test(before)) continue;
      findings.push({ type: 'US_SSN', start: match.index, end: match.index + match[0].length, confidence: context ? 0.98 : 0.85, detector: 'us-ssn.formatted' });
    }
    // Nine bare digits are an SSN only when the text says so.
    for (const match of allMatches(CONTIGUOUS, text)) {
      if (!validSsn(match[1], match[2], match[3]) || !SSN_WORDS.test(contextBefore(text, match.index, 40))) continue;
      findings.push({ type: 'US_SSN', start: match.index, end: match.index + match[0].length, confidence: 0.9, detector: 'us-ssn.contiguous-with-context' });
    }
    return findings;
  },
};
