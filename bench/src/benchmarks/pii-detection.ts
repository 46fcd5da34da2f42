import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SyncRedactor } from 'redact-pii';
import { detectPii } from '@sieve/pii-domain';

const workspaceRoot = path.resolve(__dirname, '../../../..').replace(/\/dist$/, '');

/** The texts of the labelled support-chat corpus: realistic messages, most without personal data. */
export function corpusTexts(): string[] {
  const file = path.join(workspaceRoot, 'libs/pii/domain/corpus/support-chat.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

/** Messages per second for `work` over the texts, repeated for at least `minMs`. */
export function messagesPerSecond(texts: readonly string[], work: (text: string) => unknown, minMs = 3_000): number {
  for (const text of texts.slice(0, 200)) work(text); // warm-up
  let count = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + minMs;
  while (Date.now() < deadline) {
    for (const text of texts) work(text);
    count += texts.length;
  }
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

export function detectionThroughput(texts: readonly string[]): { sieve: number; redactPii: number } {
  const redactor = new SyncRedactor();
  return {
    sieve: messagesPerSecond(texts, (text) => detectPii(text)),
    redactPii: messagesPerSecond(texts, (text) => redactor.redact(text)),
  };
}
