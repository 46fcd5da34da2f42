import { Finding, PII_TYPES, PiiType } from '@sieve/pii-domain';

export interface LabelledText {
  id: string;
  text: string;
  entities: { type: PiiType; start: number; end: number }[];
}

export interface TypeScore {
  type: PiiType | 'micro';
  support: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Scores findings against labels per type. `exact`: same type and the same span. `overlap`: same
 * type and spans that share a character (each label and each finding counts at most once).
 */
export function score(corpus: readonly LabelledText[], detect: (text: string) => Finding[], mode: 'exact' | 'overlap'): TypeScore[] {
  const counts = new Map<PiiType, { tp: number; fp: number; fn: number }>(PII_TYPES.map((type) => [type, { tp: 0, fp: 0, fn: 0 }]));
  for (const item of corpus) {
    const findings = detect(item.text);
    const matched = new Set<number>();
    for (const label of item.entities) {
      const index = findings.findIndex(
        (f, i) =>
          !matched.has(i) &&
          f.type === label.type &&
          (mode === 'exact' ? f.start === label.start && f.end === label.end : f.start < label.end && label.start < f.end),
      );
      if (index >= 0) {
        matched.add(index);
        counts.get(label.type)!.tp++;
      } else {
        counts.get(label.type)!.fn++;
      }
    }
    findings.forEach((f, i) => {
      if (!matched.has(i)) counts.get(f.type)!.fp++;
    });
  }
  const row = (type: PiiType | 'micro', tp: number, fp: number, fn: number): TypeScore => {
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { type, support: tp + fn, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
  };
  const rows = PII_TYPES.map((type) => {
    const { tp, fp, fn } = counts.get(type)!;
    return row(type, tp, fp, fn);
  });
  const sum = (key: 'truePositives' | 'falsePositives' | 'falseNegatives') => rows.reduce((total, r) => total + r[key], 0);
  return [...rows, row('micro', sum('truePositives'), sum('falsePositives'), sum('falseNegatives'))];
}

export function formatScores(title: string, scores: readonly TypeScore[]): string {
  const lines = [title, `  ${'type'.padEnd(17)} ${'support'.padStart(7)} ${'tp'.padStart(5)} ${'fp'.padStart(5)} ${'fn'.padStart(5)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'f1'.padStart(6)}`];
  for (const s of scores) {
    lines.push(
      `  ${s.type.padEnd(17)} ${String(s.support).padStart(7)} ${String(s.truePositives).padStart(5)} ${String(s.falsePositives).padStart(5)} ${String(s.falseNegatives).padStart(5)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(6)}`,
    );
  }
  return lines.join('\n');
}
