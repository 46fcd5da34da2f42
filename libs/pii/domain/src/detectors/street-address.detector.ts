import { allMatches, Detector, Finding } from './finding';

// Within an address, words are separated by spaces or tabs, never a line break.
const S = '[ \\t]';
const UPPER = 'A-ZÀ-ÖØ-ÞŁŚŻŹĆŃİŞĞ';
const LOWER = "a-zà-öø-ÿā-žß'’";
const CAP = `[${UPPER}][${UPPER}${LOWER}.-]*`;
const WORD_LOWER = `[${LOWER}][${LOWER}.-]*`;
/** A word of a street's name without dots, so the name stops at the end of its sentence. */
const NAME_WORD = `[${UPPER}${LOWER}][${UPPER}${LOWER}-]*`;
const PARTICLE = '(?:de los|de las|de la|de les|dels|del|della|delle|dello|degli|dei|de|di|da|do|dos|das|du|des|van|von|der|den|la|le|el|y)';
/** Words that start what follows an address on its line (a sign-off, a field label, the next clause), never a city. */
const NOT_PLACE_WORDS =
  "thanks|thank|thx|merci|danke|gracias|grazie|obrigad[oa]|cordialement|saludos|regards|cheers|best|please|pls|i|i'm|im|ich|je|iban|ssn|dob|pin|otp|vat|tel|phone|mobile|email|e-mail|name|order|card|ahora|antes|pero|porque|y|e|o|et|ou|und|oder|aber|mais|ma|con|para|pour|für|and|or|but|then|which|that|is|was|not|by|from|to|the|for|with|so|it|its|my|instead|rent|paid|coordinates|reception|been|has|have|had|are|were|will|still|since|already|waiting|meu|minha|mi|mon|ma|mein|meine|mijn|my|vous|nous|ich|wir|we|you|he|she|they|bitte|please|ring|call|text|cash|nicht|not";
const NOT_PLACE = `(?!(?:${NOT_PLACE_WORDS})\\b)`;
const NOT_PLACE_CAPITALISED = NOT_PLACE_WORDS.split('|')
  .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
  .join('|');
// City and district words have lowercase letters, so a postcode (BN1 9HW) or a state is not eaten.
const CITY_WORD = `(?!(?:${NOT_PLACE_CAPITALISED})\\b)[${UPPER}][a-zà-öø-ÿā-ž'’]+(?:-(?:[a-z]+-)*[${UPPER}]?[a-zà-öø-ÿā-ž'’]+)*`;
// Not the cents of a price or the tail of a version ("A$284.35 is on its way").
const HOUSE = '(?<![\\d.,$€£¥₹])\\d{1,6}[A-Za-z]?(?:[/-]\\d{0,5}[A-Za-z]?)?';
// After the street's name the number is short: in "rue des Tanneurs, 31000 Toulouse" 31000 is a postcode.
const ROMANCE_HOUSE = '\\d{1,4}(?!\\d)[A-Za-z]?(?:[/-](?:\\d{1,4}[A-Za-z]?|[A-Za-z]{1,3})\\b)?\\b';
const STREET_TYPES =
  'Street|St|Avenue|Ave|Av|Road|Rd|Field|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Crescent|Cres|Circle|Cir|Trail|Trl|Row|Mews|Gardens|Grove|Hill|Walk|Park|Plaza|Loop|Alley|Path|Pike|Green|Broadway|Parade|Quay|Wharf|Embankment|Esplanade|Marg|Nagar|Salai|Bank|Rise|View|Heights|Vale|Wynd|Gate|Yard|Ridge|Point|Bend|Crossing|Commons|Expressway|Freeway|Pde|Tce|Cct|Lawns|Meadows|Downs|Villas|Manor|Grange|Chase';
