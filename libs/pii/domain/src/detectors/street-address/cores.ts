import { WordCursor, WordTable } from '../lexicon/word-table';
import { BUILDING, CAP, CAPITALISED_NAME_WORD, GERMANIC_SUFFIXES, HOUSE, HOUSE_PREFIX, LOWER_STREET_TYPES, LOWER_STREET_WORD, LOWERCASE_NAME_WORD, NAME_WORD, NOT_PLACE, ORDINAL_STREET, PARTICLE, ROMANCE_HOUSE, ROMANCE_STREET, S, STREET_TYPES, STRICT_STREET_TYPES, UNIT, UPPER, WORD_LOWER, WORD_START, words } from './vocabulary';

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

/** Capitalised words that come before numbers without being streets: "Order 1234, 10115 …". */
const NOT_STREET_NAMES =
  'Order|Orders|Invoice|Ticket|Case|Version|Build|Level|Room|Gate|Seat|Platform|Flight|Bus|Line|Apt|Unit|Flat|Suite|Floor|Page|Step|Item|Items|Box|Code|Pin|Model|Season|Episode|Chapter|Day|Week|Month|Year|Total|Qty|Ref|No|Nr|Tel|Phone|Fax|Account|Booking|Reservation|Table|Block|Section|Row|Zone|Area|Route|Stop|Terminal|Door|Locker|Aisle';
const POSTCODE_THEN_CITY = /\d,?[ \t]+(?:\d{4}[ \t]?[A-Z]{2}|\d{4,5})[ \t]+[A-ZÀ-Þ]/;

function hasBlockNumber(text: string): boolean {
  return text.includes('-') && /\b\d{1,2}-\d{1,2}-\d{1,3}\s/.test(text);
}

/**
 * Where a street starts: a house number and a street with its type (221B Baker Street), a street
 * with its suffix and then the number (Hauptstraße 5, Witte de Withstraat 86), a Romance street
 * type, name and number (Via Roma 12, Rua Oscar Freire, 2295), a number then a French street type
 * (12 rue de Rivoli), a Korean road (237 Haeundae-ro), a Japanese block address (1-13-16 Tenjin) and more.
 */
/** "Cd" as written in a capitalised address, "cd" in a lowercase one. */
const cased = (word: string, lowercase: number) => (lowercase ? word : word[0].toUpperCase() + word.slice(1));

