import { allMatches, Detector, Finding, insideAny } from './finding';
import { AMBIGUOUS_NAMES, COMMON_SURNAMES, ENGLISH_WORDS, FAMILY_NAME_FIRST, GIVEN_NAMES, NOT_PERSON_PHRASES } from './person-names';

// One instance for every call (reset before each scan): detection is synchronous.
const WORD = /[A-Za-zÀ-ÖØ-öø-ÿĀ-žƠ-ưẠ-ỹ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿĀ-žƠ-ưẠ-ỹ]+)*/g;
const TITLE = '(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam|mme|mlle|monsieur|madame|mademoiselle|herr|frau|sr|sra|señor|señora|signor|signora|sig|senhor|senhora|doña)\\.?';

/** Capitalised words that are not part of a name, wherever they stand. */
const NOT_NAME = new Set(
  `i i'm im i've i'd i'll the a an and or but from at on in to for with support team app customer service help desk agent
thanks thank hi hello hey please sorry yes no ok okay here just my your our their his her we you they he she it is was
are can could would should did do does has have had not also again today tomorrow yesterday monday tuesday wednesday
thursday friday saturday sunday january february march april june july august september october november december
order account premium gold pro plus android ios iphone ipad mac windows store shop game level mr mrs ms miss mx dr prof
sir madam mme mlle monsieur madame mademoiselle herr frau sr sra señor señora signor signora senhor senhora doña dear regards best cheers sent name address phone email bank iban card
tel mobile street road avenue apt flat unit suite dob ssn id uk us eu usa where why when what how which who whose
there then this that these those still after before since because if so also just any some every all none got get
was were been being did does doing done is isn't it's don't can't cannot won't didn't we're i've i'd you're they're
hola bonjour hallo ciao olá buenos gracias merci danke grazie obrigado update payment refund delivery parcel package
transfer invoice receipt bill price plan subscription password login code link email message chat ticket issue problem
error bug crash version build device phone laptop tablet please pls plz thx lol omg ok okay good great nice new old
nome nombre nom naam neue neuer neues ihr ihre mein meine unser unsere bitte danke für das der die den dem ein eine
het een mijn uw onze les un une mon ma mes votre notre los las mi tu su nuestro os um uma meu minha gli
obrigada lat lng long latitude longitude gps cordialement groetjes groeten saludos abraços abrazos atentamente atenciosamente grüße gruß gruss mfg saluti pozdrawiam
pozdrowienia selamlar saygılarımla hälsningar mvh hilsen kundennummer bestellnummer telefon handy adresse anschrift
geburtsdatum klantnummer telefoon adres kia nissan mini fiat vw volkswagen ford toyota honda bmw audi mercedes tesla
hyundai renault peugeot volvo skoda opel mazda subaru chevrolet jeep lexus princess`.split(/\s+/),
);

/** Everyday lowercase words: a lowercase word after a name is a surname only if it is not one of these. */
const STOPWORDS = new Set(
  `a about above after again all am an and any are as at be because been before being below between both but by can
cant could did do does doing down during each few for from further had has have having he her here hers him his how i
if in into is it its just me more most my no nor not now of off on once only or other our out over own same she should
so some such than that the their them then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your lol pls plz thx ty asap btw omg ok okay thanks please
here again today still also yet back got get need want said says told asked paid sent will ill im dont didnt cant wont
wants needs keeps kept left took came went gave never has hasnt isnt wasnt didn't hasn't isn't wasn't called calls sold
ugh haha hehe hmm xx xoxo tia fyi idk imo tbh
ist est es è är er ni nie nicht pas não no non
sells bought ordered charged was were been being says has have had will would could should can cannot about after`.split(/\s+/),
);

