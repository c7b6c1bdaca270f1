import { CoreInputError } from '../errors';
import { createRng } from '../random';
import type { LocalizedMessage } from './types';

/**
 * Grocery names in the order of their made-up popularity (index 0 is drawn most often). The
 * baskets are synthetic: they imitate the shape of real shopping data (a few very common items,
 * a long tail, about four items per basket) but describe no real shop.
 */
export const GROCERY_NAMES: readonly string[] = Object.freeze([
  'whole milk',
  'vegetables',
  'rolls',
  'soda',
  'yogurt',
  'bottled water',
  'root vegetables',
  'tropical fruit',
  'shopping bags',
  'sausage',
  'pastry',
  'citrus fruit',
  'bottled beer',
  'newspapers',
  'canned beer',
  'apples',
  'fruit juice',
  'whipped cream',
  'brown bread',
  'eggs',
  'frankfurter',
  'margarine',
  'coffee',
  'pork',
  'butter',
  'curd',
  'beef',
  'napkins',
  'chocolate',
  'frozen vegetables',
  'chicken',
  'white bread',
  'cream cheese',
  'waffles',
  'salty snack',
  'long life milk',
  'dessert',
  'sugar',
  'ham',
  'onions',
  'pasta',
  'cereal',
  'hamburger meat',
  'berries',
  'hygiene articles',
  'UHT milk',
  'grapes',
  'sliced cheese',
  'oil',
  'red wine',
  'candy',
  'specialty bar',
  'frozen meals',
  'ice cream',
  'misc beverages',
  'white wine',
  'chewing gum',
  'hard cheese',
  'flour',
  'tomato sauce',
  'spread cheese',
  'detergent',
  'processed cheese',
  'frozen fish',
  'cat food',
  'diapers',
  'jam',
  'salsa',
  'tortillas',
  'avocado',
  'rice',
  'baking powder',
  'mustard',
  'herbs',
  'pickles',
  'semi-finished bread',
  'canned fish',
  'dish cleaner',
  'pot plants',
  'flowers',
  'soups',
  'liquor',
  'meat spreads',
  'condensed milk',
  'sweet spreads',
  'mayonnaise',
  'vinegar',
  'frozen potatoes',
  'salad dressing',
  'ketchup',
  'popcorn',
  'nuts',
  'honey',
  'tea',
  'cocoa drinks',
  'instant coffee',
  'canned vegetables',
  'spices',
  'soap',
  'toilet cleaner',
  'dog food',
  'photo film',
  'light bulbs',
  'candles',
  'cookware',
  'kitchen towels',
  'sparkling wine',
  'prosecco',
  'rum',
  'whisky',
  'brandy',
  'liqueur',
  'cider',
  'tofu',
  'kimchi',
  'seaweed',
  'ramen',
  'soy sauce',
  'sesame oil',
  'rice cakes',
  'green tea',
]);

/** A planted association: with probability `rate` a basket gets all of `lhs`; every basket
 * that holds all of `lhs` (planted or by chance) then gets `rhs` with probability
 * `confidence`. The mined confidence is therefore a little above `confidence`. */
export interface PlantedAssociation {
  lhs: string[];
  rhs: string;
  rate: number;
  confidence: number;
}

export const PLANTED_ASSOCIATIONS: readonly PlantedAssociation[] = Object.freeze([
  { lhs: ['pasta'], rhs: 'tomato sauce', rate: 0.03, confidence: 0.7 },
  { lhs: ['white bread', 'butter'], rhs: 'jam', rate: 0.02, confidence: 0.6 },
  { lhs: ['cereal'], rhs: 'whole milk', rate: 0.03, confidence: 0.8 },
  { lhs: ['diapers'], rhs: 'bottled beer', rate: 0.015, confidence: 0.5 },
  { lhs: ['tortillas', 'salsa'], rhs: 'avocado', rate: 0.01, confidence: 0.7 },
]);

export interface SyntheticBasketsOptions {
  /** Number of baskets (transactions). */
  transactions: number;
  /** Number of distinct items (the first names of GROCERY_NAMES, then "item 121", …). */
  items: number;
  /** Same seed, same baskets. */
  seed: number | string;
  /** Mean basket size (≥ 1; default 4.4, like the Groceries data set); at most 32 items. */
  meanSize?: number;
  /** Popularity exponent: item i is drawn with weight 1 / (i + 4)^zipf (default 1.1). */
  zipf?: number;
}

export interface SyntheticBaskets {
  transactions: string[][];
  /** Item names, most popular first. */
  items: string[];
  /** The associations planted (those whose items all exist with this many items). */
  planted: PlantedAssociation[];
  /** What the learner should be told about the data. */
  description: LocalizedMessage;
}

