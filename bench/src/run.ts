// `npm run bench` runs every benchmark; `npm run bench -- <name>` one. Each prints a table and
// writes bench/results/<name>.json. Benchmarks start what they need (tools/bench.sh brings up the
// test stack first).
import 'reflect-metadata';
import { Benchmark, report } from './harness';
import { analyticsBenchmark } from './benchmarks/analytics.bench';
import { classifierBenchmark } from './benchmarks/classifier.bench';
import { gatewayBenchmark } from './benchmarks/gateway.bench';
import { redactionBenchmark } from './benchmarks/redaction.bench';
import { ticketStoreBenchmark } from './benchmarks/ticket-store.bench';

const BENCHMARKS: Benchmark[] = [gatewayBenchmark, classifierBenchmark, ticketStoreBenchmark, analyticsBenchmark, redactionBenchmark];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const known = BENCHMARKS.map((b) => b.name);
  const unknown = wanted.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    console.error(`No benchmark named ${unknown.join(', ')}. Known: ${known.join(', ')}.`);
    process.exit(2);
  }
  const selected = BENCHMARKS.filter((b) => wanted.length === 0 || wanted.includes(b.name));
  for (const benchmark of selected) {
    console.log(`\nrunning ${benchmark.name}: ${benchmark.description}`);
    report(benchmark.name, await benchmark.run());
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
