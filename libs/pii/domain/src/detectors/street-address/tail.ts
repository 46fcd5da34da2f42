import { CITY_WORD, NOT_PLACE, S, UNIT } from './vocabulary';

const CITY_PARTICLE = '(?:de|del|de la|di|da|do|dos|das|du|des|van|von|der|den|la|le|el|am|an|im|upon|sur|on|en)';
const REGION_CODES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|NSW|VIC|QLD|ACT|WA|SA|TAS|NT';
/** Abbreviations that open a district or county: Col. Roma Norte, Co. Cork, Fracc. Las Flores. */
const DISTRICT_ABBREVIATION = `(?:Col|Co|Fracc|Urb|Bo)\\.${S}+`;

interface Segment {
  pattern: RegExp;
  kind: 'unit' | 'postcode' | 'region' | 'city';
}
/** What may follow a street on the same line, one segment at a time (each tried in order). */
const SEGMENTS: Segment[] = [
  { kind: 'unit', pattern: new RegExp(`(?:${UNIT})`, 'y') },
  { kind: 'postcode', pattern: new RegExp(`[A-Z]{2}${S}[A-Z]\\d[A-Z]${S}?\\d[A-Z]\\d\\b`, 'y') }, // Canadian province + postcode
  { kind: 'postcode', pattern: new RegExp(`[A-Z]{1,2}\\d[A-Z\\d]?${S}?\\d[A-Z]{2}\\b`, 'y') }, // UK postcode
  { kind: 'postcode', pattern: new RegExp(`[A-Z]\\d{2}${S}?[A-Z0-9]{4}\\b`, 'y') }, // Irish Eircode
  { kind: 'postcode', pattern: new RegExp(`[A-Z]{2,3}${S}\\d{4}\\b`, 'y') }, // Australian state + postcode
  { kind: 'postcode', pattern: new RegExp(`(?:[A-Z]{1,2}-)?\\d{5}(?:-\\d{3,4})?\\b(?:${S}+[A-Z]{2}\\b)?`, 'y') }, // 75001, D-53113, 01426-400, 94043-1351
  { kind: 'postcode', pattern: new RegExp(`\\d{4}-\\d{3}\\b|\\d{3}${S}\\d{2}\\b(?!${S}?\\d)`, 'y') }, // PT 1100-330, SE 111 21
  { kind: 'postcode', pattern: new RegExp(`\\d{4}${S}?[A-Z]{2}\\b`, 'y') }, // Dutch postcode
  { kind: 'postcode', pattern: new RegExp(`\\d{3}-\\d{4}\\b|\\d{2}-\\d{3}\\b|S?\\d{6}\\b|\\d{4}\\b`, 'y') }, // JP, PL, SG/IN, AT/CH/ZA/AU
  { kind: 'region', pattern: new RegExp(`(?!(?:IBAN|SSN|DOB|PIN|OTP|VAT|TEL|FAX|URL|BIC|USA|UK|US|UAE)\\b)(?:${REGION_CODES}|[A-Z]{2,4})\\b`, 'y') }, // a state, province or region code alone (CDMX)
  {
    kind: 'city',
    pattern: new RegExp(
      `(?:${DISTRICT_ABBREVIATION})?${CITY_WORD}(?:${S}+(?:${CITY_PARTICLE}${S}+)?${CITY_WORD}){0,3}(?:${S}\\d{1,2}\\b)?(?:\\/(?:[A-Z]{2}\\b|${CITY_WORD}))?`,
      'y',
    ),
  }, // a city or district: Sandyford, Dublin 18, Al Barsha 2
];
const LOWER_SEGMENTS: Segment[] = [
  { kind: 'unit', pattern: new RegExp(`rt${S}?\\d{1,3}\\/rw${S}?\\d{1,3}|(?:apt|unit|flat|suite|ste|depto|dpto|apto|int|casa|piso|scala|bloco|lgh|ático|sala|#)\\.?(?:${S}*[a-z]{0,2}\\d[a-z0-9-]*|${S}+[a-z]\\b)|\\d{1,2}\\.${S}?(?:og|stock|etage|tv|th|mf|sal)\\b|\\d{1,2}[º°ª](?:${S}?\\d{1,2}[ºª]|${S}(?:izq|dcha|esq)\\b|${S}[a-z]\\b)?|bajo(?:${S}[a-z]\\b)?`, 'y') },
  { kind: 'postcode', pattern: new RegExp(`[a-z]\\d[a-z]${S}?\\d[a-z]\\d\\b|[a-z]{1,2}\\d[a-z\\d]?${S}\\d[a-z]{2}\\b|\\d{4}${S}[a-z]{2}\\b(?=${S}[a-z])|(?:[a-z]{1,2}-)?\\d{4,6}(?:-\\d{3,4})?\\b|\\d{2}-\\d{3}\\b|\\d{3}-\\d{4}\\b|\\d{3}${S}\\d{2}\\b(?!${S}?\\d)`, 'y') },
  {
    kind: 'city',
    pattern: new RegExp(
      `(?:(?:col|co|fracc)\\.${S}+)?${NOT_PLACE}[a-zà-ÿā-ž]{2,}(?:-[a-zà-ÿā-ž]+)*(?:${S}${NOT_PLACE}[a-zà-ÿā-ž]+(?![a-z\\d]))?(?:${S}\\d{1,2}\\b(?![-/.]?\\d))?(?:${S}(?:al|ak|az|ar|ca|co|ct|de|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy|dc|on|qc|bc|ab|mb|sk|ns|nb|nl|pe|nsw|vic|qld|act)\\b)?`,
      'y',
    ),
  },
];
const SEPARATOR = new RegExp(`(?:,${S}*|${S}+-${S}+|${S}+|\\/|\\.${S}+(?=\\d))`, 'y');
/** A lowercase city right after a postcode is one word: "24103 kiel gehen" ends at "kiel". */
const ONE_LOWER_WORD = /^[^\s]+/;

