/**
 * Posting lists (key → sorted item numbers) stored flat: one array of items and one of offsets,
 * instead of a typed array per key. An index over the lists has ~130k keys; one typed array each
 * costs more to create, to keep and to collect than the items themselves.
 */

/** What a snapshot keeps of posting lists (typed arrays serialise as raw bytes). */
export interface PostingListsData {
  keys: string[];
  offsets: Int32Array;
  items: Int32Array;
}

export class PostingLists {
  private readonly ids: Map<string, number>;

  constructor(
    readonly keys: readonly string[],
    readonly offsets: Int32Array,
    readonly items: Int32Array,
    ids?: Map<string, number>,
  ) {
    this.ids = ids ?? new Map(keys.map((k, i) => [k, i]));
  }

  static fromData(data: PostingListsData): PostingLists {
    return new PostingLists(data.keys, data.offsets, data.items);
  }

  data(): PostingListsData {
    return { keys: [...this.keys], offsets: this.offsets, items: this.items };
  }

  get size(): number {
    return this.keys.length;
  }

  /** The number of a key, or undefined when no item has it. */
  idOf(key: string): number | undefined {
    return this.ids.get(key);
  }

  has(key: string): boolean {
    return this.ids.has(key);
  }

  /** How many items a key has (its document frequency). */
  count(id: number): number {
    return this.offsets[id + 1]! - this.offsets[id]!;
  }
}

/**
 * Collects (key, item) pairs in item order, then lays them out flat. A key added twice in a row
 * for the same item is kept once, so an item's keys need no de-duplication before they are added.
 */
export class PostingListsBuilder {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private counts: number[] = [];
  /** The last item added per key. */
  private lastItem: number[] = [];
  private pairKeys = new Int32Array(1 << 16);
  private pairItems = new Int32Array(1 << 16);
  private pairs = 0;

  /** The key's number, assigned on first sight. */
  keyId(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.counts.push(0);
      this.lastItem.push(-1);
    }
    return id;
  }

  /** Add an item to a key's list; items must be added in ascending order for sorted lists. */
  add(key: string, item: number): void {
    this.addToKey(this.keyId(key), item);
  }

  /** `add` by the key's number (from keyId). */
  addToKey(id: number, item: number): void {
    if (this.lastItem[id] === item) return;
    this.lastItem[id] = item;
    if (this.pairs === this.pairKeys.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.pairKeys = grow(this.pairKeys);
      this.pairItems = grow(this.pairItems);
    }
    this.pairKeys[this.pairs] = id;
    this.pairItems[this.pairs++] = item;
    this.counts[id]!++;
  }

  build(): PostingLists {
    const n = this.keys.length;
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + this.counts[i]!;
    const fill = offsets.slice(0, n);
    const items = new Int32Array(this.pairs);
    for (let p = 0; p < this.pairs; p++) items[fill[this.pairKeys[p]!]!++] = this.pairItems[p]!;
    return new PostingLists(this.keys, offsets, items, this.ids);
  }
}
