// The generative story of LDA on a toy model (three topics of five words), drawn step by step
// with the core's seeded RNG: θ ~ Dirichlet(α), then for every word z ~ θ and w ~ β_z.
import { createRng } from '../../core/random';
import { sampleCategorical, sampleDirichlet } from '../../core/lda/synthetic';

export const STORY_ALPHA = 0.5;
export const STORY_WORDS = 8;

/** Each topic's words (Korean, English) and their probabilities p(w | t). */
export const STORY_TOPICS = [
  {
    ko: ['비', '바람', '기온', '태풍', '구름'],
    en: ['rain', 'wind', 'temperature', 'typhoon', 'cloud'],
    p: [0.35, 0.25, 0.2, 0.12, 0.08],
  },
  {
    ko: ['골', '감독', '경기', '선수', '리그'],
    en: ['goal', 'coach', 'match', 'player', 'league'],
    p: [0.3, 0.25, 0.2, 0.15, 0.1],
  },
  {
    ko: ['국물', '요리', '식당', '양념', '재료'],
    en: ['broth', 'cooking', 'restaurant', 'seasoning', 'ingredients'],
    p: [0.3, 0.25, 0.2, 0.15, 0.1],
  },
] as const;

export interface StoryDraw {
  theta: Float64Array;
  /** Topic of every word. */
  topics: number[];
  /** Index of every word within its topic's list. */
  words: number[];
}

/** The whole document for a seed (the animation reveals it step by step). */
export function drawStory(seed: number): StoryDraw {
  const rng = createRng(`lda-story-${seed}`);
  const theta = sampleDirichlet(rng, STORY_ALPHA, STORY_TOPICS.length);
  const topics: number[] = [];
  const words: number[] = [];
  for (let i = 0; i < STORY_WORDS; i++) {
    const z = sampleCategorical(rng, theta);
    topics.push(z);
    words.push(sampleCategorical(rng, STORY_TOPICS[z]!.p));
  }
  return { theta, topics, words };
}

/** Steps: 0 nothing yet, 1 θ drawn, then two per word (its topic, then the word). */
export const STORY_STEPS = 2 + 2 * STORY_WORDS;

/** What step `s` shows: θ or not, how many words are complete, and whether a topic is pending. */
export function storyPhase(step: number): { theta: boolean; words: number; pendingTopic: boolean } {
  if (step <= 0) return { theta: false, words: 0, pendingTopic: false };
  const after = step - 1;
  return { theta: true, words: Math.floor(after / 2), pendingTopic: after % 2 === 1 };
}
