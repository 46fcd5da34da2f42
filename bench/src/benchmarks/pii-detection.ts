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

/** Seconds one pass of `work` over all the texts takes. */
function passSeconds(texts: readonly string[], work: (text: string) => unknown): number {
  const started = process.hrtime.bigint();
  for (const text of texts) work(text);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Messages per second of Sieve's detectors and of redact-pii over the same texts. The two run in
 * alternating passes and each figure is the median pass, so a noisy neighbour on this shared
 * machine slows both alike instead of whichever ran at the wrong moment.
 */
export function detectionThroughput(texts: readonly string[], passes = 15): { sieve: number; redactPii: number } {
  const redactor = new SyncRedactor();
  const sieve = (text: string) => detectPii(text);
  const redactPii = (text: string) => redactor.redact(text);
  for (let i = 0; i < 3; i++) {
    passSeconds(texts, sieve); // warm-up: let both reach optimised code
    passSeconds(texts, redactPii);
  }
  const sieveSeconds: number[] = [];
  const redactPiiSeconds: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    sieveSeconds.push(passSeconds(texts, sieve));
    redactPiiSeconds.push(passSeconds(texts, redactPii));
  }
  return { sieve: texts.length / median(sieveSeconds), redactPii: texts.length / median(redactPiiSeconds) };
}
