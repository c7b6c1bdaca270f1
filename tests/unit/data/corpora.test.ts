import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apriori, sentencesToTransactions, simpleTokenize } from '../../../src/core/apriori';
import type { AssociationRule } from '../../../src/core/apriori';

// The small corpora the Apriori and LDA lessons ship with (public/data). These checks keep
// hand edits honest: formats the lessons parse, balance the topic model needs, and the
// word associations the Apriori lesson talks about.

const DATA = new URL('../../../public/data/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, DATA), 'utf8');

const HANGUL = /[\uAC00-\uD7A3]/;
const HANGUL_ALL = /[\uAC00-\uD7A3]/g;
const THEMES = ['weather', 'food', 'football', 'finance', 'health'] as const;
type Theme = (typeof THEMES)[number];

/** Lines of a text file that must end in exactly one newline, with no blank lines. */
function lines(text: string): string[] {
  expect(text.startsWith('\uFEFF')).toBe(false);
  expect(text).not.toMatch(/\r/);
  expect(text.endsWith('\n')).toBe(true);
  expect(text.endsWith('\n\n')).toBe(false);
  const out = text.slice(0, -1).split('\n');
  for (const line of out) {
    expect(line.trim().length, 'no empty lines').toBeGreaterThan(0);
    expect(line, 'no stray whitespace at the ends').toBe(line.trim());
  }
  return out;
}

const hangulShare = (s: string): number =>
  (s.match(HANGUL_ALL) ?? []).length / s.replace(/[\s\p{P}\p{N}]/gu, '').length;

// The lesson's naive particle stripping: a trailing particle comes off a word of two or more
// syllables (longest particle first, so 에서 before 에 and 으로 before 로).
const PARTICLES = [
  '에서',
  '으로',
  '을',
  '를',
  '이',
  '가',
  '은',
  '는',
  '에',
  '로',
  '의',
  '도',
  '와',
  '과',
];
function stripParticle(word: string): string {
  if (word.length < 2) return word;
  for (const p of PARTICLES) {
    if (word.endsWith(p) && word.length > p.length) return word.slice(0, -p.length);
  }
  return word;
}
const KEY_ENDINGS = new Set([...PARTICLES, '까지', '부터', '만', '보다', '과의', '에는', '에도']);
const strippedTokenize = (text: string): string[] => simpleTokenize(text).map(stripParticle);

function hasRule(rules: AssociationRule<string>[], lhs: string, rhs: string): boolean {
  return rules.some((r) => r.lhs.length === 1 && r.lhs[0] === lhs && r.rhs[0] === rhs);
}

function itemCount(transactions: string[][], item: string): number {
  return transactions.filter((t) => t.includes(item)).length;
}

describe.each([
  ['apriori-ko.txt', true],
  ['apriori-en.txt', false],
] as const)('%s: one sentence per line', (file, korean) => {
  const sentences = lines(read(file));

  it('has 140–250 sentences of 6–14 words, no duplicates', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(140);
    expect(sentences.length).toBeLessThanOrEqual(250);
    expect(new Set(sentences).size).toBe(sentences.length);
    for (const s of sentences) {
      const words = s.split(/\s+/).length;
      expect(words, s).toBeGreaterThanOrEqual(6);
      expect(words, s).toBeLessThanOrEqual(14);
      expect(s, 'one sentence, ending in a full stop').toMatch(/^[^.!?]+[.!?]$/);
    }
  });

  it(korean ? 'is Korean (Hangul on every line)' : 'is English (no Hangul)', () => {
    for (const s of sentences) {
      if (korean) {
        expect(s).toMatch(HANGUL);
        expect(hangulShare(s), s).toBeGreaterThan(0.9);
      } else {
        expect(s).not.toMatch(HANGUL);
      }
    }
  });
});

describe('apriori-ko.txt: the associations the lesson shows', () => {
  const sentences = lines(read('apriori-ko.txt'));
  const options = { minSupport: 0.05, minConfidence: 0.6, minLen: 2 };

  it('particle stripping merges 우산을/우산이/… so support rises', () => {
    const raw = sentencesToTransactions(sentences);
    const stripped = sentencesToTransactions(sentences, strippedTokenize);
    for (const [noun, forms] of [
      ['우산', ['우산을', '우산이', '우산은', '우산도']],
      ['시험', ['시험', '시험이', '시험을']],
      ['여권', ['여권을', '여권이', '여권과']],
      ['도서관', ['도서관에서', '도서관에', '도서관', '도서관은']],
    ] as const) {
      const counts = forms.map((f) => itemCount(raw, f));
      for (const c of counts) expect(c, `${noun}: every form is used`).toBeGreaterThan(0);
      expect(itemCount(stripped, noun)).toBeGreaterThan(Math.max(...counts) * 1.4);
    }
  });

  it('raw words give almost no rules; stripped words give one per situation', () => {
    const raw = apriori(sentencesToTransactions(sentences), options);
    const stripped = apriori(sentencesToTransactions(sentences, strippedTokenize), options);
    expect(raw.rules.length).toBeLessThanOrEqual(3);
    expect(stripped.rules.length).toBeGreaterThan(raw.rules.length + 4);
    for (const [lhs, rhs] of [
      ['비', '우산'],
      ['우산', '비'],
      ['시험', '도서관'],
      ['카페', '커피'],
      ['공항', '여권'],
      ['재료', '시장'],
      ['골', '경기'],
    ] as const) {
      expect(hasRule(stripped.rules, lhs, rhs), `${lhs} → ${rhs}`).toBe(true);
    }
    for (const rule of stripped.rules) {
      expect(rule.lift).toBeGreaterThan(3);
      expect(rule.confidence).toBeLessThan(1);
    }
  });
});

