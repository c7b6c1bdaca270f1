// Pure helpers from a training state to what the explorer draws (unit-tested).
// The evaluate module directly: the core's index would pull tfjs onto the page (it runs in the worker).
import { normalizeRows, relevantTerms, tokenTopics, topTerms } from '../../core/lda/evaluate';
import type { LdaCorpusInfo, LdaIterationMessage } from '../../core/lda/job';

export interface TopicBar {
  term: string;
  p: number;
}

/** The `n` most probable words of every topic with p(w | t). */
export function topicBars(
  state: LdaIterationMessage,
  corpus: LdaCorpusInfo,
  k: number,
  n: number,
): TopicBar[][] {
  const v = corpus.nTerms;
  const beta = normalizeRows(state.lambda, k, v);
  return Array.from({ length: k }, (_, t) =>
    topTerms(beta, t, v, Math.min(n, v)).map((w) => ({
      term: corpus.vocabulary[w]!,
      p: beta[t * v + w]!,
    })),
  );
}

/** The `n` most relevant terms of `topic` for LDAvis's λ, with p(w|t) and p(w). */
export function relevanceList(
  state: LdaIterationMessage,
  corpus: LdaCorpusInfo,
  k: number,
  topic: number,
  lambda: number,
  n: number,
): { term: string; p: number; pw: number }[] {
  const v = corpus.nTerms;
  const beta = normalizeRows(state.lambda, k, v);
  return relevantTerms(beta, topic, v, corpus.termFreq, lambda, Math.min(n, v)).map((w) => ({
    term: corpus.vocabulary[w]!,
    p: beta[topic * v + w]!,
    pw: corpus.termFreq[w]!,
  }));
}

/** A document's θ and each token's most likely topic (−1: removed by a filter). */
export function documentTopics(
  state: LdaIterationMessage,
  corpus: LdaCorpusInfo,
  k: number,
  doc: number,
) {
  const v = corpus.nTerms;
  const theta = normalizeRows(state.gamma.subarray(doc * k, doc * k + k), 1, k);
  const beta = normalizeRows(state.lambda, k, v);
  return { theta, topics: tokenTopics(corpus.tokenTerms[doc]!, theta, beta, k, v) };
}

/**
 * Circles for the intertopic map: MDS coordinates scaled into a square of `size`, radius by
 * prevalence (area ∝ share of tokens).
 */
export function mapCircles(
  map: ArrayLike<number>,
  prevalence: ArrayLike<number>,
  k: number,
  size: number,
) {
  let extent = 1e-9;
  for (let i = 0; i < 2 * k; i++) extent = Math.max(extent, Math.abs(map[i]!));
  const pad = size * 0.16;
  const half = size / 2 - pad;
  return Array.from({ length: k }, (_, t) => ({
    topic: t,
    x: size / 2 + (map[2 * t]! / extent) * half,
    y: size / 2 - (map[2 * t + 1]! / extent) * half,
    r: 8 + Math.sqrt(Math.max(0, prevalence[t]!)) * size * 0.22,
  }));
}

/**
 * The result as two tables: every topic's `n` most probable words with p(w | t), and every
 * document's topic proportions θ_d = γ_d / Σγ_d (rows of numbers, for CSV).
 */
export function resultTables(
  state: LdaIterationMessage,
  corpus: LdaCorpusInfo,
  k: number,
  n: number,
): { topicWords: (string | number)[][]; documentTopics: number[][] } {
  const topicWords = topicBars(state, corpus, k, n).flatMap((bars, t) =>
    bars.map((bar, rank) => [t + 1, rank + 1, bar.term, bar.p]),
  );
  const docs = state.gamma.length / k;
  const documentTopics = Array.from({ length: docs }, (_, d) => {
    const row = Array.from(state.gamma.subarray(d * k, (d + 1) * k));
    const sum = row.reduce((a, b) => a + b, 0);
    return [d + 1, ...row.map((g) => g / sum)];
  });
  return { topicWords, documentTopics };
}
