import { lazy } from 'react';
import type { MDXComponents } from 'mdx/types';
import { framed } from '../WidgetFrame';

/** Widgets of the sentiment lesson, embedded by name from lessons/sentiment/*.mdx (lazy, framed). */
export const sentimentComponents: MDXComponents = {
  TextPipeline: framed(lazy(() => import('./TextPipeline'))),
  SentimentTrainer: framed(lazy(() => import('./SentimentTrainer'))),
  DataUpload: framed(lazy(() => import('./DataUpload'))),
  WordByWord: framed(lazy(() => import('./WordByWord'))),
  EmbeddingMap: framed(lazy(() => import('./EmbeddingMap'))),
  ModelTransfer: framed(lazy(() => import('./ModelTransfer'))),
};
