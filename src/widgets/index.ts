import { lazy } from 'react';
import type { MDXComponents } from 'mdx/types';
import { framed } from './WidgetFrame';

/**
 * Widgets that lesson files can embed by name (`<RnnShapes />`). Each loads lazily in its
 * own chunk, so the home page never pays for d3, KaTeX or tfjs.
 */
export const lessonComponents: MDXComponents = {
  RnnShapes: framed(lazy(() => import('./sequences/RnnShapes'))),
  ActivationExplorer: framed(lazy(() => import('./sequences/ActivationExplorer'))),
};
