import { describe, expect, it } from 'vitest';
import { CoreInputError } from '../../../../src/core';
import {
  apriori,
  parseBaskets,
  sentencesToTransactions,
  simpleTokenize,
} from '../../../../src/core/apriori';

describe('parseBaskets', () => {
  const text = '\uFEFFmilk, bread ,butter\r\n\r\n beer,,diapers, \n  \n,\nmilk,milk,bread\n';

  it('reads one transaction per line, trims items, drops empty items and lines', () => {
    const parsed = parseBaskets(text);
    expect(parsed.transactions).toEqual([
      ['milk', 'bread', 'butter'],
      ['beer', 'diapers'],
      ['milk', 'milk', 'bread'],
    ]);
    expect(parsed).toMatchObject({
      lineCount: 6,
      emptyLineCount: 3,
      itemCount: 8,
      distinctItemCount: 5,
      duplicateCount: 1,
    });
  });

  it("keeps lines without items as empty transactions with emptyLines: 'empty'", () => {
    const parsed = parseBaskets(text, { emptyLines: 'empty' });
    expect(parsed.transactions).toEqual([
      ['milk', 'bread', 'butter'],
      [],
      ['beer', 'diapers'],
      [],
      [],
      ['milk', 'milk', 'bread'],
    ]);
    // Empty transactions lower the supports: milk is in 2 of 6, not 2 of 3.
    const result = apriori(parsed.transactions, { minSupport: 0.3, target: 'itemsets' });
    expect(result.transactionCount).toBe(6);
    expect(result.itemsets.map((s) => s.items.join('+'))).toEqual(['bread', 'milk', 'bread+milk']);
  });

  it('handles a lone \\r, another separator, no final newline, and an empty text', () => {
    expect(parseBaskets('a;b\rc').transactions).toEqual([['a;b'], ['c']]);
    expect(parseBaskets('a; b\rc', { separator: ';' }).transactions).toEqual([['a', 'b'], ['c']]);
    expect(parseBaskets('')).toMatchObject({ transactions: [], lineCount: 0, emptyLineCount: 0 });
    expect(parseBaskets('\n')).toMatchObject({ transactions: [], lineCount: 1, emptyLineCount: 1 });
    expect(() => parseBaskets('a', { separator: '' })).toThrowError(CoreInputError);
    expect(() => parseBaskets(3 as never)).toThrowError(/must be a string/);
  });
});

describe('tokenizing sentences into transactions', () => {
  it('keeps Hangul, lowercases Latin, splits on spaces and punctuation', () => {
    expect(simpleTokenize('Hello, 세계! RNN은 LSTM보다… 단순해요. (2024)')).toEqual([
      'hello',
      '세계',
      'rnn은',
      'lstm보다',
      '단순해요',
      '2024',
    ]);
    // Decomposed Hangul (NFD, e.g. from macOS file names) is composed first.
    expect(simpleTokenize('한국어'.normalize('NFD'))).toEqual(['한국어']);
    expect(simpleTokenize("Don't stop—ever")).toEqual(['don', 't', 'stop', 'ever']);
    expect(simpleTokenize('   ')).toEqual([]);
  });

  it('drops stop words (compared in lower case)', () => {
    expect(simpleTokenize('The cat and THE hat', { stopWords: ['the', 'and'] })).toEqual([
      'cat',
      'hat',
    ]);
    expect(simpleTokenize('나는 학교에 간다', { stopWords: new Set(['나는']) })).toEqual([
      '학교에',
      '간다',
    ]);
  });

  it('makes one transaction per sentence from its distinct tokens', () => {
    const sentences = ['The cat saw the cat.', '', 'A dog; a CAT!', '고양이 고양이 강아지'];
    expect(sentencesToTransactions(sentences)).toEqual([
      ['the', 'cat', 'saw'],
      [],
      ['a', 'dog', 'cat'],
      ['고양이', '강아지'],
    ]);
    expect(
      sentencesToTransactions(sentences, undefined, { stopWords: ['the', 'a'], keepEmpty: false }),
    ).toEqual([
      ['cat', 'saw'],
      ['dog', 'cat'],
      ['고양이', '강아지'],
    ]);
  });

  it('takes any tokenizer (the text lesson plugs its own in)', () => {
    const byChar = (text: string) => [...text.replace(/\s/g, '')];
    expect(sentencesToTransactions(['abba', 'b a'], byChar)).toEqual([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(() => sentencesToTransactions(['x'], (() => 'x') as never)).toThrowError(
      /must return an array/,
    );
    expect(() => sentencesToTransactions('text' as never)).toThrowError(CoreInputError);
  });
});