/**
 * Extends a street core over the unit, district, city, region and postcode that follow it; says
 * whether a postcode or region was among them.
 */
export function extendTail(text: string, end: number, lowercase: boolean): { end: number; confirmed: boolean } {
  const segments = lowercase ? LOWER_SEGMENTS : SEGMENTS;
  let previous: Segment['kind'] | undefined;
  let beforePrevious: Segment['kind'] | undefined;
  let previousSeparator = '';
  let lastSegment = '';
  let confirmed = false;
  for (let taken = 0; taken < 7; taken++) {
    SEPARATOR.lastIndex = end;
    const separator = SEPARATOR.exec(text);
    if (!separator) break;
    const at = end + separator[0].length;
    let matched = '';
    let kind: Segment['kind'] | undefined;
    for (const segment of segments) {
      segment.pattern.lastIndex = at;
      const match = segment.pattern.exec(text);
      if (match && match[0].length > 0) {
        matched = match[0];
        kind = segment.kind;
        break;
      }
    }
    if (!kind) break;
    const separatorText = separator[0].trim();
    if (kind === 'city') {
      // A postcode written right after a city or state ends the address (Tucson, AZ 85749 ·
      // Birmingham B15 2SS · Pune 411038): what follows is the next clause. After a comma a city
      // may follow (Col. Del Valle, 66220 San Pedro Garza García).
      if (previous === 'postcode' && (beforePrevious === 'city' || beforePrevious === 'region') && previousSeparator === '') break;
      if (lowercase) {
        // After "postcode city" a lowercase line goes on with the next clause; a city follows
        // only a numeric postcode (75011 paris), not a British or Canadian one (s10 2qs phone).
        if (previous === 'city' && confirmed) break;
        if (previous === 'postcode') {
          if (!/^(?:[a-z]{1,2}-)?\d[\d -]*$/.test(lastSegment)) break;
          matched = ONE_LOWER_WORD.exec(matched)![0].replace(/[,.;:]+$/, '');
        }
      } else {
        // A city after a bare space only right after a number or postcode (9 rue X 75011 Paris,
        // 1015 CJ Amsterdam); after a dash only right after a house number that ends the street
        // or a unit (Rua X, 2295 - São Paulo). Never the next sentence's words ("22 Baker Street - I'm…").
        const code = text.charCodeAt(end - 1);
        const afterNumber = code >= 48 && code <= 57;
        if (separatorText === '-' && (previous === 'postcode' || !afterNumber)) break;
        if (separatorText === '' && !(afterNumber || previous === 'postcode' || previous === 'region')) break;
      }
    }
    if (kind === 'postcode' || kind === 'region') confirmed = true;
    beforePrevious = previous;
    previousSeparator = separatorText;
    previous = kind;
    lastSegment = matched;
    end = at + matched.length;
  }
  return { end, confirmed };
}

/** A unit written before the street: "Apt 749, 457 Olympic-ro", "Room 249, 1-20-8 Minatomirai", "appt 3, 14 bd Voltaire". */
const UNIT_BEFORE = new RegExp(
  `(?:^|[\\s,:;(])((?:Apt|Apartment|Appt|Unit|Flat|Suite|Room|Rm|Bât|Bat|Bâtiment|Esc|apt|appt|unit|flat|suite|room)\\.?${S}*(?:[A-Za-z]?\\d[A-Za-z0-9-]*|[A-Z]\\b),?${S}+)$`,
);

export function withUnitBefore(text: string, start: number): number {
  const unit = UNIT_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  return unit ? start - unit[1].length : start;
}
