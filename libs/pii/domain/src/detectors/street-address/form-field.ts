import { allMatches, Finding } from '../finding';
import { WordCursor, WordTable } from '../lexicon/word-table';
import { S } from './vocabulary';

/** Street addresses typed into a labelled form field: "Address: …", "Dirección: …" to the line's end. */
const FORM_FIELD = new RegExp(
  `(?:^|\\n|\\b(?:new|old|billing|shipping|delivery|home|my|previous|current|correct|full)${S}+)(?:street${S}address|address(?:${S}line${S}?1)?|street|addr|dirección|direccion|domicilio|endereço|adresse|anschrift|indirizzo|adres)${S}*:${S}*([^\\n]{6,140})`,
  'gi',
);
/** Where a form value's sentence ends: a stop that no abbreviation (No., St., Co.) explains. */
const VALUE_END = /(?<!\b(?:[Nn]o|St|Co|Col|Av|Avda|Dr|Apt|Mt|Ft|Rd|Ave|Blvd|Ste|Fracc|[A-Za-z]))[.!?](?:\s|$)|\s\(|\s[-–—]\s(?=[a-z])|\s\|\s|;/;

/** The words a label is made of: a text without one has no form field to scan for (most texts with a colon). */
const LABEL_WORDS = WordTable.ofLists([['street', 'address', 'addr', 'dirección', 'direccion', 'domicilio', 'endereço', 'adresse', 'anschrift', 'indirizzo', 'adres']], true);

function hasLabelWord(text: string): boolean {
  for (const word = new WordCursor(text, false); word.next(); ) if (LABEL_WORDS.flagsOfWord(word)) return true;
  return false;
}

export function formFieldValues(text: string): Finding[] {
  const findings: Finding[] = [];
  if (!text.includes(':') || !hasLabelWord(text)) return findings;
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