// In lowercase text only the unmistakable street words count ("20 min drive" is not an address).
const STRICT_STREET_TYPES = 'street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|court|ct|parkway|pkwy|terrace|crescent|highway|hwy|circle|drive|way';
// A unit's identifier holds a digit or is a single letter ("Suite C"): "flat at 12 …" is no unit.
const UNIT_ID = `(?:[A-Za-z]{0,2}\\d[A-Za-z0-9-]*|[A-Z]\\b)`;
const UNIT = `(?:(?:Apt|Apartment|Apto|Suite|Ste|Unit|Flat|Floor|Fl|Room|Rm|Bldg|Building|Depto|Dpto|Departamento|Casa|Piso|Int|Scala|Bloco|Lgh|Ático|apt|apto|unit|flat|suite|depto|dpto|casa|piso|int|scala|bloco|lgh|ático|hs)\\.?(?:${S}*${UNIT_ID}|${S}+[A-Za-z]\\b)|(?:bajo|bis|ter)\\b|#${S}?[A-Za-z0-9-]+|\\d{1,2}\\.${S}?(?:OG|og|Stock|stock|Etage|etage|tv|th|mf|sal)\\b|\\d{1,2}(?:e|er|ème)${S}étage|\\d{1,2}[º°ª]${S}\\d{1,2}[ºª]|\\d{1,2}[º°ª](?:${S}?(?:izq(?:da|uierda)?|dcha|der(?:echa)?|esq|dto|dir|Izq|Dcha|Esq|Dto|[A-Z])(?![A-Za-z]))?)`;
/** What may stand before the house number: "No. 405", "House No. 50", "Villa 82,", "blk 101". */
const HOUSE_PREFIX = `(?:(?:House|house|Door|door|H\\.)${S}?(?:No|no)\\.?|No\\.|Villa|villa|Blk|blk|Block|Plot|plot)${S}*`;
/** A named building between a flat and the street: "flat 601, Sai Darshan CHS, 31 3rd Main". */
const BUILDING = `(?:[A-Za-z]+${S}+){0,3}(?:apts|apartments|residency|towers?|chs|heights|society|complex|enclave|mansions?|Apts|Apartments|Residency|Towers?|CHS|Heights|Society|Complex|Enclave|Mansions?)`;
/** Indian cross streets, which carry no type of their own: "3rd Main", "14th Cross Road". */
const ORDINAL_STREET = `\\d{1,3}(?:st|nd|rd|th)${S}+(?:[Mm]ain|[Cc]ross)\\b(?:${S}+(?:[Rr]oad|[Rr]d)\\b)?`;
/** In lowercase text, words that end a clause rather than name a street ("35 is on its way"). */
const LOWER_STREET_WORD = `(?!(?:is|on|its|it|a|an|the|to|my|your|our|in|at|of|and|or|for|was|be|by|are|with|from|this|that|me|us|you|i)\\b)[a-zà-ÿ]+`;
const LOWER_STREET_TYPES = STREET_TYPES.toLowerCase()
  .split('|')
  .filter((type) => !STRICT_STREET_TYPES.split('|').includes(type))
  .join('|');
/** Street words of Spanish, Catalan, Portuguese, Italian and French, before the street's name. */
const ROMANCE_STREET_WORDS =
  'Calle|Avenida|Avda\\.?|Av\\.|Paseo|Plaza|Carrer|Avinguda|Passeig|Rambla|Ronda|Camino|Privada|Callejón|Cerrada|Calzada|Prolongación|Andador|Retorno|Circuito|Travesía|Glorieta|Via|Viale|Piazza|Corso|Largo|Vicolo|Strada|Lungomare|Borgo|Contrada|Salita|Rua|Travessa|Alameda|Estrada|Rodovia|Praça|Beco|Rue|Boulevard|Chemin|Place|Avenue|Allée|Quai|Impasse|Chaussée';
// Lowercase too, except the ones that are everyday English words (place, boulevard).
const ROMANCE_STREET =
  ROMANCE_STREET_WORDS +
  '|C\\/|c\\/|' +
  ROMANCE_STREET_WORDS.split('|')
    .filter((word) => !/^(?:Place|Boulevard|Avenue)$/.test(word))
    .map((word) => word.toLowerCase())
    .join('|');

