// The building blocks of street-address patterns: letters, words, house numbers, street types
// and units of many countries, as regex source strings shared by the cores and the tail.
// Within an address, words are separated by spaces or tabs, never a line break.
export const S = '[ \\t]';
export const UPPER = 'A-ZÀ-ÖØ-ÞŁŚŻŹĆŃİŞĞ';
const LOWER = "a-zà-öø-ÿā-žß'’";
export const CAP = `[${UPPER}][${UPPER}${LOWER}.-]*`;
export const WORD_LOWER = `[${LOWER}][${LOWER}.-]*`;
/** Where a word starts, for letters beyond ASCII too (\\b does not see İ or Ö as letters). */
export const WORD_START = '(?<![A-Za-zÀ-ÖØ-öø-ÿĀ-ž])';
/** A word of a street's name in a capitalised address (or a number: 1462 Sok.), and in a lowercase one. */
export const CAPITALISED_NAME_WORD = "(?:[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃİŞĞ][a-zà-öø-ÿā-žı'’-]*|\\d{1,5})";
export const LOWERCASE_NAME_WORD = "(?:[a-zà-öø-ÿā-žı][a-zà-öø-ÿā-žı'’-]*|\\d{1,5})";

/** A word of a street's name without dots, so the name stops at the end of its sentence. */
export const NAME_WORD = `[${UPPER}${LOWER}][${UPPER}${LOWER}-]*`;
export const PARTICLE = '(?:de los|de las|de la|de les|dels|del|della|delle|dello|degli|dei|de|di|da|do|dos|das|du|des|van|von|der|den|la|le|el|y)';
/** Words that start what follows an address on its line (a sign-off, a field label, the next clause), never a city. */
const NOT_PLACE_WORDS =
  "usa|us|uk|united states|united kingdom|ireland|germany|deutschland|france|spain|españa|italy|italia|portugal|netherlands|nederland|belgium|belgique|poland|polska|turkey|türkiye|turkiye|indonesia|brazil|brasil|canada|australia|japan|india|china|sweden|sverige|norway|norge|denmark|danmark|finland|suomi|austria|österreich|switzerland|schweiz|suisse|korea|south africa|nigeria|kenya|uae|all|day|today|tonight|tomorrow|morning|evening|also|too|naar|aan|bij|nach|zu|bei|et|en|thanks|thank|thx|merci|danke|gracias|grazie|obrigad[oa]|cordialement|saludos|regards|cheers|best|please|pls|i|i'm|im|ich|je|iban|ssn|dob|pin|otp|vat|tel|phone|mobile|email|e-mail|name|order|card|ahora|antes|pero|porque|y|e|o|et|ou|und|oder|aber|mais|ma|con|para|pour|für|and|or|but|then|which|that|is|was|not|by|from|to|the|for|with|so|it|its|my|instead|rent|paid|coordinates|reception|been|has|have|had|are|were|will|still|since|already|waiting|meu|minha|mi|mon|ma|mein|meine|mijn|my|vous|nous|ich|wir|we|you|he|she|they|bitte|please|ring|call|text|cash|nicht|not";
export const NOT_PLACE = `(?!(?:${NOT_PLACE_WORDS})\\b)`;
const NOT_PLACE_CAPITALISED = NOT_PLACE_WORDS.split('|')
  .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
  .join('|');
// City and district words have lowercase letters, so a postcode (BN1 9HW) or a state is not eaten.
export const CITY_WORD = `(?!(?:${NOT_PLACE_CAPITALISED})\\b)[${UPPER}][a-zà-öø-ÿā-ž'’]+(?:-(?:[a-z]+-)*[${UPPER}]?[a-zà-öø-ÿā-ž'’]+)*`;
// Not the cents of a price or the tail of a version ("A$284.35 is on its way").
export const HOUSE = '(?<![\\d.,$€£¥₹])\\d{1,6}[A-Za-z]?(?:[/-]\\d{0,5}[A-Za-z]?)?';
// After the street's name the number is short: in "rue des Tanneurs, 31000 Toulouse" 31000 is a postcode.
export const ROMANCE_HOUSE = '\\d{1,4}(?!\\d)[A-Za-z]?(?:[/-](?:\\d{1,4}[A-Za-z]?|[A-Za-z]{1,3})\\b)?\\b';
export const STREET_TYPES =
  'Street|St|Avenue|Ave|Av|Road|Rd|Field|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Crescent|Cres|Circle|Cir|Trail|Trl|Row|Mews|Gardens|Grove|Hill|Walk|Park|Plaza|Loop|Alley|Path|Pike|Green|Broadway|Parade|Quay|Wharf|Embankment|Esplanade|Marg|Nagar|Salai|Bank|Rise|View|Heights|Vale|Wynd|Gate|Yard|Ridge|Point|Bend|Crossing|Commons|Expressway|Freeway|Pde|Tce|Cct|Lawns|Meadows|Downs|Villas|Manor|Grange|Chase';
