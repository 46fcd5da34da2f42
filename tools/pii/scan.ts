// `npm run pii:scan`: JSON lines {"id", "text"} on stdin → {"id", "findings": [{type, start, end,
// confidence, action}]} on stdout, with the classifier's own detectors and actions. Offsets are
// in the input text (UTF-16, end exclusive). A bad line gets {"id", "error"} and the scan goes on.
import { createInterface } from 'node:readline';
import { detectPii, freeTextTreatment } from '@sieve/pii-domain';

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let input: { id?: unknown; text?: unknown };
    try {
      input = JSON.parse(line);
    } catch {
      process.stdout.write(`${JSON.stringify({ id: null, error: `line ${lineNumber} is not valid JSON` })}\n`);
      continue;
    }
    if (typeof input.text !== 'string') {
      process.stdout.write(`${JSON.stringify({ id: input.id ?? null, error: `line ${lineNumber} has no "text" string` })}\n`);
      continue;
    }
    const findings = detectPii(input.text).map(({ type, start, end, confidence }) => ({
      type,
      start,
      end,
      confidence,
      action: freeTextTreatment(type),
    }));
    process.stdout.write(`${JSON.stringify({ id: input.id ?? null, findings })}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(`pii:scan failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
