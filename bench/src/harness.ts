import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Figure {
  value: number;
  unit: string;
  better: 'higher' | 'lower';
}

export type Figures = Record<string, Figure>;

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<Figures>;
}

const resultsDir = path.resolve(__dirname, '../../../bench/results');

/** Prints a readable table and writes bench/results/<name>.json (git-ignored). */
export function report(name: string, figures: Figures): void {
  const rows = Object.entries(figures).map(([figure, { value, unit, better }]) => [figure, format(value), unit, `${better} is better`]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length), 6));
  console.log(`\n${name}`);
  for (const row of rows) console.log(`  ${row.map((cell, i) => (i === 1 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ')}`);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, `${name}.json`), `${JSON.stringify({ at: new Date().toISOString(), figures }, null, 2)}\n`);
}

function format(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}

/** The q-quantile (0..1) of unsorted samples. */
export function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Milliseconds each of `samples` calls took, one after the other. */
export async function timed(samples: number, call: () => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = process.hrtime.bigint();
    await call();
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return latencies;
}
