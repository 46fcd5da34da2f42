import { readFileSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';
import { Reader, Response } from 'mmdb-lib';

/** Where the offline country database is: an npm package (NRO whois and geofeed data, CC BY 4.0). */
const DATABASE = require.resolve('@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb');

/**
 * Addresses that say nothing of where a person is: private, loopback, link-local, carrier-grade
 * NAT, documentation and unique-local ranges. The database has entries for some of them, wrongly.
 */
const NOWHERE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const) {
  NOWHERE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['2001:db8::', 32],
  ['ff00::', 8],
] as const) {
  NOWHERE.addSubnet(network, prefix, 'ipv6');
}

/**
 * The country (ISO 3166-1 alpha-2) of a client address, from an offline database read once into
 * memory. The address is only looked up here: it is not kept, logged or passed on.
 */
export class CountryLocator {
  private readonly reader = new Reader<Response>(readFileSync(DATABASE));

  /** The address's country, or null where it has none (private ranges, unknown, not an address). */
  countryOf(address: string | undefined): string | null {
    if (!address) return null;
    // An IPv4 client seen through an IPv6 socket: ::ffff:81.2.69.142.
    const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
    const version = isIP(plain);
    if (version === 0 || NOWHERE.check(plain, version === 4 ? 'ipv4' : 'ipv6')) return null;
    // This database's records are { country_code }, not one of the MaxMind shapes the reader types.
    const code = (this.reader.get(plain) as { country_code?: unknown } | null)?.country_code;
    return typeof code === 'string' && /^[A-Z]{2}$/.test(code) ? code : null;
  }
}
