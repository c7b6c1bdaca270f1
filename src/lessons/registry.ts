import type { ComponentType } from 'react';
import type { MDXComponents } from 'mdx/types';
import type { Bilingual, Lang } from '../i18n/lang';

export interface LessonMeta {
  slug: string;
  title: Bilingual;
  summary: Bilingual;
}

/**
 * The table of contents. To add a lesson: write `lessons/<slug>/ko.mdx` and
 * `lessons/<slug>/en.mdx` and list it here — the only place; routes, the home page and
 * previous/next links all read this table. A lesson whose two files do not exist yet
 * is shown as "coming soon".
 */
export const LESSONS: readonly LessonMeta[] = [
  {
    slug: 'sequences',
    title: { ko: '시퀀스 데이터와 순환 신경망', en: 'Sequence data and recurrent networks' },
    summary: {
      ko: '순서가 의미를 만드는 데이터, RNN의 네 가지 형태, 활성화 함수와 그 미분',
      en: 'Data whose order carries meaning, the four shapes of RNN tasks, activation functions and their derivatives',
    },
  },
  {
    slug: 'simple-rnn',
    title: {
      ko: 'SimpleRNN: 은닉 상태 하나로 기억하기',
      en: 'SimpleRNN: remembering with one hidden state',
    },
    summary: {
      ko: '"hihello" 다음 글자 예측, 펼친 네트워크, 워드 임베딩과 패딩',
      en: '"hihello" next-character prediction, the unrolled network, word embedding and padding',
    },
  },
  {
    slug: 'lstm',
    title: { ko: 'LSTM의 게이트', en: 'LSTM gates' },
    summary: {
      ko: '셀 상태라는 컨베이어 벨트와 망각·입력·출력 게이트를 한 단계씩',
      en: 'The cell-state conveyor belt and the forget, input and output gates, one phase at a time',
    },
  },
  {
    slug: 'gru',
    title: { ko: 'GRU: 게이트 두 개', en: 'GRU: two gates' },
    summary: {
      ko: '리셋·업데이트 게이트, 세 가지 표기 관례, LSTM과의 공정한 비교',
      en: 'Reset and update gates, three conventions, and a fair race against LSTM',
    },
  },
  {
    slug: 'bptt',
    title: { ko: '시간 역전파와 기울기 소실·폭발', en: 'BPTT, vanishing and exploding gradients' },
    summary: {
      ko: '경사 하강법, 연쇄 법칙의 긴 곱, 기울기 클리핑, 긴 시퀀스 경주',
      en: 'Gradient descent, the long chain-rule product, gradient clipping, the long-sequence race',
    },
  },
  {
    slug: 'sentiment',
    title: { ko: '텍스트에서 감성 분석까지', en: 'From text to sentiment' },
    summary: {
      ko: '토큰화, OOV 토큰, 패딩, 임베딩, 그리고 리뷰를 읽는 LSTM',
      en: 'Tokenization, the OOV token, padding, embeddings and an LSTM that reads reviews',
    },
  },
  {
    slug: 'apriori',
    title: { ko: 'Apriori 연관 규칙', en: 'Apriori association rules' },
    summary: {
      ko: '문장과 장바구니에서 찾는 지지도·신뢰도·향상도, 단계별 후보 생성',
      en: 'Support, confidence and lift from sentences and baskets, level by level',
    },
  },
  {
    slug: 'lda',
    title: { ko: 'LDA 토픽 모델링', en: 'LDA topic modelling' },
    summary: {
      ko: '보는 동안 만들어지는 토픽, 토픽 비율, 퍼플렉서티',
      en: 'Topics that form while you watch, topic proportions, perplexity',
    },
  },
];

export interface LessonModule {
  default: ComponentType<{ components?: MDXComponents }>;
}

const contentFiles = import.meta.glob<LessonModule>('../../lessons/*/*.mdx');

function contentKey(slug: string, lang: Lang): string {
  return `../../lessons/${slug}/${lang}.mdx`;
}

export function isLessonAvailable(slug: string): boolean {
  return contentKey(slug, 'ko') in contentFiles && contentKey(slug, 'en') in contentFiles;
}

export function loadLesson(slug: string, lang: Lang): Promise<LessonModule> | null {
  const load = contentFiles[contentKey(slug, lang)];
  return load && isLessonAvailable(slug) ? load() : null;
}

export function findLesson(slug: string): { lesson: LessonMeta; index: number } | null {
  const index = LESSONS.findIndex((l) => l.slug === slug);
  const lesson = LESSONS[index];
  return lesson ? { lesson, index } : null;
}

export function lessonPath(slug: string): string {
  return `/lessons/${slug}`;
}