export const CORES: Core[] = [
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
      `(?:\\b(?:Am|An|Im|Zum|Zur|Auf der|Unter den)${S}+${CAP}|\\b(?:[Ss][öo]dra|[Nn]orra|[ÖöOo]stra|[Vv][äa]stra|[Gg]amla|[Ss]tora|[Ll]illa|[Nn]ieuwe|[Oo]ude|[Ll]ange|[Kk]orte|[Gg]roße|[Kk]leine|[Aa]lte|[Nn]eue)${S}+[${UPPER}a-zà-öø-ÿ][a-zà-öø-ÿß]+(?:${GERMANIC_SUFFIXES.replace('|str|', '|str\\.|')})${S}+\\d{1,4}(?:${S}?[a-zA-Z]\\b|[/-]\\d{1,4}[a-zA-Z]?\\b)?|\\b(?:ul|al|pl|os)\\.${S}+(?:${CAP}|${WORD_LOWER})|\\b[${UPPER}a-zäöü][a-zäöüß]+er${S}+(?:Straße|Strasse|Str\\.|Gasse|Weg|Platz|Allee|Ring|Damm|Ufer|straße|strasse|str\\.|gasse|weg|platz|allee|ring|damm|ufer)|\\b(?:${CAP}${S}+(?:(?:de|van|der|den|von)${S}+)+|[${UPPER}][a-zäöüß]+er${S}+)?[${UPPER}a-zà-öø-ÿ][a-zà-öø-ÿß]+(?:-[${UPPER}]?[a-zà-öø-ÿß]+)*(?:${GERMANIC_SUFFIXES.replace('|str|', '|str\\.|')}))${S}+\\d{1,4}(?:${S}[A-Za-z]${S}\\d{1,3}\\b|${S}m\\.${S}?\\d{1,3}\\b|${S}?[a-zA-Z]\\b|(?:[/-](?:\\d{1,4}[A-Za-z]?|[A-Za-z]{1,3})\\b){1,2}|${S}hs\\b)?\\b`,
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
      `\\b\\d{1,4}(?:${S}?(?:bis|ter))?,?${S}+(?:rue|avenue|av\\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours)${S}+(?:(?:de la|de l'|du|des|de|d'|la|le)${S}*)?(?:${NAME_WORD})(?:[${S.slice(1, -1)}-]+(?:de |du |des |la |le )?${NOT_PLACE}(?:${NAME_WORD})){0,3}`,
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
  ...[CAPITALISED_NAME_WORD, LOWERCASE_NAME_WORD].flatMap((name, lowercase) => [
    {
      name: lowercase ? 'lowercase-turkish-street' : 'turkish-street',
      // [Moda Mah.] Bahariye Cd. No: 41 — the district, the street with its type, then "No".
      pattern: new RegExp(
        `(?:${WORD_START}${name}(?:${S}+${name})?${S}+${cased('mah', lowercase)}\\.,?${S}+)?${WORD_START}(?!(?:[Aa]dres|[Aa]dresim|[Aa]ddress)\\b)${name}(?:${S}+${name}){0,3}${S}+(?:${['cd', 'cad', 'sk', 'sok', 'blv'].map((type) => `${cased(type, lowercase)}\\.`).join('|')}|${['caddesi', 'sokak', 'sokağı', 'bulvarı'].map((type) => cased(type, lowercase)).join('|')})${S}*${cased('no', lowercase)}${S}?[:.]?${S}?\\d{1,4}[A-Za-z]?(?:\\/\\d{1,3})?`,
        'g',
      ),
      gate: { anyCaseWords: ['cd', 'cad', 'caddesi', 'sk', 'sok', 'sokak', 'sokağı', 'blv', 'bulvarı'] },
    },
    {
      name: lowercase ? 'lowercase-indonesian-jalan' : 'indonesian-jalan',
      // "Jl. Raya Kuta No. 171B": jalan, the street's name, then its number.
      pattern: new RegExp(`${WORD_START}(?:${['jl', 'jln', 'jalan'].map((word) => cased(word, lowercase)).join('|')})\\.?${S}+${name}(?:${S}+${name}){0,3}${S}+${cased('no', lowercase)}\\.?${S}*\\d{1,4}[A-Za-z]?\\b`, 'g'),
      gate: { anyCaseWords: ['jl', 'jln', 'jalan'] },
    },
  ]),
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
const CORES_BY_WORD = new WordTable(
  CORES.flatMap((core, index) => [
    ...(core.gate.words ?? []),
    ...(core.gate.anyCaseWords ?? []).flatMap((word) => [word, word[0].toUpperCase() + word.slice(1), word.toUpperCase()]),
  ].map((word) => [word, 1 << index] as const)),
  false,
);
const SUFFIX_GATES = [...CORES.entries()].filter(([, core]) => core.gate.suffixes);
/** Each text test once, with the bits of every core it opens (two cores share the block-number test). */
const TEXT_GATES = new Map<(text: string) => boolean, number>();
CORES.forEach((core, index) => {
  if (core.gate.text) TEXT_GATES.set(core.gate.text, (TEXT_GATES.get(core.gate.text) ?? 0) | (1 << index));
});

function numberFollows(text: string, index: number): boolean {
  let i = index;
  if (text.charAt(i) === '.') i++;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const code = text.charCodeAt(i);
  return i > index && code >= 48 && code <= 57;
}

/** Which cores' gates the text passes, as a bit per core: one pass over its words. */
export function coresToRun(text: string): number {
  let run = 0;
  for (const word = new WordCursor(text, false); word.next(); ) {
    run |= CORES_BY_WORD.flagsOfWord(word);
    // A street named by its suffix has its number right after it: "Kiefernring 125".
    if (word.end - word.start > 4 && numberFollows(text, word.end)) {
      const value = text.slice(word.start, word.end);
      for (const [index, core] of SUFFIX_GATES) if (core.gate.suffixes!.test(value)) run |= 1 << index;
    }
  }
  for (const [test, cores] of TEXT_GATES) if (test(text)) run |= cores;
  return run;
}
