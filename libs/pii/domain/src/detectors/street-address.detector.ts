import { allMatches, Detector, Finding, insideAny } from './finding';
import { CORES, coresToRun } from './street-address/cores';
import { formFieldValues } from './street-address/form-field';
import { extendTail, withUnitBefore } from './street-address/tail';

/** Street addresses: a house number and a street, with what belongs to them on the same line. */
export const streetAddressDetector: Detector = {
  type: 'STREET_ADDRESS',
  minDigits: 1,
  detect(text) {
    if (!/\d/.test(text)) return [];
    const findings: Finding[] = [];
    const run = coresToRun(text);
    for (let index = 0; index < CORES.length; index++) {
      if (!(run & (1 << index))) continue;
      const { name, pattern, weak } = CORES[index];
      for (const match of allMatches(pattern, text)) {
        const coreEnd = match.index + match[0].replace(/[\s,.;:]+$/, '').length;
        const lowercase = !/[A-Z]/.test(match[0]);
        const { end, confirmed } = extendTail(text, coreEnd, lowercase);
        if ((weak === true || (typeof weak === 'function' && weak(match[0]))) && !confirmed) continue;
        const start = withUnitBefore(text, match.index);
        const value = text.slice(start, end).replace(/[\s,.;:\-/]+$/, '');
        findings.push({ type: 'STREET_ADDRESS', start, end: start + value.length, confidence: confirmed ? 0.85 : 0.75, detector: `street-address.${name}` });
      }
    }
    // A labelled field's value ("Address: …") counts where no street core matched inside it: the
    // cores know where an address ends, the field runs to the end of its line.
    for (const field of formFieldValues(text)) {
      if (!insideAny(field.start, field.end, findings)) findings.push(field);
    }
    return findings;
  },
};
