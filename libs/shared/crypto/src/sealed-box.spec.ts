import { newKey, seal, unseal, UnsealError } from './sealed-box';

describe('seal and unseal (AES-256-GCM)', () => {
  const key = newKey();

  it('gives back the plaintext with the same key and context, and shows none of it sealed', () => {
    const sealed = seal('Grace Hopper <grace@example.com>', key, 'messages.body:m-1');
    expect(sealed.toString('latin1')).not.toContain('grace');
    expect(unseal(sealed, key, 'messages.body:m-1').toString('utf8')).toBe('Grace Hopper <grace@example.com>');
  });

  it('seals the same plaintext differently each time (a fresh nonce)', () => {
    expect(seal('same', key, 'c').equals(seal('same', key, 'c'))).toBe(false);
  });

  it('refuses another key, another context, and any altered byte', () => {
    const sealed = seal('card ending 4444', key, 'messages.body:m-1');
    expect(() => unseal(sealed, newKey(), 'messages.body:m-1')).toThrow(UnsealError);
    // Copied to another row, it does not open.
    expect(() => unseal(sealed, key, 'messages.body:m-2')).toThrow(UnsealError);
    for (const position of [1, 13, 29, sealed.length - 1]) {
      const altered = Buffer.from(sealed);
      altered[position] ^= 0x01;
      expect(() => unseal(altered, key, 'messages.body:m-1')).toThrow(UnsealError);
    }
  });

  it('names what is wrong with values that are no sealed value at all', () => {
    expect(() => unseal(Buffer.alloc(5), key, 'c')).toThrow(/shorter than any sealed value/);
    const sealed = seal('x', key, 'c');
    sealed[0] = 9;
    expect(() => unseal(sealed, key, 'c')).toThrow(/unknown format 9/);
    expect(() => seal('x', Buffer.alloc(16), 'c')).toThrow(/32 bytes, not 16/);
  });
});
