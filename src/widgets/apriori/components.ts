import type { MDXComponents } from 'mdx/types';

/** Widgets of the apriori lesson, embedded by name from lessons/apriori/*.mdx (lazy, framed). */
export const aprioriComponents: MDXComponents = {};
