import { Detector, Finding } from './finding';

// Within an address, words are separated by spaces or tabs, never a line break.
const S = '[ \\t]';
const UPPER = 'A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ';
const LOWER = "a-zà-öø-ÿā-žß'’";
const CAP = `[${UPPER}][${UPPER}${LOWER}.-]*`;
const WORD_LOWER = `[${LOWER}][${LOWER}.-]*`;
const PARTICLE = '(?:de|del|de la|di|da|do|dos|das|du|des|van|von|der|den|la|le|el|y)';
// City and district words have lowercase letters, so a postcode (BN1 9HW) or a state is not eaten.
const CITY_WORD = `[${UPPER}][a-zà-öø-ÿā-ž'’-]+`;
const HOUSE = '\\d{1,6}[A-Za-z]?(?:[/-]\\d{0,5}[A-Za-z]?)?';
const STREET_TYPES =
  'Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Crescent|Cres|Circle|Cir|Trail|Trl|Row|Mews|Gardens|Grove|Hill|Walk|Park|Plaza|Loop|Alley|Path|Pike|Green|Broadway|Parade|Quay|Wharf|Embankment|Esplanade|Marg|Nagar|Salai|Bank|Rise|View|Heights|Vale|Wynd|Gate|Yard|Ridge|Point|Bend|Crossing|Commons|Expressway|Freeway';
// In lowercase text only the unmistakable street words count ("20 min drive" is not an address).
const STRICT_STREET_TYPES = 'street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|court|ct|parkway|pkwy|terrace|crescent|highway|hwy|circle|drive|way';
const UNIT = `(?:(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Room|Rm|Bldg|Building|Blk|apt|unit|flat|suite|int|Int|piso|bajo|hs|bis)\\.?(?:${S}*[A-Za-z0-9-]+)?|#${S}?[A-Za-z0-9-]+|\\d{1,2}º${S}?[A-Z]?)`;

/**
 * Where a street starts: a house number and a street with its type (221B Baker Street), a street
 * with its suffix and then the number (Hauptstraße 5, Witte de Withstraat 86), a Romance street
 * type, name and number (Via Roma 12, Rua Oscar Freire, 2295), a number then a French street type
 * (12 rue de Rivoli), or a Japanese block address (1-13-16 Tenjin).
 */