/** "mi hermana Rocío", "ma sœur Inès", "meine Schwester Jana", "minha irmã Thaís". */
const FAMILY_WORDS_ABROAD =
  'hermana|hermano|esposa|esposo|marido|mujer|hijo|hija|madre|padre|mamá|papá|amigo|amiga|vecino|vecina|sœur|frère|femme|mari|fils|fille|ami|amie|mère|père|voisin|voisine|schwester|bruder|frau|mann|sohn|tochter|mutter|vater|freund|freundin|sorella|fratello|moglie|figlio|figlia|amica|irmã|irmão|filho|filha|mãe|pai|amiga|vizinho|vizinha';

const STRONG_CUE = new RegExp(
  `(?:\\b(?:my name is|my name's|name is|name was|name:|names|recipient:|contact:|name ist|ich heiße|heiße|mi nombre es|il mio nome è|mijn naam is|nazywam się|benim adım|adım|(?:full|legal|account|user) name|au nom de|intestato a|lautet auf|auf den namen|a nombre de|em nome de|claimant:|kontoinhaber:|inhaber:|cordialement|abraços|abrazos|saludos|un saludo|atentamente|atenciosamente|grüße|gruß|saluti|cordiali saluti|groetjes|groeten|met vriendelijke groet|called|call me|this is|it's|its|it is|signed|sincerely|regards|kind regards|best regards|best wishes|cheers|cheres|thanks|thx|thank you|many thanks|br|ask for|asking for|speak(?:ing)? (?:to|with)|spoke (?:to|with)|talk(?:ed)? (?:to|with)|chatted with|dear|attn|attention|c/o|account holder|card ?holder|holder is|name on (?:the )?card|account name|titular|(?:full name|nome completo|nombre completo|nom complet|nome|nombre|nom|naam|navn|imię|vorname|nachname)\\s?:|t\\.n\\.v\\.|payee|beneficiary|under|i am|i'm|im|sono|soy|je suis|ich bin|ik ben|me llamo|mi chiamo|je m'appelle|meu nome é|my (?!(?:plan|package|tier|subscription|account|order|device|phone|model|password|username|user name|email|address|card|bank|number|id|code|version|ip|browser|os|region|country|city|zip|postcode|problem|issue|question|game|app|team|favou?rite)\\b)\\w+(?: \\w+)? is|my (?:son|daughter|wife|husband|partner|friend|brother|sister|mom|mum|mother|dad|father|boss|kid|child|colleague|roommate|girlfriend|boyfriend|uncle|aunt|cousin|grandma|grandpa|grandmother|grandfather|nephew|niece|neighbou?r)(?:,? | is | named |'s name is )|(?:mi|mis|mio|mia|mon|ma|mein|meine|meu|minha) (?:${FAMILY_WORDS_ABROAD}) ))[\\s,:]*$|\\b${TITLE}[ \\t]*$`,
  'i',
);
/** The last word of every cue phrase: the cue regexes only run after one of these (a Set lookup). */
const CUE_LAST_WORDS = new Set(
  `is name names name's called me this it's its it signed sincerely regards wishes cheers cheres thanks thx you br for
to with dear attn attention c/o holder cardholder under am i'm im named mr mrs ms miss mx dr prof sir madam mme mlle herr
frau sr sra señor señora hi hello hey hiya morning afternoon evening driver rider courier technician tech agent rep
colleague manager supervisor landlord tenant roommate neighbor neighbour cashier waiter doctor nurse teacher coach officer
employee customer client user player cc contact tell ask and by from son daughter wife husband partner friend brother
sister mom mum mother dad father boss kid child girlfriend boyfriend uncle aunt cousin grandma grandpa grandmother
grandfather nephew niece buyer seller host owner guide organiser organizer payee card t.n.v sono soy suis bin ben llamo
chiamo appelle é was ist heiße es è się adım recipient claimant beneficiary kontoinhaber inhaber completo complet monsieur madame mademoiselle signor signora
sig senhor senhora doña cordialement abraços abrazos saludos saludo atentamente atenciosamente grüße gruß saluti
groetjes groeten groet olá ola oi hola bonjour salut ciao hej hoi merhaba salam buongiorno buenos días dia tarde tag moin
host boy guy girl titular de a auf nome nombre nom naam navn imię vorname nachname ${FAMILY_WORDS_ABROAD.replaceAll('|', ' ')}`.split(
    /\s+/,
  ),
);

