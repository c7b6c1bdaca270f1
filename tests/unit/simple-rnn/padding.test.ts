import { describe, expect, it } from 'vitest';
import {
  OOV_ID,
  buildVocab,
  embedRow,
  embeddingTable,
  padSequences,
  paddingStats,
  toIds,
  tokenize,
} from '../../../src/widgets/simple-rnn/padding';
import { checkWord } from '../../../src/widgets/simple-rnn/wordCheck';

describe('text → ids → padding', () => {
  it('tokenizes, numbers words by frequency after <PAD> and <OOV>', () => {
    expect(tokenize('I read, a Book!')).toEqual(['i', 'read', 'a', 'book']);
    const vocab = buildVocab(['I read a book', 'I like the book']);
    expect(vocab.slice(0, 4)).toEqual(['<PAD>', '<OOV>', 'i', 'book']);
    expect(toIds('I read music', vocab)).toEqual([2, vocab.indexOf('read'), OOV_ID]);
    expect(buildVocab(['a b c d'], 4)).toEqual(['<PAD>', '<OOV>', 'a', 'b']);
  });

  it('pads and truncates on either side like pad_sequences', () => {
    const rows = [[5], [1, 2, 3, 4]];
    expect(padSequences(rows, 3, 'pre', 'pre')).toEqual([
      [0, 0, 5],
      [2, 3, 4],
    ]);
    expect(padSequences(rows, 3, 'post', 'post')).toEqual([
      [5, 0, 0],
      [1, 2, 3],
    ]);
    expect(padSequences(rows, 3, 'post', 'pre')).toEqual([
      [5, 0, 0],
      [2, 3, 4],
    ]);
    expect(paddingStats(rows, 3)).toEqual({ padded: 2, truncated: 1 });
  });

  it('looks up seeded embedding rows', () => {
    const table = embeddingTable(5, 3, 7);
    expect(table).toEqual(embeddingTable(5, 3, 7));
    expect(table.flat().every((v) => Math.abs(v) <= 0.05)).toBe(true);
    expect(embedRow([0, 4], table)).toEqual([table[0], table[4]]);
  });
});

describe('checkWord', () => {
  it('accepts 2–20 characters with two distinct ones, counting code points', () => {
    expect(checkWord(' hihello ')).toEqual({ ok: true, word: 'hihello' });
    expect(checkWord('안녕하세요').ok).toBe(true);
  });
  it('explains what is wrong in both languages', () => {
    const short = checkWord('a');
    expect(short.ok).toBe(false);
    if (!short.ok) {
      expect(short.message.ko).toContain('2글자 이상 20글자 이하');
      expect(short.message.en).toContain('2 to 20 characters (it has 1)');
    }
    expect(checkWord('x'.repeat(21)).ok).toBe(false);
    expect(checkWord('hi there').ok).toBe(false);
    const same = checkWord('aaaa');
    expect(same.ok).toBe(false);
  });
});
