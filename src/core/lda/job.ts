// An LDA training job from text to topics, written against a `post` function: the Web Worker
// (lda.worker.ts) runs it, and Node tests drive it directly. It parses and vectorises the
// corpus, trains iteration by iteration, and after every iteration posts λ, γ, the bound,
// perplexities (training, held-out by sklearn's definition, held-out document completion),
// UMass coherence and the intertopic map.
import { CoreInputError } from '../errors';
import { buildDocTerm, selectDocs, totalCount, type DocTermMatrix } from './docTerm';
import { parseCorpusText, type CorpusTextOptions } from './corpusText';
import {
  classicalMds,
  completionPerplexity,
  normalizeRows,
  splitForCompletion,
  termFrequencies,
  topicCoherence,
  topicDistances,
  topicPrevalence,
} from './evaluate';
import { LdaModel, approxBound, type LdaOptions } from './lda';
import { stopWords, type StopWordLanguage } from './stopwords';

export interface LdaJobRequest {
  text: string;
  parse: CorpusTextOptions;
  /** Stop-word list(s) to drop. */
  stopWordLanguages: StopWordLanguage[];
  extraStopWords?: string[];
  minDf?: number;
  maxDf?: number;
  maxFeatures?: number;
  /** Share of documents held out for the held-out perplexities (0 = none); default 0.1. */
  heldOutShare?: number;
  lda: LdaOptions;
  /** Milliseconds to wait between iterations so a learner can watch (default 0). */
  pauseMs?: number;
}

/** Why a corpus was refused; the page words each reason in both languages. */
export type LdaJobErrorCode = 'empty-corpus' | 'one-word' | 'bad-input' | 'failed';

export interface LdaCorpusInfo {
  nDocs: number;
  nTerms: number;
  nTokens: number;
  vocabulary: string[];
  /** p(w), [V]. */
  termFreq: Float64Array;
  /** Training documents: their text, tokens and each token's term id (−1 = filtered out). */
  documents: string[];
  tokens: string[][];
  tokenTerms: Int32Array[];
  labels: string[] | null;
  heldOutDocs: number;
  removed: { stopWords: number; minDf: number; maxDf: number; maxFeatures: number };
}

export interface LdaIterationMessage {
  iteration: number;
  maxIter: number;
  lambda: Float32Array;
  gamma: Float32Array;
  bound: number;
  perplexity: number;
  heldOutPerplexity: number | null;
  completionPerplexity: number | null;
  coherence: Float64Array;
  prevalence: Float64Array;
  /** √JS distances [K, K] and their 2-D classical MDS [K, 2]. */
  distances: Float64Array;
  map: Float64Array;
  ms: number;
  meanDocUpdates: number;
}

export type LdaFromWorker =
  | { type: 'ready'; backend: string }
  | { type: 'corpus'; corpus: LdaCorpusInfo }
  | { type: 'iteration'; state: LdaIterationMessage }
  | { type: 'done'; reason: 'finished' | 'cancelled' }
  | { type: 'error'; code: LdaJobErrorCode; message: string };

export type LdaToWorker = { type: 'start'; request: LdaJobRequest } | { type: 'cancel' };

export type LdaPost = (message: LdaFromWorker) => void;

/** Vectorises the request's corpus; throws a CoreInputError with a code for empty corpora. */
export function corpusFromRequest(request: LdaJobRequest) {
  const { documents, labels } = parseCorpusText(request.text, request.parse);
  const stop = new Set<string>(request.extraStopWords ?? []);
  for (const lang of request.stopWordLanguages) for (const w of stopWords(lang)) stop.add(w);
  const built = buildDocTerm(documents, {
    stopWords: stop,
    minDf: request.minDf ?? 1,
    maxDf: request.maxDf ?? 1,
    ...(request.maxFeatures ? { maxFeatures: request.maxFeatures } : {}),
  });
  return { built, documents, labels };
}

