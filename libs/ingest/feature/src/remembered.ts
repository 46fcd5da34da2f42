/**
 * Answers remembered for a while, at most `capacity` of them (the oldest go first): for lookups
 * that every request of an app repeats, like its key or its custom fields.
 */
export class Remembered<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  /** Bumped by `forget`: an answer loaded before it is not remembered (it may be the forgotten one). */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly capacity: number,
  ) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const known = this.entries.get(key);
    if (known && known.until > now) return known.value;
    const loadedIn = this.generation;
    const value = await load();
    if (loadedIn !== this.generation) return value;
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until: now + this.ttlMs });
    return value;
  }

  /** Forgets one answer (it changed here: this instance should not wait out the rest of its time). */
  forget(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }
}
