import { describe, expect, it } from 'vitest';
import {
  buildDocTerm,
  classicalMds,
  defaultTokenize,
  docTermFromDense,
  jensenShannon,
  normalizeRows,
  relevance,
  stopWords,
  stripKoreanParticle,
  termFrequencies,
  tokenTopics,
  topicDistances,
  topicPrevalence,
  umassCoherence,
  termDocuments,
} from './imports';

describe('doc-term builder', () => {
  it('counts tokens into CSR rows over a code-point-sorted vocabulary', () => {
    const m = buildDocTerm(['b a a', 'c b', 'a'], { tokenize: (t) => t.split(' ') });
    expect(m.vocabulary).toEqual(['a', 'b', 'c']);
    expect(Array.from(m.indptr)).toEqual([0, 2, 4, 5]);
    expect(Array.from(m.indices)).toEqual([0, 1, 1, 2, 0]);
    expect(Array.from(m.counts)).toEqual([2, 1, 1, 1, 1]);
    expect(Array.from(m.docFreq)).toEqual([2, 2, 1]);
    expect(Array.from(m.tokenTerms[0]!)).toEqual([1, 0, 0]);
  });

  it('min_df (a count), max_df (a share) and max_features filter as CountVectorizer does', () => {
    const docs = ['x y z', 'x y', 'x w', 'x v v v'];
    const split = (t: string) => t.split(' ');
    const a = buildDocTerm(docs, { tokenize: split, minDf: 2 });
    expect(a.vocabulary).toEqual(['x', 'y']);
    expect(a.removed.minDf).toBe(3);
    const b = buildDocTerm(docs, { tokenize: split, maxDf: 0.75 });
    expect(b.vocabulary).toEqual(['v', 'w', 'y', 'z']); // x is in 4/4 > 0.75·4
    expect(b.removed.maxDf).toBe(1);
    const c = buildDocTerm(docs, { tokenize: split, maxFeatures: 2 });
    expect(c.vocabulary).toEqual(['v', 'x']); // corpus counts x 4, v 3
    expect(Array.from(c.tokenTerms[3]!)).toEqual([1, 0, 0, 0]);
    expect(() => buildDocTerm(docs, { maxDf: 0 })).toThrow(/maxDf/);
    expect(() => buildDocTerm(docs, { minDf: 0.5 })).toThrow(/minDf/);
  });

  it('drops stop words from stopwords-iso and the tokens they leave', () => {
    const en = stopWords('en');
    expect(en.has('the')).toBe(true);
    const ko = stopWords('ko');
    expect(ko.has('그리고')).toBe(true);
    const m = buildDocTerm(['The rain and the wind', '그리고 축구 경기'], {
      stopWords: new Set([...en, ...ko]),
    });
    expect(m.vocabulary).toEqual(['rain', 'wind', '경기', '축구']);
    expect(m.removed.stopWords).toBeGreaterThanOrEqual(3);
  });

  it('the default tokenizer strips one Korean particle and keeps two syllables', () => {
    expect(stripKoreanParticle('날씨가')).toBe('날씨');
    expect(stripKoreanParticle('경기에서')).toBe('경기');
    expect(stripKoreanParticle('아이')).toBe('아이');
    expect(defaultTokenize('오늘 날씨가 맑다! Rain, RAIN.')).toEqual([
      '오늘',
      '날씨',
      '맑다',
      'rain',
      'rain',
    ]);
  });
});

describe('topic measures', () => {
  const data = docTermFromDense([
    [1, 1, 0, 0],
    [1, 1, 0, 0],
    [1, 0, 1, 0],
    [0, 0, 1, 1],
  ]);

  it('UMass coherence: Σ log((D(wi, wj) + 1) / D(wj)) over ranked pairs', () => {
    const docs = termDocuments(data);
    // words 0 (3 docs), 1 (2 docs, both with 0): log((2 + 1) / 3) = 0
    expect(umassCoherence([0, 1], docs)).toBeCloseTo(0, 12);
    // words 1, 3 never together: log(1/2)
    expect(umassCoherence([1, 3], docs)).toBeCloseTo(Math.log(1 / 2), 12);
    // three words: pairs (0,1) (0,2) (1,2) with word order 0,1,2
    const want = Math.log(3 / 3) + Math.log(2 / 3) + Math.log(1 / 2);
    expect(umassCoherence([0, 1, 2], docs)).toBeCloseTo(want, 12);
  });

  it('Jensen–Shannon: 0 for equal, 1 bit for disjoint distributions', () => {
    expect(jensenShannon([0.5, 0.5], [0.5, 0.5])).toBe(0);
    expect(jensenShannon([1, 0], [0, 1])).toBeCloseTo(1, 12);
    const d = topicDistances(Float64Array.from([1, 0, 0, 0, 1, 0, 0.5, 0.5, 0]), 3, 3);
    expect(d[1]).toBeCloseTo(1, 12);
    expect(d[3]).toBeCloseTo(1, 12);
    expect(d[2]).toBeCloseTo(Math.sqrt(jensenShannon([1, 0, 0], [0.5, 0.5, 0])), 12);
  });

  it('classical MDS reproduces planar distances', () => {
    const pts = [
      [0, 0],
      [3, 0],
      [0, 4],
      [1, 1],
    ];
    const n = pts.length;
    const dist = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        dist[i * n + j] = Math.hypot(pts[i]![0]! - pts[j]![0]!, pts[i]![1]! - pts[j]![1]!);
    const xy = classicalMds(dist, n, 2);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const got = Math.hypot(xy[i * 2]! - xy[j * 2]!, xy[i * 2 + 1]! - xy[j * 2 + 1]!);
        expect(got).toBeCloseTo(dist[i * n + j]!, 9);
      }
  });

  it('prevalence weights θ by document length; relevance interpolates probability and lift', () => {
    const prev = topicPrevalence([1, 1, 3, 1, 1, 3, 1, 1], data, 2);
    // lengths 2, 2, 2, 2; θ rows (½,½), (¾,¼), (¼,¾), (½,½)
    expect(prev[0]).toBeCloseTo(0.5, 12);
    const beta = normalizeRows([2, 1, 1, 0.001, 0.001, 1, 1, 2], 2, 4);
    const pw = termFrequencies(data);
    const r1 = relevance(beta, 0, 4, pw, 1);
    expect(r1[0]).toBeCloseTo(Math.log(beta[0]!), 12);
    const r0 = relevance(beta, 0, 4, pw, 0);
    expect(r0[1]).toBeCloseTo(Math.log(beta[1]! / pw[1]!), 12);
  });

  it('each token takes the topic with the largest θ·β', () => {
    const beta = [0.7, 0.3, 0.1, 0.9];
    expect(Array.from(tokenTopics([0, 1, -1], [0.5, 0.5], beta, 2, 2))).toEqual([0, 1, -1]);
    expect(Array.from(tokenTopics([1], [0.9, 0.1], beta, 2, 2))).toEqual([0]);
  });
});
