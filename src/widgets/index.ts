import { lazy } from 'react';
import type { MDXComponents } from 'mdx/types';
import { ProseSection } from './ProseSection';
import { framed } from './WidgetFrame';
import { aprioriComponents } from './apriori/components';
import { bpttComponents } from './bptt/components';
import { ldaComponents } from './lda/components';
import { sentimentComponents } from './sentiment/components';

/**
 * Widgets that lesson files can embed by name (`<RnnShapes />`). Each loads lazily in its
 * own chunk, so the home page never pays for d3, KaTeX or tfjs.
 */
export const lessonComponents: MDXComponents = {
  RnnShapes: framed(lazy(() => import('./sequences/RnnShapes'))),
  ActivationExplorer: framed(lazy(() => import('./sequences/ActivationExplorer'))),
  LstmCell: framed(lazy(() => import('./lstm/LstmCell'))),
  LstmStepExample: framed(lazy(() => import('./lstm/LstmStepExample'))),
  LstmTraining: framed(lazy(() => import('./lstm/LstmTraining'))),
  LstmQuiz: framed(lazy(() => import('./lstm/LstmQuiz'))),
  RnnCell: framed(lazy(() => import('./simple-rnn/RnnCell'))),
  RnnTraining: framed(lazy(() => import('./simple-rnn/RnnTraining'))),
  EmbeddingPadding: framed(lazy(() => import('./simple-rnn/EmbeddingPadding'))),
  GradientDescent: framed(lazy(() => import('./bptt/GradientDescent'))),
  BpttNorms: framed(lazy(() => import('./bptt/BpttNorms'))),
  GradientClipping: framed(lazy(() => import('./bptt/GradientClipping'))),
  GruCell: framed(lazy(() => import('./gru/GruCell'))),
  GruCompare: framed(lazy(() => import('./gru/GruCompare'))),
  GruShapes: framed(lazy(() => import('./gru/GruShapes'))),
  GruRace: framed(lazy(() => import('./gru/GruRace'))),
  ...bpttComponents,
  Exercises: framed(lazy(() => import('../exercises/Exercises'))),
  ...sentimentComponents,
  ...aprioriComponents,
  ...ldaComponents,
};

/** Build-time structure the lesson files need besides widgets (see rehypeProseSections). */
export const proseComponents: MDXComponents = { ProseSection };