/** The plain words of a regex alternation ("Avda\\.?|Av\\.|C\\/" → Avda, Av, C). */
const words = (alternatives: string) => alternatives.replace(/[\\./?]/g, '').split('|');
const GERMANIC_SUFFIXES = 'straße|strasse|str|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|laan|straat|gracht|singel|plein|kade|dijk|vej|gatan|gata|gade|veien|tie|katu|avenyen|vägen|väg|gränd|torget|allén';

interface Core {
  name: string;
  pattern: RegExp;
  /**
   * What the text must hold for the pattern to be worth running: one of these words as written,
   * or in any case, or a word with one of the suffixes, or (for clues that are no word: 1-13-16,
   * -ro) a test of the whole text. One pass over the words decides for every core.
   */
  gate: { words?: readonly string[]; anyCaseWords?: readonly string[]; suffixes?: RegExp; text?: (text: string) => boolean };
  /** A weak core counts only when a postcode or a region follows it on the line ("via email 2"). */
  weak?: boolean | ((core: string) => boolean);
}

/**
 * Where a street starts: a house number and a street with its type (221B Baker Street), a street
 * with its suffix and then the number (Hauptstraße 5, Witte de Withstraat 86), a Romance street
 * type, name and number (Via Roma 12, Rua Oscar Freire, 2295), a number then a French street type
 * (12 rue de Rivoli), a Korean road (237 Haeundae-ro) or a Japanese block address (1-13-16 Tenjin).
 */
/** Capitalised words that come before numbers without being streets: "Order 1234, 10115 …". */
const NOT_STREET_NAMES =
  'Order|Orders|Invoice|Ticket|Case|Version|Build|Level|Room|Gate|Seat|Platform|Flight|Bus|Line|Apt|Unit|Flat|Suite|Floor|Page|Step|Item|Items|Box|Code|Pin|Model|Season|Episode|Chapter|Day|Week|Month|Year|Total|Qty|Ref|No|Nr|Tel|Phone|Fax|Account|Booking|Reservation|Table|Block|Section|Row|Zone|Area|Route|Stop|Terminal|Door|Locker|Aisle';
const POSTCODE_THEN_CITY = /\d[ \t]+(?:\d{4}[ \t]?[A-Z]{2}|\d{4,5})[ \t]+[A-ZÀ-Þ]|\d,[ \t]+(?:\d{4}[ \t]?[A-Z]{2}|\d{4,5})[ \t]+[A-ZÀ-Þ]/;

function hasBlockNumber(text: string): boolean {
  return text.includes('-') && /\b\d{1,2}-\d{1,2}-\d{1,3}\s/.test(text);
}

