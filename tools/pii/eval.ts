// `npm run pii:eval [-- corpus.jsonl]`: precision, recall and F1 per type of the classifier's
// detectors on a labelled corpus (default: libs/pii/domain/corpus/support-chat.jsonl).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectPii } from '@sieve/pii-domain';
import { formatScores, LabelledText, score } from './evaluate';

const workspaceRoot = path.resolve(__dirname, '../..').replace(/\/dist$/, '');
const file = process.argv[2] ?? path.join(workspaceRoot, 'libs/pii/domain/corpus/support-chat.jsonl');
const corpus: LabelledText[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as LabelledText);

const started = process.hrtime.bigint();
const cached = new Map(corpus.map((item) => [item.text, detectPii(item.text)]));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const detect = (text: string) => cached.get(text) ?? detectPii(text);

console.log(`${corpus.length} messages from ${path.relative(process.cwd(), file)}; detection took ${(seconds * 1000).toFixed(0)} ms (${Math.round(corpus.length / seconds)} messages/s)\n`);
console.log(formatScores('exact span match (same type, same start and end)', score(corpus, detect, 'exact')));
console.log('');
console.log(formatScores('overlap match (same type, spans share a character)', score(corpus, detect, 'overlap')));
