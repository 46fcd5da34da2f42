import { Detector, Finding } from './finding';

const CAP = "[A-ZÀ-Ý][A-Za-zÀ-ÿ'’.-]*";
const STREET_TYPES =
  'Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Crescent|Cres|Circle|Cir|Trail|Trl|Row|Mews|Gardens|Grove|Hill|Walk|Park|Plaza|Loop|Alley|Path|Pike|Green|Broadway';
const UNIT = `(?:(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|#)\\.?\\s*[A-Za-z0-9-]+)`;
const US_STATE_ZIP = '[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?';
const UK_POSTCODE = '[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}';
// City words have lowercase letters, so a following postcode (NW1 6XE) or state (NY) is not eaten.
const CITY_WORD = "[A-ZÀ-Ý][a-zà-ÿ'’.-]+";
const CITY = `${CITY_WORD}(?:\\s+${CITY_WORD}){0,2}`;
// What may follow a street on the same line: a unit, a city, a state and ZIP, a postcode, a country.
const TAIL = `(?:,?\\s+${UNIT})?(?:,\\s*(?:${UNIT}|${US_STATE_ZIP}|${UK_POSTCODE}|\\d{4,5}\\s+${CITY}|${CITY}(?:\\s+(?:${UK_POSTCODE}|${US_STATE_ZIP}))?)){0,3}`;

const PATTERNS: { name: string; pattern: RegExp }[] = [
  {
    // 221B Baker Street, London NW1 6XE · 350 5th Ave, New York, NY 10118 · 1600 Amphitheatre Parkway
    name: 'number-street-type',
    pattern: new RegExp(`(?:${UNIT},?\\s+)?\\b\\d{1,5}[A-Za-z]?\\s+(?:(?:[NSEW]|North|South|East|West)\\.?\\s+)?(?:\\d{1,3}(?:st|nd|rd|th)|${CAP})(?:\\s+${CAP}){0,3}\\s+(?:${STREET_TYPES})\\b\\.?(?:\\s+(?:[NSEW]{1,2}|North|South|East|West)\\b)?${TAIL}`, 'g'),
  },
  {
    // Hauptstraße 5, 10115 Berlin · Lindenallee 12a · Am Markt 3 is left out (too ambiguous)
    name: 'germanic-street-number',
    pattern: new RegExp(`\\b[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*(?:straße|strasse|str\\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|laan|straat|gracht|plein|kade|vej|gatan|gata|gade)\\s+\\d{1,4}\\s?[a-zA-Z]?\\b(?:,?\\s*\\d{4,5}\\s+${CITY})?`, 'g'),
  },
  {
    // 12 rue de Rivoli, 75001 Paris · 5 avenue des Champs-Élysées
    name: 'romance-number-street',
    pattern: new RegExp(`\\b\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:rue|avenue|av\\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours)\\s+(?:(?:de la|de l'|du|des|de|d'|la|le)\\s*)?${CAP}(?:[\\s-]+(?:de |du |des |la |le )?${CAP}){0,3}(?:,?\\s*\\d{5}\\s+${CITY})?`, 'gi'),
  },
  {
    // Calle Mayor 10, 28013 Madrid · Via Roma 12, 00184 Roma · Rua Augusta 100
    name: 'romance-street-number',
    pattern: new RegExp(`\\b(?:Calle|C\\/|Avenida|Avda\\.?|Paseo|Plaza|Carrer|Via|Viale|Piazza|Corso|Largo|Rua|Travessa)\\s+(?:(?:de la|del|de|di|della|do|da|dos)\\s+)?${CAP}(?:\\s+${CAP}){0,3},?\\s+\\d{1,4}[A-Za-z]?\\b(?:,?\\s*\\d{5}\\s+${CITY})?`, 'g'),
  },
];

/** Street addresses: a house number and a street, with what belongs to them on the same line. */
export const streetAddressDetector: Detector = {
  type: 'STREET_ADDRESS',
  detect(text) {
    const findings: Finding[] = [];
    if (!/\d/.test(text)) return findings;
    for (const { name, pattern } of PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const value = match[0].replace(/[\s,.]+$/, (tail) => (tail.startsWith('.') && /\b(?:St|Ave|Rd|Dr|Blvd|Ln|Ct|Pl)$/.test(match[0].slice(0, -tail.length)) ? '.' : ''));
        findings.push({ type: 'STREET_ADDRESS', start: match.index, end: match.index + value.length, confidence: 0.85, detector: `street-address.${name}` });
      }
    }
    return findings;
  },
};