/**
 * Cues after which even a lowercase word nobody lists is a name ("by courier tanvir", "my name is
 * xochitl"), if it is no English word. Checked only after one of their last words.
 */
const LOWERCASE_NAME_CUE = new RegExp(
  `\\b(?:my name is|my name's|name is|call me|name:|name|recipient:|contact:|beneficiary:|claimant:|au nom de|intestato a|lautet auf|a nombre de|em nome de|titular|card ?holder|account holder|account name|driver|rider|courier|delivery boy|delivery guy|technician|landlord|neighbou?r|my (?:son|daughter|wife|husband|partner|friend|brother|sister|mom|mum|mother|dad|father|cousin|uncle|aunt)|(?:mi|mio|mia|mon|ma|mein|meine|meu|minha) (?:${FAMILY_WORDS_ABROAD}))[\\s,:]+$`,
  'i',
);
const LOWERCASE_NAME_CUE_LAST_WORDS = new Set(
  `is me name: recipient contact beneficiary claimant de a auf titular holder name driver rider courier boy guy technician landlord neighbour neighbor son daughter wife husband
partner friend brother sister mom mum mother dad father cousin uncle aunt ${FAMILY_WORDS_ABROAD.replaceAll('|', ' ')}`.split(/\s+/),
);

/** An English word, or one of its inflections ("onboarding", "cancelled", "reviews"). */
function isEnglishWord(word: string): boolean {
  if (ENGLISH_WORDS.has(word)) return true;
  const stem = /^(.{3,}?)(?:s|es|ed|d|ing|er|ers|ly)$/.exec(word)?.[1];
  return stem !== undefined && (ENGLISH_WORDS.has(stem) || ENGLISH_WORDS.has(`${stem}e`));
}


/** The author line of a quoted message: "On 3 May, Ana Ruiz <ana@…> wrote:", "> cormac wrote:". */
const QUOTE_AUTHOR = /(?:^|[\n>,]\s*)([A-Za-zÀ-ÿ][a-zà-ÿ'’-]+(?: [A-Za-zÀ-ÿ][a-zà-ÿ'’-]+){0,2})\s+(?:<[^\s<>@]+@[^\s<>]+>\s*)?(?:wrote|a écrit|schrieb|escribió|escreveu|ha scritto|schreef|napisał|napisała|skrev|yazdı)\s?:/g;

function authorsOfQuotes(text: string): Finding[] {
  if (!/(?:wrote|écrit|schrieb|escribió|escreveu|scritto|schreef|napisał|skrev|yazdı)\s?:/.test(text)) return [];
  const findings: Finding[] = [];
  for (const match of allMatches(QUOTE_AUTHOR, text)) {
    const name = match[1];
    if (name.split(' ').some((word) => STOPWORDS.has(word.toLowerCase()) || NOT_NAME.has(word.toLowerCase()))) continue;
    const start = match.index + match[0].indexOf(name);
    findings.push({ type: 'PERSON', start, end: start + name.length, confidence: 0.85, detector: 'person.quote-author' });
  }
  return findings;
}

/** Whether `index` starts the text or follows a sentence end, a field separator or a dash. */
function followsBoundary(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i < 0 || BOUNDARY_CHARACTERS.has(text.charCodeAt(i));
}

const BOUNDARY_CHARACTERS = new Set([...'.!?:,;\n>—–-(|'].map((character) => character.charCodeAt(0)));

function isLowerAscii(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 97 && code <= 122;
}

