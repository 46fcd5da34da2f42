import { Finding, PiiType } from '../detectors/finding';
import { Treatment } from './disclosure';

export interface AppliedFinding {
  type: PiiType;
  /** Offsets in the text after the actions (what is stored), UTF-16, end exclusive. */
  start: number;
  end: number;
  confidence: number;
  detector: string;
  action: Treatment;
}

/** Keeps the last four characters that are digits or letters; the rest become '*', separators stay. */
function maskKeepingLastFour(value: string): string {
  let keep = 4;
  const chars = [...value];
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!/[A-Za-z0-9]/.test(chars[i])) continue;
    if (keep > 0) keep--;
    else chars[i] = '*';
  }
  return chars.join('');
}

/** Two decimals (about 1 km): below the three the disclosure calls precise. */
function coarsenCoordinates(value: string): string {
  return value.replace(/[-+−]?\d{1,3}\.\d{3,}/g, (number) => Number(number.replace('−', '-')).toFixed(2));
}

function replacement(type: PiiType, value: string, action: Treatment): string {
  switch (action) {
    case 'mask':
      if (type === 'CREDIT_CARD' || type === 'IBAN_CODE') return maskKeepingLastFour(value);
      if (type === 'US_SSN') return value.replace(/\d/g, '*');
      return `[${type}]`;
    case 'coarsen':
      return coarsenCoordinates(value);
    case 'drop':
      return '';
    case 'keep':
    case 'keep-encrypted':
    case 'tag':
      return value;
  }
}

/**
 * Applies each finding's action to the text and reports the findings with offsets in the result,
 * so tags point at what is stored. Findings must not overlap (detectPii guarantees it).
 */
export function applyTextActions(
  text: string,
  findings: readonly Finding[],
  actionOf: (finding: Finding) => Treatment,
): { text: string; applied: AppliedFinding[] } {
  let result = '';
  let cursor = 0;
  const applied: AppliedFinding[] = [];
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    const action = actionOf(finding);
    const replaced = replacement(finding.type, text.slice(finding.start, finding.end), action);
    result += text.slice(cursor, finding.start);
    const start = result.length;
    result += replaced;
    cursor = finding.end;
    applied.push({ type: finding.type, start, end: result.length, confidence: finding.confidence, detector: finding.detector, action });
  }
  return { text: result + text.slice(cursor), applied };
}
