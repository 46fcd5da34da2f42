// `npm run pii:eval [-- corpus.jsonl]`: precision, recall and F1 per type of the classifier's
// detectors on labelled corpora: by default the tuning corpus (support-chat.jsonl), the development
// ones (dev-*.jsonl: once blind, their error kinds then guided generic fixes) and the blind one
// when there is one (blind.jsonl, never looked at beyond its scores). libs/pii/domain/corpus/README.md has their story.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detectPii } from '@sieve/pii-domain';
import { formatScores, LabelledText, score } from './evaluate';

const workspaceRoot = path.resolve(__dirname, '../..').replace(/\/dist$/, '');
const corpusDir = path.join(workspaceRoot, 'libs/pii/domain/corpus');
const developmentSets = readdirSync(corpusDir)
  .filter((name) => /^dev-\d+\.jsonl$/.test(name))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
const blindSets = existsSync(path.join(corpusDir, 'blind.jsonl')) ? ['blind.jsonl'] : [];
const files = process.argv[2] ? [process.argv[2]] : ['support-chat.jsonl', ...developmentSets, ...blindSets].map((name) => path.join(corpusDir, name));

for (const file of files) {
  const corpus: LabelledText[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledText);
  const started = process.hrtime.bigint();
  const cached = new Map(corpus.map((item) => [item.text, detectPii(item.text)]));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const detect = (text: string) => cached.get(text) ?? detectPii(text);

  console.log(`\n=== ${path.relative(process.cwd(), file)}: ${corpus.length} messages; detection took ${(seconds * 1000).toFixed(0)} ms ===\n`);
  console.log(formatScores('exact span match (same type, same start and end)', score(corpus, detect, 'exact')));
  console.log('');
  console.log(formatScores('overlap match (same type, spans share a character)', score(corpus, detect, 'overlap')));
}