const CORES: { name: string; pattern: RegExp; gate: RegExp }[] = [
  {
    name: 'number-street-type',
    pattern: new RegExp(
      `(?:\\b${UNIT},?${S}+)?\\b${HOUSE}${S}+(?:(?:[NSEW]|North|South|East|West)\\.?${S}+)?(?:\\d{1,3}(?:st|nd|rd|th)|${CAP})(?:${S}+${CAP}){0,3}${S}+(?:${STREET_TYPES})\\b\\.?(?:${S}+(?:[NSEW]{1,2}|North|South|East|West)\\b|${S}\\d{1,3}\\b)?`,
      'g',
    ),
    gate: new RegExp(`\\b(?:${STREET_TYPES})\\b`),
  },
  {
    name: 'lowercase-number-street',
    pattern: new RegExp(
      `(?:\\b(?:apt|unit|flat|suite)\\.?${S}*[a-z0-9-]+,?${S}+)?\\b${HOUSE}${S}+(?:[nsew]\\.?${S}+)?(?:\\d{1,3}(?:st|nd|rd|th)|[a-z]+)(?:${S}[a-z]+){0,2}${S}+(?:${STRICT_STREET_TYPES})\\b`,
      'g',
    ),
    gate: new RegExp(`\\b(?:${STRICT_STREET_TYPES})\\b`),
  },
  {
    name: 'street-then-number',
    pattern: new RegExp(
      `(?:\\b(?:Am|An|Im|Zum|Zur|Auf der|Unter den)${S}+${CAP}|\\bul\\.${S}+${CAP}|\\b(?:${CAP}${S}+(?:(?:de|van|der|den|von)${S}+)+)?[${UPPER}a-zäöü][a-zäöüß]+(?:-[${UPPER}]?[a-zäöüß]+)*(?:straße|strasse|str\\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|laan|straat|gracht|singel|plein|kade|dijk|vej|gatan|gata|gade|veien|tie|katu))${S}+\\d{1,4}${S}?[a-zA-Z]?\\b`,
      'g',
    ),
    gate: /(?:\b(?:am|an|im|zum|zur|ul\.)\s|straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|laan|straat|gracht|singel|plein|kade|dijk|vej|gatan|gata|gade|veien|tie|katu)/i,
  },
  {
    name: 'number-then-romance-street',
    pattern: new RegExp(
      `\\b\\d{1,4}(?:${S}?(?:bis|ter))?,?${S}+(?:rue|avenue|av\\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours)${S}+(?:(?:de la|de l'|du|des|de|d'|la|le)${S}*)?(?:${CAP}|${WORD_LOWER})(?:[${S.slice(1, -1)}-]+(?:de |du |des |la |le )?(?:${CAP}|${WORD_LOWER})){0,3}`,
      'gi',
    ),
    gate: /\d[ \t,]+(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours)\b/i,
  },
  {
    name: 'romance-street-then-number',
    pattern: new RegExp(
      `\\b(?:Calle|C\\/|Avenida|Avda\\.?|Av\\.|Paseo|Plaza|Carrer|Via|Viale|Piazza|Corso|Largo|Rua|Travessa|Alameda|Rue|Boulevard|Chemin|Place|calle|carrer|via|viale|piazza|corso|rua|avenida|rue)${S}+(?:${PARTICLE}${S}+)?(?:${CAP}|\\d{1,3}|${WORD_LOWER})(?:${S}+(?:${PARTICLE}${S}+)?(?:${CAP}|${WORD_LOWER})){0,3},?${S}+${HOUSE}\\b`,
      'g',
    ),
    gate: /\b(?:calle|c\/|avenida|avda|av\.|paseo|plaza|carrer|via|viale|piazza|corso|largo|rua|travessa|alameda|rue|boulevard|chemin|place)\b/i,
  },
  {
    name: 'japanese-block',
    pattern: new RegExp(`\\b\\d{1,2}-\\d{1,2}-\\d{1,3}${S}+${CAP}(?:-(?:ku|cho|machi|shi))?`, 'g'),
    gate: /\b\d{1,2}-\d{1,2}-\d{1,3}\s/,
  },
];

const CITY_PARTICLE = '(?:de|del|de la|di|da|do|dos|das|du|des|van|von|der|den|la|le|el|am|an|im|upon|sur|on|en)';
const REGION_CODES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|NSW|VIC|QLD|ACT|WA|SA|TAS|NT';