// In lowercase text only the unmistakable street words count ("20 min drive" is not an address).
export const STRICT_STREET_TYPES = 'street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|court|ct|parkway|pkwy|terrace|crescent|highway|hwy|circle|drive|way';
// A unit's identifier holds a digit or is a single letter ("Suite C"): "flat at 12 …" is no unit.
const UNIT_ID = `(?:[A-Za-z]{0,2}\\d[A-Za-z0-9-]*|[A-Z]\\b)`;
export const UNIT = `(?:(?:Apt|Apartment|Apto|Suite|Ste|Unit|Flat|Floor|Fl|Room|Rm|Bldg|Building|Depto|Dpto|Departamento|Casa|Piso|Int|Scala|Bloco|Lgh|Ático|Sala|RT|apt|apto|unit|flat|suite|depto|dpto|casa|piso|int|scala|bloco|lgh|ático|sala|hs)\\.?(?:${S}*${UNIT_ID}|${S}+[A-Za-z]\\b)|(?:bajo|Bajo)(?:${S}[A-Z]\\b)?|(?:bis|ter)\\b|#${S}?[A-Za-z0-9-]+|\\d{1,2}\\.${S}?(?:OG|og|Stock|stock|Etage|etage|tv|th|mf|sal)\\b|\\d{1,2}(?:e|er|ème)${S}étage|\\d{1,2}[º°ª]${S}\\d{1,2}[ºª]|\\d{1,2}[º°ª](?:${S}?(?:izq(?:da|uierda)?|dcha|der(?:echa)?|esq|dto|dir|Izq|Dcha|Esq|Dto|[A-Z])(?![A-Za-z]))?)`;
/** What may stand before the house number: "No. 405", "House No. 50", "Villa 82,", "blk 101". */
export const HOUSE_PREFIX = `(?:(?:House|house|Door|door|H\\.)${S}?(?:No|no)\\.?|No\\.|Villa|villa|Blk|blk|Block|Plot|plot)${S}*`;
/** A named building between a flat and the street: "flat 601, Sai Darshan CHS, 31 3rd Main". */
export const BUILDING = `(?:[A-Za-z]+${S}+){0,3}(?:apts|apartments|residency|towers?|chs|heights|society|complex|enclave|mansions?|Apts|Apartments|Residency|Towers?|CHS|Heights|Society|Complex|Enclave|Mansions?)`;
/** Indian cross streets, which carry no type of their own: "3rd Main", "14th Cross Road". */
export const ORDINAL_STREET = `\\d{1,3}(?:st|nd|rd|th)${S}+(?:[Mm]ain|[Cc]ross)\\b(?:${S}+(?:[Rr]oad|[Rr]d)\\b)?`;
/** In lowercase text, words that end a clause rather than name a street ("35 is on its way"). */
export const LOWER_STREET_WORD = `(?!(?:is|on|its|it|a|an|the|to|my|your|our|in|at|of|and|or|for|was|be|by|are|with|from|this|that|me|us|you|i)\\b)[a-zà-ÿ]+`;
export const LOWER_STREET_TYPES = STREET_TYPES.toLowerCase()
  .split('|')
  .filter((type) => !STRICT_STREET_TYPES.split('|').includes(type))
  .join('|');
/** Street words of Spanish, Catalan, Portuguese, Italian and French, before the street's name. */
const ROMANCE_STREET_WORDS =
  'Calle|Avenida|Avda\\.?|Av\\.|Paseo|Plaza|Carrer|Avinguda|Passeig|Rambla|Ronda|Camino|Privada|Callejón|Cerrada|Calzada|Prolongación|Andador|Retorno|Circuito|Travesía|Glorieta|Via|Viale|Piazza|Corso|Largo|Vicolo|Strada|Lungomare|Borgo|Contrada|Salita|Rua|Travessa|Alameda|Estrada|Rodovia|Praça|Beco|Rue|Boulevard|Chemin|Place|Avenue|Allée|Quai|Impasse|Chaussée';
// Lowercase too, except the ones that are everyday English words (place, boulevard).
export const ROMANCE_STREET =
  ROMANCE_STREET_WORDS +
  '|C\\/|c\\/|' +
  ROMANCE_STREET_WORDS.split('|')
    .filter((word) => !/^(?:Place|Boulevard|Avenue)$/.test(word))
    .map((word) => word.toLowerCase())
    .join('|');

/** The plain words of a regex alternation ("Avda\\.?|Av\\.|C\\/" → Avda, Av, C). */
export const words = (alternatives: string) => alternatives.replace(/[\\./?]/g, '').split('|');
export const GERMANIC_SUFFIXES = 'straße|strasse|str|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|laan|straat|gracht|singel|plein|kade|dijk|vej|gatan|gata|gade|veien|tie|katu|avenyen|vägen|väg|gränd|torget|allén';
