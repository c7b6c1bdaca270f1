// Builds the worker's job from the explorer's settings: which corpus, which stop words and
// filters, which LDA options. Shipped corpora are fetched from the site's data folder.
import type { LdaJobRequest, StopWordLanguage } from '../../core/lda';
import type { CustomCorpus } from './ldaController';
import type { LdaCorpusName, LdaMethod } from './ldaSchemas';
import { bookFileUrl } from '../../state/urlStore';

/** Words the stop-word lists miss but that carry no topic in these corpora (shown in the lesson). */
export const EXTRA_STOP_WORDS: Record<'ko' | 'en', readonly string[]> = {
  ko: [
    '한다',
    '있다',
    '했다',
    '같은',
    '있는',
    '하는',
    '위해',
    '된다',
    '이다',
    '좋다',
    '많이',
    '오늘',
    '것이',
    '수',
    '두',
    '뒤',
    '관련',
    '늘었다',
  ],
  en: [
    'br',
    'movie',
    'movies',
    'film',
    'films',
    'one',
    'just',
    'like',
    'really',
    'even',
    'good',
    'see',
    'get',
    'would',
    'also',
    'much',
    'well',
    'story',
    'time',
    'make',
    'made',
    'bad',
    'great',
    'people',
    'way',
    'could',
    'think',
    'watch',
    'first',
    'characters',
    'character',
    'plot',
    'scene',
    'scenes',
    'show',
    'acting',
  ],
};

/** The shipped corpora: file, column, stop words, how many documents. */
export const SHIPPED = {
  ko: {
    file: 'data/ko-topics.tsv',
    label: 'theme',
    language: 'ko',
    limit: undefined,
    maxFeatures: undefined,
  },
  en: {
    file: 'data/imdb-reviews.tsv',
    label: undefined,
    language: 'en',
    limit: 800,
    maxFeatures: 2000,
  },
} as const;

export interface ExplorerSettings {
  corpus: LdaCorpusName;
  k: number;
  alpha: number;
  eta: number;
  seed: number;
  iters: number;
  minDf: number;
  maxDf: number;
  method: LdaMethod;
  decay: number;
  offset: number;
  batchSize: number;
}

export function ldaOptions(s: ExplorerSettings): LdaJobRequest['lda'] {
  return {
    nComponents: s.k,
    docTopicPrior: s.alpha,
    topicWordPrior: s.eta,
    seed: s.seed,
    maxIter: s.iters,
    learningMethod: s.method,
    ...(s.method === 'online'
      ? { learningDecay: s.decay, learningOffset: s.offset, batchSize: s.batchSize }
      : {}),
  };
}

/** The job for a custom corpus (both stop-word lists: a pasted text may be either language). */
export function customRequest(s: ExplorerSettings, custom: CustomCorpus): LdaJobRequest {
  return {
    text: custom.text,
    parse:
      custom.format === 'tsv'
        ? { format: 'tsv', column: custom.column || 'document' }
        : { format: 'lines' },
    stopWordLanguages: ['ko', 'en'],
    extraStopWords: [...EXTRA_STOP_WORDS.ko, ...EXTRA_STOP_WORDS.en],
    minDf: s.minDf,
    maxDf: s.maxDf,
    lda: ldaOptions(s),
    pauseMs: 30,
  };
}

export async function shippedRequest(
  s: ExplorerSettings,
  name: 'ko' | 'en',
): Promise<LdaJobRequest> {
  const spec = SHIPPED[name];
  const response = await fetch(bookFileUrl(spec.file));
  if (!response.ok) throw new Error(`${spec.file}: HTTP ${response.status}`);
  const text = await response.text();
  const language: StopWordLanguage = spec.language;
  return {
    text,
    parse: {
      format: 'tsv',
      column: 'document',
      ...(spec.label ? { labelColumn: spec.label } : {}),
      ...(spec.limit ? { limit: spec.limit } : {}),
    },
    stopWordLanguages: [language],
    extraStopWords: [...EXTRA_STOP_WORDS[name]],
    minDf: s.minDf,
    maxDf: s.maxDf,
    ...(spec.maxFeatures ? { maxFeatures: spec.maxFeatures } : {}),
    lda: ldaOptions(s),
    pauseMs: 30,
  };
}