const MAX_BASKET = 32;

/**
 * Seeded synthetic grocery baskets: basket sizes 1 + geometric (mean `meanSize`), items drawn
 * without repeats by power-law popularity, plus the PLANTED_ASSOCIATIONS. Synthetic data for
 * the shipped example and the benchmark, not a real shop's records.
 */
export function syntheticBaskets(options: SyntheticBasketsOptions): SyntheticBaskets {
  const { transactions: count, items: itemCount, seed } = options;
  const meanSize = options.meanSize ?? 4.4;
  const zipf = options.zipf ?? 1.1;
  if (!(Number.isInteger(count) && count >= 0 && count <= 1_000_000)) {
    throw new CoreInputError(
      `The number of baskets must be a whole number from 0 to 1,000,000, got ${String(count)}.`,
    );
  }
  if (!(Number.isInteger(itemCount) && itemCount >= 1 && itemCount <= 100_000)) {
    throw new CoreInputError(
      `The number of items must be a whole number from 1 to 100,000, got ${String(itemCount)}.`,
    );
  }
  if (!(typeof meanSize === 'number' && meanSize >= 1 && meanSize <= MAX_BASKET)) {
    throw new CoreInputError(`meanSize must be a number from 1 to 32, got ${String(meanSize)}.`);
  }
  if (!(typeof zipf === 'number' && Number.isFinite(zipf) && zipf >= 0)) {
    throw new CoreInputError(`zipf must be a number of at least 0, got ${String(zipf)}.`);
  }
  const names = Array.from(
    { length: itemCount },
    (_, i) => GROCERY_NAMES[i] ?? `item ${String(i + 1).padStart(3, '0')}`,
  );
  const indexOf = new Map(names.map((name, i) => [name, i]));
  const planted = PLANTED_ASSOCIATIONS.filter(
    (p) => p.lhs.every((name) => indexOf.has(name)) && indexOf.has(p.rhs),
  ).map((p) => ({ ...p, lhs: [...p.lhs] }));
  const plantedIds = planted.map((p) => ({
    lhs: p.lhs.map((name) => indexOf.get(name)!),
    rhs: indexOf.get(p.rhs)!,
    rate: p.rate,
    confidence: p.confidence,
  }));

  const cumulative = new Float64Array(itemCount);
  let total = 0;
  for (let i = 0; i < itemCount; i++) {
    total += 1 / Math.pow(i + 4, zipf);
    cumulative[i] = total;
  }
  const draw = (u: number): number => {
    const target = u * total;
    let lo = 0;
    let hi = itemCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const rng = createRng(seed);
  const more = (meanSize - 1) / meanSize; // P(one more item): 1 + geometric has this mean
  const transactions: string[][] = [];
  const inBasket = new Uint8Array(itemCount);
  for (let t = 0; t < count; t++) {
    let size = 1;
    while (size < MAX_BASKET && rng.next() < more) size++;
    size = Math.min(size, itemCount);
    const basket: number[] = [];
    for (let tries = 0; basket.length < size && tries < 20 * size; tries++) {
      const item = draw(rng.next());
      if (inBasket[item]) continue;
      inBasket[item] = 1;
      basket.push(item);
    }
    for (const p of plantedIds) {
      if (rng.next() < p.rate) {
        for (const item of p.lhs) {
          if (!inBasket[item]) {
            inBasket[item] = 1;
            basket.push(item);
          }
        }
      }
      const holds = p.lhs.every((item) => inBasket[item] === 1);
      if (holds && !inBasket[p.rhs] && rng.next() < p.confidence) {
        inBasket[p.rhs] = 1;
        basket.push(p.rhs);
      }
    }
    for (const item of basket) inBasket[item] = 0;
    transactions.push(basket.map((item) => names[item]!));
  }
  return {
    transactions,
    items: names,
    planted,
    description: {
      ko:
        `합성(가상) 장바구니 데이터 ${count.toLocaleString('en-US')}개입니다: 품목 ` +
        `${itemCount}개의 인기도는 멱법칙을 따르고, 몇 가지 연관 규칙(예: ` +
        `{pasta} ⇒ {tomato sauce})을 일부러 심어 두었습니다. 실제 가게의 기록이 아닙니다.`,
      en:
        `${count.toLocaleString('en-US')} synthetic shopping baskets: ${itemCount} items with ` +
        `power-law popularity and a few planted associations (such as ` +
        `{pasta} ⇒ {tomato sauce}). Not a real shop's records.`,
    },
  };
}