function isLowercaseNameAfterCue(text: string, start: number, word: string, wordBefore: string): boolean {
  if (word.length < 3 || !LOWERCASE_NAME_CUE_LAST_WORDS.has(wordBefore.toLowerCase()) || /['’]/.test(word)) return false;
  return !isEnglishWord(word) && !STOPWORDS.has(word) && LOWERCASE_NAME_CUE.test(text.slice(Math.max(0, start - 40), start));
}

const GREETING_CUE =
  /(?:^|[.!?\n]\s*)(?:>\s*)*(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening)|morning|evening|olá|ola|oi|hola|bonjour|salut|hallo|ciao|hej|hoi|merhaba|salam|buongiorno|buenos días|bom dia|boa tarde|guten tag|moin)[\s,]+$/i;
const ROLE_CUE =
  /\b(?:driver|rider|courier|boy|guy|girl|technician|tech|agent|rep|colleague|manager|supervisor|landlord|tenant|roommate|neighbou?r|cashier|waiter|doctor|nurse|teacher|coach|officer|employee|customer|client|user|player|buyer|seller|host|owner|guide|organi[sz]er|payee|cc|contact|tell|ask|and|with|by|from|for|to),?\s+$/i;
/** Role cues that are prepositions or verbs ("to", "for", "tell"): "geolocate to Sevilla." is a place. */
const WEAK_ROLE_CUE = /\b(?:cc|contact|tell|ask|and|with|by|from|for|to),?\s+$/i;
/** A sign-off's name ends the message, after a line break, a dash, a tilde or a comma ("… — Priyanka")… */
const SIGN_OFF_END = /^(?:[\s.!?)\]~*_'"`\u2190-\u2BFF]|\uFE0F)*$/;

/** …or names a team after it, wherever a sentence ended ("Trang | Tier 2 Support", "Seán, Trust & Safety"). */
const SIGN_OFF_TEAM =
  /^\s*(?:[|,]|from\b)\s*[^\n]{0,40}\b(?:Support|Team|Care|Service|Services|Safety|Billing|Desk|Help|Suporte|Soporte|Kundenservice|Équipe|Servizio|Klantenservice)\b[^\n]{0,20}$/;

/**
 * Whether the word at start..end signs the message off: after a line break, a dash, a tilde or a
 * comma with nothing but punctuation after it, or after any sentence end with a team after it.
 */
function isSignOff(text: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  const before = i < 0 ? '\n' : text.charAt(i);
  if (!'\n—–~-,.!?'.includes(before)) return false;
  const rest = text.slice(end, end + 80);
  return ('.!?'.includes(before) ? false : SIGN_OFF_END.test(rest)) || SIGN_OFF_TEAM.test(rest);
}

/** Words after which a name-like word names a car model, a bot or a pet ("Nissan Leaf", "chatbot Leo"). */
const NAMED_THING_BEFORE = new Set(
  `kia nissan mini fiat vw volkswagen ford toyota honda bmw audi mercedes tesla hyundai renault peugeot volvo skoda opel
mazda subaru chevrolet jeep lexus chatbot bot assistant robot dog cat puppy kitten pet parrot horse`.split(/\s+/),
);

/** "I'm Milo, the virtual assistant": a bot introducing itself is no person. */
const BOT_AFTER = /^[\s,]+(?:the |your |an? )?(?:virtual |digital |ai |chat |automated |smart )?(?:assistant|bot|chatbot)\b/i;
/** A middle initial and a surname after a given name: " S. Greenwood". */
const MIDDLE_INITIAL = /^ [A-Z]\. [A-Z][a-zà-ÿ'’-]+/;
const DETERMINER = /\b(?:the|a|an|our|your|this|that|these|those)\s+$/i;
const PRODUCT_NOUN =
  /^\s+(?:skin|skins|outfit|event|store|stroe|shop|order|bag|server|servers|warehouse|update|character|collab|pack|bundle|edition|mode|map|season|pass|costume|avatar|hub|airport|office|branch|station|street|st|road|rd|ave|avenue|lane|drive|boulevard|square|mall|hotel|restaurant|cafe|app|game|brand|shoes|jacket|dress|perfume|collection|sale|coupon|voucher|plan|subscription|account|card|model|series|premium|support|wallet|security|cloud|tv|ai|bot|cup|mug|bottle|tumbler|watch|bike|cir|circle|ct|court|pl|place|way|blvd|ln|dr|drive|pde|tce|close|crescent|grove|terrace|dental|clinic|outdoor|outdoors|studio|studios|salon|bakery|pharmacy|motors|electronics|sports|fitness|gym|labs|bank|insurance|apparel|kitchen|pizza|grill|bistro|books|design|media|group|inc|ltd|llc|gmbh|company|services|solutions|consulting|travel|tours|records|music|foods|market|garage|auto|optics|legal|realty|homes|properties|architects|logistics|express|couriers|academy|school|university|hospital|club)\b/i;
const TRAILING_SIGNATURE = /^(?:[\s.!?,:;)\]~*_\-–—'"`\u2190-\u2BFF]|\uFE0F)*$/;

interface Token {
  value: string;
  lower: string;
  start: number;
  end: number;
  capitalized: boolean;
}

function isCapitalized(word: string): boolean {
  const code = word.charCodeAt(0);
  const upper =
    (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7) || (code >= 0x100 && code <= 0x17f && code % 2 === 0) || (code >= 0x1ea0 && code <= 0x1ef9 && code % 2 === 0);
  if (!upper) return false;
  const second = word.charCodeAt(1);
  return !(second >= 65 && second <= 90 && /^[A-Z]{2,}$/.test(word));
}

const NEXT_WORD = /[ ]([A-Za-zÀ-ÖØ-öø-ÿĀ-žƠ-ưẠ-ỹ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿĀ-žƠ-ưẠ-ỹ]+)*)/y;
/** Lowercase particles inside a name: Femke van Dijk, Maarten van der Veen, Luca di Stefano. */
/** Particles inside a name, lowercase or capitalised: Femke van Dijk, Khalid Al Mansouri, Aoife Mac Giolla. */
const NAME_PARTICLES = new Set(['van', 'der', 'den', 'de', 'del', 'della', 'von', 'da', 'di', 'dos', 'das', 'du', 'le', 'la', 'el', 'al', 'bin', 'ibn', 'abu', 'ter', 'ten', 'mac', 'mc', 'ap', 'ní', 'nic', 'ó']);
/** A capitalised word right before that makes the next one part of a place: Santa Monica, Port Louis. */
const PLACE_WORDS = 'Santa|San|Saint|St|Ste|Port|Fort|Mount|Mt|Lake|New|North|South|East|West|Cape|Bay|Glen|Palm|São|Sao|Belo|Rio|Porto|Puerto|Nova|Novo|Ciudad|Villa|Monte|Santo|Costa|Los|Las|Buenos|Bad|Palo|Baton';
const PLACE_PREFIX = new RegExp(`\\b(?:${PLACE_WORDS})\\.?\\s+$`);
/** …or the first word of a place: São Paulo, Belo Horizonte, Puerto Vallarta. */
const PLACE_START = new RegExp(`^(?:${PLACE_WORDS})$`);
const LOCATIVE = /\b(?:in|at|near|around|outside|inside)\s+$/i;
/** "Keane's clinic": the possessive is not part of the name. */
const withoutPossessive = (word: string) => (word.endsWith("'s") || word.endsWith('’s') ? word.slice(0, -2) : word);

/**
 * The word just before `index`, lowercased, across spaces, commas, colons and one full stop
 * ("Thanks, ", "Mr. ", "name: "): the last word of a cue, found without a regex scan.
 */
function lastWordBefore(text: string, index: number): string | undefined {
  let end = index;
  while (end > 0 && /[\s,:]/.test(text.charAt(end - 1))) end--;
  if (end > 0 && text.charAt(end - 1) === '.') end--;
  let start = end;
  while (start > 0 && /[A-Za-zÀ-ÿ/'’]/.test(text.charAt(start - 1))) start--;
  return start < end ? text.slice(start, end).toLowerCase().replace('’', "'") : undefined;
}

/** Up to three words that follow `end`, each separated from the one before by a single space. */
function followingTokens(text: string, end: number): Token[] {
  const tokens: Token[] = [];
  let position = end;
  while (tokens.length < 3) {
    NEXT_WORD.lastIndex = position;
    const match = NEXT_WORD.exec(text);
    if (!match) break;
    const value = match[1];
    tokens.push({ value, lower: value.toLowerCase(), start: position + 1, end: position + 1 + value.length, capitalized: isCapitalized(value) });
    position += 1 + value.length;
  }
  return tokens;
}

const NOT_PERSON_BY_FIRST_WORD = new Map<string, string[]>();
for (const phrase of NOT_PERSON_PHRASES) {
  const firstWord = phrase.split(' ')[0];
  NOT_PERSON_BY_FIRST_WORD.set(firstWord, [...(NOT_PERSON_BY_FIRST_WORD.get(firstWord) ?? []), phrase]);
}

function isSentenceStart(text: string, index: number): boolean {
  return /(?:^|[.!?\n]\s*)$/.test(text.slice(Math.max(0, index - 4), index)) || index === 0;
}

/**
 * People's names in free text. Evidence, strongest first: a cue before it ("my name is", "Thanks,",
 * "Mr.", "Hi", "driver"); a known given name with a surname, or a family name first (Zhang Wei);
 * a known given name where an everyday word, a brand or a place can't stand (not ambiguous, not at
 * a sentence start, not before "store" or after "the"); a known given name signing off a message.
 * Titles stay out of the span.
 */
export const personDetector: Detector = {
  type: 'PERSON',
  detect(text, claimed) {
    const words = WORD;
    words.lastIndex = 0;
    let previousWord = '';
    const findings: Finding[] = authorsOfQuotes(text);
    let skipUntil = 0;
    for (let match = words.exec(text); match; match = words.exec(text)) {
      const wordBefore = previousWord;
      previousWord = match[0];
      if (match.index < skipUntil || insideAny(match.index, match.index + 1, findings)) continue;
      // The common case first and cheapest: a lowercase word that is no given name.
      const code = match[0].charCodeAt(0);
      const lowercase = code >= 97 && code <= 122;
      // A lowercase name needs a cue word or a boundary right before it: most lowercase words are
      // mid-sentence and never looked up (the name lexicon is large, each lookup a cache miss).
      if (lowercase && !followsBoundary(text, match.index) && !CUE_LAST_WORDS.has(isLowerAscii(wordBefore) ? wordBefore : wordBefore.toLowerCase())) continue;
      const lowercaseAfterCue = lowercase && isLowercaseNameAfterCue(text, match.index, match[0], wordBefore);
      if (lowercase && !GIVEN_NAMES.has(match[0]) && !lowercaseAfterCue) continue;
      const value = withoutPossessive(match[0]);
      // Single letters and the letters of a code (H4966YKI…) are no names.
      if (value.length < 2 || /\d/.test(text.charAt(match.index + match[0].length))) continue;
      const capitalized = isCapitalized(value);
      const lower = value.toLowerCase();
      // Words in ALL CAPS are shouting, not names; inside an address they are its street or city.
      if (!capitalized && value !== lower) continue;
      if (insideAny(match.index, match.index + value.length, claimed)) continue;
      if (NOT_NAME.has(lower)) continue;
      const known = GIVEN_NAMES.has(lower);
      const ambiguous = AMBIGUOUS_NAMES.has(lower);
      // Most words are lowercase and no name: out before any context is looked at. A lowercase
      // name counts only with a cue or as a signature (checked below).
      if (!capitalized && !lowercaseAfterCue && (!known || ambiguous || STOPWORDS.has(lower))) continue;
      const first: Token = { value, lower, start: match.index, end: match.index + value.length, capitalized };
      const before = text.slice(Math.max(0, first.start - 48), first.start);
      const lastWord = lastWordBefore(text, first.start);
      const cued = lastWord !== undefined && CUE_LAST_WORDS.has(lastWord);
      // "im" is German for "in the" as often as a typo of "I'm": it vouches only for a known name.
      const strong = cued && STRONG_CUE.test(before) && (lastWord !== 'im' || known);
      const greeting = cued && GREETING_CUE.test(before);
      const role = cued && ROLE_CUE.test(before) && (known || !WEAK_ROLE_CUE.test(before));
      const familyFirst = FAMILY_NAME_FIRST.has(first.lower);
      // A name signing off a message, known or not: "— Thaís, Support Team", "Trang | Tier 2 Support".
      const signOff = first.capitalized && !strong && isSignOff(text, first.start, first.end);
      // An unknown word with no cue before it can't become a name: skip the rest of the work.
      if (!strong && !greeting && !role && !known && !familyFirst && !signOff && !lowercaseAfterCue) continue;

      // The words that belong to the name: capitalised ones after a capitalised name, one
      // non-everyday lowercase word after a lowercase name.
      const tokens = [first, ...followingTokens(text, first.end)];
      let last = 0;
      while (last + 1 < tokens.length) {
        const next = tokens[last + 1];
        // "van der" inside a name, when a name word follows it.
        if (NAME_PARTICLES.has(next.lower) && tokens.slice(last + 2).some((t) => !NAME_PARTICLES.has(t.lower) && (t.capitalized || !first.capitalized))) {
          const after = tokens.slice(last + 2).findIndex((t) => !NAME_PARTICLES.has(t.lower));
          if (after >= 0 && !STOPWORDS.has(tokens[last + 2 + after].lower)) {
            last = last + 2 + after;
            continue;
          }
        }
        if (NOT_NAME.has(next.lower) || STOPWORDS.has(next.lower)) break;
        if (AMBIGUOUS_NAMES.has(next.lower) && !COMMON_SURNAMES.has(next.lower) && !familyFirst) break;
        if (first.capitalized ? !next.capitalized : last > 0 || next.value !== next.lower || next.value.length < 3 || (isEnglishWord(next.lower) && !COMMON_SURNAMES.has(next.lower) && !/^\s*(?:[/,|—–<(-]|$)/.test(text.slice(next.end, next.end + 3)))) break;
        if (PRODUCT_NOUN.test(` ${next.value}`)) break;
        last++;
      }
      tokens[last] = { ...tokens[last], end: tokens[last].start + withoutPossessive(tokens[last].value).length };
      const start = first.start;
      let end = tokens[last].end;
      const initialAndSurname = first.capitalized ? MIDDLE_INITIAL.exec(text.slice(end, end + 40)) : null;
      if (initialAndSurname) end += initialAndSurname[0].length;
      const withSurname = last > 0;
      const span = text.slice(start, end).toLowerCase();
      const after = text.slice(end, end + 60);
      const notPerson = NOT_PERSON_BY_FIRST_WORD.get(first.lower)?.find((phrase) => span.startsWith(phrase) || phrase.startsWith(`${span} `));
      if (lastWord !== undefined && NOT_PERSON_PHRASES.has(`${lastWord} ${span}`)) continue; // "Dr. Martens" 
      if (notPerson) {
        skipUntil = start + notPerson.length;
        continue;
      }
      if (PRODUCT_NOUN.test(after) && !strong) continue;
      if (/^\s*[>›»→]/.test(after)) continue; // a menu path: "under Settings > Family"
      if (BOT_AFTER.test(after)) continue;
      if (lastWord !== undefined && NAMED_THING_BEFORE.has(lastWord) && !strong) continue; // "Nissan Leaf", "chatbot Leo" 
      if ((PLACE_PREFIX.test(before) || (withSurname && PLACE_START.test(first.value))) && !strong) continue;
      if (LOCATIVE.test(before) && !withSurname && !strong) continue;
      if (/\d\s+$/.test(before) && !strong) continue; // a house number or a date: "211 Anna Salai", "18 Jan"
      if (/^\s*\d/.test(after) && ambiguous) continue; // "Jun 23"
      const determiner = DETERMINER.test(before) && !strong;
      const signature = text.length - end <= 60 && TRAILING_SIGNATURE.test(after) && (known || /[,\-–—\n]\s*$/.test(before));
      const sentenceStart = isSentenceStart(text, start);

      let confidence = 0;
      const lowercaseIntro = /^\s+(?:here|is|was|said|says|told|from)\b/.test(after) && sentenceStart;
      // "anatoly belov, +1 414…", "jiahui zhou <jz@…>": a lowercase full name set off like a field.
      const lowercaseField = withSurname && /^\s*(?:[,|<(]|$)/.test(after) && /(?:^|[:,\n>]\s*)$/.test(before);
      if (!first.capitalized) {
        // A lowercase word at the end is a signature only on its own line or after a comma or dash:
        // "…this is going to be long." ends a sentence, "…, itzel" signs it.
        const signedOff = signature && (/[,\-–—\n]\s*$/.test(before) || (known && /[.!]\s+$/.test(before) && SIGN_OFF_END.test(after)));
        if (lowercaseAfterCue || (strong && !ENGLISH_WORDS.has(lower)) || (!ENGLISH_WORDS.has(lower) && (greeting || signedOff || (known && (lowercaseIntro || lowercaseField)) || (role && !STOPWORDS.has(first.lower))))) confidence = 0.8;
      } else if (determiner) {
        confidence = 0;
      } else if (strong) {
        confidence = 0.9;
      } else if ((greeting || role) && !ambiguous && (known || /^[\s]*[,.!?:;)]/.test(after) || withSurname)) {
        confidence = 0.85;
      } else if (greeting && ambiguous && /^\s*[,!—–]/.test(after)) {
        confidence = 0.8; // "Hi Diego,"
      } else if (signOff) {
        confidence = 0.75;
      } else if (familyFirst && withSurname) {
        confidence = 0.8;
      } else if (known && !ambiguous && withSurname) {
        confidence = 0.85;
      } else if (known && ambiguous && withSurname && COMMON_SURNAMES.has(tokens[1].lower)) {
        confidence = 0.75;
      } else if (known && !ambiguous && (signature || !sentenceStart || /^\s*(?:[,(]|(?:here|again|and|said|says|told|asked|was|is|has|had|from|called|helped|replied|wrote|sent|will|can|just|did|gave|took|tried|mentioned|explained|confirmed|promised|answered|left|came|paid|ordered)\b)/.test(after))) {
        confidence = 0.75;
      } else if (role && !ambiguous && /^\s*(?:[,.!?:;)(+]|\d)/.test(after)) {
        confidence = 0.75; // "the courier Rohit +52 …"
      } else if (signature && /[,\n—–-]\s*$|[.!?]\s+$/.test(before) && (withSurname || /[,—–-]\s*$/.test(before))) {
        confidence = 0.7; // "…, Raffaele." / "… Cansu Öztürk" signing off
      } else if (withSurname && /:\s*$/.test(before)) {
        confidence = 0.7; // a form field: "verification: Sindre Lindqvist"
      }
      if (confidence === 0) continue;
      findings.push({ type: 'PERSON', start, end, confidence, detector: strong ? 'person.cue' : 'person.lexicon' });
      skipUntil = end;
    }
    return findings;
  },
};
