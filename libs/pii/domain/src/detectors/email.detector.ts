import { allMatches, Detector, Finding } from './finding';

// Local part and domain per the practical subset of RFC 5322 people type; the TLD is letters only.
const EMAIL = /(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-]*@)(?![A-Za-z0-9-])/g;

export const emailDetector: Detector = {
  type: 'EMAIL_ADDRESS',
  detect(text) {
    if (!text.includes('@')) return [];
    const findings: Finding[] = [];
    for (const match of allMatches(EMAIL, text)) {
      const value = match[0];
      if (value.includes('..')) continue;
      findings.push({ type: 'EMAIL_ADDRESS', start: match.index, end: match.index + value.length, confidence: 0.97, detector: 'email.rfc5322' });
    }
    return findings;
  },
};
