import { allMatches, Detector, Finding, insideAny } from './finding';
import { WordCursor, WordTable } from './lexicon/word-table';
import { AMBIGUOUS_NAMES, COMMON_SURNAMES, ENGLISH_WORDS, FAMILY_NAME_FIRST, GIVEN_NAMES, NOT_PERSON_PHRASES } from './person-names';
import { BOT_AFTER, CUE_LAST_WORDS, DETERMINER, GREETING_CUE, LOCATIVE, LOWERCASE_NAME_CUE, LOWERCASE_NAME_CUE_LAST_WORDS, MIDDLE_INITIAL, NAME_PARTICLES, NAMED_THING_BEFORE, NOT_NAME, PLACE_PREFIX, PLACE_START, PRODUCT_NOUN, ROLE_CUE, SIGN_OFF_END, SIGN_OFF_TEAM, STOPWORDS, STRONG_CUE, TRAILING_SIGNATURE, WEAK_ROLE_CUE } from './person-cues';

/** "it's dmytro kovalenko here", "its james again": what follows a writer's name (and surname). */
const IT_IS = ["it's", 'its', 'it’s'];
const WRITER_INTRODUCED_AFTER = /^(?: [a-zà-ÿ'’-]+)?\s+(?:here|again|speaking|from)\b/;

/**
 * The short word lists the scan consults for every word, in one table (a bit per list, case
 * ignored); the long list of given names in its own, looked up only for the few words that get that far.
 */
const PERSON_WORDS = WordTable.ofLists([STOPWORDS, CUE_LAST_WORDS, LOWERCASE_NAME_CUE_LAST_WORDS, NOT_NAME, AMBIGUOUS_NAMES, FAMILY_NAME_FIRST, IT_IS], true);
const [STOPWORD, CUE_LAST, LOWERCASE_CUE_LAST, NOT_A_NAME, AMBIGUOUS, FAMILY_FIRST, WRITER_INTRO] = [1, 2, 4, 8, 16, 32, 64];
const GIVEN_NAME_TABLE = WordTable.ofLists([GIVEN_NAMES], true);

/** PixelVault, GigNest, StageDoor: a capital inside a word marks a brand, unlike McKenzie or MacLeod. */
function isCamelCase(word: string): boolean {
  return /^[A-Z][a-z]+[A-Z][a-z]/.test(word) && !/^(?:Mc|Mac|Di|De|Le|La|Van|Von|Fitz)[A-Z]/.test(word);
}

function isTwoEnglishWords(word: string): boolean {
  for (let split = 4; split <= word.length - 4; split++) {
    if (ENGLISH_WORDS.has(word.slice(0, split)) && ENGLISH_WORDS.has(word.slice(split))) return true;
  }
  return false;
}

/** An English word, or one of its inflections ("onboarding", "cancelled", "reviews"). */
function isEnglishWord(word: string): boolean {
  if (ENGLISH_WORDS.has(word)) return true;
  const stem = /^(.{3,}?)(?:s|es|ed|d|ing|er|ers|ly)$/.exec(word)?.[1];
  return stem !== undefined && (ENGLISH_WORDS.has(stem) || ENGLISH_WORDS.has(`${stem}e`));
}

/** The author line of a quoted message: "On 3 May, Ana Ruiz <ana@…> wrote:", "> cormac wrote:". */
const QUOTE_AUTHOR = /(?:^|[\n>,]\s*)([A-Za-zÀ-ÿ][a-zà-ÿ'’-]+(?: [A-Za-zÀ-ÿ][a-zà-ÿ'’-]+){0,2})\s+(?:<[^\s<>@]+@[^\s<>]+>\s*)?(?:wrote|a écrit|schrieb|escribió|escreveu|ha scritto|schreef|napisał|napisała|skrev|yazdı)\s?:/g;

function authorsOfQuotes(text: string): Finding[] {
  if (!text.includes(':') || !/(?:wrote|écrit|schrieb|escribió|escreveu|scritto|schreef|napisał|skrev|yazdı)\s?:/.test(text)) return [];
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
  return '\n.!?:,;>—–-(|'.includes(characterBefore(text, index));
}

/** The character before `index` across spaces and tabs; a line break at the start of the text. */
function characterBefore(text: string, index: number): string {
  let i = index - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i < 0 ? '\n' : text.charAt(i);
}

/** `flagsBefore`: the word table's flags of the word before. */
function isLowercaseNameAfterCue(text: string, start: number, word: string, flagsBefore: number): boolean {
  if (word.length < 3 || word.includes("'") || word.includes('’')) return false;
  if (flagsBefore & WRITER_INTRO && WRITER_INTRODUCED_AFTER.test(text.slice(start + word.length, start + word.length + 40))) return !STOPWORDS.has(word);
  if (!(flagsBefore & LOWERCASE_CUE_LAST)) return false;
  return LOWERCASE_NAME_CUE.test(cueWindow(text, start)) && !isEnglishWord(word);
}

/**
 * The text a cue phrase before `index` lies in: the spaces, commas and colons right before it and
 * the 24 characters before those (no cue phrase is longer), within 40 characters. Patterns anchored
 * at the end are searched from every position, so a short window is much cheaper than a long one.
 */
function cueWindow(text: string, index: number): string {
  let separators = index;
  while (separators > 0 && isSpaceCommaOrColon(text.charCodeAt(separators - 1))) separators--;
  return text.slice(Math.max(0, index - 40, separators - 24), index);
}

/**
 * Whether the word at start..end signs the message off: after a line break, a dash, a tilde or a
 * comma with nothing but punctuation after it, or after any sentence end with a team after it.
 */
function isSignOff(text: string, start: number, end: number): boolean {
  const before = characterBefore(text, start);
  if (!'\n—–~-,.!?'.includes(before)) return false;
  const rest = text.slice(end, end + 80);
  return (!'.!?'.includes(before) && SIGN_OFF_END.test(rest)) || SIGN_OFF_TEAM.test(rest);
}

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

/** "Keane's clinic": the possessive is not part of the name. */
function endWithoutPossessive(text: string, start: number, end: number): number {
  const possessive = end - start > 2 && text.charCodeAt(end - 1) === 115 && (text.charCodeAt(end - 2) === 39 || text.charCodeAt(end - 2) === 0x2019);
  return possessive ? end - 2 : end;
}

/**
 * The word just before `index`, lowercased, across spaces, commas, colons and one full stop
 * ("Thanks, ", "Mr. ", "name: "): the last word of a cue, found without a regex scan.
 */
function lastWordBefore(text: string, index: number): string | undefined {
  let end = index;
  while (end > 0 && isSpaceCommaOrColon(text.charCodeAt(end - 1))) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 46) end--;
  let start = end;
  while (start > 0 && isCueWordCharacter(text.charCodeAt(start - 1))) start--;
  return start < end ? text.slice(start, end).toLowerCase().replace('’', "'") : undefined;
}

