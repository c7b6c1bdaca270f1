import type { MDXComponents } from 'mdx/types';

/** Widgets of the sentiment lesson, embedded by name from lessons/sentiment/*.mdx (lazy, framed). */
export const sentimentComponents: MDXComponents = {};
