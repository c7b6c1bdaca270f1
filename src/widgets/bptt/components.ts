import { lazy } from 'react';
import type { MDXComponents } from 'mdx/types';
import { framed } from '../WidgetFrame';

/** The BPTT lesson's widgets added after the shared index (each in its own lazy chunk). */
export const bpttComponents: MDXComponents = {
  SequenceRace: framed(lazy(() => import('./SequenceRace'))),
};