function isSpaceCommaOrColon(code: number): boolean {
  return code === 32 || code === 44 || code === 58 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));
}

/** Letters of a cue's last word, and the slash and apostrophes of "c/o" and "name's". */
function isCueWordCharacter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0xff) || code === 47 || code === 39 || code === 0x2019;
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
    const findings: Finding[] = authorsOfQuotes(text);
    let skipUntil = 0;
    let flagsBefore = 0;
    for (const cursor = new WordCursor(text, true); cursor.next(); ) {
      const { start, end } = cursor;
      const wordFlags = PERSON_WORDS.flagsOfWord(cursor);
      const cueBefore = flagsBefore;
      flagsBefore = wordFlags;
      if (start < skipUntil || insideAny(start, start + 1, findings)) continue;
      // The common case first and cheapest: a lowercase word that is no given name.
      const code = text.charCodeAt(start);
      const lowercase = code >= 97 && code <= 122;
      // A lowercase name needs a cue word or a boundary right before it, and is no everyday word:
      // most lowercase words are out before anything is cut out of the text.
      if (lowercase && (wordFlags & STOPWORD || (!(cueBefore & CUE_LAST) && !followsBoundary(text, start)))) continue;
      const valueEnd = endWithoutPossessive(text, start, end);
      const valueFlags = valueEnd === end ? wordFlags : PERSON_WORDS.flagsAt(text, start, valueEnd);
      // Single letters and everyday words ("Thanks", "Order") are out before anything is cut out of the text.
      if (valueEnd - start < 2 || valueFlags & NOT_A_NAME) continue;
      const givenWord = GIVEN_NAME_TABLE.flagsOfWord(cursor) !== 0;
      if (lowercase && !givenWord && !(cueBefore & (WRITER_INTRO | LOWERCASE_CUE_LAST))) continue;
      const word = text.slice(start, end);
      const lowercaseAfterCue = lowercase && isLowercaseNameAfterCue(text, start, word, cueBefore);
      if (lowercase && !lowercaseAfterCue && !givenWord) continue;
      const value = valueEnd === end ? word : word.slice(0, valueEnd - start);
      if (isCamelCase(value)) continue;
      // The letters of a code (H4966YKI…) are no name.
      const codeAfter = text.charCodeAt(end);
      if (codeAfter >= 48 && codeAfter <= 57) continue;
      const capitalized = isCapitalized(value);
      const lower = value.toLowerCase();
      // Words in ALL CAPS are shouting, not names; inside an address they are its street or city.
      if (!capitalized && value !== lower) continue;
      if (insideAny(start, valueEnd, claimed)) continue;
      const known = valueEnd === end ? givenWord : GIVEN_NAME_TABLE.flagsAt(text, start, valueEnd) !== 0;
      const ambiguous = (valueFlags & AMBIGUOUS) !== 0;
      // Most words are lowercase and no name: out before any context is looked at. A lowercase
      // name counts only with a cue or as a signature (checked below).
      if (!capitalized && !lowercaseAfterCue && (!known || ambiguous || valueFlags & STOPWORD)) continue;
      const first: Token = { value, lower, start, end: start + value.length, capitalized };
      const before = text.slice(Math.max(0, first.start - 48), first.start);
      const lastWord = lastWordBefore(text, first.start);
      const cued = lastWord !== undefined && CUE_LAST_WORDS.has(lastWord);
      // "im" is German for "in the" as often as a typo of "I'm": it vouches only for a known name.
      const strong = cued && STRONG_CUE.test(before) && (lastWord !== 'im' || known);
      const greeting = cued && GREETING_CUE.test(before);
      const role = cued && ROLE_CUE.test(before) && (known || !WEAK_ROLE_CUE.test(before));
      // The words right before the name (its trailing spaces and 16 characters more): enough for
      // every one-word cue below, and far cheaper to search than the whole window for patterns anchored at its end.
      const near = before.slice(Math.max(0, before.trimEnd().length - 16));
      const familyFirst = (valueFlags & FAMILY_FIRST) !== 0;
      // A name signing off a message, known or not: "— Thaís, Support Team", "Trang | Tier 2 Support".
      const signOff = first.capitalized && !strong && isSignOff(text, first.start, first.end);
      // An unknown word with no cue before it can't become a name: skip the rest of the work.
      if (!strong && !greeting && !role && !known && !familyFirst && !signOff && !lowercaseAfterCue) continue;
      // Tallybank, Forkful, Drivewell: an unknown word made of two English words is a brand.
      if (!known && capitalized && isTwoEnglishWords(lower)) continue;

      // The words that belong to the name: capitalised ones after a capitalised name, one
      // non-everyday lowercase word after a lowercase name.
      const tokens = [first, ...followingTokens(text, first.end)];
      let last = 0;
      while (last + 1 < tokens.length) {
        const next = tokens[last + 1];
        // "van der" inside a name, when a name word follows it.
        if (NAME_PARTICLES.has(next.lower) && tokens.slice(last + 2).some((t) => !NAME_PARTICLES.has(t.lower) && (t.capitalized || !first.capitalized))) {
          const after = tokens.slice(last + 2).findIndex((t) => !NAME_PARTICLES.has(t.lower));
          const family = tokens[last + 2 + after];
          if (after >= 0 && !STOPWORDS.has(family.lower) && !(isEnglishWord(family.lower) && !COMMON_SURNAMES.has(family.lower)) && !isCamelCase(family.value)) {
            last = last + 2 + after;
            continue;
          }
        }
        if (NOT_NAME.has(next.lower) || STOPWORDS.has(next.lower)) break;
        if (AMBIGUOUS_NAMES.has(next.lower) && !COMMON_SURNAMES.has(next.lower) && !familyFirst) break;
        if (first.capitalized ? !next.capitalized : last > 0 || next.value !== next.lower || next.value.length < 3 || (isEnglishWord(next.lower) && !COMMON_SURNAMES.has(next.lower) && !/^\s*(?:[/,|—–<(-]|$)/.test(text.slice(next.end, next.end + 3)))) break;
        if (PRODUCT_NOUN.test(` ${next.value}`) || isCamelCase(next.value)) break;
        last++;
      }
      tokens[last] = { ...tokens[last], end: endWithoutPossessive(text, tokens[last].start, tokens[last].end) };
      let nameEnd = tokens[last].end;
      const initialAndSurname = first.capitalized ? MIDDLE_INITIAL.exec(text.slice(nameEnd, nameEnd + 40)) : null;
      if (initialAndSurname) nameEnd += initialAndSurname[0].length;
      const withSurname = last > 0;
      const span = text.slice(start, nameEnd).toLowerCase();
      const after = text.slice(nameEnd, nameEnd + 60);
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
      if ((PLACE_PREFIX.test(near) || (withSurname && PLACE_START.test(first.value))) && !strong) continue;
      if (LOCATIVE.test(near) && !withSurname && !strong) continue;
      if (/\d\s+$/.test(near) && !strong) continue; // a house number or a date: "211 Anna Salai", "18 Jan"
      if (/^\s*\d/.test(after) && ambiguous) continue; // "Jun 23"
      const determiner = DETERMINER.test(near) && !strong;
      const signature = text.length - nameEnd <= 60 && TRAILING_SIGNATURE.test(after) && (known || /[,\-–—\n]\s*$/.test(near));
      const sentenceStart = isSentenceStart(text, start);

      let confidence = 0;
      const lowercaseIntro = /^\s+(?:here|is|was|said|says|told|from)\b/.test(after) && sentenceStart;
      // "anatoly belov, +1 414…", "jiahui zhou <jz@…>": a lowercase full name set off like a field.
      const lowercaseField = withSurname && /^\s*(?:[,|<(]|$)/.test(after) && /(?:^|[:,\n>]\s*)$/.test(near);
      if (!first.capitalized) {
        // A lowercase word at the end is a signature only on its own line or after a comma or dash:
        // "…this is going to be long." ends a sentence, "…, itzel" signs it.
        const signedOff = signature && (/[,\-–—\n]\s*$/.test(near) || (known && /[.!]\s+$/.test(near) && SIGN_OFF_END.test(after)));
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
      } else if (signature && /[,\n—–-]\s*$|[.!?]\s+$/.test(near) && (withSurname || /[,—–-]\s*$/.test(near))) {
        confidence = 0.7; // "…, Raffaele." / "… Cansu Öztürk" signing off
      } else if (withSurname && /:\s*$/.test(near)) {
        confidence = 0.7; // a form field: "verification: Sindre Lindqvist"
      }
      if (confidence === 0) continue;
      findings.push({ type: 'PERSON', start, end: nameEnd, confidence, detector: strong ? 'person.cue' : 'person.lexicon' });
      skipUntil = nameEnd;
    }
    return findings;
  },
};
