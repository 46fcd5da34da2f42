import { Detector, Finding } from './finding';

// Within an address, words are separated by spaces or tabs, never a line break.
const _ = '[ \\t]';
const CAP = "[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’.-]*";
// City words have lowercase letters, so a following postcode (NW1 6XE) or state (NY) is not eaten.
const CITY_WORD = "[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ][a-zà-öø-ÿā-ž'’-]+";
const CITY = `${CITY_WORD}(?:${_}(?:am|an|der|de|del|la|le|sur|upon|on)?${_}?${CITY_WORD}){0,2}`;
const STREET_TYPES =
  'Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Crescent|Cres|Circle|Cir|Trail|Trl|Row|Mews|Gardens|Grove|Hill|Walk|Park|Plaza|Loop|Alley|Path|Pike|Green|Broadway|Parade|Quay|Wharf|Embankment|Esplanade|Marg|Nagar|Salai';
// In lowercase text only the unmistakable street words count ("20 min drive" is not an address).
const STRICT_STREET_TYPES = 'street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|court|ct|parkway|pkwy|terrace|crescent|highway|hwy';
const NOT_LOCALITY = '(?!(?:and|or|but|from|to|the|for|with|please|pls|thanks|rent|paid|which|that|is|was|its|it|i|my|so|then)\\b)';
const LOWER_LOCALITY = `${NOT_LOCALITY}[a-z]+(?:${_}${NOT_LOCALITY}[a-z]+)?(?:${_}+[a-z]{2,3}\\b)?(?:${_}+\\d{4,5})?`;
const UNIT = `(?:(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Room|Rm|Bldg|Building|apt|unit|flat|suite)\\.?${_}*[A-Za-z0-9-]+|#${_}?[A-Za-z0-9-]+|\\d{1,2}º${_}?[A-Z]?)`;
// Longest first: the alternation takes the first that fits.
const POSTCODES = [
  `[A-Z]{2}${_}[A-Z]\\d[A-Z]${_}?\\d[A-Z]\\d\\b`, // Canadian province and postcode
  `[A-Z]{1,2}\\d[A-Z\\d]?${_}?\\d[A-Z]{2}\\b`, // UK postcode
  `[A-Z]{2,3}${_}\\d{4}\\b`, // Australian state and postcode
  `[A-Z]{2}(?:${_}\\d{5}(?:-\\d{4})?)?\\b`, // US state and ZIP ("TX", "NY 10118")
].join('|');
const LOCALITY = [
  `\\d{5}${_}${CITY}`, // 10115 Berlin, 75001 Paris, 28013 Madrid
  `\\d{4}${_}?[A-Z]{2}${_}${CITY}`, // 1015 CJ Amsterdam
  `\\d{2}-\\d{3}${_}${CITY}`, // 31-019 Kraków
  `\\d{4}${_}${CITY}`, // 8001 Zürich, 1010 Wien
  `${CITY}(?:${_}*-?${_}*\\d{6}|${_}(?:${POSTCODES}))?`, // Mumbai 400019, London NW1 6XE, Melbourne VIC 3000
  `(?:${POSTCODES})`,
].join('|');
// What may follow a street on the same line: a unit, then localities, states and postcodes.
const TAIL = `(?:,?${_}+${UNIT})?(?:,${_}*(?:${UNIT}|${LOCALITY})){0,3}`;

