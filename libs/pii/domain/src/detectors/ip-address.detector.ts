import { isIPv6 } from 'node:net';
import { allMatches, contextBefore, Detector, Finding } from './finding';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w]|\\.\\d)`, 'g');
// Hex groups and colons (an embedded IPv4 tail allowed); validated by the platform's parser.
// A link-local address may carry its zone (fe80::1%eth0, fe80::1%12): part of the address as written.
const IPV6 = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{1,4})?(?:%[0-9A-Za-z]{1,15})?(?![\w:%]|\.\d)/g;

// Misspellings count: support chat is typed fast ("verison", "relase").
const VERSION_WORDS = /\b(v|ver\w*|vr?e?s?ion\w*|build\w*|rel\w*|update\w*|upgrade\w*|app|sdk|ios|android|os|firmware|patch\w*|client|apk)\s*[:#]?\s*$/;
const VERSION_NEARBY = /\b(?:v\d|ver\w*|vr?e?s?ion\w*|build\w*|release\w*|update\w*|upgrade\w*|firmware|patch\w*|apk|sdk)\b/;
const IP_WORDS = /\b(ip|ips|ipv4|ipv6|address|addr|server|host|router|gateway|vpn|proxy|dns|connect|connecting|connected|ping|from|lan|wan|subnet|whitelist|allowlist|blocked|banned)\b/;

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
        if (VERSION_WORDS.test(before) || (VERSION_NEARBY.test(before) && !IP_WORDS.test(before))) continue;
        const octets = match[0].split('.').map(Number);
        const addressLike = octets.some((octet) => octet >= 100) || octets.filter((octet) => octet >= 10).length >= 2;
        const context = IP_WORDS.test(before);
        if (!context && !addressLike) continue;
        findings.push({ type: 'IP_ADDRESS', start: match.index, end: match.index + match[0].length, confidence: context ? 0.97 : 0.8, detector: 'ip.v4' });
      }
    }
    if (text.includes(':')) {
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
