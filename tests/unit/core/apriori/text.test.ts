import { describe, expect, it } from 'vitest';
import {
  apriori,
  seededSample,
  stopWordSet,
  stripParticle,
  textLines,
  textToTransactions,
  tokenizeForMining,
  tsvDocuments,
} from '../../../../src/core/apriori';
import { stripJosa } from '../../../../src/core/text';

describe('Korean particle stripping (the text lesson’s rule)', () => {
  it('strips one particle when the stem stays long enough', () => {
    expect(stripParticle('학교가')).toBe('학교');
    expect(stripParticle('커피를')).toBe('커피');
    expect(stripParticle('집에서')).toBe('집');
    expect(stripParticle('서울까지')).toBe('서울');
    expect(stripParticle('친구에게서')).toBe('친구');
  });
  it('leaves short words, non-Hangul words and words without a particle alone', () => {
    expect(stripParticle('평가')).toBe('평가'); // 가 needs a stem ending in a vowel
    expect(stripParticle('회의')).toBe('회의'); // 의 never cuts a two-syllable word
    expect(stripParticle('사과')).toBe('사과'); // 과 needs a final consonant
    expect(stripParticle('책을')).toBe('책'); // 을 fits 책's final consonant
    expect(stripParticle('milk')).toBe('milk');
    expect(stripParticle('사과나무')).toBe('사과나무');
  });
  it('is the sentiment lesson’s stripJosa, so both lessons group words alike', () => {
    for (const word of ['학교에', '영화가', '우산을', '도서관에서', '여권과', '정도'])
      expect(stripParticle(word)).toBe(stripJosa(word));
  });
  it('makes the known mistake the lesson shows', () => {
    expect(stripParticle('고양이')).toBe('고양');
  });
});

describe('tokenizeForMining', () => {
  it('lower-cases, splits on punctuation, strips particles, then drops stop words', () => {
    expect(tokenizeForMining('Bread, and MILK!')).toEqual(['bread', 'and', 'milk']);
    expect(tokenizeForMining('Bread, and MILK!', { stopWords: stopWordSet(['en']) })).toEqual([
      'bread',
      'milk',
    ]);
    expect(tokenizeForMining('학교에서 친구를 만났다', { stripJosa: true })).toEqual([
      '학교',
      '친구',
      '만났다',
    ]);
    expect(tokenizeForMining('학교에서 친구를 만났다')).toEqual(['학교에서', '친구를', '만났다']);
  });
  it('has Korean and English stop words from stopwords-iso', () => {
    const ko = stopWordSet(['ko']);
    const en = stopWordSet(['en']);
    expect(ko.has('그리고')).toBe(true);
    expect(en.has('the')).toBe(true);
    expect(ko.has('the')).toBe(false);
    const both = stopWordSet();
    expect(both.has('그리고') && both.has('the')).toBe(true);
  });
});

describe('readers', () => {
  it('splits lines and skips empty ones', () => {
    expect(textLines('\ufeffa\r\n\n b \rc\n')).toEqual(['a', 'b', 'c']);
  });
  it('reads the document column of an NSMC TSV, with or without a header', () => {
    expect(tsvDocuments('id\tdocument\tlabel\n1\tgood film\t1\n2\t\t0\n3\tbad\t0\n')).toEqual([
      'good film',
      'bad',
    ]);
    expect(tsvDocuments('1\tgood film\t1\n')).toEqual(['good film']);
  });
  it('samples with a seed, without repeats, in the original order', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    const a = seededSample(values, 10, 3);
    expect(a).toEqual(seededSample(values, 10, 3));
    expect(a).not.toEqual(seededSample(values, 10, 4));
    expect(new Set(a).size).toBe(10);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(seededSample([1, 2], 5, 1)).toEqual([1, 2]);
    expect(() => seededSample(values, -1, 1)).toThrow(/whole number/);
  });
});

describe('textToTransactions', () => {
  it('makes one transaction per sentence with distinct words, and drops empty ones', () => {
    const out = textToTransactions('the cat and the dog\n!!!\ncat dog\n', { format: 'sentences' });
    expect(out.transactions).toEqual([
      ['the', 'cat', 'and', 'dog'],
      ['cat', 'dog'],
    ]);
    expect(out.texts).toEqual(['the cat and the dog', 'cat dog']);
    expect(out.emptyCount).toBe(1);
  });
  it('drops a sentence made only of stop words', () => {
    const out = textToTransactions('the and of\ncat dog', {
      format: 'sentences',
      stopWords: stopWordSet(['en']),
    });
    expect(out.transactions).toEqual([['cat', 'dog']]);
    expect(out.emptyCount).toBe(1);
  });
  it('reads baskets as written (case kept) and merges duplicates', () => {
    const out = textToTransactions('Milk, bread, milk\n\n, ,\nbeer', { format: 'baskets' });
    expect(out.transactions).toEqual([['Milk', 'bread', 'milk'], ['beer']]);
    expect(out.texts).toEqual(['Milk, bread, milk', 'beer']);
    expect(out.emptyCount).toBe(1);
  });
  it('samples TSV reviews and mines them', () => {
    const rows = Array.from({ length: 50 }, (_, i) =>
      [i, i % 2 ? 'great acting great story' : 'boring story', i % 2].join('\t'),
    );
    const out = textToTransactions(`id\tdocument\tlabel\n${rows.join('\n')}`, {
      format: 'tsv',
      sample: 20,
      seed: 7,
    });
    expect(out.transactions).toHaveLength(20);
    const result = apriori(out.transactions, { minSupport: 0.2, minConfidence: 0.5 });
    expect(result.itemsets.some((s) => s.items.join(' ') === 'story')).toBe(true);
  });
});
