import { CoreInputError } from '../errors';
import type { Item } from './types';

/** Transactions recoded to canonical item ids: sorted, each item once, stored flat. */
export interface EncodedTransactions<T extends Item> {
  /** Distinct items in canonical order (strings by UTF-16 code units, ids numerically). */
  items: T[];
  /** Transaction t is rowItems[rowOff[t] .. rowOff[t + 1]): canonical ids, ascending. */
  rowOff: Int32Array;
  rowItems: Int32Array;
  /** Transactions containing each item. */
  itemCounts: Int32Array;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) {
    return String(value);
  }
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/**
 * Checks and recodes transactions. Duplicates inside a transaction count once; empty
 * transactions stay (they count in N). Throws a CoreInputError for anything else than arrays
 * of strings, or arrays of non-negative whole numbers, or for a mix of the two.
 */
export function encodeTransactions<T extends Item>(
  transactions: ReadonlyArray<ArrayLike<T>>,
): EncodedTransactions<T> {
  if (!Array.isArray(transactions)) {
    throw new CoreInputError(
      `Transactions must be an array of transactions (arrays of items), got ${describe(transactions)}.`,
    );
  }
  const firstSeen = new Map<T, number>();
  const distinct: T[] = [];
  const rowOff = new Int32Array(transactions.length + 1);
  let rowItems = new Int32Array(1024);
  let used = 0;
  let kind: 'string' | 'number' | null = null;
  let mark = new Int32Array(64); // mark[id] === t + 1: id already in transaction t
  for (let t = 0; t < transactions.length; t++) {
    const tx = transactions[t];
    if (tx == null || typeof tx !== 'object' || typeof tx.length !== 'number') {
      throw new CoreInputError(
        `Transaction ${t + 1} must be an array of items, got ${describe(tx)}.`,
      );
    }
    if (used + tx.length > rowItems.length) {
      const grown = new Int32Array(Math.max(used + tx.length, rowItems.length * 2));
      grown.set(rowItems);
      rowItems = grown;
    }
    for (let p = 0; p < tx.length; p++) {
      const item = tx[p] as T;
      let id = firstSeen.get(item);
      if (id === undefined) {
        checkItem(item, t);
        if (kind === null) kind = typeof item as 'string' | 'number';
        else if (kind !== typeof item) {
          throw new CoreInputError(
            `Items must all be strings or all be ids (whole numbers); transaction ${t + 1} ` +
              `mixes in ${describe(item)}.`,
          );
        }
        id = distinct.length;
        firstSeen.set(item, id);
        distinct.push(item);
        if (id >= mark.length) {
          const grown = new Int32Array(mark.length * 2);
          grown.set(mark);
          mark = grown;
        }
      }
      if (mark[id] !== t + 1) {
        mark[id] = t + 1;
        rowItems[used++] = id;
      }
    }
    rowOff[t + 1] = used;
  }

  // Canonical ids: the rank of each item in canonical order.
  const order = distinct.map((_, i) => i);
  if (kind === 'number') {
    order.sort((a, b) => (distinct[a] as number) - (distinct[b] as number));
  } else {
    order.sort((a, b) => byCodeUnits(distinct[a] as string, distinct[b] as string));
  }
  const rank = new Int32Array(distinct.length);
  order.forEach((tempId, canonical) => (rank[tempId] = canonical));
  const items = order.map((tempId) => distinct[tempId]!);
  const itemCounts = new Int32Array(items.length);
  rowItems = rowItems.slice(0, used);
  for (let t = 0; t < transactions.length; t++) {
    const start = rowOff[t]!;
    const end = rowOff[t + 1]!;
    for (let q = start; q < end; q++) {
      // Recode, then insertion-sort into place (baskets are short).
      const id = rank[rowItems[q]!]!;
      itemCounts[id] = itemCounts[id]! + 1;
      let r = q;
      while (r > start && rowItems[r - 1]! > id) {
        rowItems[r] = rowItems[r - 1]!;
        r--;
      }
      rowItems[r] = id;
    }
  }
  return { items, rowOff, rowItems, itemCounts };
}

function checkItem(item: unknown, t: number): void {
  if (typeof item === 'string') return;
  if (typeof item !== 'number') {
    throw new CoreInputError(
      `Items must be strings or ids (whole numbers), got ${describe(item)} in transaction ${t + 1}.`,
    );
  }
  if (!(Number.isSafeInteger(item) && item >= 0)) {
    throw new CoreInputError(
      `Item ids must be whole numbers of at least 0, got ${describe(item)} in transaction ${t + 1}.`,
    );
  }
}
