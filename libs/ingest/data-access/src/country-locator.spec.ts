import { CountryLocator } from './country-locator';

describe('CountryLocator', () => {
  const locator = new CountryLocator();

  it('finds the country of public IPv4 and IPv6 addresses, also when IPv4 comes through an IPv6 socket', () => {
    expect(locator.countryOf('81.2.69.142')).toBe('GB');
    expect(locator.countryOf('8.8.8.8')).toBe('US');
    expect(locator.countryOf('::ffff:81.2.69.142')).toBe('GB');
    expect(locator.countryOf('2a00:1450:4001:82a::200e')).toMatch(/^[A-Z]{2}$/);
  });

  it('says nothing for addresses that tell no place: private, loopback, documentation, not an address', () => {
    for (const address of ['192.168.1.1', '10.1.2.3', '127.0.0.1', '::1', 'fd12:3456::1', '203.0.113.9', 'not-an-ip', '', undefined]) {
      expect(locator.countryOf(address)).toBeNull();
    }
  });
});
