import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectPii, detectPiiInTexts } from './detect';
import { PiiType } from './finding';

/** The findings of `text` as [type, surface] pairs. */
const found = (text: string): [PiiType, string][] => detectPii(text).map((f) => [f.type, text.slice(f.start, f.end)]);

describe('detectPii finds personal data with exact offsets', () => {
  it.each<[string, [PiiType, string][]]>([
    ['mail me at ada.lovelace+support@example.co.uk.', [['EMAIL_ADDRESS', 'ada.lovelace+support@example.co.uk']]],
    ['charged on 4111 1111 1111 1111 twice', [['CREDIT_CARD', '4111 1111 1111 1111']]],
    ['amex 3782-822463-10005 please', [['CREDIT_CARD', '3782-822463-10005']]],
    ['IBAN DE89 3704 0044 0532 0130 00 for the refund', [['IBAN_CODE', 'DE89 3704 0044 0532 0130 00']]],
    ['send it to GB82WEST12345698765432', [['IBAN_CODE', 'GB82WEST12345698765432']]],
    ['my ip is 192.168.1.20 at home', [['IP_ADDRESS', '192.168.1.20']]],
    ['server 2001:db8::ff00:42:8329 is down', [['IP_ADDRESS', '2001:db8::ff00:42:8329']]],
    ['ssn 123-45-6789', [['US_SSN', '123-45-6789']]],
    ['see https://help.example.com/a?b=1).', [['URL', 'https://help.example.com/a?b=1']]],
    ['I am at (51.50135, -0.14189) now', [['PRECISE_LOCATION', '51.50135, -0.14189']]],
    ['call me on +44 20 7946 0958 tonight', [['PHONE_NUMBER', '+44 20 7946 0958']]],
    ['my number is (415) 555-0132', [['PHONE_NUMBER', '(415) 555-0132']]],
    ['ship to 1600 Amphitheatre Parkway, Mountain View, CA 94043 asap', [['STREET_ADDRESS', '1600 Amphitheatre Parkway, Mountain View, CA 94043']]],
    ['Lieferung an Hauptstraße 5, 10115 Berlin bitte', [['STREET_ADDRESS', 'Hauptstraße 5, 10115 Berlin']]],
    ['hello, my name is Chinedu Okafor', [['PERSON', 'Chinedu Okafor']]],
    ['Llámenme al (+34) 612 345 678 por favor', [['PHONE_NUMBER', '(+34) 612 345 678']]],
    ['the login came from fe80::1c2:3ff:fe4d:5e6f%en0 last night', [['IP_ADDRESS', 'fe80::1c2:3ff:fe4d:5e6f%en0']]],
    ['Thanks a lot!\nRegards, Mr. John Smith', [['PERSON', 'John Smith']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('detectPii leaves alone what support chat is full of', () => {
  it.each([
    'app version 10.2.3.4 keeps crashing since the update',
    'build v5.12.0 (10.0.1.2) on android 14',
    'order #ORD-2024-889123 and ticket 77812 still open',
    'my card 4111 1111 1111 1112 was declined', // fails Luhn
    'gift code GIFT-8H2K-99QZ does not work, paid $4.99',
    'tracking 1Z999AA10123456784 shows nothing since 2024-03-15 14:22:07',
    'player id 700123456 at level 88, score 1234567',
    'IBAN DE89 3704 0044 0532 0130 01 is wrong', // bad checksum
    'coords 48.85, 2.29 roughly',
    'ping @gamer_99 about crash_log_2024.txt',
    'Will you help me? I bought Jordan shoes in Paris',
    'hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    'uuid 123e4567-e89b-12d3-a456-426614174000 in the logs',
    'version 18.6.4.190 vs 20.2.8.217, which one is fixed?',
    'customer number 924556735 — still no bill this month',
    'CEP 01310-333 não encontrado',
    'Device: Moto G84 / 20.11.2.23',
    "l'appli plante depuis la mise à jour 12.0.7.250",
    'crashes after updating to 10.12.4.40 on my tablet',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('detectPiiInTexts', () => {
  it('finds in a batch exactly what it finds in each text alone (no state carries from one text to the next)', () => {
    const corpus = readFileSync(path.join(__dirname, '../../corpus/support-chat.jsonl'), 'utf8');
    const texts = corpus
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { text: string }).text);
    const batched = detectPiiInTexts(texts);
    expect(batched.filter((findings) => findings.length > 0).length).toBeGreaterThan(texts.length / 3);
    expect(batched).toEqual(texts.map((text) => detectPii(text)));
  });
});
