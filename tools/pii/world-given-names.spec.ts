import { readFileSync } from 'node:fs';
import { GENERATED_FILE, generatedSource, worldGivenNames } from './world-given-names';

describe('the shipped world given-name list', () => {
  it('is what the installed faker data set gives (run `npm run pii:names` after upgrading it)', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(generatedSource(worldGivenNames()));
  });

  it('leaves out English words and keeps names of many places', () => {
    const names = new Set(worldGivenNames());
    for (const word of ['patience', 'archer', 'villa', 'long']) expect(names.has(word)).toBe(false);
    for (const name of ['kwabena', 'ludwik', 'abimbola', 'agnieszka', 'aiyana']) expect(names.has(name)).toBe(true);
  });
});