/** What may follow a street on the same line, one segment at a time (each tried in order). */
const SEGMENTS: RegExp[] = [
  new RegExp(`(?:${UNIT})`, 'y'),
  new RegExp(`[A-Z]{2}${S}[A-Z]\\d[A-Z]${S}?\\d[A-Z]\\d\\b`, 'y'), // Canadian province + postcode
  new RegExp(`[A-Z]{1,2}\\d[A-Z\\d]?${S}?\\d[A-Z]{2}\\b`, 'y'), // UK postcode
  new RegExp(`[A-Z]\\d{2}${S}?[A-Z0-9]{4}\\b`, 'y'), // Irish Eircode
  new RegExp(`[A-Z]{2,3}${S}\\d{4}\\b`, 'y'), // Australian state + postcode
  new RegExp(`(?:[A-Z]{1,2}-)?\\d{5}(?:-\\d{3,4})?\\b(?:${S}+[A-Z]{2}\\b)?`, 'y'), // 75001, D-53113, 01426-400, 94043-1351
  new RegExp(`\\d{4}${S}?[A-Z]{2}\\b`, 'y'), // Dutch postcode
  new RegExp(`\\d{3}-\\d{4}\\b|\\d{2}-\\d{3}\\b|S?\\d{6}\\b|\\d{4}\\b`, 'y'), // JP, PL, SG/IN, AT/CH/ZA/AU
  new RegExp(`(?:${REGION_CODES})\\b`, 'y'), // a US state, Canadian province or Australian state alone
  new RegExp(`${CITY_WORD}(?:${S}+(?:${CITY_PARTICLE}${S}+)?${CITY_WORD}){0,2}(?:-(?:ku|shi))?(?:\\/[A-Z]{2})?`, 'y'), // a city or district
];
/** The city segment is the last of SEGMENTS: the one that needs care about where it stops. */
const CITY_SEGMENT = SEGMENTS.length - 1;
const LOWER_SEGMENTS: RegExp[] = [
  new RegExp(`(?:apt|unit|flat|suite|#)\\.?${S}*[a-z0-9-]+`, 'y'),
  new RegExp(`[a-z]\\d[a-z]${S}?\\d[a-z]\\d\\b|(?:[a-z]-)?\\d{4,6}\\b`, 'y'),
  new RegExp(
    `(?!(?:and|or|but|from|to|the|for|with|please|pls|thanks|rent|paid|which|that|is|was|its|it|i|my|so|then|not|coordinates|reception|instead)\\b)[a-zà-ÿ]+(?:${S}(?!(?:and|or|but|from|to|the|for|with|please|pls|is|was|instead|not)\\b)[a-zà-ÿ]+)?(?:${S}(?:al|ak|az|ar|ca|co|ct|de|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy|dc|on|qc|bc|ab|mb|sk|ns|nb|nl|pe|nsw|vic|qld|act)\\b)?`,
    'y',
  ),
];
const SEPARATOR = new RegExp(`(?:,${S}*|${S}+-${S}+|${S}+|\\/)`, 'y');

/** Extends a street core over the unit, district, city, region and postcode that follow it. */
function extendTail(text: string, end: number, lowercase: boolean): number {
  const segments = lowercase ? LOWER_SEGMENTS : SEGMENTS;
  let previousKind = -1;
  for (let taken = 0; taken < 6; taken++) {
    SEPARATOR.lastIndex = end;
    const separator = SEPARATOR.exec(text);
    if (!separator) break;
    const at = end + separator[0].length;
    let matched = '';
    let kind = -1;
    for (const [index, segment] of segments.entries()) {
      segment.lastIndex = at;
      const match = segment.exec(text);
      if (match && match[0].length > 0) {
        matched = match[0];
        kind = index;
        break;
      }
    }
    if (!matched) break;
    // A city after a bare space only right after a number or postcode (9 rue X 75011 Paris, 1015 CJ
    // Amsterdam); after a dash only right after the house number (Rua X, 2295 - São Paulo). Never
    // the next sentence's words ("…Drive - I'm at…").
    const separatorText = separator[0].trim();
    if (!lowercase && kind === CITY_SEGMENT) {
      if (separatorText === '-' && taken > 0) break;
      if (separatorText === '' && !(/\d$/.test(text.slice(0, end)) || previousKind > 0)) break;
    }
    previousKind = kind > 0 && kind < CITY_SEGMENT ? kind : -1;
    end = at + matched.length;
  }
  return end;
}

/** Street addresses: a house number and a street, with what belongs to them on the same line. */
export const streetAddressDetector: Detector = {
  type: 'STREET_ADDRESS',
  minDigits: 1,
  detect(text) {
    const findings: Finding[] = [];
    if (!/\d/.test(text)) return findings;
    for (const { name, pattern, gate } of CORES) {
      if (!gate.test(text)) continue;
      for (const match of text.matchAll(pattern)) {
        const coreEnd = match.index + match[0].replace(/[\s,.;:]+$/, '').length;
        const lowercase = !/[A-Z]/.test(match[0]);
        const end = extendTail(text, coreEnd, lowercase);
        const value = text.slice(match.index, end).replace(/[\s,.;:\-/]+$/, '');
        findings.push({ type: 'STREET_ADDRESS', start: match.index, end: match.index + value.length, confidence: 0.85, detector: `street-address.${name}` });
      }
    }
    return findings;
  },
};
