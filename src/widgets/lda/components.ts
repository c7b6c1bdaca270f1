import { lazy } from 'react';
import type { MDXComponents } from 'mdx/types';
import { framed } from '../WidgetFrame';

/** Widgets of the lda lesson, embedded by name from lessons/lda/*.mdx (lazy, framed). */
export const ldaComponents: MDXComponents = {
  LdaStory: framed(lazy(() => import('./GenerativeStory'))),
  LdaExplorer: framed(lazy(() => import('./LdaExplorer'))),
};