describe('apriori-en.txt: the associations the lesson shows', () => {
  it('finds rain → umbrella, exam → library, airport → passport, …', () => {
    const sentences = lines(read('apriori-en.txt'));
    const result = apriori(sentencesToTransactions(sentences), {
      minSupport: 0.05,
      minConfidence: 0.6,
      minLen: 2,
    });
    for (const [lhs, rhs] of [
      ['rain', 'umbrella'],
      ['umbrella', 'rain'],
      ['exam', 'library'],
      ['library', 'exam'],
      ['cafe', 'coffee'],
      ['airport', 'passport'],
      ['ingredients', 'market'],
      ['goal', 'match'],
    ] as const) {
      const rule = result.rules.find(
        (r) => r.lhs.length === 1 && r.lhs[0] === lhs && r.rhs[0] === rhs,
      );
      expect(rule, `${lhs} → ${rhs}`).toBeDefined();
      expect(rule!.lift).toBeGreaterThan(4);
    }
  });
});

describe('ko-topics.tsv: the Korean LDA corpus', () => {
  const [header, ...rows] = lines(read('ko-topics.tsv'));
  const parsed = rows.map((row) => row.split('\t'));

  it('has the header and three columns on every row', () => {
    expect(header).toBe('id\ttheme\tdocument');
    for (const cells of parsed) expect(cells.length, cells.join(' | ')).toBe(3);
  });

  it('has at least 300 documents with unique ids and no duplicate text', () => {
    expect(parsed.length).toBeGreaterThanOrEqual(300);
    const ids = parsed.map(([id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9_-]+$/i);
    const docs = parsed.map(([, , doc]) => doc);
    expect(new Set(docs).size).toBe(docs.length);
  });

  it('labels each document with one theme or a + pair of two different themes', () => {
    for (const [id, theme] of parsed) {
      const parts = theme!.split('+');
      expect(parts.length, `${id}: ${theme}`).toBeLessThanOrEqual(2);
      for (const p of parts) expect(THEMES as readonly string[], `${id}: ${theme}`).toContain(p);
      if (parts.length === 2) expect(parts[0]).not.toBe(parts[1]);
    }
  });

  it('keeps the themes balanced (within ±20%) and mixes two themes in 8–20% of documents', () => {
    const counts = Object.fromEntries(THEMES.map((t) => [t, 0])) as Record<Theme, number>;
    let mixed = 0;
    for (const [, theme] of parsed) {
      const parts = theme!.split('+') as Theme[];
      if (parts.length === 2) mixed++;
      for (const p of parts) counts[p]++;
    }
    const values = Object.values(counts);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    for (const t of THEMES) {
      expect(counts[t], t).toBeGreaterThanOrEqual(mean * 0.8);
      expect(counts[t], t).toBeLessThanOrEqual(mean * 1.2);
    }
    expect(mixed / parsed.length).toBeGreaterThanOrEqual(0.08);
    expect(mixed / parsed.length).toBeLessThanOrEqual(0.2);
  });

  it('has short Korean documents: 1–3 sentences, 15–45 words', () => {
    for (const [id, , doc] of parsed) {
      expect(doc, id).toMatch(HANGUL);
      expect(hangulShare(doc!), id).toBeGreaterThan(0.9);
      const words = doc!.split(/\s+/).length;
      expect(words, id).toBeGreaterThanOrEqual(15);
      expect(words, id).toBeLessThanOrEqual(45);
      // A sentence ends in . ! or ? followed by a space or the end (not 0.25 or 1,400).
      const sentences = doc!.match(/[.!?](?=\s|$)/g) ?? [];
      expect(sentences.length, id).toBeGreaterThanOrEqual(1);
      expect(sentences.length, id).toBeLessThanOrEqual(3);
      expect(doc, id).toMatch(/[.!?]$/);
    }
  });

  it('is shuffled: no long run of one theme', () => {
    let run = 1;
    let longest = 1;
    for (let i = 1; i < parsed.length; i++) {
      run = parsed[i]![1] === parsed[i - 1]![1] ? run + 1 : 1;
      longest = Math.max(longest, run);
    }
    expect(longest).toBeLessThanOrEqual(6);
  });

  it('repeats each theme’s key words across many of its documents', () => {
    const key: Record<Theme, string[]> = {
      weather: ['기온', '비', '눈', '습도', '태풍', '기상청'],
      food: ['요리', '맛', '식당', '재료', '메뉴', '양념'],
      football: ['경기', '골', '감독', '선수', '팀', '리그'],
      finance: ['금리', '주가', '투자', '은행', '대출', '환율'],
      health: ['운동', '수면', '병원', '면역', '건강', '질환'],
    };
    for (const t of THEMES) {
      const docs = parsed.filter(([, theme]) => theme === t).map(([, , doc]) => doc!);
      for (const word of key[t]) {
        // The word on its own or with a particle after it (비가, 기온이, 경기에서).
        const hits = docs.filter((d) =>
          simpleTokenize(d).some(
            (w) => w === word || (w.startsWith(word) && KEY_ENDINGS.has(w.slice(word.length))),
          ),
        ).length;
        expect(hits, `${t}: ${word}`).toBeGreaterThanOrEqual(8);
      }
    }
  });
});