/** Each pattern with a cheap test that must pass before the pattern itself is tried. */
const PATTERNS: { name: string; pattern: RegExp; gate: RegExp }[] = [
  {
    // 221B Baker Street, London NW1 6XE · Apt 4B, 350 5th Ave, New York, NY 10118 · 12 N Main St
    name: 'number-street-type',
    pattern: new RegExp(
      `(?:\\b${UNIT},?${_}+)?\\b\\d{1,6}[A-Za-z]?${_}+(?:(?:[NSEW]|North|South|East|West)\\.?${_}+)?(?:\\d{1,3}(?:st|nd|rd|th)|${CAP})(?:${_}+${CAP}){0,3}${_}+(?:${STREET_TYPES})\\b\\.?(?:${_}+(?:[NSEW]{1,2}|North|South|East|West)\\b)?${TAIL}`,
      'g',
    ),
    gate: new RegExp(`\\b(?:${STREET_TYPES})\\b`),
  },
  {
    // 36 n maple st, nashville, tn · unit 23, 358 collins st, newtown nsw 2042
    name: 'lowercase-number-street',
    pattern: new RegExp(
      `(?:\\b(?:apt|unit|flat|suite)\\.?${_}*[a-z0-9-]+,?${_}+)?\\b\\d{1,6}[a-z]?${_}+(?:[nsew]\\.?${_}+)?[a-z]+(?:${_}[a-z]+){0,2}${_}+(?:${STRICT_STREET_TYPES})\\b(?:${_}+(?:apt|unit|flat|suite|#)\\.?${_}*[a-z0-9-]+)?(?:,${_}*${LOWER_LOCALITY}){0,2}`,
      'g',
    ),
    gate: new RegExp(`\\b(?:${STRICT_STREET_TYPES})\\b`),
  },
  {
    // Hauptstraße 5, 10115 Berlin · Keizersgracht 123, 1015 CJ Amsterdam · ul. Marszałkowska 84
    name: 'street-then-number',
    pattern: new RegExp(
      `(?:\\bul\\.${_}+${CAP}|\\b[A-ZÄÖÜa-zäöü][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*(?:straße|strasse|str\\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|laan|straat|gracht|singel|plein|kade|dijk|vej|gatan|gata|gade|veien|tie|katu))${_}+\\d{1,4}${_}?[a-zA-Z]?\\b(?:,${_}*(?:${UNIT}|${LOCALITY})){0,2}`,
      'g',
    ),
    gate: /(?:\bul\.|straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|laan|straat|gracht|singel|plein|kade|dijk|vej|gatan|gata|gade|veien|tie|katu)[ \t]+\d/i,
  },
  {
    // 12 rue de Rivoli, 75001 Paris · 5 avenue des Champs-Élysées
    name: 'number-then-romance-street',
    pattern: new RegExp(
      `\\b\\d{1,4}(?:${_}?(?:bis|ter))?,?${_}+(?:[Rr]ue|[Aa]venue|[Aa]v\\.|[Bb]oulevard|[Bb]d|[Pp]lace|[Cc]hemin|[Aa]llée|[Ii]mpasse|[Qq]uai|[Rr]oute|[Cc]ours)${_}+(?:(?:de la|de l'|du|des|de|d'|la|le)${_}*)?${CAP}(?:[${_.slice(1, -1)}-]+(?:de |du |des |la |le )?${CAP}){0,3}(?:,${_}*(?:${UNIT}|${LOCALITY})){0,2}`,
      'g',
    ),
    gate: /\d[ \t,]+(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours)\b/i,
  },
  {
    // Calle Mayor 10, 28013 Madrid · Via Roma 12, 00184 Roma · rue du Bac 14, 75007 Paris
    name: 'romance-street-then-number',
    pattern: new RegExp(
      `\\b(?:Calle|C\\/|Avenida|Avda\\.?|Paseo|Plaza|Carrer|Via|Viale|Piazza|Corso|Largo|Rua|Travessa|Avenue|[Rr]ue|Boulevard|Chemin|Place)${_}+(?:(?:de la|del|de|di|della|do|da|dos|du|des)${_}+)?${CAP}(?:${_}+${CAP}){0,3},?${_}+\\d{1,4}[A-Za-z]?\\b(?:,${_}*(?:${UNIT}|${LOCALITY})){0,3}`,
      'g',
    ),
    gate: /\b(?:Calle|C\/|Avenida|Avda|Paseo|Plaza|Carrer|Via|Viale|Piazza|Corso|Largo|Rua|Travessa|Avenue|[Rr]ue|Boulevard|Chemin|Place)\b/,
  },
];

/** Street addresses: a house number and a street, with what belongs to them on the same line. */
export const streetAddressDetector: Detector = {
  type: 'STREET_ADDRESS',
  detect(text) {
    const findings: Finding[] = [];
    if (!/\d/.test(text)) return findings;
    for (const { name, pattern, gate } of PATTERNS) {
      if (!gate.test(text)) continue;
      for (const match of text.matchAll(pattern)) {
        const value = match[0].replace(/[\s,.;:]+$/, '');
        findings.push({ type: 'STREET_ADDRESS', start: match.index, end: match.index + value.length, confidence: 0.85, detector: `street-address.${name}` });
      }
    }
    return findings;
  },
};