const CORES: Core[] = [
  {
    name: 'number-street-type',
    pattern: new RegExp(
      `(?:\\b${UNIT},?${S}+(?:${BUILDING},${S}+)?)?(?:\\b${HOUSE_PREFIX})?\\b${HOUSE},?${S}+(?:(?:(?:[NSEW]|North|South|East|West)\\.?${S}+)?(?:\\d{1,3}(?:st|nd|rd|th)|${CAP})(?:${S}+${CAP}){0,3}${S}+(?:${STREET_TYPES})\\b\\.?(?:${S}+(?:[NSEW]{1,2}|North|South|East|West)\\b|${S}\\d{1,3}\\b)?|${ORDINAL_STREET}|(?:Street|Road)${S}+\\d{1,3}\\b)`,
      'g',
    ),
    gate: { words: [...words(STREET_TYPES), 'Main', 'Cross'] },
  },
  {
    name: 'lowercase-number-street',
    pattern: new RegExp(
      `(?:\\b(?:apt|unit|flat|suite)\\.?${S}*[a-z]{0,2}\\d[a-z0-9-]*,?${S}+(?:${BUILDING},${S}+)?)?(?:\\b(?:house${S}?no\\.?|no\\.|blk|villa|plot)${S}*)?\\b${HOUSE},?${S}+(?:(?:[nsew]\\.?${S}+)?(?:\\d{1,3}(?:st|nd|rd|th)|${LOWER_STREET_WORD})(?:${S}${LOWER_STREET_WORD}){0,2}${S}+(?:${STRICT_STREET_TYPES})\\b(?:${S}\\d{1,3}\\b)?|${ORDINAL_STREET}|(?:street|road)${S}+\\d{1,3}\\b)`,
      'g',
    ),
    gate: { words: [...words(STRICT_STREET_TYPES), 'main', 'cross'] },
  },
  {
    name: 'lowercase-number-street-weak',
    pattern: new RegExp(
      `(?:\\b(?:apt|unit|flat|suite)\\.?${S}*[a-z]{0,2}\\d[a-z0-9-]*,?${S}+)?\\b${HOUSE}${S}+${LOWER_STREET_WORD}(?:${S}${LOWER_STREET_WORD}){0,2}${S}+(?:${LOWER_STREET_TYPES})\\b`,
      'g',
    ),
    gate: { words: words(LOWER_STREET_TYPES) },
    weak: true,
  },
  {
    name: 'street-then-number',
    pattern: new RegExp(
      `(?:\\b(?:Am|An|Im|Zum|Zur|Auf der|Unter den)${S}+${CAP}|\\b(?:ul|al|pl|os)\\.${S}+(?:${CAP}|${WORD_LOWER})|\\b[${UPPER}a-zäöü][a-zäöüß]+er${S}+(?:Straße|Strasse|Str\\.|Gasse|Weg|Platz|Allee|Ring|Damm|Ufer|straße|strasse|str\\.|gasse|weg|platz|allee|ring|damm|ufer)|\\b(?:${CAP}${S}+(?:(?:de|van|der|den|von)${S}+)+|[${UPPER}][a-zäöüß]+er${S}+)?[${UPPER}a-zà-öø-ÿ][a-zà-öø-ÿß]+(?:-[${UPPER}]?[a-zà-öø-ÿß]+)*(?:${GERMANIC_SUFFIXES.replace('|str|', '|str\\.|')}))${S}+\\d{1,4}(?:${S}[A-Za-z]${S}\\d{1,3}\\b|${S}m\\.${S}?\\d{1,3}\\b|${S}?[a-zA-Z]\\b|(?:[/-](?:\\d{1,4}[A-Za-z]?|[A-Za-z]{1,3})\\b){1,2}|${S}hs\\b)?\\b`,
      'g',
    ),
    gate: {
      words: ['Am', 'An', 'Im', 'Zum', 'Zur', 'Auf', 'Unter', 'ul', 'al', 'pl', 'os', 'Straße', 'Strasse', 'Str', 'Gasse', 'Weg', 'Platz', 'Allee', 'Ring', 'Damm', 'Ufer', 'straße', 'strasse', 'str', 'gasse'],
      suffixes: new RegExp(`(?:${GERMANIC_SUFFIXES})$`, 'i'),
    },
  },
  {
    name: 'number-then-romance-street',
    pattern: new RegExp(
      `\\b\\d{1,4}(?:${S}?(?:bis|ter))?,?${S}+(?:rue|avenue|av\\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours)${S}+(?:(?:de la|de l'|du|des|de|d'|la|le)${S}*)?(?:${NAME_WORD})(?:[${S.slice(1, -1)}-]+(?:de |du |des |la |le )?(?:${NAME_WORD})){0,3}`,
      'gi',
    ),
    gate: { anyCaseWords: ['rue', 'avenue', 'av', 'boulevard', 'bd', 'place', 'chemin', 'allée', 'impasse', 'quai', 'route', 'cours'] },
  },
  {
    name: 'romance-street-then-number',
    pattern: new RegExp(
      `\\b(?:${ROMANCE_STREET})${S}+(?:${PARTICLE}${S}+)?(?:${CAP}|\\d{1,3}|${WORD_LOWER})(?:${S}+(?:${PARTICLE}${S}+)?(?:${CAP}|${WORD_LOWER})){0,3},?${S}+(?:n\\.?º${S}*|#${S}?|No\\.?${S}*)?${ROMANCE_HOUSE}`,
      'g',
    ),
    gate: { words: [...words(ROMANCE_STREET)] },
    // Lowercase "via", "plaza" or "corso" is as likely an everyday word: "via email 2 times".
    weak: (core) => /^(?:via|corso|largo|plaza|strada|avenue)\b/i.test(core) && !/^[A-Z]/.test(core),
  },
  {
    name: 'turkish-street',
    pattern: new RegExp(
      `(?:\\b${CAP}(?:${S}+${CAP})?${S}+(?:Mah\\.|Mahallesi),?${S}+)?\\b${CAP}(?:${S}+${CAP}){0,3}${S}+(?:Cd\\.|Cad\\.|Caddesi|Sk\\.|Sok\\.|Sokak|Sokağı|Blv\\.|Bulvarı)${S}*(?:No${S}?[:.]?${S}?)\\d{1,4}[A-Za-z]?(?:\\/\\d{1,3})?`,
      'g',
    ),
    gate: { words: ['Cd', 'Cad', 'Caddesi', 'Sk', 'Sok', 'Sokak', 'Sokağı', 'Blv', 'Bulvarı'] },
  },
  {
    name: 'nordic-street-apart',
    // "Thorvald Meyers gate 53": Norwegian and Danish streets write their type apart; "gate 12"
    // is as often an airport's, so the postcode after it decides.
    pattern: new RegExp(`\\b${CAP}(?:${S}+${CAP})?${S}+(?:gate|gata|vei|veien|vej|gade|gatan|vägen|väg|tie|katu)${S}+\\d{1,4}${S}?[A-Za-z]?\\b`, 'g'),
    gate: { words: ['gate', 'gata', 'vei', 'veien', 'vej', 'gade', 'gatan', 'vägen', 'väg', 'tie', 'katu'] },
    weak: true,
  },
  {
    name: 'name-number-postcode',
    // "Lange Voorhout 295 2544 EL Den Haag", "Bryggen 46, 5003 Bergen": a street without a type
    // word is an address only when a postcode and a city follow it.
    pattern: new RegExp(`\\b(?!(?:${NOT_STREET_NAMES})\\b)${CAP}(?:${S}+(?:${PARTICLE}${S}+)?${CAP}){0,2}${S}+\\d{1,4}(?:${S}?[A-Za-z]\\b|[/-]\\d{1,3}\\b)?(?=,?${S}+(?:\\d{4}${S}?[A-Z]{2}|\\d{4,5})${S}+[${UPPER}])`, 'g'),
    gate: { text: (text) => POSTCODE_THEN_CITY.test(text) },
    weak: true,
  },
  {
    name: 'cjk-address',
    // 東京都渋谷区道玄坂2-24-14: prefecture, city or ward, then the block numbers.
    pattern: /(?:〒?\d{3}-\d{4}\s*)?[\u3400-\u9fff]{1,8}?(?:都|道|府|県|市|区|町|村)[\u3400-\u9fff\u30a0-\u30ff]*\d{1,4}(?:[-−－]\d{1,4}){1,3}(?:[\u3400-\u9fff]{0,3}\d{0,4}(?:号室|号|階))?/g,
    gate: { text: (text) => /[\u3400-\u9fff]/.test(text) },
  },
  {
    name: 'korean-road',
    pattern: new RegExp(`\\b${HOUSE}${S}+[A-Za-z]+-(?:ro|gil|daero)\\b|\\b[A-Za-z]+-(?:ro|gil|daero)${S}+${HOUSE}\\b`, 'gi'),
    gate: { text: (text) => text.includes('-') && /[a-z]-(?:ro|gil|daero)\b/i.test(text) },
  },
  {
    name: 'japanese-block',
    pattern: new RegExp(`\\b\\d{1,2}-\\d{1,2}-\\d{1,3}${S}+${CAP}(?:-(?:ku|cho|machi|shi))?`, 'g'),
    gate: { text: hasBlockNumber },
  },
  {
    name: 'lowercase-japanese-block',
    pattern: new RegExp(`\\b\\d{1,2}-\\d{1,2}-\\d{1,3}${S}+[a-z]+(?:-(?:ku|cho|machi|shi))?`, 'g'),
    gate: { text: hasBlockNumber },
    weak: true,
  },
];

