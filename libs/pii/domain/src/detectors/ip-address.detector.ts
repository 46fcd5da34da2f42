import { isIPv6 } from 'node:net';
import { allMatches, contextBefore, Detector, Finding } from './finding';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w]|\\.\\d)`, 'g');
// Hex groups and colons (an embedded IPv4 tail allowed); validated by the platform's parser.
// A link-local address may carry its zone (fe80::1%eth0, fe80::1%12): part of the address as written.
const IPV6 = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{1,4})?(?:%[0-9A-Za-z._-]{1,15})?(?![\w:%]|\.\d)/g;

// Misspellings count: support chat is typed fast ("verison", "relase").
// Also in the languages of our users: "mise à jour", "atualização", "Aktualisierung", "wersja"…
const VERSION_WORD =
  'v|ver\\w*|vr?e?s?ion\\w*|build\\w*|rel\\w*|update\\w*|updating|upgrade\\w*|app|sdk|ios|android|os|firmware|patch\\w*|client|apk|mise à jour|versión|versão|atualização|actualización|aggiornamento|aktualisierung|güncelleme|sürüm|pembaruan|wersja|aktualizacja|versie|uppdatering';
// The version word may stand a couple of words before ("updating to 10.12.4.40", "la mise à jour 12.0.7.250").
const VERSION_WORDS = new RegExp(`(?:^|[^\\p{L}])(?:${VERSION_WORD})(?:\\s+\\p{L}+){0,2}\\s*[:#(]?\\s*$`, 'u');
const VERSION_NEARBY = new RegExp(`(?:^|[^\\p{L}])(?:v\\d|${VERSION_WORD})(?![\\p{L}])`, 'u');
/** A dotted quad after a slash, as in "iPhone 13 mini / 12.7.3.39", is the device's software version. */
const AFTER_SLASH = /\/\s*$/;
const IP_WORDS = /\b(ip|ips|ipv4|ipv6|address|addr|server|host|router|gateway|vpn|proxy|dns|connect|connecting|connected|ping|from|lan|wan|subnet|whitelist|allowlist|blocked|banned)\b/;

/**
 * Without an address word around it, a dotted quad is taken for an address only if no version
 * would be numbered so: an octet of 100 or more, or two of 10 or more, and not the small major and
 * minor numbers that start versions (13.4.2.36, 9.9.2.226, but not 24.13.177.67) unless they start a private or special
 * range (10.x, 127.x, 169.254.x, 172.16–31.x, 192.168.x).
 */
function looksLikeAnAddress([first, second, third, fourth]: number[]): boolean {
  const special = first === 10 || first === 127 || (first === 169 && second === 254) || (first === 172 && second >= 16 && second <= 31) || (first === 192 && second === 168);
  if (special) return true;
  if (first <= 30 && second <= 30 && third < 100) return false; // only a build number may be large
  return [first, second, third, fourth].some((octet) => octet >= 100) || [first, second, third, fourth].filter((octet) => octet >= 10).length >= 2;
}

/**
 * IPv4 and IPv6. A dotted quad is also how app versions are written (10.2.3.4): a version word
 * before it rules it out; an address word before it, or octets no version would have, let it in.
 */
export const ipAddressDetector: Detector = {
  type: 'IP_ADDRESS',
  detect(text) {
    const findings: Finding[] = [];
    if (/\d\.\d/.test(text)) {
      for (const match of allMatches(IPV4, text)) {
        const before = contextBefore(text, match.index, 40);
        // "version 18.6.4.190 vs 20.2.8.217": a version word earlier in the clause speaks for both.
        const context = IP_WORDS.test(before);
        if (!context && !looksLikeAnAddress(match[0].split('.').map(Number))) continue;
        if (VERSION_WORDS.test(before) || (!context && (VERSION_NEARBY.test(before) || AFTER_SLASH.test(before)))) continue;
        findings.push({ type: 'IP_ADDRESS', start: match.index, end: match.index + match[0].length, confidence: context ? 0.97 : 0.8, detector: 'ip.v4' });
      }
    }
    // Every IPv6 address has two colons at least; a time or a label has one.
    if (text.indexOf(':') !== text.lastIndexOf(':')) {
      for (const match of allMatches(IPV6, text)) {
        const [address, zone] = match[0].split('%');
        if (address.length < 6 || !/[0-9a-f]/i.test(address) || !isIPv6(address)) continue;
        // Only link-local addresses (fe80::/10) have zones; elsewhere "%…" is something else.
        const value = zone !== undefined && /^fe[89ab]/i.test(address) ? match[0] : address;
        // "12:30:45" style times are not IPv6 (isIPv6 already says no), and neither is "a:b" prose.
        findings.push({ type: 'IP_ADDRESS', start: match.index, end: match.index + value.length, confidence: 0.95, detector: 'ip.v6' });
      }
    }
    return findings;
  },
};
