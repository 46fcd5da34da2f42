import { CountryCode, getCountries, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import { internationalNumberValidity, validNationalNumber } from './phone-numbering-plans';

/** A small deterministic generator, so a failure names numbers that fail again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const digitString = (next: () => number, length: number) => Array.from({ length }, () => Math.floor(next() * 10)).join('');

/**
 * Numbers as people type them in a region: its example number in national and international
 * form, the same with other last digits (mostly still valid), with the trunk prefix or the calling
 * code in front, and random digit runs of every length a phone number has.
 */
function numbersFor(region: CountryCode, next: () => number): string[] {
  const numbers: string[] = [];
  const example = getExampleNumber(region, examples);
  if (example) {
    const national = example.formatNational();
    const changeTail = (value: string) => value.replace(/\d{4}$/, digitString(next, 4));
    numbers.push(national, example.nationalNumber, `${example.countryCallingCode}${example.nationalNumber}`, `0${example.nationalNumber}`);
    for (let i = 0; i < 30; i++) numbers.push(changeTail(national), changeTail(`${example.countryCallingCode} ${example.nationalNumber}`), changeTail(`0${example.nationalNumber}`));
  }
  for (let i = 0; i < 60; i++) numbers.push(`${['', '0', '1', '00', '011', '010', '0011'][Math.floor(next() * 7)]}${digitString(next, 5 + Math.floor(next() * 11))}`);
  return numbers;
}

describe('phone numbering plans (libphonenumber-js validity, compiled)', () => {
  it('say what libphonenumber says of a national number, in every region', () => {
    const next = random(11);
    const disagreements: string[] = [];
    let answered = 0;
    let valid = 0;
    for (const region of getCountries()) {
      for (const raw of numbersFor(region, next)) {
        const digits = raw.replace(/\D/g, '');
        const ours = validNationalNumber(digits, region);
        if (ours === undefined) continue;
        answered++;
        const theirs = parsePhoneNumberFromString(raw, region)?.isValid() ?? false;
        if (theirs) valid++;
        if (ours !== theirs) disagreements.push(`${region} ${raw}: ours ${ours}, libphonenumber ${theirs}`);
      }
    }
    expect(disagreements).toEqual([]);
    // The comparison covered real numbers and most inputs, not only rejects and fallbacks.
    expect(valid).toBeGreaterThan(5000);
    expect(answered).toBeGreaterThan(35000);
  });

  it('say what libphonenumber says of an international number, valid and possible', () => {
    const next = random(5);
    const disagreements: string[] = [];
    let valid = 0;
    const numbers = getCountries().flatMap((region) => {
      const example = getExampleNumber(region, examples);
      const own = example ? Array.from({ length: 20 }, () => `${example.countryCallingCode}${example.nationalNumber.replace(/\d{3}$/, digitString(next, 3))}`) : [];
      return [...own, ...Array.from({ length: 20 }, () => digitString(next, 6 + Math.floor(next() * 10)))];
    });
    for (const digits of numbers) {
      const ours = internationalNumberValidity(digits);
      if (ours === undefined) continue;
      const parsed = parsePhoneNumberFromString(`+${digits}`);
      const theirs = { valid: parsed?.isValid() ?? false, possible: parsed?.isPossible() ?? false };
      if (theirs.valid) valid++;
      if (ours.valid !== theirs.valid || ours.possible !== theirs.possible) disagreements.push(`+${digits}: ours ${JSON.stringify(ours)}, libphonenumber ${JSON.stringify(theirs)}`);
    }
    expect(disagreements).toEqual([]);
    expect(valid).toBeGreaterThan(3000);
  });

  it('leave to libphonenumber the numbers of non-geographic calling codes', () => {
    expect(internationalNumberValidity('80012345678')).toBeUndefined(); // +800, no region
  });
});