/** Bits of the cores each gate word opens, by the word as written ("any case": rue, Rue, RUE). */
const CORES_BY_WORD = new Map<string, number>();
const open = (word: string, index: number) => CORES_BY_WORD.set(word, (CORES_BY_WORD.get(word) ?? 0) | (1 << index));
CORES.forEach((core, index) => {
  for (const word of core.gate.words ?? []) open(word, index);
  for (const word of core.gate.anyCaseWords ?? []) [word, word[0].toUpperCase() + word.slice(1), word.toUpperCase()].forEach((form) => open(form, index));
});
const SUFFIX_GATES = [...CORES.entries()].filter(([, core]) => core.gate.suffixes);
const TEXT_GATES = [...CORES.entries()].filter(([, core]) => core.gate.text);
const WORD = /[A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+/g;

function numberFollows(text: string, index: number): boolean {
  let i = index;
  if (text.charAt(i) === '.') i++;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const code = text.charCodeAt(i);
  return i > index && code >= 48 && code <= 57;
}

/** Which cores' gates the text passes, as a bit per core: one pass over its words. */
function coresToRun(text: string): number {
  let run = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    const word = match[0];
    run |= CORES_BY_WORD.get(word) ?? 0;
    // A street named by its suffix has its number right after it: "Kiefernring 125".
    if (word.length > 4 && numberFollows(text, match.index + word.length)) {
      for (const [index, core] of SUFFIX_GATES) if (core.gate.suffixes!.test(word)) run |= 1 << index;
    }
  }
  for (const [index, core] of TEXT_GATES) if (core.gate.text!(text)) run |= 1 << index;
  return run;
}

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
  { kind: 'region', pattern: new RegExp(`(?!(?:IBAN|SSN|DOB|PIN|OTP|VAT|TEL|FAX|URL|BIC)\\b)(?:${REGION_CODES}|[A-Z]{2,4})\\b`, 'y') }, // a state, province or region code alone (CDMX)
  {
    kind: 'city',
    pattern: new RegExp(
      `(?:${DISTRICT_ABBREVIATION})?${CITY_WORD}(?:${S}+(?:${CITY_PARTICLE}${S}+)?${CITY_WORD}){0,3}(?:${S}\\d{1,2}\\b)?(?:\\/(?:[A-Z]{2}\\b|${CITY_WORD}))?`,
      'y',
    ),
  }, // a city or district: Sandyford, Dublin 18, Al Barsha 2
];
const LOWER_SEGMENTS: Segment[] = [
  { kind: 'unit', pattern: new RegExp(`(?:apt|unit|flat|suite|depto|dpto|apto|int|casa|piso|scala|bloco|lgh|ático|#)\\.?(?:${S}*[a-z]{0,2}\\d[a-z0-9-]*|${S}+[a-z]\\b)|\\d{1,2}\\.${S}?(?:og|stock|etage|tv|th|mf|sal)\\b|\\d{1,2}[º°ª](?:${S}\\d{1,2}[ºª]|${S}(?:izq|dcha)\\b)?`, 'y') },
  { kind: 'postcode', pattern: new RegExp(`[a-z]\\d[a-z]${S}?\\d[a-z]\\d\\b|[a-z]{1,2}\\d[a-z\\d]?${S}\\d[a-z]{2}\\b|(?:[a-z]{1,2}-)?\\d{4,6}(?:-\\d{3,4})?\\b|\\d{3}-\\d{4}\\b|\\d{3}${S}\\d{2}\\b(?!${S}?\\d)`, 'y') },
  {
    kind: 'city',
    pattern: new RegExp(
      `(?:(?:col|co|fracc)\\.${S}+)?${NOT_PLACE}[a-zà-ÿ]{2,}(?:-[a-zà-ÿ]+)*(?:${S}${NOT_PLACE}[a-zà-ÿ]+(?![a-z\\d]))?(?:${S}(?:al|ak|az|ar|ca|co|ct|de|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy|dc|on|qc|bc|ab|mb|sk|ns|nb|nl|pe|nsw|vic|qld|act)\\b)?`,
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
function extendTail(text: string, end: number, lowercase: boolean): { end: number; confirmed: boolean } {
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
        if (separatorText === '-' && (previous === 'postcode' || !/\d$/.test(text.slice(0, end)))) break;
        if (separatorText === '' && !(/\d$/.test(text.slice(0, end)) || previous === 'postcode' || previous === 'region')) break;
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
const UNIT_BEFORE = new RegExp(`(?:^|[\\s,:;(])((?:Apt|Apartment|Appt|Unit|Flat|Suite|Room|Rm|apt|appt|unit|flat|suite|room)\\.?${S}*[A-Za-z]?\\d[A-Za-z0-9-]*,?${S}+)$`);

function withUnitBefore(text: string, start: number): number {
  const unit = UNIT_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  return unit ? start - unit[1].length : start;
}

/** Street addresses typed into a labelled form field: "Address: …", "Dirección: …" to the line's end. */
const FORM_FIELD = new RegExp(
  `(?:^|\\n|\\b(?:new|old|billing|shipping|delivery|home|my|previous|current|correct|full)${S}+)(?:street${S}address|address(?:${S}line${S}?1)?|street|addr|dirección|direccion|domicilio|endereço|adresse|anschrift|indirizzo|adres)${S}*:${S}*([^\\n]{6,140})`,
  'gi',
);
/** Where a form value's sentence ends: a stop that no abbreviation (No., St., Co.) explains. */
const VALUE_END = /(?<!\b(?:[Nn]o|St|Co|Col|Av|Avda|Dr|Apt|Mt|Ft|Rd|Ave|Blvd|Ste|Fracc|[A-Za-z]))[.!?](?:\s|$)|\s\(|\s[-–—]\s(?=[a-z])/;

function formFieldValues(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of allMatches(FORM_FIELD, text)) {
    let value = match[1];
    const stop = VALUE_END.exec(value);
    if (stop) value = value.slice(0, stop.index);
    value = value.replace(/[\s,.;:\-/]+$/, '');
    if (!/\d/.test(value) || !/[A-Za-zÀ-ž]{3}/.test(value) || /@|:\/\//.test(value)) continue;
    const start = match.index + match[0].length - match[1].length;
    findings.push({ type: 'STREET_ADDRESS', start, end: start + value.length, confidence: 0.8, detector: 'street-address.form-field' });
  }
  return findings;
}

/** Street addresses: a house number and a street, with what belongs to them on the same line. */
export const streetAddressDetector: Detector = {
  type: 'STREET_ADDRESS',
  minDigits: 1,
  detect(text) {
    if (!/\d/.test(text)) return [];
    const findings = text.includes(':') ? formFieldValues(text) : [];
    const run = coresToRun(text);
    for (const [index, { name, pattern, weak }] of CORES.entries()) {
      if (!(run & (1 << index))) continue;
      for (const match of allMatches(pattern, text)) {
        const coreEnd = match.index + match[0].replace(/[\s,.;:]+$/, '').length;
        const lowercase = !/[A-Z]/.test(match[0]);
        const { end, confirmed } = extendTail(text, coreEnd, lowercase);
        if ((weak === true || (typeof weak === 'function' && weak(match[0]))) && !confirmed) continue;
        const start = withUnitBefore(text, match.index);
        const value = text.slice(start, end).replace(/[\s,.;:\-/]+$/, '');
        findings.push({ type: 'STREET_ADDRESS', start, end: start + value.length, confidence: confirmed ? 0.85 : 0.75, detector: `street-address.${name}` });
      }
    }
    return findings;
  },
};
