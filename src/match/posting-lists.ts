/**
 * Posting lists (key → sorted item numbers) stored flat: one array of items and one of offsets,
 * instead of a typed array per key. An index over the lists has ~130k keys; one typed array each
 * costs more to create, to keep and to collect than the items themselves.
 *
 * Keys are "kind:text" (`t:maduro`, `s:mtr`…). They are looked up by kind, then by text, so the
 * index build can add a join or an acronym by its text without building a "t:…" string for
 * every occurrence (strings the analysis already hashed are looked up without hashing them again).
 * A key without a one-letter kind and ":" is a text of the empty kind.
 */

/** What a snapshot keeps of posting lists (typed arrays serialise as raw bytes). */
export interface PostingListsData {
  keys: string[];
  offsets: Int32Array;
  items: Int32Array;
}

type KeyIds = Map<string, Map<string, number>>;

function kindOf(key: string): string {
  return key.length >= 2 && key.charCodeAt(1) === 58 ? key[0]! : ''; // 58 = ":"
}

function textOf(key: string, kind: string): string {
  return kind ? key.slice(2) : key;
}

export class PostingLists {
  private fullKeys: string[] | undefined;

  private constructor(
    private readonly kinds: readonly string[],
    /** Key texts (without their kind), by key number. */
    readonly texts: readonly string[],
    readonly offsets: Int32Array,
    readonly items: Int32Array,
    private readonly ids: KeyIds,
  ) {}

  /** Lists laid out by a builder (see PostingListsBuilder.build). */
  static of(kinds: string[], texts: string[], offsets: Int32Array, items: Int32Array, ids: KeyIds) {
    return new PostingLists(kinds, texts, offsets, items, ids);
  }

  static empty(): PostingLists {
    return new PostingLists([], [], new Int32Array(1), new Int32Array(0), new Map());
  }

  static fromData(data: PostingListsData): PostingLists {
    const kinds: string[] = [];
    const texts: string[] = [];
    const ids: KeyIds = new Map();
    data.keys.forEach((key, id) => {
      const kind = kindOf(key);
      const text = textOf(key, kind);
      kinds.push(kind);
      texts.push(text);
      let byText = ids.get(kind);
      if (!byText) ids.set(kind, (byText = new Map()));
      byText.set(text, id);
    });
    return new PostingLists(kinds, texts, data.offsets, data.items, ids);
  }

  /** Whole keys ("t:maduro"), by key number (made on first use: snapshots and tests). */
  get keys(): readonly string[] {
    this.fullKeys ??= this.texts.map((text, id) => (this.kinds[id] ? `${this.kinds[id]}:${text}` : text));
    return this.fullKeys;
  }

  data(): PostingListsData {
    return { keys: [...this.keys], offsets: this.offsets, items: this.items };
  }

  get size(): number {
    return this.texts.length;
  }

  /** The number of a key, or undefined when no item has it. */
  idOf(key: string): number | undefined {
    const kind = kindOf(key);
    return this.ids.get(kind)?.get(textOf(key, kind));
  }

  has(key: string): boolean {
    return this.idOf(key) !== undefined;
  }

  /** idOf("kind:text"), without building that string. */
  idOfText(kind: string, text: string): number | undefined {
    return this.ids.get(kind)?.get(text);
  }

  /** The kind of a key by number ("t" for "t:maduro"). */
  kind(id: number): string {
    return this.kinds[id]!;
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
  private readonly ids: KeyIds = new Map();
  private readonly kinds: string[] = [];
  private readonly texts: string[] = [];
  private counts: number[] = [];
  /** The last item added per key. */
  private lastItem: number[] = [];
  private pairKeys = new Int32Array(1 << 16);
  private pairItems = new Int32Array(1 << 16);
  private pairs = 0;

  /** The key's number, assigned on first sight. */
  keyId(key: string): number {
    const kind = kindOf(key);
    return this.keyIdOf(kind, textOf(key, kind));
  }

  /** keyId of the key "kind:text", without building that string. */
  keyIdOf(kind: string, text: string): number {
    let byText = this.ids.get(kind);
    if (!byText) this.ids.set(kind, (byText = new Map()));
    let id = byText.get(text);
    if (id === undefined) {
      id = this.texts.length;
      byText.set(text, id);
      this.kinds.push(kind);
      this.texts.push(text);
      this.counts.push(0);
      this.lastItem.push(-1);
    }
    return id;
  }

  /** Add an item to a key's list; items must be added in ascending order for sorted lists. */
  add(key: string, item: number): void {
    this.addToKey(this.keyId(key), item);
  }

  /** `add` by the key's number (from keyId or keyIdOf). */
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
    const n = this.texts.length;
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + this.counts[i]!;
    const fill = offsets.slice(0, n);
    const items = new Int32Array(this.pairs);
    for (let p = 0; p < this.pairs; p++) items[fill[this.pairKeys[p]!]!++] = this.pairItems[p]!;
    return PostingLists.of(this.kinds, this.texts, offsets, items, this.ids);
  }
}
