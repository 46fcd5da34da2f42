import { Detector, Finding } from './finding';
import { AMBIGUOUS_NAMES, COMMON_SURNAMES, GIVEN_NAMES } from './person-names';

const NAME_TOKEN = "[A-ZÀ-ÝĀ-Ž][a-zà-ÿā-ž]+(?:['’-][A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ]+)?|Mc[A-Z][a-z]+|O'[A-Z][a-z]+";
const TITLE = '(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Madam|Mme|Mlle|Herr|Frau|Sr|Sra|Señor|Señora)\\.?';

/** Words that, capitalised after a name, are not a surname. */
const NOT_SURNAME = new Set(
  `I I'm Im The A An And Or But From At On In To For With Support Team App Customer Service Help Desk Agent Thanks Thank
Hi Hello Hey Please Sorry Yes No Ok Okay Here Just My Your Our Their His Her We You They He She It Is Was Are Can Could
Will Would Should Did Do Does Has Have Had Not Also Again Today Tomorrow Yesterday Monday Tuesday Wednesday Thursday
Friday Saturday Sunday January February March April May June July August September October November December Order
Account Premium Gold Pro Plus Android Ios Iphone Ipad Mac Windows Store Shop Game Level Mr Mrs Ms Miss Mx Dr Prof Sir
Madam Mme Mlle Herr Frau Sr Sra Señor Señora`
    .split(/\s+/)
    .map((word) => word.toLowerCase()),
);

/** Phrases after which a capitalised word is very likely a name. */
const STRONG_CUES = new RegExp(
  `(?:\\b(?:my name is|my name's|name is|names|name:|called|call me|this is|signed|sincerely|regards|kind regards|best regards|best wishes|cheers|thanks|thank you|many thanks|br|ask for|asking for|speak(?:ing)? (?:to|with)|spoke (?:to|with)|talk(?:ed)? (?:to|with)|chatted with|agent|rep|representative|dear|attn|attention|c\\/o|account holder|cardholder|my (?:son|daughter|wife|husband|partner|friend|brother|sister|mom|mum|dad|father|mother|boss|kid|child|colleague|roommate|girlfriend|boyfriend|uncle|aunt|cousin|grandma|grandpa|nephew|niece)(?: is| named)?)|${TITLE})[\\s,:]+$`,
  'i',
);
const WEAK_CUES = /\b(?:i am|i'm|im|it's|its|hi|hello|hey|hiya|dear|tell|ask|for|from|with|and|by|to|cc|per|via|thx|ty|agent|customer|user|player|mr|ms)[\s,:]+$/i;

function isSentenceStart(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 3), index);
  return index === 0 || /(?:[.!?]\s+|\n\s*|^\s*)$/.test(before);
}

function tokensFrom(text: string, start: number): { value: string; start: number; end: number }[] {
  const tokens: { value: string; start: number; end: number }[] = [];
  const pattern = new RegExp(`(${NAME_TOKEN})`, 'y');
  let position = start;
  for (let i = 0; i < 3; i++) {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) break;
    tokens.push({ value: match[1], start: position, end: position + match[1].length });
    const gap = /^ (?=[A-ZÀ-Ý])/.exec(text.slice(position + match[1].length));
    if (!gap) break;
    position += match[1].length + 1;
  }
  return tokens;
}

/**
 * People's names in free text. Evidence, strongest first: a cue phrase before it ("my name is",
 * "Thanks,", "Mr."); a known given name followed by a surname; a known given name on its own where
 * it can't be an everyday word (not ambiguous, not at a sentence start). Titles stay out of the span.
 */
export const personDetector: Detector = {
  type: 'PERSON',
  detect(text) {
    const findings: Finding[] = [];
    const candidates = new RegExp(`(?<![\\w@#/.'’-])(?:${NAME_TOKEN})`, 'g');
    let skipUntil = 0;
    for (const match of text.matchAll(candidates)) {
      if (match.index < skipUntil) continue;
      const tokens = tokensFrom(text, match.index);
      if (tokens.length === 0) continue;
      const first = tokens[0].value.toLowerCase();
      if (NOT_SURNAME.has(first)) continue;
      const before = text.slice(Math.max(0, match.index - 40), match.index);
      const strongCue = STRONG_CUES.test(before);
      const weakCue = WEAK_CUES.test(before);
      const known = GIVEN_NAMES.has(first);
      const ambiguous = AMBIGUOUS_NAMES.has(first);

      // Which of the following capitalised words belong to the name.
      let length = 1;
      while (length < tokens.length) {
        const next = tokens[length].value.toLowerCase();
        if (NOT_SURNAME.has(next) || (AMBIGUOUS_NAMES.has(next) && !COMMON_SURNAMES.has(next))) break;
        length++;
      }
      const withSurname = length > 1;
      const knownSurname = withSurname && COMMON_SURNAMES.has(tokens[1].value.toLowerCase());

      let confidence = 0;
      if (strongCue) confidence = 0.9;
      else if (known && !ambiguous && (withSurname || weakCue)) confidence = 0.85;
      else if (known && ambiguous && (knownSurname || (withSurname && weakCue))) confidence = 0.75;
      else if (known && !ambiguous && !isSentenceStart(text, match.index)) confidence = 0.7;
      else if (weakCue && knownSurname) confidence = 0.7;
      if (confidence === 0) continue;

      const end = tokens[length - 1].end;
      findings.push({ type: 'PERSON', start: match.index, end, confidence, detector: strongCue ? 'person.cue' : 'person.lexicon' });
      skipUntil = end;
    }
    return findings;
  },
};
