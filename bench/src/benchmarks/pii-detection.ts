import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SyncRedactor } from 'redact-pii';
import { detectPii, detectPiiInTexts } from '@sieve/pii-domain';
import { quantile } from '../harness';

const workspaceRoot = path.resolve(__dirname, '../../../..').replace(/\/dist$/, '');

/** The texts of the labelled support-chat corpus: realistic messages, most without personal data. */
export function corpusTexts(): string[] {
  const file = path.join(workspaceRoot, 'libs/pii/domain/corpus/support-chat.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

/** How many messages the classifier detects together: a Kafka batch of raw events under load. */
const BATCH = 100;

/** Seconds one pass of `work` over all the texts takes. */
function passSeconds(texts: readonly string[], work: (text: string) => unknown): number {
  const started = process.hrtime.bigint();
  for (const text of texts) work(text);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Seconds one pass over all the texts takes, BATCH at a time. */
function batchedPassSeconds(batches: readonly (readonly string[])[]): number {
  const started = process.hrtime.bigint();
  for (const batch of batches) detectPiiInTexts(batch);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export interface DetectionThroughput {
  /** Messages per second through detectPiiInTexts, BATCH at a time, as the classifier service detects. */
  sieve: number;
  /** Messages per second through detectPii, one message at a time. */
  sievePerMessage: number;
  redactPii: number;
}

/**
 * Messages per second of Sieve's detectors (batched as the service runs them, and one message at a
 * time) and of redact-pii over the same texts. Each runs in blocks of passes, the blocks taking
 * turns round after round: a block's first pass, which finds the processor's caches full of
 * another contender's code and data, is not counted, so each figure is what a process doing only
 * that detection sees; the turns make a noisy neighbour on this shared machine slow all three
 * alike. Each figure is the median counted pass. (Alternating single passes instead, as this bench
 * did before, charges each pass for refilling the caches: Sieve one at a time then measures about
 * 1.8× redact-pii.)
 */
export function detectionThroughput(texts: readonly string[], rounds = 6, passesPerBlock = 4): DetectionThroughput {
  const redactor = new SyncRedactor();
  const batches = Array.from({ length: Math.ceil(texts.length / BATCH) }, (_, index) => texts.slice(index * BATCH, (index + 1) * BATCH));
  const contenders = {
    sieve: () => batchedPassSeconds(batches),
    sievePerMessage: () => passSeconds(texts, (text) => detectPii(text)),
    redactPii: () => passSeconds(texts, (text) => redactor.redact(text)),
  };
  const counted: Record<keyof typeof contenders, number[]> = { sieve: [], sievePerMessage: [], redactPii: [] };
  for (let round = 0; round <= rounds; round++) {
    for (const [name, pass] of Object.entries(contenders) as [keyof typeof contenders, () => number][]) {
      for (let i = 0; i < passesPerBlock; i++) {
        const seconds = pass();
        // Round 0 lets every contender reach optimised code; the first pass of a block warms it up.
        if (round > 0 && i > 0) counted[name].push(seconds);
      }
    }
  }
  return { sieve: texts.length / quantile(counted.sieve, 0.5), sievePerMessage: texts.length / quantile(counted.sievePerMessage, 0.5), redactPii: texts.length / quantile(counted.redactPii, 0.5) };
}
