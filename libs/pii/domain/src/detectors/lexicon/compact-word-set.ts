/**
 * A read-only set of many short lowercase words kept as one sorted string per word length. A
 * JavaScript Set of a few hundred thousand strings holds as many heap objects, which every full
 * garbage collection of a busy service has to trace (tens of milliseconds each time); a few dozen
 * flat strings cost it nothing. Lookups are a binary search without allocating.
 */
export class CompactWordSet {
  /** byLength[n]: the words of n characters, sorted, concatenated. */
  private readonly byLength: string[] = [];

  constructor(words: Iterable<string>) {
    const buckets: string[][] = [];
    for (const word of words) (buckets[word.length] ??= []).push(word);
    buckets.forEach((bucket, length) => {
      if (bucket) this.byLength[length] = [...new Set(bucket)].sort(compareCodeUnits).join('');
    });
  }

  has(word: string): boolean {
    const length = word.length;
    const bucket = this.byLength[length];
    if (bucket === undefined || length === 0) return false;
    let low = 0;
    let high = bucket.length / length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = compareAt(bucket, middle * length, word);
      if (order === 0) return true;
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares the word of `word.length` characters at `offset` in `bucket` with `word`. */
function compareAt(bucket: string, offset: number, word: string): number {
  for (let i = 0; i < word.length; i++) {
    const difference = bucket.charCodeAt(offset + i) - word.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return 0;
}
