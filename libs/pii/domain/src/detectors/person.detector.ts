import { Detector, Finding } from './finding';
import { AMBIGUOUS_NAMES, COMMON_SURNAMES, FAMILY_NAME_FIRST, GIVEN_NAMES, NOT_PERSON_PHRASES } from './person-names';

const WORD = /[A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+)*/g;
const TITLE = '(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam|mme|mlle|herr|frau|sr|sra|señor|señora)\\.?';

/** Capitalised words that are not part of a name, wherever they stand. */
const NOT_NAME = new Set(
  `i i'm im i've i'd i'll the a an and or but from at on in to for with support team app customer service help desk agent
thanks thank hi hello hey please sorry yes no ok okay here just my your our their his her we you they he she it is was
are can could would should did do does has have had not also again today tomorrow yesterday monday tuesday wednesday
thursday friday saturday sunday january february march april june july august september october november december
order account premium gold pro plus android ios iphone ipad mac windows store shop game level mr mrs ms miss mx dr prof
sir madam mme mlle herr frau sr sra señor señora dear regards best cheers sent name address phone email bank iban card
tel mobile street road avenue apt flat unit suite dob ssn id uk us eu usa`.split(/\s+/),
);

/** Everyday lowercase words: a lowercase word after a name is a surname only if it is not one of these. */
const STOPWORDS = new Set(
  `a about above after again all am an and any are as at be because been before being below between both but by can
cant could did do does doing down during each few for from further had has have having he her here hers him his how i
if in into is it its just me more most my no nor not now of off on once only or other our out over own same she should
so some such than that the their them then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your lol pls plz thx ty asap btw omg ok okay thanks please
here again today still also yet back got get need want said says told asked paid sent will ill im dont didnt cant wont`.split(/\s+/),
);

const STRONG_CUE = new RegExp(
  `(?:\\b(?:my name is|my name's|name is|name:|names|called|call me|this is|it's|its|it is|signed|sincerely|regards|kind regards|best regards|best wishes|cheers|cheres|thanks|thx|thank you|many thanks|br|ask for|asking for|speak(?:ing)? (?:to|with)|spoke (?:to|with)|talk(?:ed)? (?:to|with)|chatted with|dear|attn|attention|c/o|account holder|card ?holder|holder is|under|i am|i'm|im|my (?:son|daughter|wife|husband|partner|friend|brother|sister|mom|mum|mother|dad|father|boss|kid|child|colleague|roommate|girlfriend|boyfriend|uncle|aunt|cousin|grandma|grandpa|grandmother|grandfather|nephew|niece|neighbou?r)(?:,? | is | named |'s name is ))|\\b${TITLE})[\\s,:]*$`,
  'i',
);
const GREETING_CUE = /(?:^|[.!?\n]\s*)(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening)|morning|evening)[\s,]+$/i;
const ROLE_CUE =
  /\b(?:driver|rider|courier|technician|tech|agent|rep|colleague|manager|supervisor|landlord|tenant|roommate|neighbou?r|cashier|waiter|doctor|nurse|teacher|coach|officer|employee|customer|client|user|player|cc|contact|tell|ask|and|with|by|from|for|to)\s+$/i;
const DETERMINER = /\b(?:the|a|an|our|your|this|that|these|those)\s+$/i;
const PRODUCT_NOUN =
  /^\s+(?:skin|skins|outfit|event|store|stroe|shop|order|bag|server|servers|warehouse|update|character|collab|pack|bundle|edition|mode|map|season|pass|costume|avatar|hub|airport|office|branch|station|street|st|road|rd|ave|avenue|lane|drive|boulevard|square|mall|hotel|restaurant|cafe|app|game|brand|shoes|jacket|dress|perfume|collection|sale|coupon|voucher|plan|subscription|account|card|model|series)\b/i;
const TRAILING_SIGNATURE = /^[\s.!?,:;)\]~*_\-–—'"`\u2190-\u2BFF\uFE0F]*$/;

interface Token {
  value: string;
  lower: string;
  start: number;
  end: number;
  capitalized: boolean;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(WORD)].map((match) => ({
    value: match[0],
    lower: match[0].toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
    capitalized: /^[A-ZÀ-ÖØ-ÞĀ-Ž]/.test(match[0]) && !/^[A-Z]{2,}$/.test(match[0]),
  }));
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
  detect(text) {
    const findings: Finding[] = [];
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i];
      if (NOT_NAME.has(first.lower)) continue;
      const before = text.slice(Math.max(0, first.start - 48), first.start);
      const strong = STRONG_CUE.test(before);
      const greeting = GREETING_CUE.test(before);
      const role = ROLE_CUE.test(before);
      const known = GIVEN_NAMES.has(first.lower);
      const ambiguous = AMBIGUOUS_NAMES.has(first.lower);
      const familyFirst = FAMILY_NAME_FIRST.has(first.lower);
      if (!first.capitalized && !(known && !ambiguous && (strong || greeting))) {
        // A lowercase name counts only with a cue or as a signature: checked below.
        if (!(known && !ambiguous && !STOPWORDS.has(first.lower))) continue;
      }

      // The words that belong to the name: capitalised ones after a capitalised name, one
      // non-everyday lowercase word after a lowercase name.
      let last = i;
      while (last + 1 < tokens.length && last - i < 3) {
        const next = tokens[last + 1];
        if (text.slice(tokens[last].end, next.start) !== ' ') break;
        if (NOT_NAME.has(next.lower) || STOPWORDS.has(next.lower)) break;
        if (AMBIGUOUS_NAMES.has(next.lower) && !COMMON_SURNAMES.has(next.lower)) break;
        if (first.capitalized ? !next.capitalized : last > i) break;
        last++;
      }
      const start = first.start;
      const end = tokens[last].end;
      const withSurname = last > i;
      const span = text.slice(start, end).toLowerCase();
      const after = text.slice(end);
      if ([...NOT_PERSON_PHRASES].some((phrase) => span.startsWith(phrase) || phrase.startsWith(span + ' ') || span === phrase)) continue;
      if (PRODUCT_NOUN.test(after) && !strong) continue;
      if (/\d\s+$/.test(before) && !strong) continue; // a house number or a date: "211 Anna Salai", "18 Jan"
      if (/^\s*\d/.test(after) && ambiguous) continue; // "Jun 23"
      const determiner = DETERMINER.test(before) && !strong;
      const signature = TRAILING_SIGNATURE.test(after) && (known || /[,\-–—\n]\s*$/.test(before));
      const sentenceStart = isSentenceStart(text, start);

      let confidence = 0;
      if (!first.capitalized) {
        if (strong || greeting || signature) confidence = 0.8;
      } else if (determiner) {
        confidence = 0;
      } else if (strong) {
        confidence = 0.9;
      } else if ((greeting || role) && !ambiguous && (known || /^[\s]*[,.!?:;)]/.test(after) || withSurname)) {
        confidence = 0.85;
      } else if (familyFirst && withSurname) {
        confidence = 0.8;
      } else if (known && !ambiguous && withSurname) {
        confidence = 0.85;
      } else if (known && ambiguous && withSurname && COMMON_SURNAMES.has(tokens[i + 1].lower)) {
        confidence = 0.75;
      } else if (known && !ambiguous && (signature || !sentenceStart || /^\s*(?:[,(]|here\b|and\b|[a-z])/.test(after))) {
        confidence = 0.75;
      }
      if (confidence === 0) continue;
      findings.push({ type: 'PERSON', start, end, confidence, detector: strong ? 'person.cue' : 'person.lexicon' });
      i = last;
    }
    return findings;
  },
};
