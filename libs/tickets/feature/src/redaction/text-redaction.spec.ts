import { REDACTION_MARKER, redactRanges } from './text-redaction';

describe('redactRanges', () => {
  const card = 'my card is 4111 1111 1111 1111, thanks';

  it('replaces the range with the marker and keeps the rest', () => {
    expect(redactRanges(card, [{ start: 11, end: 30 }])).toBe(`my card is ${REDACTION_MARKER}, thanks`);
  });

  it('replaces several ranges in any order, each by one marker', () => {
    expect(redactRanges('a SECRET b OTHER c', [{ start: 11, end: 16 }, { start: 2, end: 8 }], '#')).toBe('a # b # c');
  });

  it('merges overlapping and touching ranges into one marker', () => {
    expect(redactRanges('0123456789', [{ start: 1, end: 4 }, { start: 3, end: 6 }, { start: 6, end: 8 }], '#')).toBe('0#89');
  });

  it('cuts a range at the end of the text', () => {
    expect(redactRanges('abcdef', [{ start: 4, end: 100 }], '#')).toBe('abcd#');
    expect(redactRanges('abcdef', [{ start: 10, end: 12 }], '#')).toBe('abcdef');
  });

  it('never leaves half of a character made of two code units', () => {
    const text = 'x😀y';
    expect(redactRanges(text, [{ start: 2, end: 3 }], '#')).toBe('x#y');
    expect(redactRanges(text, [{ start: 1, end: 2 }], '#')).toBe('x#y');
  });
});
