import { CompactWordSet } from './compact-word-set';

describe('CompactWordSet', () => {
  const words = new CompactWordSet(['patience', 'archer', 'villa', 'a', 'zebra', 'éclair', 'archer', 'aaron']);

  it.each(['patience', 'archer', 'villa', 'a', 'zebra', 'éclair', 'aaron'])('holds %s', (word) => {
    expect(words.has(word)).toBe(true);
  });

  it.each(['', 'patienc', 'patiences', 'archers', 'b', 'zzzzz', 'Villa', 'eclair'])('does not hold %p', (word) => {
    expect(words.has(word)).toBe(false);
  });

  it('agrees with a Set on every word of a bigger list', () => {
    const list = Array.from({ length: 2_000 }, (_, i) => (i * 7919).toString(36));
    const included = new Set(list.filter((_, i) => i % 3 !== 0));
    const compact = new CompactWordSet(included);
    for (const word of list) expect(compact.has(word)).toBe(included.has(word));
  });
});
