import type { MDXComponents } from 'mdx/types';

/** Widgets of the lda lesson, embedded by name from lessons/lda/*.mdx (lazy, framed). */
export const ldaComponents: MDXComponents = {};
