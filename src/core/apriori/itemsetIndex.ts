/**
 * Finds a k-itemset among one level's frequent itemsets (flat, k ids each) by open-addressing
 * hashing: no strings, no allocation per lookup. Used for the subset check (prune) and for the
 * supports that rules need.
 */
export class ItemsetIndex {
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly sets: Int32Array,
    private readonly k: number,
    count: number,
  ) {
    let capacity = 8;
    while (capacity < count * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.table = new Int32Array(capacity).fill(-1);
    for (let i = 0; i < count; i++) {
      let h = 0;
      for (let q = 0; q < k; q++) h = Math.imul(h ^ sets[i * k + q]!, 0x9e3779b1);
      let slot = (h ^ (h >>> 15)) & this.mask;
      while (this.table[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.table[slot] = i;
    }
  }

  /**
   * The index of the itemset `items[0..length)` with position `skip` left out (`skip = -1`:
   * nothing left out), or −1 when it is not in this level.
   */
  find(items: Int32Array, length: number, skip: number): number {
    const { k, sets, table, mask } = this;
    let h = 0;
    for (let p = 0; p < length; p++) {
      if (p !== skip) h = Math.imul(h ^ items[p]!, 0x9e3779b1);
    }
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const i = table[slot]!;
      if (i < 0) return -1;
      let equal = true;
      for (let q = 0, p = 0; q < k; q++, p++) {
        if (p === skip) p++;
        if (sets[i * k + q] !== items[p]) {
          equal = false;
          break;
        }
      }
      if (equal) return i;
      slot = (slot + 1) & mask;
    }
  }
}
