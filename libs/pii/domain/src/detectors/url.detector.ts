import { allMatches, Detector, Finding } from './finding';

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?'"”’)\]}>]+$/;

/** Drops trailing punctuation a sentence put after the link, keeping a balanced closing paren. */
function trimUrl(value: string): string {
  let trimmed = value.replace(TRAILING, '');
  const opens = (trimmed.match(/\(/g) ?? []).length;
  const closes = (trimmed.match(/\)/g) ?? []).length;
  if (opens > closes && value.length > trimmed.length && value[trimmed.length] === ')') trimmed += ')';
  return trimmed;
}

export const urlDetector: Detector = {
  type: 'URL',
  detect(text) {
    const findings: Finding[] = [];
    if (!text.includes('www.') && !text.includes('http') && !text.includes('WWW.') && !text.includes('HTTP')) return findings;
    for (const match of allMatches(URL_PATTERN, text)) {
      const value = trimUrl(match[0]);
      // "www." alone, or a scheme with nothing after it, is not a link.
      if (!/\.[a-z]{2,}/i.test(value.replace(/^(https?:\/\/)?www\./i, '')) && !/^https?:\/\/[\w-]+(\.[\w-]+)+/i.test(value)) continue;
      findings.push({ type: 'URL', start: match.index, end: match.index + value.length, confidence: 0.95, detector: 'url.scheme-or-www' });
    }
    return findings;
  },
};
