/**
 * Word lists looked up by where a word stands in a text rather than by the word cut out of it. The
 * person and street-address detectors look up every word of every message and almost none of those
 * words is on a list: cutting each one out and hashing the new string cost more than the rest of
 * their scan. Here a WordCursor reads the words and hashes them in the same pass, a lookup is a probe
 * of a flat table that allocates nothing, and each word carries flags, so one lookup answers for
 * every list it is on.
 */
export class WordTable {
  /** Pairs of (hash, entry + 1) by slot, side by side so a probe touches one cache line; 0 is empty. */
  private readonly slots: Int32Array;
  private readonly words: string[] = [];
  private readonly flags: number[] = [];
  private readonly mask: number;

  /** `entries`: a word and its flags; a word listed twice gets both. `foldCase`: lookups ignore case. */
  constructor(
    entries: Iterable<readonly [string, number]>,
    private readonly foldCase: boolean,
  ) {
    const merged = new Map<string, number>();
    for (const [word, flags] of entries) {
      const key = foldCase ? fold(word) : word;
      merged.set(key, (merged.get(key) ?? 0) | flags);
    }
    let size = 64;
    while (size < merged.size * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    for (const [word, flags] of merged) {
      const hash = hashOf(word, 0, word.length);
      let slot = hash & this.mask;
      while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
      this.words.push(word);
      this.flags.push(flags);
      this.slots[slot * 2] = hash;
      this.slots[slot * 2 + 1] = this.words.length;
    }
  }

  /** Lists as flags: the words of `lists[i]` get bit i. */
  static ofLists(lists: readonly Iterable<string>[], foldCase: boolean): WordTable {
    return new WordTable(
      lists.flatMap((list, index) => [...list].map((word) => [word, 1 << index] as const)),
      foldCase,
    );
  }

  /** The flags of the word text[start..end), 0 if it is on no list. */
  flagsAt(text: string, start: number, end: number): number {
    return this.probe(hashOf(text, start, end), text, start, end);
  }

  flagsOf(word: string): number {
    return this.flagsAt(word, 0, word.length);
  }

  /** The flags of the word a cursor stands on. */
  flagsOfWord(word: WordCursor): number {
    return this.probe(word.hash, word.text, word.start, word.end);
  }

  private probe(hash: number, text: string, start: number, end: number): number {
    for (let slot = hash & this.mask; this.slots[slot * 2 + 1] !== 0; slot = (slot + 1) & this.mask) {
      if (this.slots[slot * 2] !== hash) continue;
      const entry = this.slots[slot * 2 + 1] - 1;
      if (this.matches(this.words[entry], text, start, end)) return this.flags[entry];
    }
    return 0;
  }

  private matches(word: string, text: string, start: number, end: number): boolean {
    if (word.length !== end - start) return false;
    for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== this.unit(text.charCodeAt(start + i))) return false;
    return true;
  }

  private unit(code: number): number {
    return this.foldCase ? lowerUnit(code) : code;
  }
}

/**
 * The words of a text one after another, each with the hash of its lowercase form, read in one
 * pass over its characters. With `joined`, an apostrophe or hyphen between letters stays inside
 * the word (O'Brien, Anne-Marie), as a name is written; without, it ends the word.
 */
export class WordCursor {
  start = 0;
  end = 0;
  hash = 0;

  constructor(
    readonly text: string,
    private readonly joined: boolean,
  ) {}

  /** Moves to the next word; false when there is none. */
  next(): boolean {
    const text = this.text;
    let i = this.end;
    let letter = 0;
    while (i < text.length && (letter = lowerLetter(text.charCodeAt(i))) === 0) i++;
    if (i >= text.length) return false;
    this.start = i;
    let hash = FNV_OFFSET;
    for (;;) {
      do {
        hash = Math.imul(hash ^ letter, FNV_PRIME);
        letter = lowerLetter(text.charCodeAt(++i));
      } while (letter !== 0);
      const joiner = text.charCodeAt(i);
      if (!this.joined || !(joiner === 39 || joiner === 0x2019 || joiner === 45) || lowerLetter(text.charCodeAt(i + 1)) === 0) break;
      hash = Math.imul(hash ^ joiner, FNV_PRIME);
      letter = lowerLetter(text.charCodeAt(++i));
    }
    this.end = i;
    this.hash = hash;
    return true;
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a over the lowercase of text[start..end), whatever the table's case rule: a word's case
 * forms share a hash, and a case-sensitive table tells them apart when it compares the characters.
 */
function hashOf(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ lowerUnit(text.charCodeAt(i)), FNV_PRIME);
  return hash;
}

function lowerUnit(code: number): number {
  return code < FOLD.length ? FOLD[code] : code;
}

/** For the letters words are made of here, their lowercase; 0 for any other character. */
function lowerLetter(code: number): number {
  return code < LETTER.length && LETTER[code] === 1 ? FOLD[code] : 0;
}

/** The lowercase of each code unit below U+2000 that lowercases to one unit (Latin, Greek, Cyrillic, Vietnamese). */
const FOLD = new Uint16Array(0x2000);
for (let code = 0; code < FOLD.length; code++) {
  const lower = String.fromCharCode(code).toLowerCase();
  FOLD[code] = lower.length === 1 ? lower.charCodeAt(0) : code;
}

function fold(word: string): string {
  let folded = '';
  for (let i = 0; i < word.length; i++) folded += String.fromCharCode(lowerUnit(word.charCodeAt(i)));
  return folded;
}

/** Letters of the scripts names and streets are written in here: Latin with its accents and Vietnamese. */
const LETTER = new Uint8Array(0x1f00);
for (const [from, to] of [
  [0x41, 0x5a],
  [0x61, 0x7a],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x17e],
  [0x1a0, 0x1b0],
  [0x1ea0, 0x1ef9],
]) {
  LETTER.fill(1, from, to + 1);
}
