import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { libphonenumberPatternsCached } from './libphonenumber-pattern-cache';

describe("libphonenumber-js's pattern checks", () => {
  it('go through the cache (a new libphonenumber-js that moved its helper fails here, not silently slower)', () => {
    expect(libphonenumberPatternsCached()).toBe(true);
  });

  it('still validate as before', () => {
    expect(parsePhoneNumberFromString('020 7946 0958', 'GB')?.isValid()).toBe(true);
    expect(parsePhoneNumberFromString('020 7946 095', 'GB')?.isValid()).toBe(false);
    expect(parsePhoneNumberFromString('+1 415 555 0132')?.isPossible()).toBe(true);
  });
});
