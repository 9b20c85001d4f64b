/**
 * A bounded cache with O(1) operations: entries live in a young and an old generation; a hit in
 * the old one moves the entry to the young one, and when the young one is full it becomes the
 * old one. What was not used for a whole generation is forgotten. (A Map used as a strict LRU,
 * deleting from its front at every access, slows down on its own tombstones.)
 */
export class GenerationalCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aging = this.old.get(key);
    if (aging !== undefined) this.set(key, aging);
    return aging;
  }

  /** The value without refreshing it. */
  peek(key: K): V | undefined {
    return this.young.get(key) ?? this.old.get(key);
  }

  set(key: K, value: V): void {
    this.young.set(key, value);
    if (this.young.size >= this.capacity / 2) {
      this.old = this.young;
      this.young = new Map();
    }
  }

  delete(key: K): void {
    this.young.delete(key);
    this.old.delete(key);
  }

  /** How many keys it holds at most: between half the capacity and the capacity. */
  get size(): number {
    let size = this.young.size;
    for (const key of this.old.keys()) if (!this.young.has(key)) size += 1;
    return size;
  }
}
