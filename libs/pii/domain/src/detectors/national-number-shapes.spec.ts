import { getCountries, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import { mayBeValidNationalNumber } from './national-number-shapes';

/** A small deterministic generator, so a failure names numbers that fail again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const digitString = (next: () => number, length: number) => Array.from({ length }, () => Math.floor(next() * 10)).join('');

/** National-format numbers of a region: valid examples, their neighbours, and random digit runs. */
function numbersFor(region: ReturnType<typeof getCountries>[number], next: () => number): string[] {
  const numbers: string[] = [];
  const example = getExampleNumber(region, examples);
  if (example) {
    const national = example.formatNational();
    numbers.push(national, example.nationalNumber, `${example.countryCallingCode}${example.nationalNumber}`);
    for (let i = 0; i < 40; i++) numbers.push(national.replace(/\d{4}$/, digitString(next, 4)));
  }
  for (let i = 0; i < 60; i++) numbers.push(`${next() < 0.5 ? '0' : ''}${digitString(next, 6 + Math.floor(next() * 8))}`);
  return numbers;
}

describe('mayBeValidNationalNumber', () => {
  it('never rules out a number libphonenumber validates, in any region', () => {
    const next = random(7);
    const missed: string[] = [];
    let validated = 0;
    for (const region of getCountries()) {
      for (const raw of numbersFor(region, next)) {
        if (!parsePhoneNumberFromString(raw, region)?.isValid()) continue;
        validated++;
        if (!mayBeValidNationalNumber(raw.replace(/\D/g, ''), region)) missed.push(`${region} ${raw}`);
      }
    }
    expect(missed).toEqual([]);
    expect(validated).toBeGreaterThan(2000); // the check above saw real numbers, not only rejects
  });

  it('rules out digit runs no number of the region has, which is what saves a parse', () => {
    expect(mayBeValidNationalNumber('12345', 'GB')).toBe(false);
    expect(mayBeValidNationalNumber('1234567890123', 'US')).toBe(false);
    expect(mayBeValidNationalNumber('0123456789', 'ES')).toBe(false);
    expect(mayBeValidNationalNumber('02079460958', 'GB')).toBe(true);
    expect(mayBeValidNationalNumber('442079460958', 'GB')).toBe(true);
  });
});
