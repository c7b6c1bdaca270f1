import { lazy } from 'react';
import type { MDXComponents } from 'mdx/types';
import { framed } from '../WidgetFrame';

/** Widgets of the apriori lesson, embedded by name from lessons/apriori/*.mdx (lazy, framed). */
export const aprioriComponents: MDXComponents = {
  AprioriMeasures: framed(lazy(() => import('./AprioriMeasures'))),
  AprioriData: framed(lazy(() => import('./AprioriData'))),
  AprioriLattice: framed(lazy(() => import('./AprioriLattice'))),
  AprioriRules: framed(lazy(() => import('./AprioriRules'))),
};