export class LdaJobError extends CoreInputError {
  constructor(
    readonly code: LdaJobErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Refuses corpora LDA cannot learn from: no tokens left, or a single distinct word. */
export function checkCorpus(m: DocTermMatrix) {
  if (m.nDocs === 0 || totalCount(m) === 0) {
    throw new LdaJobError(
      'empty-corpus',
      'The corpus has no words left to model (after stop words and filters).',
    );
  }
  if (m.nTerms < 2) {
    throw new LdaJobError(
      'one-word',
      'The corpus has only one distinct word: topics need at least two.',
    );
  }
}

/** Every `every`-th non-empty document (from the end of each stride) is held out. */
function splitHeldOut(m: DocTermMatrix, share: number) {
  const nonEmpty: number[] = [];
  for (let d = 0; d < m.nDocs; d++) if (m.indptr[d + 1]! - m.indptr[d]! >= 2) nonEmpty.push(d);
  const count = share > 0 && nonEmpty.length >= 10 ? Math.max(1, Math.round(share * m.nDocs)) : 0;
  const held = new Set<number>();
  if (count > 0) {
    const stride = nonEmpty.length / count;
    for (let i = 0; i < count; i++) held.add(nonEmpty[Math.floor(i * stride + stride - 1)]!);
  }
  const train: number[] = [];
  const test: number[] = [];
  for (let d = 0; d < m.nDocs; d++) (held.has(d) ? test : train).push(d);
  return { train, test };
}

export interface LdaJobHooks {
  /** Resolves after `ms` (and gives the event loop a turn so a cancel can arrive). */
  wait(ms: number): Promise<void>;
  cancelled(): boolean;
}

/** Runs one job to the end, posting as it goes. Never throws: errors are posted. */
export async function runLdaJob(
  request: LdaJobRequest,
  post: LdaPost,
  hooks: LdaJobHooks,
): Promise<void> {
  let model: LdaModel | null = null;
  try {
    const { built, documents, labels } = corpusFromRequest(request);
    checkCorpus(built);
    const { train, test } = splitHeldOut(built, request.heldOutShare ?? 0.1);
    const trainData = selectDocs(built, train);
    checkCorpus(trainData);
    const heldOut = test.length > 0 ? selectDocs(built, test) : null;
    const k = request.lda.nComponents ?? 10;
    const v = built.nTerms;
    post({
      type: 'corpus',
      corpus: {
        nDocs: trainData.nDocs,
        nTerms: v,
        nTokens: totalCount(trainData),
        vocabulary: built.vocabulary,
        termFreq: termFrequencies(trainData),
        documents: train.map((d) => documents[d]!),
        tokens: train.map((d) => built.tokens[d]!),
        tokenTerms: train.map((d) => built.tokenTerms[d]!),
        labels: labels ? train.map((d) => labels[d]!) : null,
        heldOutDocs: test.length,
        removed: built.removed,
      },
    });
    model = new LdaModel(trainData, request.lda);
    const split = heldOut ? splitForCompletion(heldOut) : null;
    while (!model.done) {
      if (hooks.cancelled()) {
        post({ type: 'done', reason: 'cancelled' });
        return;
      }
      const s = model.step(true);
      const o = model.options;
      let heldOutPerplexity: number | null = null;
      let completion: number | null = null;
      if (heldOut && split) {
        const g = model.transform(heldOut);
        const b = approxBound(heldOut, g, s.lambda, k, o.docTopicPrior, o.topicWordPrior);
        heldOutPerplexity = Math.exp(-b / totalCount(heldOut));
        const gObs = model.transform(split.observed);
        completion = completionPerplexity(gObs, s.lambda, split.heldOut, k);
      }
      const beta = normalizeRows(s.lambda, k, v);
      const distances = topicDistances(beta, k, v);
      post({
        type: 'iteration',
        state: {
          iteration: s.iteration,
          maxIter: o.maxIter,
          lambda: s.lambda,
          gamma: s.gamma,
          bound: s.bound!,
          perplexity: s.perplexity!,
          heldOutPerplexity,
          completionPerplexity: completion,
          coherence: topicCoherence(s.lambda, k, trainData, 10),
          prevalence: topicPrevalence(s.gamma, trainData, k),
          distances,
          map: classicalMds(distances, k, 2),
          ms: s.ms,
          meanDocUpdates: s.meanDocUpdates,
        },
      });
      await hooks.wait(request.pauseMs ?? 0);
    }
    post({ type: 'done', reason: 'finished' });
  } catch (error) {
    const code: LdaJobErrorCode =
      error instanceof LdaJobError
        ? error.code
        : error instanceof CoreInputError
          ? 'bad-input'
          : 'failed';
    post({ type: 'error', code, message: error instanceof Error ? error.message : String(error) });
  } finally {
    model?.dispose();
  }
}
